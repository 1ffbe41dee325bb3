#pragma once
// JSON form of actors and service cards: the API's bodies and the store's documents.
// Parsing reports every wrongly typed or unknown field; domain rules are checked later
// by model/validation.h.

#include <nlohmann/json.hpp>

#include "model/actor.h"
#include "model/service_card.h"
#include "model/status.h"

namespace prosit {

// Reads an actor from a request body or a stored document; id and version are read
// if present (the caller decides what they mean).
Result<Actor> ActorFromJson(const nlohmann::json& j);
nlohmann::json ActorToJson(const Actor& a);

Result<ServiceCard> ServiceCardFromJson(const nlohmann::json& j);
nlohmann::json ServiceCardToJson(const ServiceCard& c);

}  // namespace prosit
