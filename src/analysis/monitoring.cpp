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

MonitoringTable ComputeMonitoring(const std::vector<const Meeting*>& meetings,
                                  const std::vector<const Need*>& needs,
                                  const std::vector<StepOfOrp>& steps, int64_t service_cards,
                                  const MonitoringScope& scope, const std::string& today,
                                  const Territory& territory, const ReferenceData& reference) {
  std::vector<std::string> orp_list = ScopeOrps(scope, territory);
  std::unordered_set<std::string> orps(orp_list.begin(), orp_list.end());
  bool whole_country = scope.orp.empty() && scope.region.empty();
  auto in_scope = [&](const std::string& orp, const std::string& date) {
    if (!scope.from.empty() && date < scope.from) return false;
    if (!scope.to.empty() && date > scope.to) return false;
    return whole_country || orps.count(orp) > 0;
  };

  MonitoringTable t;
  t.service_cards = service_cards;
  std::unordered_map<std::string, int64_t> by_category;
  for (const Meeting* m : meetings) {
    if (!in_scope(m->orp_code, m->date)) continue;
    ++t.meetings;
    t.records.Add(m->source);
    t.people += m->people;
    ++by_category[m->category];
    ++t.by_month[m->date.substr(0, 7)].meetings;
  }
  for (const auto& c : reference.meeting_categories)
    t.meetings_by_category.emplace_back(c.id, by_category[c.id]);
  for (const char* status : kNeedStatuses) t.needs_by_status[status] = 0;
  for (const Need* n : needs) {
    if (!in_scope(n->orp_code, n->date)) continue;
    ++t.needs;
    t.records.Add(n->source);
    ++t.needs_by_status[n->status];
    // A need may name both a need area and a network-need category: it counts under each.
    if (!n->need_area.empty()) ++t.needs_by_area[n->need_area];
    if (!n->network_need.empty()) ++t.needs_by_area[n->network_need];
    ++t.by_month[n->date.substr(0, 7)].needs;
  }
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
