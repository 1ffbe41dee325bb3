#pragma once
// Shortest-path centralities of the cooperation graph (undirected, unweighted):
// betweenness, closeness and harmonic closeness from one breadth-first search per actor
// (Brandes 2001). The three share every search, so the dominant cost is paid once; igraph
// runs one full set of searches per measure (see docs/benchmarks.md). The searches are
// split over threads in fixed blocks of sources whose sums are added in block order, so the
// result does not depend on the number of threads. Checked against igraph and NetworkX in
// the tests.

#include <vector>

#include "analysis/cooperation_graph.h"

namespace prosit {

struct PathCentrality {
  // Pairs {s, t} (s < t, both other than v) whose shortest paths pass through v, each
  // pair split evenly over its shortest paths; igraph's and NetworkX's unnormalised
  // undirected betweenness.
  std::vector<double> betweenness;
  // Wasserman–Faust closeness: (r-1)/Σd · (r-1)/(n-1), with r the actors reachable from
  // v including v and Σd their distances; 0 for isolates. NetworkX's closeness_centrality
  // (wf_improved). Equals classic closeness on a connected graph.
  std::vector<double> closeness;
  // Harmonic closeness: Σ 1/d over the other actors, divided by n-1 (unreachable ones
  // add 0), so it stays defined on disconnected graphs.
  std::vector<double> harmonic;
};

// Threads for the searches when the caller does not say: the machine's cores, at most 8.
int DefaultSearchThreads();

// Sources per block of work: graphs of fewer than twice as many actors are searched on the
// calling thread alone, which spares them the start of a thread.
inline constexpr int kSourcesPerBlock = 256;

// All zeros when the graph has fewer than two actors. `threads` caps the threads used (the
// calling one included); 0 means DefaultSearchThreads().
PathCentrality ComputePathCentrality(const CooperationGraph& g, int threads = 0);

}  // namespace prosit
