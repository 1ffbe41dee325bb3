#include "app/accounts/card_places.h"

#include <algorithm>

#include "app/accounts/permissions.h"

namespace prosit {

namespace {

std::string OrpOf(const Territory& territory, const nlohmann::json& location) {
  const nlohmann::json* code = location.is_object() && location.contains("municipality_code")
                                   ? &location["municipality_code"]
                                   : nullptr;
  if (!code || !code->is_string()) return "";
  const Municipality* m = territory.FindMunicipality(code->get<std::string>());
  return m ? m->orp_code : "";
}

}  // namespace

void HidePlaces(nlohmann::json& card, const Territory& territory) {
  auto it = card.find("locations");
  if (it == card.end() || !it->is_array()) return;
  for (nlohmann::json& l : *it)
    l = {{"municipality_code", ""},
         {"orp_code", OrpOf(territory, l)},
         {"street", ""},
         {"location", nullptr}};
}

void ShowPlacesTo(const Caller& caller, const Territory& territory, nlohmann::json& card) {
  if (!card.is_object() || !card.value("confidential_address", false)) return;
  RecordPlace place;
  if (auto it = card.find("actor_id"); it != card.end() && it->is_number_integer())
    place.actor_id = it->get<int64_t>();
  if (auto it = card.find("locations"); it != card.end() && it->is_array())
    for (const nlohmann::json& l : *it) {
      std::string orp = OrpOf(territory, l);
      if (!orp.empty() && std::find(place.orps.begin(), place.orps.end(), orp) == place.orps.end())
        place.orps.push_back(orp);
    }
  if (!SeesPlace(caller, place)) HidePlaces(card, territory);
}

}  // namespace prosit
