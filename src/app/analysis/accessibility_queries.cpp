#include "app/analysis/accessibility_queries.h"

#include "app/accounts/permissions.h"
#include "app/analysis/analysis_json.h"
#include "app/query_scope.h"

namespace prosit {

using nlohmann::json;

namespace {

const ModelCell* FindCell(const ReferenceData& ref, const std::string& key) {
  for (const ModelCell& c : ref.model_cells)
    if (CellKey(c) == key) return &c;
  return nullptr;
}

json CatchmentJson(const Catchment& c) {
  json steps = json::array();
  if (c.decay == DistanceDecay::kStep)
    for (auto [share, weight] : c.steps)
      steps.push_back({{"up_to_minutes", Round(share * c.max_minutes, 2)}, {"weight", weight}});
  return {{"max_minutes", c.max_minutes}, {"decay", ToString(c.decay)}, {"steps", steps}};
}

json SupplyJson(const ServiceSupply& supply, const AccessibilityResult& r) {
  std::vector<int64_t> idle;
  for (uint32_t i : r.sites_without_demand) idle.push_back(supply.site_cards[i]);
  for (uint32_t i : r.outreach_without_demand)
    idle.insert(idle.end(), supply.outreach_cards[i].begin(), supply.outreach_cards[i].end());
  return {{"capacity_total", Round(r.supply_total, 2)},
          {"capacity_without_demand", Round(r.supply_without_demand, 2)},
          {"cards_without_demand_in_reach", idle},
          {"sites", supply.sites.size()},
          {"outreach_territories", supply.outreach.size()},
          {"cards_without_capacity", supply.without_capacity}};
}

// Access per 1,000 children, the way people read it.
json Per1000(double access) { return Round(access * 1000, 4); }

json OrpMeans(const AnalysisBasis& basis, const std::vector<uint32_t>& orps,
              const AccessibilityResult& r) {
  const TerritoryIndex& t = *basis.territory;
  json out = json::array();
  for (uint32_t o : orps) {
    const Orp& orp = basis.frame().territory.orps()[o];
    out.push_back({{"code", orp.code},
                   {"name", orp.name},
                   {"children", Round(t.children_of_orp(o), 1)},
                   {"access_per_1000_children",
                    Per1000(WeightedMeanAccess(r, t.children(), t.PlacesOfOrp(o)))}});
  }
  return out;
}

json PlacesJson(const AnalysisBasis& basis, uint32_t orp, const AccessibilityResult& r) {
  json out = json::array();
  for (uint32_t p : basis.territory->PlacesOfOrp(orp)) {
    const Municipality& m = basis.frame().territory.municipalities()[p];
    out.push_back({{"code", m.code},
                   {"name", m.name},
                   {"children", Round(basis.territory->children()[p], 1)},
                   {"access_per_1000_children", Per1000(r.access[p])}});
  }
  return out;
}

// Without a cell or type: every model cell's mean per ORP.
std::string AllCellsJson(const AnalysisBasis& basis, const AccessibilityQuery& q, TravelMode mode,
                         DistanceDecay decay) {
  std::vector<uint32_t> orps = basis.territory->OrpsInScope(q.region, q.orp);
  json cells = json::array();
  std::vector<int64_t> cards;
  for (const ModelCell& cell : basis.frame().reference.model_cells) {
    CellAccess a = AccessOfCell(basis, cell, mode, decay);
    AppendSupplyCards(a.supply, cards);
    json j = ModelCellJson(basis.frame().reference, cell);
    j.update({{"catchment", CatchmentJson(a.catchment)},
              {"supply", SupplyJson(a.supply, a.result)},
              {"orps", OrpMeans(basis, orps, a.result)}});
    cells.push_back(j);
  }
  return json{{"scope", {{"region", q.region}, {"orp", q.orp}}},
              {"mode", q.mode},
              {"method", MethodJson(basis, CountCards(*basis.layout, std::move(cards)))},
              {"cells", cells}}
      .dump();
}

}  // namespace

std::vector<uint32_t> TypeIndices(const ServiceLayout& layout,
                                  const std::vector<std::string>& ids) {
  std::vector<uint32_t> out;
  for (const std::string& id : ids)
    if (auto t = layout.FindType(id)) out.push_back(*t);
  return out;
}

AccessibilityResult RunAccessibility(const AnalysisBasis& basis, const ServiceSupply& supply,
                                     TravelMode mode, const Catchment& catchment) {
  AccessibilityInput in;
  in.demand = basis.territory->children();
  in.sites = supply.sites;
  in.outreach = supply.outreach;
  in.times = basis.times.get();
  in.mode = mode;
  in.catchment = catchment;
  std::shared_ptr<const CatchmentDemand> shared;
  if (basis.catchments) in.shared = (shared = basis.catchments->Get(mode, catchment)).get();
  return ComputeAccessibility(in);
}

CellAccess AccessOfCell(const AnalysisBasis& basis, const ModelCell& cell, TravelMode mode,
                        DistanceDecay decay, const ServiceChange* change) {
  CellAccess a;
  a.catchment = CellCatchment(cell, mode, decay);
  a.supply = GatherSupply(*basis.layout, TypeIndices(*basis.layout, cell.service_types), change);
  a.result = RunAccessibility(basis, a.supply, mode, a.catchment);
  return a;
}

FieldErrors CheckAccessibilityQuery(const AccessibilityQuery& q, const Frame& frame) {
  FieldErrors e;
  CheckOneTerritory(e, frame.territory, q.region, q.orp);
  if (!q.cell.empty() && !FindCell(frame.reference, q.cell))
    e["cell"] = "unknown model cell; write need_area:level, e.g. relationships:3";
  if (!q.service_type.empty() && !frame.reference.FindServiceType(q.service_type))
    e["service_type"] = "unknown service type";
  if (!q.cell.empty() && !q.service_type.empty())
    e["service_type"] = "name a cell or a service type, not both";
  CheckTravelModeParam(e, q.mode);
  CheckDecayParam(e, q.decay);
  if (q.service_type.empty() && q.cell.empty() && q.max_minutes)
    e["max_minutes"] = "applies to one cell or service type";
  return e;
}

FieldErrors CheckCatchmentReach(const AnalysisBasis& basis, const AccessibilityQuery& q) {
  float cutoff = basis.times->cutoff(*ParseTravelMode(q.mode));
  if (q.max_minutes && *q.max_minutes > cutoff)
    return {{"max_minutes", "at most " + std::to_string(static_cast<int>(cutoff)) + " by " +
                                q.mode + ": the travel times reach no farther"}};
  return {};
}

Result<std::string> AccessibilityJson(const Caller& caller, const AnalysisBasis& basis,
                                      const AccessibilityQuery& q) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, basis.frame().territory, q.region, q.orp, true));
  TravelMode mode = *ParseTravelMode(q.mode);
  DistanceDecay decay = *ParseDistanceDecay(q.decay);
  if (q.cell.empty() && q.service_type.empty()) return AllCellsJson(basis, q, mode, decay);
  const ReferenceData& ref = basis.frame().reference;
  json what;
  std::vector<std::string> type_ids;
  Catchment catchment;
  if (!q.cell.empty()) {
    const ModelCell& cell = *FindCell(ref, q.cell);
    what = ModelCellJson(ref, cell);
    type_ids = cell.service_types;
    catchment = CellCatchment(cell, mode, decay);
  } else {
    const ServiceType& type = *ref.FindServiceType(q.service_type);
    what = {{"service_type", type.id}, {"label", {{"cs", type.label.cs}, {"en", type.label.en}}}};
    type_ids = {type.id};
    const SupportLevel* level = ref.FindLevel(type.level);
    catchment.decay = decay;
    catchment.max_minutes = static_cast<float>(
        level ? (mode == TravelMode::kCar ? level->max_minutes_car : level->max_minutes_pt) : 30);
  }
  if (q.max_minutes) catchment.max_minutes = static_cast<float>(*q.max_minutes);
  ServiceSupply supply = GatherSupply(*basis.layout, TypeIndices(*basis.layout, type_ids));
  AccessibilityResult r = RunAccessibility(basis, supply, mode, catchment);
  std::vector<uint32_t> orps = basis.territory->OrpsInScope(q.region, q.orp);
  std::vector<int64_t> cards;
  AppendSupplyCards(supply, cards);
  json j = {{"scope", {{"region", q.region}, {"orp", q.orp}}},
            {"of", what},
            {"mode", q.mode},
            {"catchment", CatchmentJson(catchment)},
            {"method", MethodJson(basis, CountCards(*basis.layout, std::move(cards)))},
            {"supply", SupplyJson(supply, r)},
            {"orps", OrpMeans(basis, orps, r)}};
  if (!q.orp.empty()) j["municipalities"] = PlacesJson(basis, orps.front(), r);
  return j.dump();
}

}  // namespace prosit
