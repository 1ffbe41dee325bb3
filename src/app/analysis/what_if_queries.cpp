#include "app/analysis/what_if_queries.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/service_supply.h"
#include "analysis/what_if.h"
#include "app/accounts/permissions.h"
#include "app/analysis/accessibility_queries.h"
#include "app/analysis/analysis_json.h"
#include "app/analysis/coverage_queries.h"
#include "app/analysis/meanings.h"
#include "app/query_scope.h"
#include "model/validation.h"

namespace prosit {

using nlohmann::json;

namespace {

// The card a hypothetical service would have, for ServiceLayout::Locate.
ServiceCard HypotheticalCard(const HypotheticalService& h, const Frame& frame) {
  const Territory& territory = frame.territory;
  ServiceCard card;
  card.service_type = h.service_type;
  card.forms = h.forms.empty() ? std::vector<std::string>{"ambulatory"} : h.forms;
  DeliveryLocation at;
  at.municipality_code = h.municipality;
  card.locations.push_back(at);
  if (h.territory) {
    card.territory = *h.territory;
  } else if (const Municipality* m = territory.FindMunicipality(h.municipality)) {
    card.territory = {TerritoryKind::kOrp, {m->orp_code}};
  }
  card.capacity.amount = h.capacity;
  // In its type's unit, as a card entered without one: its capacity joins that unit's.
  if (const ServiceType* type = frame.reference.FindServiceType(h.service_type))
    card.capacity.unit = type->capacity_unit;
  return card;
}

void CheckHypothetical(const Frame& frame, const HypotheticalService& h, const std::string& at,
                       FieldErrors& e) {
  if (!frame.reference.FindServiceType(h.service_type))
    e[at + "service_type"] = "unknown service type";
  if (!frame.territory.FindMunicipality(h.municipality))
    e[at + "municipality"] = "unknown municipality code";
  if (h.capacity && !(std::isfinite(*h.capacity) && *h.capacity >= 0))
    e[at + "capacity"] = "must be a number of at least 0";
  for (const std::string& f : h.forms)
    if (!OneOf(f, kForms)) e[at + "forms"] = "must be ambulatory, outreach, residential or remote";
}

json StateJson(const ReferenceData& reference, const CellCoverage& c) {
  json share = json::object();
  for (TravelMode mode : kAllTravelModes)
    share[ToString(mode)] = OptionalNumber(c.share_within_norm[static_cast<int>(mode)], 4);
  return {{"status", ToString(c.status)},
          {"share_within_norm", share},
          {"types_missing", c.types_missing},
          {"capacity_by_unit", CapacityByUnitJson(reference, c)},
          {"services", c.services.size()}};
}

std::map<std::string, double> Capacities(const CellCoverage& c) {
  std::map<std::string, double> out;
  for (const auto& [unit, u] : c.capacity_by_unit) out[unit] = u.capacity;
  return out;
}

bool Differs(const CellCoverage& a, const CellCoverage& b) {
  return a.status != b.status || a.services.size() != b.services.size() ||
         a.share_within_norm != b.share_within_norm || a.types_missing != b.types_missing ||
         Capacities(a) != Capacities(b);
}

// Coverage before and after in each touched ORP: the cells that change.
// `cards` gets the cards present before in each touched ORP.
json CoverageChange(const AnalysisBasis& basis, const ServiceChange& change, TravelMode mode,
                    std::vector<int64_t>& cards) {
  json out = json::array();
  for (uint32_t orp : AffectedOrps(*basis.layout, *basis.times, change)) {
    OrpCoverage before = ComputeOrpCoverage(*basis.layout, *basis.times, orp, {mode});
    for (const auto& card : before.cards) cards.push_back(card.first);
    OrpCoverage after = ComputeOrpCoverage(*basis.layout, *basis.times, orp, {mode}, &change);
    json cells = json::array();
    double gained = 0;
    for (size_t i = 0; i < before.cells.size(); ++i) {
      const CellCoverage &b = before.cells[i], &a = after.cells[i];
      if (!Differs(b, a)) continue;
      double children_before = 0, children_after = 0;
      for (size_t k = 0; k < b.places.size(); ++k) {
        if (b.places[k].within_norm[static_cast<int>(mode)])
          children_before += b.places[k].children;
        if (a.places[k].within_norm[static_cast<int>(mode)]) children_after += a.places[k].children;
      }
      gained += children_after - children_before;
      cells.push_back({{"cell", CellKey(*b.cell)},
                       {"before", StateJson(basis.frame().reference, b)},
                       {"after", StateJson(basis.frame().reference, a)},
                       {"children_newly_within_norm", Round(children_after - children_before, 1)}});
    }
    if (cells.empty()) continue;
    const Orp& o = basis.frame().territory.orps()[orp];
    out.push_back({{"code", o.code},
                   {"name", o.name},
                   {"white_spots_before", WhiteSpotsJson(before)},
                   {"white_spots_after", WhiteSpotsJson(after)},
                   {"children_newly_within_norm", Round(gained, 1)},
                   {"cells", cells}});
  }
  return out;
}

// The model cells whose service types the change adds or removes.
std::vector<const ModelCell*> TouchedCells(const AnalysisBasis& basis,
                                           const ServiceChange& change) {
  std::vector<uint32_t> types;
  for (const LocatedService& s : change.added) types.push_back(s.type);
  for (int64_t id : change.removed)
    if (const LocatedService* s = basis.layout->FindCard(id)) types.push_back(s->type);
  std::vector<const ModelCell*> cells;
  for (const ModelCell& cell : basis.frame().reference.model_cells)
    for (uint32_t t : TypeIndices(*basis.layout, cell.service_types))
      if (std::count(types.begin(), types.end(), t)) {
        cells.push_back(&cell);
        break;
      }
  return cells;
}

json PlaceChanges(const AnalysisBasis& basis, const AccessibilityResult& before,
                  const AccessibilityResult& after) {
  std::vector<uint32_t> changed;
  for (uint32_t p = 0; p < before.access.size(); ++p)
    if (std::abs(after.access[p] - before.access[p]) > 1e-12) changed.push_back(p);
  auto gain = [&](uint32_t p) { return std::abs(after.access[p] - before.access[p]); };
  std::stable_sort(changed.begin(), changed.end(),
                   [&](uint32_t a, uint32_t b) { return gain(a) > gain(b); });
  json out = json::array();
  for (size_t i = 0; i < changed.size() && i < 20; ++i) {
    const Municipality& m = basis.frame().territory.municipalities()[changed[i]];
    out.push_back({{"code", m.code},
                   {"name", m.name},
                   {"before_per_1000_children", Round(before.access[changed[i]] * 1000, 4)},
                   {"after_per_1000_children", Round(after.access[changed[i]] * 1000, 4)}});
  }
  return {{"municipalities_changed", changed.size()}, {"most_changed", out}};
}

// `cards` gets the cards of the supply before in each touched cell.
json AccessibilityChange(const AnalysisBasis& basis, const ServiceChange& change, TravelMode mode,
                         DistanceDecay decay, std::vector<int64_t>& cards) {
  json out = json::array();
  for (const ModelCell* cell : TouchedCells(basis, change)) {
    // Each unit on its own, over the units before and after.
    const ServiceLayout& layout = *basis.layout;
    std::vector<uint32_t> types = TypeIndices(layout, cell->service_types);
    std::vector<std::string> units = SupplyUnits(layout, types),
                             after_units = SupplyUnits(layout, types, &change);
    units.insert(units.end(), after_units.begin(), after_units.end());
    std::sort(units.begin(), units.end());
    units.erase(std::unique(units.begin(), units.end()), units.end());
    CellAccess was = AccessOfCell(basis, *cell, mode, decay, nullptr, &units);
    CellAccess will = AccessOfCell(basis, *cell, mode, decay, &change, &units);
    json by_unit = json::array();
    for (size_t u = 0; u < units.size(); ++u) {
      AppendSupplyCards(was.units[u].supply, cards);
      const AccessibilityResult &before = was.units[u].result, &after = will.units[u].result;
      json j = PlaceChanges(basis, before, after);
      j["unit"] = units[u];
      j["capacity_total_before"] = Round(before.supply_total, 2);
      j["capacity_total_after"] = Round(after.supply_total, 2);
      by_unit.push_back(j);
    }
    out.push_back({{"cell", CellKey(*cell)}, {"units", by_unit}});
  }
  return out;
}

// What-if touches the places it adds to and the cards it removes: each must lie inside.
// Unknown codes and cards are left to the checks that name them.
Status MayWhatIf(const Caller& caller, const AnalysisBasis& basis, const WhatIfRequest& request) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, basis.frame().territory, "", "", false));
  const NetworkSnapshot& snap = *basis.snapshot;
  for (const HypotheticalService& h : request.add) {
    const Municipality* m = basis.frame().territory.FindMunicipality(h.municipality);
    if (m && !caller.Covers(m->orp_code))
      return Status::Forbidden("the municipality " + h.municipality +
                               " lies outside your territory");
  }
  for (size_t i = 0; i < request.remove.size(); ++i) {
    int64_t id = request.remove[i];
    const CardEntry* c = snap.FindCard(id);
    if (c && !SeesCard(caller, c->card, c->searchable.orps))
      return Status::Invalid("the what-if request does not fit the network",
                             {{"remove[" + std::to_string(i) + "]", "no such service card"}});
    if (c && !caller.CoversAny(PlaceOf(c->card, snap).orps))
      return Status::Forbidden("the service card " + std::to_string(id) +
                               " lies outside your territory");
  }
  return Status::Ok();
}

}  // namespace

Result<ServiceChange> MakeServiceChange(const Caller& caller, const AnalysisBasis& basis,
                                        const WhatIfRequest& request) {
  PROSIT_RETURN_IF_ERROR(MayWhatIf(caller, basis, request));
  FieldErrors e;
  CheckTravelModeParam(e, request.mode);
  CheckDecayParam(e, request.decay);
  ServiceChange change;
  for (size_t i = 0; i < request.add.size(); ++i) {
    std::string at = "add[" + std::to_string(i) + "].";
    CheckHypothetical(basis.frame(), request.add[i], at, e);
    if (e.count(at + "service_type") || e.count(at + "municipality")) continue;
    ServiceCard card = HypotheticalCard(request.add[i], basis.frame());
    auto located = basis.layout->Locate({&card, request.add[i].municipality});
    if (!located)
      e[at + "territory"] = "names a code the territory does not have";
    else
      change.added.push_back(std::move(*located));
  }
  for (size_t i = 0; i < request.remove.size(); ++i) {
    if (!basis.layout->FindCard(request.remove[i]))
      e["remove[" + std::to_string(i) + "]"] = basis.snapshot->FindCard(request.remove[i])
                                                   ? "the card is not analysed (see method)"
                                                   : "no such service card";
    else
      change.removed.insert(request.remove[i]);
  }
  if (!e.empty()) return Status::Invalid("the what-if request does not fit the network", e);
  return change;
}

std::string WhatIfJson(const AnalysisBasis& basis, const WhatIfRequest& request,
                       const ServiceChange& change) {
  TravelMode mode = *ParseTravelMode(request.mode);
  DistanceDecay decay = *ParseDistanceDecay(request.decay);
  // The records the comparison rests on: the cards before the change (the change only
  // adds hypothetical services and takes some of these away).
  std::vector<int64_t> cards;
  json coverage = CoverageChange(basis, change, mode, cards);
  json accessibility = AccessibilityChange(basis, change, mode, decay, cards);
  return json{{"saved", false},
              {"mode", request.mode},
              {"decay", request.decay},
              {"method", MethodJson(basis, CountCards(*basis.layout, std::move(cards)))},
              {"meanings", MeaningsJson(CoverageMeaningKeys())},
              {"coverage", coverage},
              {"accessibility", accessibility}}
      .dump();
}

FieldErrors CheckCandidateQuery(const CandidateQuery& q, const Frame& frame) {
  FieldErrors e;
  CheckOneTerritory(e, frame.territory, q.region, q.orp, /*required=*/true);
  if (!frame.reference.FindServiceType(q.service_type)) e["service_type"] = "unknown service type";
  CheckTravelModeParam(e, q.mode);
  return e;
}

Result<std::string> CandidatesJson(const Caller& caller, const AnalysisBasis& basis,
                                   const CandidateQuery& q) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, basis.frame().territory, q.region, q.orp, true));
  const TerritoryIndex& t = *basis.territory;
  const ReferenceData& ref = basis.frame().reference;
  const ServiceType& type = *ref.FindServiceType(q.service_type);
  const SupportLevel* level = ref.FindLevel(type.level);
  TravelMode mode = *ParseTravelMode(q.mode);
  int level_norm =
      level ? (mode == TravelMode::kCar ? level->max_minutes_car : level->max_minutes_pt) : 30;
  float norm = NormMinutes(*basis.times, mode, level_norm);
  std::vector<uint32_t> orps = t.OrpsInScope(q.region, q.orp);
  uint32_t type_index = *basis.layout->FindType(type.id);
  // The services of the type the ranking weighs: those serving the ORPs in scope.
  std::vector<int64_t> cards;
  for (uint32_t o : orps)
    basis.layout->ForEachServingOrp(type_index, o, nullptr,
                                    [&](const LocatedService& s) { cards.push_back(s.card_id); });
  json items = json::array();
  for (const Candidate& c : RankCandidates(*basis.layout, *basis.times, orps,
                                           *basis.layout->FindType(type.id), mode, norm, q.limit)) {
    const Municipality& m = basis.frame().territory.municipalities()[c.place];
    items.push_back({{"code", m.code},
                     {"name", m.name},
                     {"orp", m.orp_code},
                     {"children_gained", Round(c.children_gained, 1)},
                     {"municipalities_gained", c.places_gained}});
  }
  return json{{"service_type", type.id},
              {"mode", q.mode},
              {"norm_minutes", level_norm},
              {"norm_door_to_door_minutes", norm},
              {"rule",
               "a new service seated in the municipality, serving its ORP: children of "
               "the ORP's municipalities now beyond the norm that it would bring within"},
              {"method", MethodJson(basis, CountCards(*basis.layout, std::move(cards)))},
              {"items", items}}
      .dump();
}

}  // namespace prosit
