#include "app/analysis/travel_time_queries.h"

#include "analysis/great_circle_travel.h"
#include "app/analysis/analysis_json.h"

namespace prosit {

using nlohmann::json;

FieldErrors CheckTravelTimeQuery(const TravelTimeQuery& q, const Territory& territory) {
  FieldErrors e;
  for (auto [field, code] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}})
    if (!territory.FindMunicipality(*code))
      e[field] = code->empty() ? "is required" : "unknown municipality code";
  return e;
}

std::string TravelTimeJson(const AnalysisBasis& basis, const TravelTimeQuery& q) {
  const Territory& t = basis.frame().territory;
  uint32_t from = *basis.territory->FindPlace(q.from), to = *basis.territory->FindPlace(q.to);
  auto place = [&](uint32_t p) {
    const Municipality& m = t.municipalities()[p];
    return json{{"code", m.code}, {"name", m.name}, {"orp", m.orp_code}};
  };
  json minutes = json::object(), cutoff = json::object();
  for (TravelMode mode : kAllTravelModes) {
    minutes[ToString(mode)] = OptionalNumber(basis.times->Minutes(mode, from, to), 1);
    cutoff[ToString(mode)] = basis.times->cutoff(mode);
  }
  double km = GreatCircleKm(t.municipalities()[from].location, t.municipalities()[to].location);
  return json{{"from", place(from)},
              {"to", place(to)},
              {"minutes", minutes},
              {"cutoff_minutes", cutoff},
              {"great_circle_km", Round(km, 2)},
              {"source", basis.times->source()},
              {"unreachable", "null minutes: not reachable within the cutoff"}}
      .dump();
}

}  // namespace prosit
