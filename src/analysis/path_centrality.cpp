#include "analysis/path_centrality.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <system_error>
#include <thread>

namespace prosit {

namespace {

// The graph as the searches read it: vertices renumbered in breadth-first order, one
// component after another, so that a component is one range of ids and neighbours sit near
// each other in memory; each vertex's neighbours in increasing order.
struct SearchGraph {
  std::vector<int32_t> offsets, targets;  // neighbours of v: targets[offsets[v]..offsets[v+1])
  std::vector<int32_t> original;          // the CooperationGraph index of v
  std::vector<int32_t> component_begin, component_end;  // v's component: [begin, end)
  std::vector<int64_t> component_edges;                 // edge ends in v's component
};

// Adjacency in compressed rows over the graph's own indices.
void MakeRows(const CooperationGraph& g, std::vector<int32_t>& offsets,
              std::vector<int32_t>& targets) {
  size_t n = g.nodes.size();
  offsets.assign(n + 1, 0);
  for (const auto& e : g.edges) ++offsets[e.a + 1], ++offsets[e.b + 1];
  for (size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];
  targets.resize(offsets[n]);
  std::vector<int32_t> fill(offsets.begin(), offsets.end() - 1);
  for (const auto& e : g.edges) targets[fill[e.a]++] = e.b, targets[fill[e.b]++] = e.a;
}

SearchGraph MakeSearchGraph(const CooperationGraph& g) {
  const int32_t n = static_cast<int32_t>(g.nodes.size());
  std::vector<int32_t> off, to;
  MakeRows(g, off, to);
  SearchGraph sg;
  sg.original.reserve(n);
  sg.component_begin.resize(n);
  sg.component_end.resize(n);
  sg.component_edges.resize(n);
  std::vector<int32_t> renumbered(n, -1);
  for (int32_t root = 0; root < n; ++root) {
    if (renumbered[root] >= 0) continue;
    const int32_t begin = static_cast<int32_t>(sg.original.size());
    renumbered[root] = begin;
    sg.original.push_back(root);
    for (size_t head = begin; head < sg.original.size(); ++head)
      for (int32_t i = off[sg.original[head]]; i < off[sg.original[head] + 1]; ++i)
        if (renumbered[to[i]] < 0) {
          renumbered[to[i]] = static_cast<int32_t>(sg.original.size());
          sg.original.push_back(to[i]);
        }
    const int32_t end = static_cast<int32_t>(sg.original.size());
    std::fill(sg.component_begin.begin() + begin, sg.component_begin.begin() + end, begin);
    std::fill(sg.component_end.begin() + begin, sg.component_end.begin() + end, end);
    int64_t edges = 0;
    for (int32_t v = begin; v < end; ++v) edges += off[sg.original[v] + 1] - off[sg.original[v]];
    std::fill(sg.component_edges.begin() + begin, sg.component_edges.begin() + end, edges);
  }
  sg.offsets.resize(n + 1);
  sg.targets.resize(to.size());
  sg.offsets[0] = 0;
  for (int32_t v = 0; v < n; ++v) {
    int32_t old = sg.original[v], out = sg.offsets[v];
    for (int32_t i = off[old]; i < off[old + 1]; ++i) sg.targets[out++] = renumbered[to[i]];
    std::sort(sg.targets.begin() + sg.offsets[v], sg.targets.begin() + out);
    sg.offsets[v + 1] = out;
  }
  return sg;
}

// Σ x[i] over the neighbours i in [first, last); four running sums so that the additions
// overlap instead of waiting on each other.
template <typename Id>
inline double SumOver(const double* x, const Id* first, const Id* last) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (; last - first >= 4; first += 4)
    s0 += x[first[0]], s1 += x[first[1]], s2 += x[first[2]], s3 += x[first[3]];
  for (; first < last; ++first) s0 += x[*first];
  return (s0 + s1) + (s2 + s3);
}

// A level as the searches store it: the distance modulo 255, so that one byte per vertex
// does; a vertex's neighbours are at most one level apart, so the three levels any test
// compares stay distinct. kUnseen marks vertices the search has not reached.
using Level = uint8_t;
constexpr Level kUnseen = 255;
inline Level LevelOf(int32_t distance) { return static_cast<Level>(distance % 255); }

// One breadth-first search at a time from every vertex, with the state of a search in flat
// arrays reused by the next one. A level is found top-down (each frontier vertex offers its
// path count to its neighbours) while the frontier is small, and bottom-up once the
// frontier's edges outnumber the unvisited vertices' (each unvisited vertex sums the path
// counts of its neighbours, read from an array that is zero off the frontier, so the sum needs
// no test). The dependencies δ are pulled the same way, a vertex summing the coefficients
// (1 + δ(w)) / σ(w) of the next level, or pushed from the next level when it is the smaller.
template <typename Id>
class Searches {
 public:
  Searches(const SearchGraph& sg, const std::vector<Id>& targets)
      : sg_(sg),
        off_(sg.offsets.data()),
        to_(targets.data()),
        level_(sg.original.size(), kUnseen),
        order_(sg.original.size()),
        pending_(sg.original.size()),
        sigma_(sg.original.size(), 0.0),
        delta_(sg.original.size(), 0.0),
        masked_(sg.original.size(), 0.0) {}

  // Where the following searches add their sources' dependencies (search numbering).
  void AddTo(double* betweenness) { betweenness_ = betweenness; }
  // Searches from s and adds s's dependencies to the betweenness.
  void Run(int32_t s);

  // The vertices at distance d from the last source: order_[bounds_[d] .. bounds_[d+1]).
  const std::vector<int32_t>& bounds() const { return bounds_; }

 private:
  int64_t Degree(int32_t v) const { return off_[v + 1] - off_[v]; }
  void Forward(int32_t s);
  void TopDown(int32_t level);
  void BottomUp(int32_t level, bool settle);
  void Backward();
  double Coefficient(int32_t w, bool last) const;
  void PullDependencies(int32_t level, bool next_is_last);
  void PushDependencies(int32_t level, bool next_is_last);

  const SearchGraph& sg_;
  const int32_t* off_;
  const Id* to_;
  std::vector<Level> level_;
  std::vector<int32_t> order_;        // vertices in the order found, level by level
  std::vector<int32_t> bounds_;       // level d is order_[bounds_[d] .. bounds_[d+1])
  std::vector<int64_t> level_edges_;  // edge ends at the vertices of each level
  std::vector<int32_t> pending_;      // unvisited vertices of the component, for bottom-up
  int32_t pending_size_ = 0;
  bool pending_valid_ = false;
  int32_t tail_ = 0;
  int32_t settled_ = -1;           // a level whose δ the forward pass completed
  std::vector<double> sigma_;      // shortest paths from the source
  std::vector<double> delta_;      // dependency of the source on v
  std::vector<double> masked_;     // a value on one level, zero elsewhere
  double* betweenness_ = nullptr;  // in search numbering
};

template <typename Id>
void Searches<Id>::Run(int32_t s) {
  Forward(s);
  Backward();
  for (int32_t k = 0; k < tail_; ++k) level_[order_[k]] = kUnseen;
}

template <typename Id>
void Searches<Id>::Forward(int32_t s) {
  const int32_t component_size = sg_.component_end[s] - sg_.component_begin[s];
  order_[0] = s;
  level_[s] = 0;
  sigma_[s] = 1.0;
  tail_ = 1;
  bounds_.assign({0, 1});
  pending_valid_ = false;
  settled_ = -1;
  int64_t frontier_edges = Degree(s);
  int64_t unvisited_edges = sg_.component_edges[s] - frontier_edges;
  level_edges_.assign(1, frontier_edges);
  // Stop once the component is reached: the last level has nobody left to find.
  for (int32_t level = 0; tail_ < component_size; ++level) {
    // Bottom-up reads every edge of the unvisited vertices, but with a load and an add
    // each; a top-down edge costs several times that.
    if (5 * frontier_edges > unvisited_edges)
      BottomUp(level, frontier_edges >= unvisited_edges);
    else
      TopDown(level);
    bounds_.push_back(tail_);
    frontier_edges = 0;
    for (int32_t k = bounds_[level + 1]; k < tail_; ++k) frontier_edges += Degree(order_[k]);
    unvisited_edges -= frontier_edges;
    level_edges_.push_back(frontier_edges);
    if (settled_ == level && tail_ < component_size) settled_ = -1;  // not the last after all
  }
}

template <typename Id>
void Searches<Id>::TopDown(int32_t level) {
  const Level next = LevelOf(level + 1);
  Level* levels = level_.data();
  double* sigma = sigma_.data();
  int32_t tail = tail_;
  for (int32_t k = bounds_[level]; k < bounds_[level + 1]; ++k) {
    int32_t v = order_[k];
    double sv = sigma[v];
    // Without branches, which would be mispredicted about as often as taken: a neighbour is
    // new, on the next level already (both take v's paths) or nearer (it takes nothing).
    for (int32_t i = off_[v]; i < off_[v + 1]; ++i) {
      int32_t w = to_[i];
      Level lw = levels[w];
      bool fresh = lw == kUnseen;
      order_[tail] = w;
      tail += fresh;
      levels[w] = fresh ? next : lw;
      sigma[w] = (fresh ? 0.0 : sigma[w]) + (fresh || lw == next ? sv : 0.0);
    }
  }
  tail_ = tail;
  pending_valid_ = false;
}

// With settle, the level found is expected to be the last, whose vertices pass nothing on:
// each then hands its predecessors their share of its paths while its edges are at hand,
// which completes δ of this level and spares the backward pass the largest level.
template <typename Id>
void Searches<Id>::BottomUp(int32_t level, bool settle) {
  if (!pending_valid_) {
    int32_t s = order_[0];
    pending_size_ = 0;
    // Without a branch: about half the component is still unseen here, so a test would be
    // mispredicted as often as not.
    for (int32_t v = sg_.component_begin[s]; v < sg_.component_end[s]; ++v) {
      pending_[pending_size_] = v;
      pending_size_ += level_[v] == kUnseen;
    }
    pending_valid_ = true;
  }
  const int32_t first = bounds_[level], last = bounds_[level + 1];
  const Level next = LevelOf(level + 1);
  double* masked = masked_.data();
  double* delta = delta_.data();
  for (int32_t k = first; k < last; ++k) masked[order_[k]] = sigma_[order_[k]];
  if (settle)
    for (int32_t k = first; k < last; ++k) delta[order_[k]] = 0.0;
  int32_t kept = 0, tail = tail_;
  for (int32_t j = 0; j < pending_size_; ++j) {
    int32_t w = pending_[j];
    const Id *begin = to_ + off_[w], *end = to_ + off_[w + 1];
    double paths = SumOver(masked, begin, end);
    bool found = paths > 0.0;
    // Without branches: w is written to both lists and kept by the one that advances.
    order_[tail] = w;
    pending_[kept] = w;
    tail += found;
    kept += !found;
    level_[w] = found ? next : kUnseen;
    sigma_[w] = paths;
    // σ(v)/σ(w) to each predecessor v; the other neighbours take zero and stay as they were.
    if (settle && found) {
      double c = 1.0 / paths;
      for (const Id* i = begin; i < end; ++i) delta[*i] += masked[*i] * c;
    }
  }
  tail_ = tail;
  pending_size_ = kept;
  for (int32_t k = first; k < last; ++k) masked[order_[k]] = 0.0;
  if (settle) settled_ = level;
}

template <typename Id>
void Searches<Id>::Backward() {
  const int32_t last_level = static_cast<int32_t>(bounds_.size()) - 2;
  int32_t level = last_level - 1;
  if (level >= 1 && settled_ == level) {
    for (int32_t k = bounds_[level]; k < bounds_[level + 1]; ++k)
      betweenness_[order_[k]] += delta_[order_[k]];
    --level;
  }
  for (; level >= 1; --level) {
    // Pull into this level, or push from the next one when that has fewer edges.
    if (level_edges_[level] <= level_edges_[level + 1])
      PullDependencies(level, level + 1 == last_level);
    else
      PushDependencies(level, level + 1 == last_level);
  }
}

// The vertices of the last level have no dependency of their own.
template <typename Id>
double Searches<Id>::Coefficient(int32_t w, bool last) const {
  return (last ? 1.0 : 1.0 + delta_[w]) / sigma_[w];
}

template <typename Id>
void Searches<Id>::PullDependencies(int32_t level, bool next_is_last) {
  double* masked = masked_.data();
  for (int32_t k = bounds_[level + 1]; k < bounds_[level + 2]; ++k)
    masked[order_[k]] = Coefficient(order_[k], next_is_last);
  for (int32_t k = bounds_[level]; k < bounds_[level + 1]; ++k) {
    int32_t v = order_[k];
    double d = sigma_[v] * SumOver(masked, to_ + off_[v], to_ + off_[v + 1]);
    delta_[v] = d;
    betweenness_[v] += d;
  }
  for (int32_t k = bounds_[level + 1]; k < bounds_[level + 2]; ++k) masked[order_[k]] = 0.0;
}

template <typename Id>
void Searches<Id>::PushDependencies(int32_t level, bool next_is_last) {
  const Level* levels = level_.data();
  const Level here = LevelOf(level);
  double* delta = delta_.data();
  for (int32_t k = bounds_[level]; k < bounds_[level + 1]; ++k) delta[order_[k]] = 0.0;
  for (int32_t k = bounds_[level + 1]; k < bounds_[level + 2]; ++k) {
    int32_t w = order_[k];
    double c = Coefficient(w, next_is_last);
    // Neighbours on other levels take zero, which leaves them as they were.
    for (int32_t i = off_[w]; i < off_[w + 1]; ++i) {
      int32_t v = to_[i];
      delta[v] += levels[v] == here ? c : 0.0;
    }
  }
  for (int32_t k = bounds_[level]; k < bounds_[level + 1]; ++k) {
    int32_t v = order_[k];
    delta[v] *= sigma_[v];
    betweenness_[v] += delta[v];
  }
}

// Closeness and harmonic closeness of the last source, from the number of vertices at each
// distance.
template <typename Id>
void Distances(const Searches<Id>& searches, int32_t n, int32_t v, PathCentrality& pc) {
  const std::vector<int32_t>& bounds = searches.bounds();
  int64_t dist_sum = 0;
  double inverse_sum = 0.0;
  for (size_t d = 1; d + 1 < bounds.size(); ++d) {
    int64_t count = bounds[d + 1] - bounds[d];
    dist_sum += static_cast<int64_t>(d) * count;
    inverse_sum += static_cast<double>(count) / static_cast<double>(d);
  }
  double reached = bounds.back();
  if (dist_sum > 0)
    pc.closeness[v] =
        (reached - 1) / static_cast<double>(dist_sum) * (reached - 1) / static_cast<double>(n - 1);
  pc.harmonic[v] = inverse_sum / static_cast<double>(n - 1);
}

// Runs the searches from every vertex and fills pc. The sources fall into blocks that
// depend on n alone; each block sums its dependencies apart, and the blocks' sums are added
// in block order, so any number of threads, taking blocks as they come free, gives the
// same figures to the last bit.
template <typename Id>
void SearchFromAll(const SearchGraph& sg, const std::vector<Id>& targets, int threads,
                   PathCentrality& pc) {
  const int32_t n = static_cast<int32_t>(sg.original.size());
  const int32_t blocks = std::clamp<int32_t>(n / kSourcesPerBlock, 1, 16);
  std::vector<std::vector<double>> block_sums(blocks);
  std::atomic<int32_t> next_block{0};
  auto work = [&] {
    Searches<Id> searches(sg, targets);
    for (int32_t b; (b = next_block.fetch_add(1)) < blocks;) {
      block_sums[b].assign(n, 0.0);
      searches.AddTo(block_sums[b].data());
      const int32_t first = static_cast<int32_t>(int64_t{n} * b / blocks),
                    last = static_cast<int32_t>(int64_t{n} * (b + 1) / blocks);
      for (int32_t s = first; s < last; ++s) {
        searches.Run(s);
        Distances(searches, n, sg.original[s], pc);
      }
    }
  };
  {
    std::vector<std::jthread> helpers;
    for (int t = 1; t < std::min(threads, blocks); ++t) {
      try {
        helpers.emplace_back(work);
      } catch (const std::system_error&) {
        break;  // no more threads to be had: those running take the remaining blocks
      }
    }
    work();
  }
  for (int32_t v = 0; v < n; ++v) {
    double sum = 0.0;
    for (const std::vector<double>& block : block_sums) sum += block[v];
    // Each unordered pair was counted from both of its ends.
    pc.betweenness[sg.original[v]] = sum / 2.0;
  }
}

}  // namespace

int DefaultSearchThreads() {
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
}

PathCentrality ComputePathCentrality(const CooperationGraph& g, int threads) {
  const int32_t n = static_cast<int32_t>(g.nodes.size());
  PathCentrality pc;
  pc.betweenness.assign(n, 0.0);
  pc.closeness.assign(n, 0.0);
  pc.harmonic.assign(n, 0.0);
  if (n < 2) return pc;
  if (threads <= 0) threads = DefaultSearchThreads();
  const SearchGraph sg = MakeSearchGraph(g);
  // Up to 65,536 actors the neighbour lists take half the room in 16-bit ids, and with the
  // per-vertex arrays they then stay in a core's level-2 cache for 10,000 actors.
  if (n <= 65536) {
    std::vector<uint16_t> narrow(sg.targets.begin(), sg.targets.end());
    SearchFromAll(sg, narrow, threads, pc);
  } else {
    SearchFromAll(sg, sg.targets, threads, pc);
  }
  return pc;
}

}  // namespace prosit
