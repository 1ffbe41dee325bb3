#include "analysis/path_centrality.h"

#include <cstdint>

namespace prosit {

namespace {

// Compressed adjacency: the neighbours of v are targets[offsets[v] .. offsets[v+1]).
struct Adjacency {
  std::vector<int32_t> offsets, targets;
};

Adjacency MakeAdjacency(const CooperationGraph& g) {
  size_t n = g.nodes.size();
  Adjacency adj;
  adj.offsets.assign(n + 1, 0);
  for (const auto& e : g.edges) ++adj.offsets[e.a + 1], ++adj.offsets[e.b + 1];
  for (size_t v = 0; v < n; ++v) adj.offsets[v + 1] += adj.offsets[v];
  adj.targets.resize(adj.offsets[n]);
  std::vector<int32_t> fill(adj.offsets.begin(), adj.offsets.end() - 1);
  for (const auto& e : g.edges) adj.targets[fill[e.a]++] = e.b, adj.targets[fill[e.b]++] = e.a;
  return adj;
}

}  // namespace

PathCentrality ComputePathCentrality(const CooperationGraph& g) {
  const int32_t n = static_cast<int32_t>(g.nodes.size());
  PathCentrality pc;
  pc.betweenness.assign(n, 0.0);
  pc.closeness.assign(n, 0.0);
  pc.harmonic.assign(n, 0.0);
  if (n < 2) return pc;
  const Adjacency adj = MakeAdjacency(g);
  const int32_t* off = adj.offsets.data();
  const int32_t* to = adj.targets.data();

  // Per-search state, reset only where the search reached.
  std::vector<int32_t> dist(n, -1), order(n);
  std::vector<double> sigma(n, 0.0), delta(n, 0.0);
  std::vector<int64_t> at_level;
  struct Step {
    int32_t v, w;  // v is one step closer to the source than w
  };
  std::vector<Step> dag;  // the shortest-path edges of one search, in search order
  dag.reserve(adj.targets.size());
  for (int32_t s = 0; s < n; ++s) {
    int32_t head = 0, tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1.0;
    at_level.assign(1, 1);
    while (head < tail) {
      int32_t v = order[head++];
      int32_t dv = dist[v] + 1;
      double sv = sigma[v];
      for (int32_t i = off[v]; i < off[v + 1]; ++i) {
        int32_t w = to[i];
        if (dist[w] < 0) {
          dist[w] = dv;
          order[tail++] = w;
          if (static_cast<size_t>(dv) == at_level.size()) at_level.push_back(0);
          ++at_level[dv];
        }
        if (dist[w] == dv) {
          sigma[w] += sv;
          dag.push_back({v, w});
        }
      }
    }
    // Distances: closeness and harmonic closeness from the count at each level.
    int64_t reached = tail, dist_sum = 0;
    double inverse_sum = 0.0;
    for (size_t d = 1; d < at_level.size(); ++d) {
      dist_sum += static_cast<int64_t>(d) * at_level[d];
      inverse_sum += static_cast<double>(at_level[d]) / static_cast<double>(d);
    }
    if (dist_sum > 0)
      pc.closeness[s] = static_cast<double>(reached - 1) / static_cast<double>(dist_sum) *
                        static_cast<double>(reached - 1) / static_cast<double>(n - 1);
    pc.harmonic[s] = inverse_sum / static_cast<double>(n - 1);
    // Dependencies, farthest first: each predecessor v of w takes its share
    // sigma[v]/sigma[w] of w's paths and of what passes through w. The shortest-path edges
    // were found in search order, so walking them backwards finishes every w before its
    // predecessors, and touches only those edges rather than every neighbour again.
    for (auto it = dag.rbegin(); it != dag.rend(); ++it)
      delta[it->v] += sigma[it->v] / sigma[it->w] * (1.0 + delta[it->w]);
    for (int32_t k = 1; k < tail; ++k) pc.betweenness[order[k]] += delta[order[k]];
    dag.clear();
    for (int32_t k = 0; k < tail; ++k) {
      int32_t v = order[k];
      dist[v] = -1;
      sigma[v] = 0.0;
      delta[v] = 0.0;
    }
  }
  // Each unordered pair was counted from both of its ends.
  for (double& b : pc.betweenness) b /= 2.0;
  return pc;
}

}  // namespace prosit
