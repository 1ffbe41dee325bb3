#include "app/analysis/coverage_queries.h"

#include "app/accounts/permissions.h"
#include "app/analysis/analysis_json.h"
#include "app/analysis/meanings.h"
#include "app/query_scope.h"

namespace prosit {

using nlohmann::json;

FieldErrors CheckCoverageQuery(const CoverageQuery& q, const Territory& territory) {
  FieldErrors e;
  CheckOneTerritory(e, territory, q.region, q.orp);
  CheckTravelModeParam(e, q.mode);
  return e;
}

namespace {

json StatusCounts(const std::array<int, kCellStatuses>& counts) {
  json j = json::object();
  for (int s = 0; s < kCellStatuses; ++s) j[ToString(static_cast<CellStatus>(s))] = counts[s];
  return j;
}

json PlaceReachJson(const AnalysisBasis& basis, const PlaceReach& r) {
  const Municipality& m = basis.frame().territory.municipalities()[r.place];
  json minutes = json::object(), nearest = json::object();
  for (TravelMode mode : kAllTravelModes) {
    int i = static_cast<int>(mode);
    minutes[ToString(mode)] = OptionalNumber(r.minutes[i], 1);
    nearest[ToString(mode)] = r.nearest_card[i] ? json(r.nearest_card[i]) : json(nullptr);
  }
  return {{"code", m.code},
          {"name", m.name},
          {"children", Round(r.children, 1)},
          {"minutes", minutes},
          {"nearest_card", nearest}};
}

// Each expected type: present or not, and the share of children reaching it in the norm.
json TypesJson(const CellCoverage& c) {
  json out = json::array();
  for (const TypeCoverage& t : c.types) {
    json share = json::object();
    for (TravelMode mode : kAllTravelModes)
      share[ToString(mode)] = OptionalNumber(t.share_within_norm[static_cast<int>(mode)], 4);
    out.push_back({{"service_type", t.type}, {"present", t.present}, {"share_within_norm", share}});
  }
  return out;
}

json CellJson(const AnalysisBasis& basis, const CellCoverage& c, TravelMode judged_by) {
  json services = json::array(), far = json::array(), share = json::object();
  for (const PresentService& s : c.services) services.push_back(PresentServiceJson(basis, s));
  for (const PlaceReach& r : c.places)
    if (!r.within_norm[static_cast<int>(judged_by)]) far.push_back(PlaceReachJson(basis, r));
  for (TravelMode mode : kAllTravelModes)
    share[ToString(mode)] = OptionalNumber(c.share_within_norm[static_cast<int>(mode)], 4);
  json j = ModelCellJson(basis.frame().reference, *c.cell);
  j.update({{"status", ToString(c.status)},
            {"strong", c.strong},
            {"capacity_short", c.capacity_short},
            {"too_far", c.too_far},
            {"types_present", c.types_present},
            {"types_missing", c.types_missing},
            {"types", TypesJson(c)},
            {"services", services},
            {"capacity_by_unit", CapacityByUnitJson(basis.frame().reference, c)},
            {"norm_unmeetable", NormUnmeetableJson(c.norm_unmeetable)},
            {"cards_without_capacity", c.cards_without_capacity},
            {"share_within_norm", share},
            {"municipalities_out_of_reach", far}});
  return j;
}

// Each municipality with the cells it does not reach within the norm.
json MunicipalityGaps(const AnalysisBasis& basis, const OrpCoverage& c, TravelMode judged_by) {
  json out = json::array();
  if (c.cells.empty()) return out;
  for (size_t k = 0; k < c.cells.front().places.size(); ++k) {
    const PlaceReach& first = c.cells.front().places[k];
    const Municipality& m = basis.frame().territory.municipalities()[first.place];
    json gaps = json::array();
    for (const CellCoverage& cell : c.cells)
      if (!cell.places[k].within_norm[static_cast<int>(judged_by)])
        gaps.push_back(CellKey(*cell.cell));
    out.push_back({{"code", m.code},
                   {"name", m.name},
                   {"children", Round(first.children, 1)},
                   {"cells_out_of_reach", gaps}});
  }
  return out;
}

json OrpHeader(const AnalysisBasis& basis, const OrpCoverage& c) {
  const Orp& orp = basis.frame().territory.orps()[c.orp];
  return {{"code", orp.code},
          {"name", orp.name},
          {"region", orp.region_code},
          {"children", Round(c.children, 1)},
          {"cells_by_status", StatusCounts(c.cells_by_status)}};
}

json SummaryJson(const AnalysisBasis& basis, const CoverageSummary& sum,
                 const std::vector<OrpCoverage>& orps) {
  json cells = json::array(), per_orp = json::array();
  for (const CellSummary& s : sum.cells) {
    json j = ModelCellJson(basis.frame().reference, *s.cell);
    j["orps_by_status"] = StatusCounts(s.orps_by_status);
    j["children"] = Round(s.children, 1);
    j["share_within_norm"] =
        s.children > 0 ? json(Round(s.children_within_norm / s.children, 4)) : json(nullptr);
    cells.push_back(j);
  }
  for (const OrpCoverage& o : orps) {
    json j = OrpHeader(basis, o);
    j["white_spots"] = WhiteSpotsJson(o);
    per_orp.push_back(j);
  }
  return {{"children", Round(sum.children, 1)},
          {"cells_by_status", StatusCounts(sum.cells_by_status)},
          {"cells", cells},
          {"orps", per_orp}};
}

}  // namespace

json WhiteSpotsJson(const OrpCoverage& c) {
  json out = json::array();
  for (const CellCoverage& cell : c.cells)
    if (cell.status == CellStatus::kMissing) out.push_back(CellKey(*cell.cell));
  return out;
}

json StrongSpotsJson(const OrpCoverage& c) {
  json out = json::array();
  for (const CellCoverage& cell : c.cells)
    if (cell.strong) out.push_back(CellKey(*cell.cell));
  return out;
}

std::vector<OrpCoverage> CoverScope(const AnalysisBasis& basis, const CoverageQuery& q,
                                    const ServiceChange* change) {
  CoverageOptions options{*ParseTravelMode(q.mode)};
  std::vector<uint32_t> orps = basis.territory->OrpsInScope(q.region, q.orp);
  std::vector<OrpCoverage> out;
  out.reserve(orps.size());
  for (uint32_t o : orps)
    out.push_back(ComputeOrpCoverage(*basis.layout, *basis.times, o, options, change));
  return out;
}

json OrpCoverageJson(const AnalysisBasis& basis, const OrpCoverage& c, TravelMode judged_by) {
  json cells = json::array(), shared = json::array();
  for (const CellCoverage& cell : c.cells) cells.push_back(CellJson(basis, cell, judged_by));
  for (const PresentService& s : c.shared_services) shared.push_back(PresentServiceJson(basis, s));
  json j = OrpHeader(basis, c);
  j.update({{"white_spots", WhiteSpotsJson(c)},
            {"strong_spots", {{"cells", StrongSpotsJson(c)}, {"shared_services", shared}}},
            {"cells", cells},
            {"municipalities", MunicipalityGaps(basis, c, judged_by)}});
  return j;
}

Result<std::string> CoverageJson(const Caller& caller, const AnalysisBasis& basis,
                                 const CoverageQuery& q) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, basis.frame().territory, q.region, q.orp, true));
  TravelMode mode = *ParseTravelMode(q.mode);
  std::vector<OrpCoverage> orps = CoverScope(basis, q);
  json j = {{"scope", {{"region", q.region}, {"orp", q.orp}}},
            {"judged_by", q.mode},
            {"meanings", MeaningsJson(CoverageMeaningKeys())}};
  if (!q.orp.empty()) {
    j["method"] = MethodJson(basis, orps.front().records);
    j["coverage"] = OrpCoverageJson(basis, orps.front(), mode);
  } else {
    CoverageSummary sum = SummarizeCoverage(orps, basis.frame().reference, mode);
    j["method"] = MethodJson(basis, sum.records);
    j["summary"] = SummaryJson(basis, sum, orps);
  }
  return j.dump();
}

}  // namespace prosit
