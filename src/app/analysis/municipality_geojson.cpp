#include "app/analysis/municipality_geojson.h"

#include "app/accounts/permissions.h"
#include "app/analysis/accessibility_queries.h"
#include "app/analysis/analysis_json.h"
#include "app/analysis/coverage_queries.h"
#include "app/query_scope.h"
#include "io/geojson.h"

namespace prosit {

using nlohmann::json;

FieldErrors CheckMunicipalityMapQuery(const MunicipalityMapQuery& q, const Frame& frame) {
  FieldErrors e;
  CheckOneTerritory(e, frame.territory, q.region, q.orp);
  CheckTravelModeParam(e, q.mode);
  if (!q.cell.empty() && !FindCell(frame.reference, q.cell))
    e["cell"] = "unknown model cell; write need_area:level, e.g. relationships:3";
  return e;
}

namespace {

// The E2SFCA access per 1,000 children of a place by capacity unit; null where no supply
// is in reach, as the accessibility answer gives it.
json AccessOfPlace(const CellAccess& a, uint32_t place) {
  json j = json::object();
  for (const UnitAccess& u : a.units) {
    double access = u.result.access[place];
    j[u.supply.unit] = access > 0 ? Round(access * 1000, 4) : json(nullptr);
  }
  return j;
}

json PlaceProperties(const AnalysisBasis& basis, const OrpCoverage& c, size_t k,
                     TravelMode judged_by) {
  const PlaceReach& first = c.cells.front().places[k];
  const Municipality& m = basis.frame().territory.municipalities()[first.place];
  json within = json::object(), minutes = json::object(), gaps = json::array();
  for (const CellCoverage& cell : c.cells) {
    const PlaceReach& r = cell.places[k];
    std::string key = CellKey(*cell.cell);
    for (TravelMode mode : kAllTravelModes) {
      within[key][ToString(mode)] = r.within_norm[static_cast<int>(mode)];
      minutes[key][ToString(mode)] = OptionalNumber(r.minutes[static_cast<int>(mode)], 1);
    }
    if (!r.within_norm[static_cast<int>(judged_by)]) gaps.push_back(key);
  }
  return {{"code", m.code},
          {"name", m.name},
          {"orp_code", m.orp_code},
          {"region_code", m.region_code},
          {"children", Round(first.children, 1)},
          {"within_norm", within},
          {"minutes", minutes},
          {"cells_out_of_reach", gaps},
          {"white_spot", !gaps.empty()}};
}

}  // namespace

Result<std::string> MunicipalitiesGeoJson(const Caller& caller, const AnalysisBasis& basis,
                                          const MunicipalityShapes& shapes,
                                          const MunicipalityMapQuery& q) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, basis.frame().territory, q.region, q.orp, true));
  TravelMode mode = *ParseTravelMode(q.mode);
  std::vector<OrpCoverage> orps = CoverScope(basis, {q.region, q.orp, q.mode});
  const ModelCell* cell = q.cell.empty() ? nullptr : FindCell(basis.frame().reference, q.cell);
  CellAccess access;
  if (cell) access = AccessOfCell(basis, *cell, mode, DistanceDecay::kStep);
  std::vector<GeoFeature> features;
  for (const OrpCoverage& c : orps) {
    if (c.cells.empty()) continue;
    const std::string white = WhiteSpotsJson(c).dump();  // once per ORP, not per place
    for (size_t k = 0; k < c.cells.front().places.size(); ++k) {
      GeoFeature f;
      uint32_t place = c.cells.front().places[k].place;
      // The place's own members, then the ORP's white spots written once, spliced in
      // as text before the closing brace.
      std::string props = PlaceProperties(basis, c, k, mode).dump();
      props.pop_back();
      props += ",\"orp_white_spots\":" + white;
      if (cell) props += ",\"access_per_1000_children\":" + AccessOfPlace(access, place).dump();
      props += '}';
      f.properties = std::move(props);
      const std::string& code = basis.frame().territory.municipalities()[place].code;
      f.id = code;
      f.polygons = shapes.Polygons(code);
      features.push_back(std::move(f));
    }
  }
  // A card serving several ORPs is counted once, as the coverage summary counts it.
  ProvenanceCounts records = orps.size() == 1
                                 ? orps.front().records
                                 : SummarizeCoverage(orps, basis.frame().reference, mode).records;
  json scope = {{"region", q.region}, {"orp", q.orp}};
  json members = {{"scope", scope}, {"judged_by", q.mode}, {"method", MethodJson(basis, records)}};
  if (cell) members["access_of"] = ModelCellJson(basis.frame().reference, *cell);
  return WriteFeatureCollection(features, members);
}

}  // namespace prosit
