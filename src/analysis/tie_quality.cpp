#include "analysis/tie_quality.h"

#include <initializer_list>
#include <map>

namespace prosit {

namespace {

// The mean of the items rated, or nothing when none is.
std::optional<double> MeanOf(std::initializer_list<std::optional<int>> items) {
  double sum = 0;
  int count = 0;
  for (const auto& i : items)
    if (i) sum += *i, ++count;
  if (count == 0) return std::nullopt;
  return sum / count;
}

struct Sum {
  double total = 0;
  int count = 0;
  void Add(double x) { total += x, ++count; }
  PartnerScore Score() const {
    PartnerScore s;
    s.rated_ties = count;
    if (count > 0) s.mean = total / count, s.percent = *s.mean / 4.0 * 100.0;
    return s;
  }
};

}  // namespace

TieQuality ComputeTieQuality(const CooperationGraph& g) {
  TieQuality q;
  std::map<std::string, int> by_type;
  int64_t type_sum = 0;
  Sum trust, value;
  std::vector<Sum> actor_trust(g.nodes.size()), actor_value(g.nodes.size());
  for (const auto& e : g.edges) {
    for (const auto& t : e.types) ++by_type[t];
    type_sum += static_cast<int64_t>(e.types.size());
    q.multiplex_ties += e.types.size() >= 2;
    for (const PartnerRatings& r : e.ratings) {
      if (auto t = MeanOf({r.reliability, r.mission_support, r.openness})) {
        trust.Add(*t);
        actor_trust[e.a].Add(*t);
        actor_trust[e.b].Add(*t);
      }
      if (auto v = MeanOf({r.power_influence, r.involvement, r.resource_contribution})) {
        value.Add(*v);
        actor_value[e.a].Add(*v);
        actor_value[e.b].Add(*v);
      }
    }
  }
  q.by_type.assign(by_type.begin(), by_type.end());
  if (!g.edges.empty())
    q.mean_multiplexity = static_cast<double>(type_sum) / static_cast<double>(g.edges.size());
  q.trust = trust.Score();
  q.value = value.Score();
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    q.actor_trust.push_back(actor_trust[v].Score());
    q.actor_value.push_back(actor_value[v].Score());
  }
  if (g.edges.empty()) q.notes.push_back("no ties: multiplexity is undefined");
  if (trust.count == 0 && value.count == 0)
    q.notes.push_back(
        "no declared tie in scope carries PARTNER ratings: trust and value are "
        "undefined");
  return q;
}

}  // namespace prosit
