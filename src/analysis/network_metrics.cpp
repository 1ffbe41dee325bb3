#include "analysis/network_metrics.h"

#include <algorithm>
#include <numeric>
#include <system_error>
#include <thread>

#include "analysis/igraph_session.h"
#include "analysis/path_centrality.h"

namespace prosit {

namespace {

// Renumbers groups (components, communities) so that 0 is the largest and equal sizes
// go by their first actor: the numbers then do not depend on igraph's internal order.
std::vector<int> Canonical(const igraph_vector_int_t& membership, std::vector<int>& sizes) {
  size_t n = static_cast<size_t>(igraph_vector_int_size(&membership));
  igraph_integer_t groups = n ? igraph_vector_int_max(&membership) + 1 : 0;
  std::vector<int> count(groups, 0), first(groups, -1);
  for (size_t v = 0; v < n; ++v) {
    igraph_integer_t m = VECTOR(membership)[v];
    if (first[m] < 0) first[m] = static_cast<int>(v);
    ++count[m];
  }
  std::vector<int> order(groups);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int x, int y) {
    return count[x] != count[y] ? count[x] > count[y] : first[x] < first[y];
  });
  std::vector<int> rank(groups);
  sizes.clear();
  for (size_t i = 0; i < order.size(); ++i) {
    rank[order[i]] = static_cast<int>(i);
    sizes.push_back(count[order[i]]);
  }
  std::vector<int> out(n);
  for (size_t v = 0; v < n; ++v) out[v] = rank[VECTOR(membership)[v]];
  return out;
}

// Freeman centralization of `scores` against a star's `most`.
std::optional<double> Centralization(const std::vector<double>& scores, double most) {
  if (scores.empty() || most <= 0) return std::nullopt;
  double top = *std::max_element(scores.begin(), scores.end()), sum = 0;
  for (double s : scores) sum += top - s;
  return sum / most;
}

Status IgraphFailed(const char* what) {
  return Status::IoError(std::string("igraph failed to compute ") + what);
}

// Components, cores, Leiden communities and modularity: the parts igraph computes.
Status ComputeWithIgraph(const CooperationGraph& g, uint64_t seed, NetworkMetrics& m) {
  IgraphSession session(seed);
  IgraphGraph graph(g);
  if (!graph.ok()) return IgraphFailed("the graph");
  const size_t n = g.nodes.size();

  IgraphIntVector membership, sizes;
  igraph_integer_t count = 0;
  if (!membership.ok || !sizes.ok ||
      igraph_connected_components(graph.get(), &membership.v, &sizes.v, &count, IGRAPH_WEAK))
    return IgraphFailed("components");
  std::vector<int> component = Canonical(membership.v, m.component_sizes);
  m.components = static_cast<int>(count);

  IgraphIntVector cores;
  if (!cores.ok || igraph_coreness(graph.get(), &cores.v, IGRAPH_ALL))
    return IgraphFailed("k-cores");

  // Leiden with the modularity as its quality (node weights the degrees, resolution
  // 1/2m), iterated until no actor moves; a graph without ties has no community structure
  // to find. Leiden rather than Louvain: its communities are always connected, its
  // partitions reach at least Louvain's modularity, and igraph's implementation of it takes
  // a fraction of the time of its Louvain (docs/benchmarks.md).
  IgraphIntVector communities;
  if (!communities.ok) return IgraphFailed("communities");
  if (!g.edges.empty()) {
    IgraphRealVector degrees;
    if (!degrees.ok || igraph_strength(graph.get(), &degrees.v, igraph_vss_all(), IGRAPH_ALL,
                                       IGRAPH_LOOPS, nullptr))
      return IgraphFailed("communities");
    const double resolution = 1.0 / (2.0 * static_cast<double>(igraph_ecount(graph.get())));
    igraph_real_t q = 0;
    if (igraph_community_leiden(graph.get(), nullptr, &degrees.v, resolution, kLeidenBeta, false,
                                -1, &communities.v, nullptr, nullptr) ||
        igraph_modularity(graph.get(), &communities.v, nullptr, 1.0, IGRAPH_UNDIRECTED, &q))
      return IgraphFailed("communities");
    m.modularity = q;
  } else {
    igraph_vector_int_resize(&communities.v, static_cast<igraph_integer_t>(n));
    for (size_t v = 0; v < n; ++v) VECTOR(communities.v)[v] = static_cast<igraph_integer_t>(v);
  }
  std::vector<int> community = Canonical(communities.v, m.community_sizes);

  for (size_t v = 0; v < n; ++v) {
    ActorMetrics& a = m.per_actor[v];
    a.component = component[v];
    a.community = community[v];
    a.coreness = static_cast<int>(VECTOR(cores.v)[v]);
    m.max_coreness = std::max(m.max_coreness, a.coreness);
  }
  m.actors_by_coreness.assign(m.max_coreness + 1, 0);
  for (const ActorMetrics& a : m.per_actor) ++m.actors_by_coreness[a.coreness];
  return Status::Ok();
}

void Explain(NetworkMetrics& m) {
  int n = m.actors;
  if (n == 0) m.notes.push_back("no actors in scope: there is no network to measure");
  if (n == 1) m.notes.push_back("one actor only: density and centralities need at least two");
  if (n == 2)
    m.notes.push_back("two actors only: betweenness and centralization need at least three");
  if (n > 0 && m.ties == 0)
    m.notes.push_back(
        "no ties between the actors: modularity is undefined, every actor is its "
        "own community");
  if (m.isolates > 0)
    m.notes.push_back(std::to_string(m.isolates) +
                      " actors have no tie: their degree, betweenness and closeness are 0");
  if (m.components > 1)
    m.notes.push_back(
        "the network falls into " + std::to_string(m.components) +
        " components: closeness is the Wasserman–Faust variant (scaled by the share of actors "
        "reachable); harmonic closeness is the measure to compare across components");
}

}  // namespace

Result<NetworkMetrics> ComputeNetworkMetrics(const CooperationGraph& g, uint64_t seed,
                                             int threads) {
  NetworkMetrics m;
  const int n = static_cast<int>(g.nodes.size());
  m.actors = n;
  m.ties = static_cast<int>(g.edges.size());
  m.community_seed = seed;
  m.per_actor.resize(n);
  for (const auto& e : g.edges) ++m.per_actor[e.a].degree, ++m.per_actor[e.b].degree;
  for (const ActorMetrics& a : m.per_actor) m.isolates += a.degree == 0;
  if (n >= 2) m.density = m.ties / (n * (n - 1) / 2.0);

  // On a graph large enough to split, the searches run beside igraph's part rather than
  // after it: a core that igraph holds takes fewer blocks of searches.
  if (threads <= 0) threads = DefaultSearchThreads();
  PathCentrality pc;
  std::jthread searches;
  if (threads > 1 && n >= 2 * kSourcesPerBlock) {
    try {
      searches = std::jthread([&] { pc = ComputePathCentrality(g, threads); });
    } catch (const std::system_error&) {
      // no thread to be had: the searches run below, after igraph
    }
  }
  Status igraph = ComputeWithIgraph(g, seed, m);
  if (searches.joinable())
    searches.join();
  else
    pc = ComputePathCentrality(g, threads);
  PROSIT_RETURN_IF_ERROR(igraph);
  std::vector<double> degree(n), betweenness(n);
  for (int v = 0; v < n; ++v) {
    ActorMetrics& a = m.per_actor[v];
    a.betweenness_raw = pc.betweenness[v];
    degree[v] = a.degree;
    if (n >= 2) {
      a.degree_centrality = a.degree / (n - 1.0);
      a.closeness = pc.closeness[v];
      a.harmonic = pc.harmonic[v];
    }
    if (n >= 3) a.betweenness = pc.betweenness[v] / ((n - 1.0) * (n - 2.0) / 2.0);
  }
  if (n >= 3) {
    // The maxima are those of a star: the hub has n-1 partners and lies on every path
    // between the others; its closeness is 1 and every leaf's (n-1)/(2n-3).
    m.degree_centralization = Centralization(degree, (n - 1.0) * (n - 2.0));
    m.betweenness_centralization =
        Centralization(pc.betweenness, (n - 1.0) * (n - 1.0) * (n - 2.0) / 2.0);
    m.closeness_centralization =
        Centralization(pc.closeness, (n - 1.0) * (n - 2.0) / (2.0 * n - 3.0));
  }
  Explain(m);
  return m;
}

}  // namespace prosit
