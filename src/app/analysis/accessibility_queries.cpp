#include "app/analysis/accessibility_queries.h"

#include "app/accounts/permissions.h"
#include "app/analysis/analysis_json.h"
#include "app/analysis/meanings.h"
#include "app/query_scope.h"

namespace prosit {

using nlohmann::json;

const ModelCell* FindCell(const ReferenceData& ref, const std::string& key) {
  for (const ModelCell& c : ref.model_cells)
    if (CellKey(c) == key) return &c;
  return nullptr;
}

namespace {

json CatchmentJson(const Catchment& c, float access_minutes) {
  json steps = json::array();
  if (c.decay == DistanceDecay::kStep)
    for (auto [share, weight] : c.steps)
      steps.push_back({{"up_to_minutes", Round(share * c.max_minutes, 2)}, {"weight", weight}});
  return {{"max_minutes", c.max_minutes},
          {"access_minutes", access_minutes},
          {"decay", ToString(c.decay)},
          {"steps", steps}};
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
          {"outreach_territories", supply.outreach.size()}};
}

constexpr const char* kNoSupplyInReach = "no_supply_in_reach";

// Access per 1,000 children, the way people read it; null when no supply of the unit
// reaches at all (not 0: there is nothing to share, rather than a share of nothing).
json Per1000(double access) { return access > 0 ? Round(access * 1000, 4) : json(nullptr); }
// Beside a null figure, why it is null.
void AddReason(json& j, double access) {
  j["reason"] = access > 0 ? json(nullptr) : json(kNoSupplyInReach);
}

json OrpMeans(const AnalysisBasis& basis, const std::vector<uint32_t>& orps,
              const AccessibilityResult& r) {
  const TerritoryIndex& t = *basis.territory;
  json out = json::array();
  for (uint32_t o : orps) {
    const Orp& orp = basis.frame().territory.orps()[o];
    double mean = WeightedMeanAccess(r, t.children(), t.PlacesOfOrp(o));
    json j = {{"code", orp.code},
              {"name", orp.name},
              {"children", Round(t.children_of_orp(o), 1)},
              {"access_per_1000_children", Per1000(mean)}};
    AddReason(j, mean);
    out.push_back(j);
  }
  return out;
}

json PlacesJson(const AnalysisBasis& basis, uint32_t orp, const AccessibilityResult& r) {
  json out = json::array();
  for (uint32_t p : basis.territory->PlacesOfOrp(orp)) {
    const Municipality& m = basis.frame().territory.municipalities()[p];
    json j = {{"code", m.code},
              {"name", m.name},
              {"children", Round(basis.territory->children()[p], 1)},
              {"access_per_1000_children", Per1000(r.access[p])}};
    AddReason(j, r.access[p]);
    out.push_back(j);
  }
  return out;
}

// One figure per capacity unit: the supply, the ORP means and, for one ORP, its
// municipalities.
json UnitsJson(const AnalysisBasis& basis, const std::vector<UnitAccess>& units,
               const std::vector<uint32_t>& orps, bool places) {
  json out = json::array();
  for (const UnitAccess& u : units) {
    json j = {{"unit", u.supply.unit},
              {"label", UnitLabelJson(basis.frame().reference, u.supply.unit)},
              {"supply", SupplyJson(u.supply, u.result)},
              {"orps", OrpMeans(basis, orps, u.result)}};
    if (places) j["municipalities"] = PlacesJson(basis, orps.front(), u.result);
    out.push_back(j);
  }
  return out;
}

json NotesJson(const AnalysisBasis& basis, TravelMode mode, const Catchment& catchment, double norm,
               const CellAccess& a) {
  json notes = json::array();
  if (a.units.empty())
    notes.push_back("no service of it states a capacity: there is nothing to share");
  if (NormUnmeetable(*basis.times, mode, norm))
    notes.push_back("no municipality can meet the norm of " +
                    std::to_string(static_cast<int>(norm)) + " min by " + ToString(mode) +
                    ": every figure here comes from the norm, not from the services");
  (void)catchment;
  return notes;
}

// Without a cell or type: every model cell's mean per ORP.
std::string AllCellsJson(const AnalysisBasis& basis, const AccessibilityQuery& q, TravelMode mode,
                         DistanceDecay decay) {
  std::vector<uint32_t> orps = basis.territory->OrpsInScope(q.region, q.orp);
  json cells = json::array();
  std::vector<int64_t> cards;
  for (const ModelCell& cell : basis.frame().reference.model_cells) {
    CellAccess a = AccessOfCell(basis, cell, mode, decay);
    for (const UnitAccess& u : a.units) AppendSupplyCards(u.supply, cards);
    double norm = mode == TravelMode::kCar ? cell.max_minutes_car : cell.max_minutes_pt;
    json j = ModelCellJson(basis.frame().reference, cell);
    j.update({{"catchment", CatchmentJson(a.catchment, basis.times->access_minutes(mode))},
              {"units", UnitsJson(basis, a.units, orps, false)},
              {"cards_without_capacity", a.without_capacity},
              {"notes", NotesJson(basis, mode, a.catchment, norm, a)}});
    cells.push_back(j);
  }
  return json{{"scope", {{"region", q.region}, {"orp", q.orp}}},
              {"mode", q.mode},
              {"method", MethodJson(basis, CountCards(*basis.layout, std::move(cards)))},
              {"meanings", MeaningsJson(AccessibilityMeaningKeys())},
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

namespace {

CellAccess AccessOfTypes(const AnalysisBasis& basis, const std::vector<uint32_t>& types,
                         TravelMode mode, const Catchment& catchment, const ServiceChange* change,
                         const std::vector<std::string>* units) {
  CellAccess a;
  a.catchment = catchment;
  std::vector<std::string> all = units ? *units : SupplyUnits(*basis.layout, types, change);
  for (const std::string& unit : all) {
    UnitAccess& u = a.units.emplace_back();
    u.supply = GatherSupply(*basis.layout, types, unit, change);
    u.result = RunAccessibility(basis, u.supply, mode, a.catchment);
  }
  a.without_capacity = GatherSupply(*basis.layout, types, "", change).without_capacity;
  return a;
}

}  // namespace

CellAccess AccessOfCell(const AnalysisBasis& basis, const ModelCell& cell, TravelMode mode,
                        DistanceDecay decay, const ServiceChange* change,
                        const std::vector<std::string>* units) {
  return AccessOfTypes(basis, TypeIndices(*basis.layout, cell.service_types), mode,
                       CellCatchment(cell, mode, decay, basis.times->access_minutes(mode)), change,
                       units);
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
  TravelMode mode = *ParseTravelMode(q.mode);
  // The catchment reaches max_minutes of journey after the access time.
  float cutoff = basis.times->cutoff(mode) - basis.times->access_minutes(mode);
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
  double norm = 30;
  if (!q.cell.empty()) {
    const ModelCell& cell = *FindCell(ref, q.cell);
    what = ModelCellJson(ref, cell);
    type_ids = cell.service_types;
    norm = mode == TravelMode::kCar ? cell.max_minutes_car : cell.max_minutes_pt;
  } else {
    const ServiceType& type = *ref.FindServiceType(q.service_type);
    what = {{"service_type", type.id}, {"label", {{"cs", type.label.cs}, {"en", type.label.en}}}};
    type_ids = {type.id};
    if (const SupportLevel* level = ref.FindLevel(type.level))
      norm = mode == TravelMode::kCar ? level->max_minutes_car : level->max_minutes_pt;
  }
  // max_minutes overrides the norm (the journey) on the same terms.
  if (q.max_minutes) norm = static_cast<double>(*q.max_minutes);
  Catchment catchment = NormCatchment(norm, basis.times->access_minutes(mode), decay);
  CellAccess a =
      AccessOfTypes(basis, TypeIndices(*basis.layout, type_ids), mode, catchment, nullptr, nullptr);
  std::vector<uint32_t> orps = basis.territory->OrpsInScope(q.region, q.orp);
  std::vector<int64_t> cards;
  for (const UnitAccess& u : a.units) AppendSupplyCards(u.supply, cards);
  json j = {{"scope", {{"region", q.region}, {"orp", q.orp}}},
            {"of", what},
            {"mode", q.mode},
            {"catchment", CatchmentJson(catchment, basis.times->access_minutes(mode))},
            {"method", MethodJson(basis, CountCards(*basis.layout, std::move(cards)))},
            {"meanings", MeaningsJson(AccessibilityMeaningKeys())},
            {"units", UnitsJson(basis, a.units, orps, !q.orp.empty())},
            {"cards_without_capacity", a.without_capacity},
            {"notes", NotesJson(basis, mode, catchment, norm, a)}};
  return j.dump();
}

}  // namespace prosit
