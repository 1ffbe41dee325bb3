#include "io/territory_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace prosit {

using nlohmann::json;

std::string RegionsJson(const Territory& t) {
  json items = json::array();
  for (const auto& r : t.regions()) {
    int64_t population = 0, orps = 0;
    for (const auto& o : t.orps())
      if (o.region_code == r.code) population += o.population, ++orps;
    items.push_back(
        {{"code", r.code}, {"name", r.name}, {"orp_count", orps}, {"population", population}});
  }
  return json{{"items", items}, {"total", items.size()}}.dump();
}

json OrpJson(const Territory& t, const Orp& o) {
  double children = 0;
  for (size_t i : t.MunicipalitiesOfOrp(o.code)) children += t.municipalities()[i].children_0_17;
  return {{"code", o.code},
          {"ruian_code", o.ruian_code},
          {"name", o.name},
          {"region_code", o.region_code},
          {"seat_municipality_code", o.seat_municipality_code},
          {"seat", {{"lat", o.seat.lat}, {"lon", o.seat.lon}}},
          {"population", o.population},
          {"municipality_count", t.MunicipalitiesOfOrp(o.code).size()},
          {"children_0_17", std::round(children)}};
}

std::string OrpsJson(const Territory& t) {
  json items = json::array();
  for (const auto& o : t.orps()) items.push_back(OrpJson(t, o));
  return json{{"items", items}, {"total", items.size()}}.dump();
}

json MunicipalityJson(const Municipality& m) {
  return {{"code", m.code},
          {"name", m.name},
          {"orp_code", m.orp_code},
          {"region_code", m.region_code},
          {"postcode", m.postcode},
          {"location", {{"lat", m.location.lat}, {"lon", m.location.lon}}},
          {"population", m.population},
          {"children_0_17", std::round(m.children_0_17 * 10) / 10},
          {"children_imported", m.children_imported}};
}

std::string MunicipalitiesJson(const Territory& t, const std::string& orp_code) {
  json items = json::array();
  for (size_t i : t.MunicipalitiesOfOrp(orp_code))
    items.push_back(MunicipalityJson(t.municipalities()[i]));
  return json{{"items", items}, {"total", items.size()}}.dump();
}

}  // namespace prosit
