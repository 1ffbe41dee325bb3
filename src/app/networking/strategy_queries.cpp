#include "app/networking/strategy_queries.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "app/accounts/permissions.h"
#include "app/networking/record_names.h"
#include "app/query_scope.h"
#include "io/strategy_json.h"
#include "model/validation.h"

namespace prosit {

using nlohmann::json;

namespace {

// Records of a map, filtered, in the order `less` gives.
template <typename T, typename Keep, typename Less>
std::vector<const T*> Select(const std::map<int64_t, std::shared_ptr<const T>>& map, Keep keep,
                             Less less) {
  std::vector<const T*> out;
  for (const auto& [id, record] : map)
    if (keep(*record)) out.push_back(record.get());
  std::stable_sort(out.begin(), out.end(), [&](const T* a, const T* b) { return less(*a, *b); });
  return out;
}

// Applies one change-log row to the records as they held at the end of `date`: a version
// counts from its valid_from when it has one (history entered later, e.g. moved from
// paper), else from the day it was entered; a removal from the day it was made. Rows come
// in log order, so of the versions that count, the newest stays.
template <typename T, typename Parse>
Status ReplayAsOf(const ChangeEntry& change, Parse parse, const std::string& date,
                  std::map<int64_t, std::shared_ptr<const T>>& into) {
  const std::string entered = change.at.substr(0, 10);
  if (!change.after) {
    if (entered <= date) into.erase(change.entity_id);
    return Status::Ok();
  }
  auto record = parse(*change.after, nullptr);
  if (!record.ok()) return Status::Corruption("change log: " + record.status().ToString());
  const std::string& from = record->valid_from.empty() ? entered : record->valid_from;
  if (from <= date) into[change.entity_id] = std::make_shared<const T>(std::move(*record));
  return Status::Ok();
}

}  // namespace

std::string StrategyJson(const StrategyRecords& r, const std::string& orp, const std::string& at,
                         const std::string& today, const Caller* caller,
                         const NetworkSnapshot* snap) {
  auto render = [&](const auto& record) {
    return caller && snap ? JsonWithNames(*caller, *snap, record)
                          : RecordKind<std::decay_t<decltype(record)>>::ToJson(record);
  };
  int overdue = 0;
  json themes = json::array();
  for (const Theme* t : Select(
           r.themes, [&](const Theme&t) { return t.orp_code == orp; },
           [](const Theme&a, const Theme&b) { return a.since < b.since; })) {
    json goals = json::array();
    for (const Goal* g : Select(
             r.goals, [&](const Goal&g) { return g.theme_id == t->id; },
             [](const Goal&a, const Goal&b) { return a.since < b.since; })) {
      json steps = json::array();
      for (const Step* s : Select(
               r.steps, [&](const Step&s) { return s.goal_id == g->id; },
               [](const Step&a, const Step&b) { return a.deadline < b.deadline; })) {
        json step = render(*s);
        step["overdue"] = IsOverdue(*s, today);
        overdue += IsOverdue(*s, today);
        steps.push_back(std::move(step));
      }
      json goal = render(*g);
      goal["steps"] = std::move(steps);
      goals.push_back(std::move(goal));
    }
    json theme = ThemeToJson(*t);
    theme["goals"] = std::move(goals);
    themes.push_back(std::move(theme));
  }
  return json{{"orp", orp},
              {"level", IsRegionCode(orp) ? "region" : "orp"},
              {"at", at},
              {"themes", themes},
              {"overdue", overdue}}
      .dump();
}

Result<StrategyRecords> StrategyAsOf(Store& store, const std::string& date) {
  // Every row: one entered later may say it held earlier.
  auto changes = store.ChangesUntil({EntityKind::kTheme, EntityKind::kGoal, EntityKind::kStep},
                                    "9999-12-31T23:59:59Z");
  if (!changes.ok()) return changes.status();
  StrategyRecords r;
  for (const auto& c : *changes) {
    Status s = c.kind == EntityKind::kTheme  ? ReplayAsOf(c, ThemeFromJson, date, r.themes)
               : c.kind == EntityKind::kGoal ? ReplayAsOf(c, GoalFromJson, date, r.goals)
                                             : ReplayAsOf(c, StepFromJson, date, r.steps);
    PROSIT_RETURN_IF_ERROR(s);
  }
  return r;
}

StrategyRecords CurrentStrategy(const NetworkSnapshot& snap) {
  return {snap.themes, snap.goals, snap.steps};
}

Result<std::string> ListOverdueSteps(const Caller& caller, const NetworkSnapshot& snap,
                                     const std::string& region, const std::string& orp,
                                     const std::string& today, size_t offset, size_t limit) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, snap.frame->territory, region, orp, false));
  struct Row {
    const Step* step;
    const Goal* goal;
    const Theme* theme;
  };
  std::vector<Row> rows;
  for (const auto& [id, s] : snap.steps) {
    if (!IsOverdue(*s, today)) continue;
    auto g = snap.goals.find(s->goal_id);
    if (g == snap.goals.end()) continue;
    auto t = snap.themes.find(g->second->theme_id);
    if (t == snap.themes.end()) continue;
    if (!OrpInScope(snap.frame->territory, t->second->orp_code, region, orp, caller)) continue;
    rows.push_back({s.get(), g->second.get(), t->second.get()});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.step->deadline < b.step->deadline; });
  std::vector<std::string> rendered;
  for (size_t i = offset; i < rows.size() && rendered.size() < limit; ++i)
    rendered.push_back(json{{"step", JsonWithNames(caller, snap, *rows[i].step)},
                            {"goal", JsonWithNames(caller, snap, *rows[i].goal)},
                            {"theme", ThemeToJson(*rows[i].theme)}}
                           .dump());
  return RenderPage({rendered.begin(), rendered.end()}, rows.size(), offset, limit);
}

namespace {

// The ids of themes, goals and steps that belong to an ORP's strategy in `r`.
struct OrpStrategyIds {
  std::set<int64_t> themes, goals, steps;
};

OrpStrategyIds IdsOf(const StrategyRecords& r, const std::string& orp) {
  OrpStrategyIds ids;
  for (const auto& [id, t] : r.themes)
    if (t->orp_code == orp) ids.themes.insert(id);
  for (const auto& [id, g] : r.goals)
    if (ids.themes.count(g->theme_id)) ids.goals.insert(id);
  for (const auto& [id, s] : r.steps)
    if (ids.goals.count(s->goal_id)) ids.steps.insert(id);
  return ids;
}

// Appends the differences of one kind between two states.
template <typename T>
void Diff(const char* kind, const std::map<int64_t, std::shared_ptr<const T>>& before,
          const std::set<int64_t>& before_ids,
          const std::map<int64_t, std::shared_ptr<const T>>& after,
          const std::set<int64_t>& after_ids, json (*to_json)(const T&), json& out) {
  std::set<int64_t> all(before_ids);
  all.insert(after_ids.begin(), after_ids.end());
  for (int64_t id : all) {
    bool was = before_ids.count(id), is = after_ids.count(id);
    json b = was ? to_json(*before.at(id)) : json(nullptr);
    json a = is ? to_json(*after.at(id)) : json(nullptr);
    if (was && is) {
      b.erase("version");  // a new version with the same content is no change
      json a_cmp = a;
      a_cmp.erase("version");
      if (a_cmp == b) continue;
      b = to_json(*before.at(id));
    }
    out.push_back({{"kind", kind},
                   {"id", id},
                   {"change", !was  ? "added"
                              : !is ? "removed"
                                    : "changed"},
                   {"before", b},
                   {"after", a}});
  }
}

}  // namespace

std::string StrategyChangesJson(const StrategyRecords& before, const StrategyRecords& after,
                                const std::string& orp, const std::string& from,
                                const std::string& to) {
  OrpStrategyIds b = IdsOf(before, orp), a = IdsOf(after, orp);
  json changes = json::array();
  Diff("theme", before.themes, b.themes, after.themes, a.themes, ThemeToJson, changes);
  Diff("goal", before.goals, b.goals, after.goals, a.goals, GoalToJson, changes);
  Diff("step", before.steps, b.steps, after.steps, a.steps, StepToJson, changes);
  return json{{"orp", orp}, {"from", from}, {"to", to}, {"changes", changes}}.dump();
}

namespace {

// An ORP's strategy is read as the ORP's records; a region's (orp naming a region: the
// route's ?region=) as a region-level record, by the networkers of its ORPs too.
Status MayReadStrategy(const Caller& caller, const NetworkSnapshot& snap, const std::string& code) {
  if (snap.frame->territory.FindRegion(code)) return MayReadWork(caller, PlaceOfCode(code, snap));
  return MayReadScope(caller, snap.frame->territory, "", code, true);
}

}  // namespace

Result<std::string> StrategyDocument(const Caller& caller, const NetworkSnapshot& snap,
                                     Store& store, const std::string& orp, const std::string& at,
                                     const std::string& today) {
  FieldErrors errors;
  if (!IsOrpOrRegion(snap.frame->territory, orp))
    errors["orp"] = "name the ORP (or region) whose strategy to show";
  CheckDateParam(errors, "at", at);
  if (!errors.empty()) return Status::Invalid("the query has invalid parameters", errors);
  PROSIT_RETURN_IF_ERROR(MayReadStrategy(caller, snap, orp));
  if (at.empty() || at >= today)
    return StrategyJson(CurrentStrategy(snap), orp, today, today, &caller, &snap);
  auto past = StrategyAsOf(store, at);
  if (!past.ok()) return past.status();
  return StrategyJson(*past, orp, at, at, &caller, &snap);
}

Result<std::string> StrategyChangesDocument(const Caller& caller, const NetworkSnapshot& snap,
                                            Store& store, const std::string& orp,
                                            const std::string& from, std::string to,
                                            const std::string& today) {
  FieldErrors errors;
  if (!IsOrpOrRegion(snap.frame->territory, orp))
    errors["orp"] = "name the ORP (or region) whose strategy to compare";
  if (!IsIsoDate(from)) errors["from"] = "is not a date YYYY-MM-DD";
  CheckDateParam(errors, "to", to);
  if (!errors.count("to") && !to.empty() && to < from) errors["to"] = "lies before from";
  if (!errors.empty()) return Status::Invalid("the query has invalid parameters", errors);
  PROSIT_RETURN_IF_ERROR(MayReadStrategy(caller, snap, orp));
  auto before = StrategyAsOf(store, from);
  if (!before.ok()) return before.status();
  if (to.empty()) to = today;
  auto after =
      to >= today ? Result<StrategyRecords>(CurrentStrategy(snap)) : StrategyAsOf(store, to);
  if (!after.ok()) return after.status();
  return StrategyChangesJson(*before, *after, orp, from, to);
}

}  // namespace prosit
