#pragma once
// How the public pages show service cards: the item of a list of cards and the texts a
// card's facts need, built from the public projections of the catalog (what
// app/catalog answers an anonymous caller), so that no page can show more than the API.

#include <nlohmann/json.hpp>
#include <string>

#include "app/snapshot/network_snapshot.h"
#include "io/label_catalog.h"
#include "site/site_messages.h"

namespace prosit {

// A card of a list from its public summary (SearchServiceCards' item): {url, name,
// actor, type, ages, places}; a confidential card's places are its ORPs.
nlohmann::json CardListItem(const NetworkSnapshot& snap, const SiteMessages& messages, Lang lang,
                            const nlohmann::json& summary);

// "0–17 let" / "0–17 years".
std::string AgesText(const SiteMessages& messages, Lang lang, int age_min, int age_max);

// The label of a reference-data service type in `lang`, or its id.
std::string ServiceTypeLabel(const NetworkSnapshot& snap, const std::string& id, Lang lang);

// The label of value `id` of enumeration `group` of the label catalog, or `id`.
std::string EnumLabel(std::string_view group, const std::string& id, Lang lang);

}  // namespace prosit
