#include "analysis/cooperation_graph.h"

#include <algorithm>
#include <unordered_map>

namespace prosit {

namespace {

bool AnyRating(const PartnerRatings& r) {
  return r.power_influence || r.involvement || r.resource_contribution || r.reliability ||
         r.mission_support || r.openness;
}

}  // namespace

int32_t CooperationGraph::IndexOf(int64_t actor_id) const {
  auto it = std::lower_bound(nodes.begin(), nodes.end(), actor_id,
                             [](const CooperationNode& n, int64_t id) { return n.actor_id < id; });
  return it != nodes.end() && it->actor_id == actor_id ? static_cast<int32_t>(it - nodes.begin())
                                                       : -1;
}

void CooperationGraphBuilder::AddActor(int64_t actor_id, std::string sector) {
  nodes_.push_back({actor_id, std::move(sector)});
}

void CooperationGraphBuilder::Add(Pending p) {
  if (p.a == p.b) {
    ++self_ties_;
    return;
  }
  if (p.a > p.b) std::swap(p.a, p.b);
  ties_.push_back(std::move(p));
}

void CooperationGraphBuilder::AddDeclaredTie(const Tie& tie) {
  Add({tie.actor_a, tie.actor_b, nullptr, tie.type, 0, tie.ratings, AnyRating(tie.ratings)});
}

void CooperationGraphBuilder::AddCoAttendance(int64_t actor_a, int64_t actor_b, int meetings) {
  Add({actor_a, actor_b, kCoAttendance, "", meetings, {}, false});
}

CooperationGraph CooperationGraphBuilder::Build() && {
  CooperationGraph g;
  g.self_ties = self_ties_;
  std::sort(nodes_.begin(), nodes_.end(),
            [](const auto& x, const auto& y) { return x.actor_id < y.actor_id; });
  nodes_.erase(std::unique(nodes_.begin(), nodes_.end(),
                           [](const auto& x, const auto& y) { return x.actor_id == y.actor_id; }),
               nodes_.end());
  g.nodes = std::move(nodes_);

  // Ties in node-index order, so equal pairs are adjacent and edges come out sorted.
  struct Placed {
    int32_t a, b;
    const Pending* tie;
  };
  std::vector<Placed> placed;
  placed.reserve(ties_.size());
  for (const Pending& t : ties_) {
    int32_t a = g.IndexOf(t.a), b = g.IndexOf(t.b);
    if (a < 0 || b < 0) {
      ++g.ties_leaving;
      continue;
    }
    placed.push_back({a, b, &t});
  }
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& x, const Placed& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  for (const Placed& p : placed) {
    if (g.edges.empty() || g.edges.back().a != p.a || g.edges.back().b != p.b)
      g.edges.push_back({p.a, p.b, {}, 0, 0, {}});
    CooperationEdge& e = g.edges.back();
    const Pending& t = *p.tie;
    if (t.type) {
      e.shared_meetings += t.meetings;
      e.types.push_back(t.type);
    } else {
      ++e.declared_ties;
      e.types.push_back(t.declared_type);
      if (t.rated) e.ratings.push_back(t.ratings);
    }
  }
  for (CooperationEdge& e : g.edges) {
    std::sort(e.types.begin(), e.types.end());
    e.types.erase(std::unique(e.types.begin(), e.types.end()), e.types.end());
  }
  return g;
}

}  // namespace prosit
