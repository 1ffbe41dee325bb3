#include "app/networking/monitoring_queries.h"

#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

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

Result<CardChanges> CardChangesOf(Store& store, const MonitoringScope& scope) {
  return store.ChangeOps(EntityKind::kServiceCard, scope.from, scope.to);
}

namespace {

// The snapshot's meetings, needs and steps (with their theme's ORP), gathered once.
struct WorkRecords {
  std::vector<const Meeting*> meetings;
  std::vector<const Need*> needs;
  std::vector<StepOfOrp> steps;
};

WorkRecords GatherWork(const NetworkSnapshot& snap) {
  WorkRecords w;
  w.meetings.reserve(snap.meetings.size());
  for (const auto& [id, m] : snap.meetings) w.meetings.push_back(m.get());
  w.needs.reserve(snap.needs.size());
  for (const auto& [id, n] : snap.needs) w.needs.push_back(n.get());
  for (const auto& [id, step] : snap.steps) {
    auto goal = snap.goals.find(step->goal_id);
    auto theme =
        goal == snap.goals.end() ? snap.themes.end() : snap.themes.find(goal->second->theme_id);
    if (theme != snap.themes.end()) w.steps.push_back({step.get(), theme->second->orp_code});
  }
  return w;
}

// The records of each column: a column gets only those of its ORP or region (a region's
// own records too), so that the columns together cost one pass more, not one each.
std::vector<WorkRecords> Partition(const WorkRecords& w,
                                   const std::vector<MonitoringScope>& columns,
                                   const Territory& territory) {
  std::unordered_map<std::string, size_t> column_of;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i].orp.empty()) {
      column_of[columns[i].orp] = i;
      continue;
    }
    column_of[columns[i].region] = i;
    for (const std::string& orp : territory.OrpsOfRegion(columns[i].region)) column_of[orp] = i;
  }
  std::vector<WorkRecords> parts(columns.size());
  for (const Meeting* m : w.meetings)
    if (auto it = column_of.find(m->orp_code); it != column_of.end())
      parts[it->second].meetings.push_back(m);
  for (const Need* n : w.needs)
    if (auto it = column_of.find(n->orp_code); it != column_of.end())
      parts[it->second].needs.push_back(n);
  for (const StepOfOrp& s : w.steps)
    if (auto it = column_of.find(s.orp_code); it != column_of.end())
      parts[it->second].steps.push_back(s);
  return parts;
}

// The cards of a scope now (`now`, counted by the index), and what became of them in its
// period.
CardActivity CardsOf(const NetworkSnapshot& snap, const MonitoringScope& scope,
                     const CardChanges& changes, int64_t now) {
  CardActivity a;
  a.now = now;
  std::vector<std::string> list = ScopeOrps(scope, snap.frame->territory);
  std::unordered_set<std::string> orps(list.begin(), list.end());
  bool whole_country = scope.orp.empty() && scope.region.empty();
  // A card lies where it is delivered or what it serves now; a deleted card counts no more.
  auto in_scope = [&](const CardEntry& e) {
    if (whole_country) return true;
    for (const std::string& o : e.searchable.orps)
      if (orps.count(o)) return true;
    return false;
  };
  std::unordered_set<int64_t> updated;
  for (const auto& [id, op] : changes) {
    const CardEntry* e = snap.FindCard(id);
    if (!e || !in_scope(*e)) continue;
    if (op == "create") ++a.created;
    if (op == "update") updated.insert(id);
  }
  a.updated = static_cast<int64_t>(updated.size());
  for (const auto& [id, e] : snap.cards) {
    const std::string& v = e->card.last_verified;
    if (v.empty() || (!scope.from.empty() && v < scope.from) || (!scope.to.empty() && v > scope.to))
      continue;
    a.verified += in_scope(*e);
  }
  return a;
}

// The table of one scope from the records handed in.
MonitoringTable TableOf(const NetworkSnapshot& snap, const WorkRecords& w,
                        const MonitoringScope& scope, const std::string& today,
                        const CardChanges& changes) {
  ServiceQuery cards;  // the cards relevant to the territory, counted by the index
  cards.orp = scope.orp;
  cards.region = scope.region;
  cards.limit = 0;
  ServiceIndex::Hits hits = snap.index->Search(cards, snap.overlay);
  CardActivity activity = CardsOf(snap, scope, changes, static_cast<int64_t>(hits.total));
  MonitoringTable t = ComputeMonitoring(w.meetings, w.needs, w.steps, activity, scope, today,
                                        snap.frame->territory, snap.frame->reference);
  t.records += hits.sources;
  return t;
}

// The rows of "Síťování v číslech" after the meeting categories: key and labels.
struct TotalRow {
  const char* key;
  Label label;
  int64_t (*value)(const MonitoringTable&);
};

const std::vector<TotalRow>& TotalRows() {
  static const std::vector<TotalRow> rows = {
      {"meetings",
       {"Setkání celkem", "Meetings in all"},
       [](const MonitoringTable& t) { return t.meetings; }},
      {"records",
       {"Zápisy", "Records (minutes)"},
       [](const MonitoringTable& t) { return t.meeting_records; }},
      {"service_cards",
       {"Karty služeb", "Service cards"},
       [](const MonitoringTable& t) { return t.cards.now; }},
      {"cards_created",
       {"Karty služeb založené v období", "Service cards created in the period"},
       [](const MonitoringTable& t) { return t.cards.created; }},
      {"cards_updated",
       {"Karty služeb aktualizované v období", "Service cards updated in the period"},
       [](const MonitoringTable& t) { return t.cards.updated; }},
      {"cards_verified",
       {"Karty služeb ověřené v období", "Service cards verified in the period"},
       [](const MonitoringTable& t) { return t.cards.verified; }},
  };
  return rows;
}

std::string TerritoryName(const Territory& territory, const MonitoringScope& s) {
  if (!s.orp.empty()) return territory.FindOrp(s.orp)->name;
  if (!s.region.empty()) return territory.FindRegion(s.region)->name;
  return "Česká republika";
}

// The seeds' table: a row per meeting category and per total, a column per part of the
// scope (ColumnScopes) and the scope itself last.
json ColumnTable(const NetworkSnapshot& snap, const MonitoringScope& scope,
                 const MonitoringTable& total, const std::string& today, const CardChanges& changes,
                 const WorkRecords& work) {
  const Territory& territory = snap.frame->territory;
  std::vector<MonitoringScope> scopes = ColumnScopes(scope, territory);
  std::vector<WorkRecords> parts = Partition(work, scopes, territory);
  std::vector<MonitoringTable> tables;
  for (size_t i = 0; i < scopes.size(); ++i)
    tables.push_back(TableOf(snap, parts[i], scopes[i], today, changes));
  scopes.push_back(scope);
  tables.push_back(total);
  json columns = json::array();
  for (size_t i = 0; i < scopes.size(); ++i) {
    const MonitoringScope& c = scopes[i];
    bool is_total = i + 1 == scopes.size();
    columns.push_back({{"code", c.orp.empty() ? c.region : c.orp},
                       {"level", !c.orp.empty()      ? "orp"
                                 : !c.region.empty() ? "region"
                                                     : "country"},
                       {"name", TerritoryName(territory, c)},
                       {"total", is_total}});
  }
  json rows = json::array();
  const ReferenceData& ref = snap.frame->reference;
  for (size_t k = 0; k < total.meetings_by_category.size(); ++k) {
    json values = json::array();
    for (const MonitoringTable& t : tables) values.push_back(t.meetings_by_category[k].second);
    const Category* c = ref.FindMeetingCategory(total.meetings_by_category[k].first);
    rows.push_back({{"key", c->id}, {"cs", c->label.cs}, {"en", c->label.en}, {"values", values}});
  }
  for (const TotalRow& r : TotalRows()) {
    json values = json::array();
    for (const MonitoringTable& t : tables) values.push_back(r.value(t));
    rows.push_back({{"key", r.key}, {"cs", r.label.cs}, {"en", r.label.en}, {"values", values}});
  }
  return {{"columns", columns}, {"rows", rows}};
}

json CountsWithLabels(const std::vector<std::pair<std::string, int64_t>>& counts,
                      const ReferenceData& ref) {
  json out = json::array();
  for (const auto& [id, count] : counts) {
    Label l = AreaLabel(ref, id);
    out.push_back({{"id", id}, {"cs", l.cs}, {"en", l.en}, {"count", count}});
  }
  return out;
}

}  // namespace

MonitoringTable Monitoring(const NetworkSnapshot& snap, const MonitoringScope& scope,
                           const std::string& today, const CardChanges& changes) {
  return TableOf(snap, GatherWork(snap), scope, today, changes);
}

Result<std::string> MonitoringJson(const Caller& caller, const NetworkSnapshot& snap, Store& store,
                                   const MonitoringScope& scope, const std::string& today) {
  PROSIT_RETURN_IF_ERROR(
      MayReadScope(caller, snap.frame->territory, scope.region, scope.orp, true));
  const ReferenceData& ref = snap.frame->reference;
  auto changes = CardChangesOf(store, scope);
  if (!changes.ok()) return changes.status();
  WorkRecords work = GatherWork(snap);
  MonitoringTable t = TableOf(snap, work, scope, today, *changes);
  json categories = json::array();
  for (const auto& [id, count] : t.meetings_by_category) {
    const Category* c = ref.FindMeetingCategory(id);
    categories.push_back(
        {{"category", id}, {"cs", c->label.cs}, {"en", c->label.en}, {"count", count}});
  }
  json trend = json::array();
  for (const auto& [month, m] : t.by_month)
    trend.push_back(
        {{"month", month}, {"meetings", m.meetings}, {"needs", m.needs}, {"steps", m.steps}});
  json j = {
      {"scope",
       {{"from", scope.from}, {"to", scope.to}, {"region", scope.region}, {"orp", scope.orp}}},
      {"meetings",
       {{"total", t.meetings},
        {"with_record", t.meeting_records},
        {"people", t.people},
        {"by_category", categories}}},
      {"records", t.meeting_records},
      {"service_cards", t.service_cards},
      {"cards",
       {{"now", t.cards.now},
        {"created", t.cards.created},
        {"updated", t.cards.updated},
        {"verified", t.cards.verified}}},
      {"needs",
       {{"total", t.needs},
        {"by_status", t.needs_by_status},
        {"by_need_area", CountsWithLabels(t.needs_by_need_area, ref)},
        {"by_network_need", CountsWithLabels(t.needs_by_network_need, ref)}}},
      {"steps",
       {{"by_status", t.steps_by_status}, {"overdue", t.steps_overdue}, {"done", t.steps_done}}},
      {"trend", trend},
      {"table", ColumnTable(snap, scope, t, today, *changes, work)},
      {"method", {{"records", ProvenanceCountsToJson(t.records)}}}};
  return j.dump();
}

Result<std::string> MonitoringCsv(const Caller& caller, const NetworkSnapshot& snap, Store& store,
                                  const MonitoringScope& scope, const std::string& today,
                                  Lang lang) {
  PROSIT_RETURN_IF_ERROR(
      MayReadScope(caller, snap.frame->territory, scope.region, scope.orp, true));
  const ReferenceData& ref = snap.frame->reference;
  auto changes = CardChangesOf(store, scope);
  if (!changes.ok()) return changes.status();
  MonitoringTable t = Monitoring(snap, scope, today, *changes);
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
  for (const TotalRow& r : TotalRows()) row("totals", r.key, r.label, r.value(t));
  row("totals", "people", {}, t.people, "monitoring_totals");
  row("totals", "needs", {}, t.needs, "monitoring_totals");
  for (const auto& [status, count] : t.needs_by_status)
    row("needs_by_status", status, {}, count, "need_statuses");
  for (const auto& [id, count] : t.needs_by_need_area)
    row("needs_by_need_area", id, AreaLabel(ref, id), count);
  for (const auto& [id, count] : t.needs_by_network_need)
    row("needs_by_network_need", id, AreaLabel(ref, id), count);
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
