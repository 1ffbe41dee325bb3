#include "app/networking/monitoring_queries.h"

#include <nlohmann/json.hpp>

#include "app/accounts/permissions.h"
#include "app/query_scope.h"
#include "io/csv_writer.h"
#include "io/network_json.h"
#include "model/validation.h"

namespace prosit {

using nlohmann::json;

namespace {

// Czech and English labels of a need area or network-need category id.
Label AreaLabel(const ReferenceData& ref, const std::string& id) {
  if (const NeedArea* a = ref.FindNeedArea(id)) return a->label;
  if (const Category* c = ref.FindNetworkNeedCategory(id)) return c->label;
  return {id, id};
}

}  // namespace

FieldErrors CheckMonitoringScope(const MonitoringScope& s, const NetworkSnapshot& snap) {
  FieldErrors e;
  const Territory& t = snap.frame->territory;
  CheckOneTerritory(e, t, s.region, s.orp);
  CheckDateParam(e, "from", s.from);
  CheckDateParam(e, "to", s.to);
  if (IsIsoDate(s.from) && IsIsoDate(s.to) && s.to < s.from) e["to"] = "lies before from";
  return e;
}

MonitoringTable Monitoring(const NetworkSnapshot& snap, const MonitoringScope& scope,
                           const std::string& today) {
  std::vector<const Meeting*> meetings;
  meetings.reserve(snap.meetings.size());
  for (const auto& [id, m] : snap.meetings) meetings.push_back(m.get());
  std::vector<const Need*> needs;
  needs.reserve(snap.needs.size());
  for (const auto& [id, n] : snap.needs) needs.push_back(n.get());
  std::vector<StepOfOrp> steps;
  for (const auto& [id, step] : snap.steps) {
    auto goal = snap.goals.find(step->goal_id);
    auto theme =
        goal == snap.goals.end() ? snap.themes.end() : snap.themes.find(goal->second->theme_id);
    if (theme != snap.themes.end()) steps.push_back({step.get(), theme->second->orp_code});
  }
  ServiceQuery cards;  // the cards relevant to the territory, counted by the index
  cards.orp = scope.orp;
  cards.region = scope.region;
  cards.limit = 0;
  ServiceIndex::Hits hits = snap.index->Search(cards, snap.overlay);
  MonitoringTable t = ComputeMonitoring(meetings, needs, steps, static_cast<int64_t>(hits.total),
                                        scope, today, snap.frame->territory, snap.frame->reference);
  t.records += hits.sources;
  return t;
}

Result<std::string> MonitoringJson(const Caller& caller, const NetworkSnapshot& snap,
                                   const MonitoringScope& scope, const std::string& today) {
  PROSIT_RETURN_IF_ERROR(
      MayReadScope(caller, snap.frame->territory, scope.region, scope.orp, true));
  const ReferenceData& ref = snap.frame->reference;
  MonitoringTable t = Monitoring(snap, scope, today);
  json categories = json::array();
  for (const auto& [id, count] : t.meetings_by_category) {
    const Category* c = ref.FindMeetingCategory(id);
    categories.push_back(
        {{"category", id}, {"cs", c->label.cs}, {"en", c->label.en}, {"count", count}});
  }
  json areas = json::array();
  for (const auto& [id, count] : t.needs_by_area) {
    Label l = AreaLabel(ref, id);
    areas.push_back({{"id", id}, {"cs", l.cs}, {"en", l.en}, {"count", count}});
  }
  json trend = json::array();
  for (const auto& [month, m] : t.by_month)
    trend.push_back(
        {{"month", month}, {"meetings", m.meetings}, {"needs", m.needs}, {"steps", m.steps}});
  json j = {
      {"scope",
       {{"from", scope.from}, {"to", scope.to}, {"region", scope.region}, {"orp", scope.orp}}},
      {"meetings", {{"total", t.meetings}, {"people", t.people}, {"by_category", categories}}},
      {"records", t.meetings},
      {"service_cards", t.service_cards},
      {"needs", {{"total", t.needs}, {"by_status", t.needs_by_status}, {"by_area", areas}}},
      {"steps",
       {{"by_status", t.steps_by_status}, {"overdue", t.steps_overdue}, {"done", t.steps_done}}},
      {"trend", trend},
      {"method", {{"records", ProvenanceCountsToJson(t.records)}}}};
  return j.dump();
}

Result<std::string> MonitoringCsv(const Caller& caller, const NetworkSnapshot& snap,
                                  const MonitoringScope& scope, const std::string& today,
                                  Lang lang) {
  PROSIT_RETURN_IF_ERROR(
      MayReadScope(caller, snap.frame->territory, scope.region, scope.orp, true));
  const ReferenceData& ref = snap.frame->reference;
  MonitoringTable t = Monitoring(snap, scope, today);
  const LabelCatalog& catalog = LabelCatalog::BuiltIn();
  std::string out = kCsvByteOrderMark;
  for (const char* column : {"section", "key", "section_label", "label"})
    out += catalog.FieldPath("monitoring_csv", column, lang) + ";";
  out += catalog.FieldPath("monitoring_csv", "count", lang) + "\n";
  // A key without a label of its own (a month) stands for itself; statuses and totals are
  // labelled from the catalog's `group`.
  auto row = [&](const std::string& section, const std::string& key, const Label& label,
                 int64_t count, const char* group = "") {
    const std::string* section_label = catalog.Enum("monitoring_sections", section, lang);
    const std::string* key_label = catalog.Enum(group, key, lang);
    std::string text = lang == Lang::kCs ? label.cs : label.en;
    if (text.empty()) text = key_label ? *key_label : key;
    out += section + ";" + CsvField(key) + ";" +
           CsvField(section_label ? *section_label : section) + ";" + CsvField(text) + ";" +
           std::to_string(count) + "\n";
  };
  for (const auto& [id, count] : t.meetings_by_category)
    row("meetings_by_category", id, ref.FindMeetingCategory(id)->label, count);
  row("totals", "meetings", {}, t.meetings, "monitoring_totals");
  row("totals", "people", {}, t.people, "monitoring_totals");
  row("totals", "records", {}, t.meetings, "monitoring_totals");
  row("totals", "service_cards", {}, t.service_cards, "monitoring_totals");
  row("totals", "needs", {}, t.needs, "monitoring_totals");
  for (const auto& [status, count] : t.needs_by_status)
    row("needs_by_status", status, {}, count, "need_statuses");
  for (const auto& [id, count] : t.needs_by_area)
    row("needs_by_area", id, AreaLabel(ref, id), count);
  for (const auto& [status, count] : t.steps_by_status)
    row("steps_by_status", status, {}, count, "step_statuses");
  row("totals", "steps_overdue", {}, t.steps_overdue, "monitoring_totals");
  row("totals", "steps_done", {}, t.steps_done, "monitoring_totals");
  for (const auto& [month, m] : t.by_month) {
    row("meetings_by_month", month, {}, m.meetings);
    row("needs_by_month", month, {}, m.needs);
    row("steps_by_month", month, {}, m.steps);
  }
  return out;
}

}  // namespace prosit
