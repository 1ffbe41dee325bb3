#pragma once
// JSON form of actors and service cards: the API's bodies and the store's documents.
// Parsing reports every wrongly typed or unknown field; domain rules are checked later
// by model/validation.h.

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/actor.h"
#include "model/service_card.h"
#include "model/status.h"

namespace prosit {

// Reads an actor from a request body or a stored document (JSON text); id and version
// are read if present (the caller decides what they mean). Unparseable text is
// kMalformed, fields of the wrong shape kInvalid.
Result<Actor> ActorFromJson(std::string_view text, Actor* partial = nullptr);
nlohmann::json ActorToJson(const Actor& a);

Result<ServiceCard> ServiceCardFromJson(std::string_view text, ServiceCard* partial = nullptr);
nlohmann::json ServiceCardToJson(const ServiceCard& c);
// The "contacts" array of an actor or a service card.
nlohmann::json ContactsToJson(const std::vector<Contact>& contacts);
// {"entered": K, "seeds": M, "invented": N}: the records an analysis figure rests on.
nlohmann::json ProvenanceCountsToJson(const ProvenanceCounts& counts);

}  // namespace prosit
