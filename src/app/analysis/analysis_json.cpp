#include "app/analysis/analysis_json.h"

#include <algorithm>

#include "io/network_json.h"

namespace prosit {

using nlohmann::json;

json Round(double v, int digits) {
  if (!std::isfinite(v)) return nullptr;
  double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}

std::string CellKey(const ModelCell& cell) {
  return cell.need_area + ":" + std::to_string(cell.level);
}

json ModelCellJson(const ReferenceData& reference, const ModelCell& cell) {
  const NeedArea* area = reference.FindNeedArea(cell.need_area);
  const SupportLevel* level = reference.FindLevel(cell.level);
  return {{"cell", CellKey(cell)},
          {"need_area", cell.need_area},
          {"level", cell.level},
          {"label",
           {{"cs", (area ? area->label.cs : cell.need_area) + " – " +
                       (level ? level->label.cs : std::to_string(cell.level))},
            {"en", (area ? area->label.en : cell.need_area) + " – " +
                       (level ? level->label.en : std::to_string(cell.level))}}},
          {"norm",
           {{"max_minutes_pt", cell.max_minutes_pt},
            {"max_minutes_car", cell.max_minutes_car},
            {"min_capacity_per_1000_children",
             OptionalNumber(cell.min_capacity_per_1000_children, 3)}}},
          {"explanation", {{"cs", cell.explanation.cs}, {"en", cell.explanation.en}}}};
}

json PresentServiceJson(const AnalysisBasis& basis, const PresentService& s) {
  const CardEntry* card = s.card_id ? basis.snapshot->FindCard(s.card_id) : nullptr;
  const ServiceType& type = basis.frame().reference.service_types[s.type];
  return {{"card_id", s.card_id ? json(s.card_id) : json(nullptr)},
          {"name", card ? card->card.name : std::string()},
          {"hypothetical", s.card_id == 0},
          {"service_type", type.id},
          {"outreach", s.outreach},
          {"capacity_share", OptionalNumber(s.capacity_share, 2)},
          {"capacity_unit", s.capacity_unit},
          {"orps_served", s.orps_served}};
}

json UnitLabelJson(const ReferenceData& reference, const std::string& unit) {
  const CapacityUnit* u = reference.FindCapacityUnit(unit);
  return {{"cs", u ? u->label.cs : unit}, {"en", u ? u->label.en : unit}};
}

json CapacityByUnitJson(const ReferenceData& reference, const CellCoverage& c) {
  json out = json::array();
  for (const auto& [unit, u] : c.capacity_by_unit)
    out.push_back({{"unit", unit},
                   {"label", UnitLabelJson(reference, unit)},
                   {"capacity", Round(u.capacity, 2)},
                   {"per_1000_children", OptionalNumber(u.per_1000_children, 2)},
                   {"short_of_norm", u.short_of_norm}});
  return out;
}

json NormUnmeetableJson(const std::array<bool, kTravelModes>& unmeetable) {
  json j = json::object();
  for (TravelMode mode : kAllTravelModes) j[ToString(mode)] = unmeetable[static_cast<int>(mode)];
  return j;
}

ProvenanceCounts CountCards(const ServiceLayout& layout, std::vector<int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  ProvenanceCounts counts;
  for (int64_t id : ids)
    if (const LocatedService* s = id ? layout.FindCard(id) : nullptr) counts.Add(s->source);
  return counts;
}

void AppendSupplyCards(const ServiceSupply& supply, std::vector<int64_t>& ids) {
  ids.insert(ids.end(), supply.site_cards.begin(), supply.site_cards.end());
  for (const auto& cards : supply.outreach_cards) ids.insert(ids.end(), cards.begin(), cards.end());
}

json MethodJson(const AnalysisBasis& basis, const ProvenanceCounts& records) {
  json unplaced = basis.layout->unplaced();
  json access = json::object();
  for (TravelMode mode : kAllTravelModes)
    access[ToString(mode)] = basis.times->access_minutes(mode);
  return {
      {"model_version", basis.frame().model_version},
      {"travel_times", basis.times->source()},
      {"children",
       "children aged 0–17 per municipality: imported, or the ORP's census share "
       "of 0–14-year-olds scaled to 0–17"},
      {"present",
       "a service is present in an ORP when the territory it serves includes a "
       "municipality of the ORP"},
      {"reach",
       "a municipality reaches a type when a present service of it serving the municipality "
       "is outreach, or has a delivery location within the cell's norm; it reaches the cell "
       "when it reaches every present type"},
      {"norms",
       "a norm's minutes measure the journey: the travel times' fixed access time (walking to "
       "the stop and waiting, parking) is added to it, and the step zones are thirds of the "
       "journey after it"},
      {"access_minutes", access},
      {"capacity",
       "capacity × the ORP's share of the children of the territory the service "
       "serves, per unit (units are never added up); cards without a stated capacity add "
       "nothing and are listed"},
      {"cards_not_analysed", unplaced},
      {"records", ProvenanceCountsToJson(records)},
  };
}

}  // namespace prosit
