#include "analysis/monitoring.h"

#include <unordered_map>
#include <unordered_set>

namespace prosit {

std::vector<std::string> ScopeOrps(const MonitoringScope& scope, const Territory& territory) {
  if (!scope.orp.empty()) return {scope.orp};
  std::vector<std::string> orps;
  if (scope.region.empty()) return orps;
  for (const auto& o : territory.orps())
    if (o.region_code == scope.region) orps.push_back(o.code);
  return orps;
}

namespace {

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

bool HasRecord(const Meeting& m) { return !Blank(m.notes) || !Blank(m.outputs); }

std::vector<MonitoringScope> ColumnScopes(const MonitoringScope& scope,
                                          const Territory& territory) {
  std::vector<MonitoringScope> columns;
  if (!scope.orp.empty()) return columns;
  if (!scope.region.empty()) {
    for (const std::string& orp : territory.OrpsOfRegion(scope.region))
      columns.push_back({scope.from, scope.to, "", orp});
    return columns;
  }
  for (const Region& r : territory.regions()) columns.push_back({scope.from, scope.to, r.code, ""});
  return columns;
}

MonitoringTable ComputeMonitoring(const std::vector<const Meeting*>& meetings,
                                  const std::vector<const Need*>& needs,
                                  const std::vector<StepOfOrp>& steps, const CardActivity& cards,
                                  const MonitoringScope& scope, const std::string& today,
                                  const Territory& territory, const ReferenceData& reference) {
  std::vector<std::string> orp_list = ScopeOrps(scope, territory);
  std::unordered_set<std::string> orps(orp_list.begin(), orp_list.end());
  bool whole_country = scope.orp.empty() && scope.region.empty();
  auto in_scope = [&](const std::string& orp, const std::string& date) {
    if (!scope.from.empty() && date < scope.from) return false;
    if (!scope.to.empty() && date > scope.to) return false;
    // A region-level record (its orp_code the region's code) counts in the region.
    return whole_country || orps.count(orp) > 0 || (scope.orp.empty() && orp == scope.region);
  };

  MonitoringTable t;
  t.service_cards = cards.now;
  t.cards = cards;
  std::unordered_map<std::string, int64_t> by_category;
  for (const Meeting* m : meetings) {
    if (!in_scope(m->orp_code, m->date)) continue;
    ++t.meetings;
    t.meeting_records += HasRecord(*m);
    t.records.Add(m->source);
    t.people += m->people;
    ++by_category[m->category];
    ++t.by_month[m->date.substr(0, 7)].meetings;
  }
  for (const auto& c : reference.meeting_categories)
    t.meetings_by_category.emplace_back(c.id, by_category[c.id]);
  for (const char* status : kNeedStatuses) t.needs_by_status[status] = 0;
  std::unordered_map<std::string, int64_t> by_area, by_network_need;
  for (const Need* n : needs) {
    if (!in_scope(n->orp_code, n->date)) continue;
    ++t.needs;
    t.records.Add(n->source);
    ++t.needs_by_status[n->status];
    // A need may name both a need area and a network-need category: it counts under each.
    if (!n->need_area.empty()) ++by_area[n->need_area];
    if (!n->network_need.empty()) ++by_network_need[n->network_need];
    ++t.by_month[n->date.substr(0, 7)].needs;
  }
  for (const auto& a : reference.need_areas) t.needs_by_need_area.emplace_back(a.id, by_area[a.id]);
  for (const auto& c : reference.network_need_categories)
    t.needs_by_network_need.emplace_back(c.id, by_network_need[c.id]);
  for (const char* status : kStepStatuses) t.steps_by_status[status] = 0;
  for (const StepOfOrp& s : steps) {
    // Work done counts when it was done; a step without the date is not counted.
    if (!s.step->completed_on.empty() && in_scope(s.orp_code, s.step->completed_on)) ++t.steps_done;
    if (!in_scope(s.orp_code, s.step->deadline)) continue;
    ++t.steps_by_status[s.step->status];
    t.records.Add(s.step->source);
    ++t.by_month[s.step->deadline.substr(0, 7)].steps;
    t.steps_overdue += IsOverdue(*s.step, today);
  }
  return t;
}

}  // namespace prosit
