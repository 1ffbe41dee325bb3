#pragma once
// NetworkMetrics: the structure of a cooperation graph — density, centrality of each
// actor and centralization of the whole, components and isolates, k-cores, and Leiden
// communities with their modularity. Computed with igraph (components, cores, Leiden,
// modularity, centralization maxima) and one shared breadth-first pass for the
// shortest-path measures (analysis/path_centrality.h). Pure: the same graph and seed give
// the same result. A measure that is undefined for the graph is empty (JSON null), and
// `notes` says why.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/cooperation_graph.h"
#include "model/status.h"

namespace prosit {

// The seed of the community search's random choices; fixed so that the same graph gives
// the same communities.
inline constexpr uint64_t kCommunitySeed = 20161;
// Leiden's randomness in refining a community (igraph's suggested value).
inline constexpr double kLeidenBeta = 0.01;

struct ActorMetrics {
  int degree = 0;                           // partners
  std::optional<double> degree_centrality;  // degree / (n-1); n ≥ 2
  double betweenness_raw = 0;               // see PathCentrality::betweenness
  std::optional<double> betweenness;        // raw / ((n-1)(n-2)/2); n ≥ 3
  std::optional<double> closeness;          // Wasserman–Faust; n ≥ 2
  std::optional<double> harmonic;           // Σ 1/d / (n-1); n ≥ 2
  int coreness = 0;                         // the largest k of a k-core containing it
  int component = 0;                        // 0 = the largest, then by size, ties by first actor
  int community = 0;                        // 0 = the largest, numbered like components
};

struct NetworkMetrics {
  int actors = 0, ties = 0;
  std::optional<double> density;  // ties / (n(n-1)/2); n ≥ 2
  int components = 0;
  std::vector<int> component_sizes;  // largest first
  int isolates = 0;                  // actors without a tie
  // Freeman centralization: Σ(max − c_v) over the most it can be (a star of n actors),
  // from degree, betweenness and closeness; n ≥ 3.
  std::optional<double> degree_centralization, betweenness_centralization, closeness_centralization;
  std::vector<int> community_sizes;  // largest first
  std::optional<double> modularity;  // of the Leiden partition; needs a tie
  uint64_t community_seed = kCommunitySeed;
  int max_coreness = 0;
  std::vector<int> actors_by_coreness;  // [k] = actors whose coreness is k
  std::vector<ActorMetrics> per_actor;  // by node index
  std::vector<std::string> notes;
};

// `threads` caps the threads of the shortest-path searches (0: the machine's cores, at most
// 8); the figures do not depend on it.
Result<NetworkMetrics> ComputeNetworkMetrics(const CooperationGraph& g,
                                             uint64_t seed = kCommunitySeed, int threads = 0);

}  // namespace prosit
