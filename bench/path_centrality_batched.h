#pragma once
// An experiment kept for the bench (not used by prosit): the shortest-path centralities by
// breadth-first searches from eight sources at a time, each vertex holding one lane of
// path counts σ and dependencies δ per source, a level found for all eight in one pass over
// the adjacency (Brandes 2001, batched in the manner of Then et al., "The More the Merrier",
// VLDB 2015). Exact (the bench compares its figures), but slower than the one search per
// source of src/analysis/path_centrality.cpp on the bench's graphs: see docs/benchmarks.md,
// "Issue 11 §6 again: a faster exact algorithm".

#include <algorithm>
#include <array>
#include <cstdint>
#include <type_traits>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "analysis/cooperation_graph.h"
#include "analysis/path_centrality.h"

namespace prosit::batched {

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
inline void MakeRows(const CooperationGraph& g, std::vector<int32_t>& offsets,
                     std::vector<int32_t>& targets) {
  size_t n = g.nodes.size();
  offsets.assign(n + 1, 0);
  for (const auto& e : g.edges) ++offsets[e.a + 1], ++offsets[e.b + 1];
  for (size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];
  targets.resize(offsets[n]);
  std::vector<int32_t> fill(offsets.begin(), offsets.end() - 1);
  for (const auto& e : g.edges) targets[fill[e.a]++] = e.b, targets[fill[e.b]++] = e.a;
}

inline SearchGraph MakeSearchGraph(const CooperationGraph& g) {
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

// Sources per batch: a batch's searches run together, each vertex holding one lane per
// source, eight doubles in one cache line. The lanes are handled as pairs, the width of the
// 16-byte registers that every x86-64 machine has.
#ifndef PROSIT_BATCH_LANES
#define PROSIT_BATCH_LANES 8
#endif
constexpr int kLanes = PROSIT_BATCH_LANES;
using Pair = double __attribute__((vector_size(16)));
using PairBits = int64_t __attribute__((vector_size(16)));
struct alignas(64) Lanes {
  Pair p[kLanes / 2];
  double& operator[](int l) { return reinterpret_cast<double*>(p)[l]; }
  double operator[](int l) const { return reinterpret_cast<const double*>(p)[l]; }
};
using Bits = uint32_t;  // one bit per lane
constexpr Bits kAllLanes = (Bits{1} << kLanes) - 1;

// The lanes 2k and 2k+1 of a bit set as a mask of the pair k.
inline PairBits PairMask(Bits bits, int k) {
  static constexpr PairBits kMasks[4] = {{0, 0}, {-1, 0}, {0, -1}, {-1, -1}};
  return kMasks[(bits >> (2 * k)) & 3];
}

// The lanes of x that are above zero.
inline Bits Positive(const Lanes& x) {
  Bits bits = 0;
  for (int k = 0; k < kLanes / 2; ++k) {
#if defined(__SSE2__)
    bits |= static_cast<Bits>(_mm_movemask_pd(_mm_cmpgt_pd(x.p[k], _mm_setzero_pd()))) << (2 * k);
#else
    PairBits m = x.p[k] > 0.0;
    bits |= static_cast<Bits>((m[0] & 1) | (m[1] & 2)) << (2 * k);
#endif
  }
  return bits;
}

// x in the lanes of `bits`, zero in the others.
inline Lanes Keep(const Lanes& x, Bits bits) {
  Lanes out;
  for (int k = 0; k < kLanes / 2; ++k)
    out.p[k] = reinterpret_cast<Pair>(reinterpret_cast<PairBits>(x.p[k]) & PairMask(bits, k));
  return out;
}

// to takes x in the lanes of `bits` and keeps its own in the others.
inline void Blend(Lanes& to, const Lanes& x, Bits bits) {
  for (int k = 0; k < kLanes / 2; ++k) {
    PairBits m = PairMask(bits, k);
    to.p[k] = reinterpret_cast<Pair>((reinterpret_cast<PairBits>(x.p[k]) & m) |
                                     (reinterpret_cast<PairBits>(to.p[k]) & ~m));
  }
}

inline Lanes Times(const Lanes& x, const Lanes& y) {
  Lanes out;
  for (int k = 0; k < kLanes / 2; ++k) out.p[k] = x.p[k] * y.p[k];
  return out;
}

// Σ x[i] over the neighbours i in [first, last), lane by lane.
template <typename Id>
inline Lanes SumOver(const Lanes* x, const Id* first, const Id* last) {
  Lanes sum{};
  for (; first < last; ++first) {
    const Pair* p = x[*first].p;
#pragma GCC unroll 4
    for (int k = 0; k < kLanes / 2; ++k) sum.p[k] += p[k];
  }
  return sum;
}

// x[i] += add for the neighbours i in [first, last).
template <typename Id>
inline void AddOver(Lanes* x, const Id* first, const Id* last, const Lanes& add) {
  const Lanes a = add;
  for (; first < last; ++first) {
    Pair* p = x[*first].p;
#pragma GCC unroll 4
    for (int k = 0; k < kLanes / 2; ++k) p[k] += a.p[k];
  }
}

// A vertex found at one level by some of the batch's searches: the lanes are those searches.
struct Found {
  int32_t v;
  Bits lanes;
};

// Breadth-first searches from up to kLanes sources of one component at a time (Brandes
// 2001, batched as in Then et al., "The More the Merrier", VLDB 2015): a level is found for
// all of them in one pass over the adjacency, each vertex carrying its path counts σ and
// dependencies δ in one lane per source, added eight at a time. Consecutive sources in
// breadth-first numbering are near each other, so their searches reach a vertex at about
// the same level and few lanes idle. A level is found top-down (the frontier adds its path
// counts to its neighbours) while its edges are few, and bottom-up otherwise (each vertex
// not yet found by every search sums its neighbours' path counts from an array that is zero
// off the frontier). The dependencies are pulled into a level from the next one, or pushed
// from the next one when it has fewer edges. The state lives in flat arrays reused from one
// batch to the next, zero between uses.
template <typename Id>
class BatchSearches {
 public:
  BatchSearches(const SearchGraph& sg, const std::vector<Id>& targets)
      : sg_(sg),
        off_(sg.offsets.data()),
        to_(targets.data()),
        seen_(sg.original.size(), 0),
        pending_(sg.original.size()),
        sigma_(sg.original.size(), Lanes{}),
        delta_(sg.original.size(), Lanes{}),
        masked_(sg.original.size(), Lanes{}),
        sums_(sg.original.size(), Lanes{}) {}

  // Where the following searches add their sources' dependencies (search numbering).
  void AddTo(double* betweenness) { betweenness_ = betweenness; }
  // Searches from the `count` (1..kLanes) sources first, first+1, ..., all of one
  // component; adds their dependencies to the betweenness and fills their closeness and
  // harmonic closeness in pc.
  void Run(int32_t first, int32_t count, PathCentrality& pc);

 private:
  int64_t Degree(int32_t v) const { return off_[v + 1] - off_[v]; }
  int32_t Levels() const { return static_cast<int32_t>(bounds_.size()) - 1; }
  void Start(int32_t first, int32_t count);
  void Find(int32_t w, const Lanes& paths);
  void TopDown(int32_t level);
  void BottomUp(int32_t level);
  void Backward();
  Lanes Coefficient(const Found& f) const;
  void Pull(int32_t level);
  void Push(int32_t level);
  void Finish(int32_t first, int32_t count, PathCentrality& pc);

  const SearchGraph& sg_;
  const int32_t* off_;
  const Id* to_;
  int32_t begin_ = 0, end_ = 0;                     // the sources' component
  std::vector<Bits> seen_;                          // the searches that have found v
  std::vector<Found> found_;                        // level by level
  std::vector<int32_t> bounds_;                     // level d is found_[bounds_[d] .. bounds_[d+1])
  std::vector<int64_t> level_edges_;                // edge ends at each level's vertices
  std::vector<std::array<int32_t, kLanes>> count_;  // vertices at each level, per search
  std::vector<int32_t> pending_;  // vertices some search has not found, for bottom-up
  int32_t pending_size_ = 0;
  bool pending_valid_ = false;
  int64_t pending_edges_ = 0;  // edge ends at those vertices
  int64_t next_edges_ = 0;     // edge ends at the level being found
  std::vector<Lanes> sigma_;   // shortest paths from each source
  std::vector<Lanes> delta_;   // dependency of each source on v
  std::vector<Lanes> masked_;  // values on one level, zero elsewhere
  std::vector<Lanes> sums_;    // sums pushed to neighbours, zero between uses
  double* betweenness_ = nullptr;
};

template <typename Id>
void BatchSearches<Id>::Run(int32_t first, int32_t count, PathCentrality& pc) {
  Start(first, count);
  for (int32_t level = 0; pending_edges_ > 0; ++level) {
    const int32_t from = bounds_[level], to = bounds_[level + 1];
    if (from == to) break;
    for (int32_t k = from; k < to; ++k)
      masked_[found_[k].v] = Keep(sigma_[found_[k].v], found_[k].lanes);
    next_edges_ = 0;
    count_.emplace_back();
    count_.back().fill(0);
    // Bottom-up reads every edge of the pending vertices with a load and an add; a
    // top-down edge costs a load, an add and a store, and a second visit.
    if (3 * level_edges_[level] > pending_edges_)
      BottomUp(level);
    else
      TopDown(level);
    for (int32_t k = from; k < to; ++k) masked_[found_[k].v] = Lanes{};
    bounds_.push_back(static_cast<int32_t>(found_.size()));
    level_edges_.push_back(next_edges_);
  }
  Backward();
  Finish(first, count, pc);
}

template <typename Id>
void BatchSearches<Id>::Start(int32_t first, int32_t count) {
  begin_ = sg_.component_begin[first];
  end_ = sg_.component_end[first];
  // Lanes without a source count as having found everything.
  const Bits idle = kAllLanes & ~((Bits{1} << count) - 1);
  std::fill(seen_.begin() + begin_, seen_.begin() + end_, idle);
  found_.clear();
  bounds_.assign(1, 0);
  count_.assign(1, {});
  count_[0].fill(0);
  pending_valid_ = false;
  pending_edges_ = sg_.component_edges[first];
  int64_t edges = 0;
  for (int32_t l = 0; l < count; ++l) {
    const int32_t s = first + l;
    seen_[s] |= Bits{1} << l;
    sigma_[s][l] = 1.0;
    found_.push_back({s, Bits{1} << l});
    edges += Degree(s);
    if (seen_[s] == kAllLanes) pending_edges_ -= Degree(s);
  }
  bounds_.push_back(count);
  level_edges_.assign(1, edges);
}

// w has `paths` shortest paths from each search's frontier: the searches that had not found
// w find it now.
template <typename Id>
inline void BatchSearches<Id>::Find(int32_t w, const Lanes& paths) {
  const Bits fresh = Positive(paths) & ~seen_[w];
  if (!fresh) return;
  Blend(sigma_[w], paths, fresh);
  seen_[w] |= fresh;
  found_.push_back({w, fresh});
  next_edges_ += Degree(w);
  if (seen_[w] == kAllLanes) pending_edges_ -= Degree(w);
  std::array<int32_t, kLanes>& count = count_.back();
  for (Bits b = fresh; b; b &= b - 1) ++count[__builtin_ctz(b)];
}

template <typename Id>
void BatchSearches<Id>::TopDown(int32_t level) {
  const int32_t from = bounds_[level], to = bounds_[level + 1];
  Lanes* sums = sums_.data();
  for (int32_t k = from; k < to; ++k) {
    const int32_t v = found_[k].v;
    AddOver(sums, to_ + off_[v], to_ + off_[v + 1], masked_[v]);
  }
  // Each neighbour once: the first visit takes its sum and leaves zero.
  for (int32_t k = from; k < to; ++k) {
    const int32_t v = found_[k].v;
    for (int32_t i = off_[v]; i < off_[v + 1]; ++i) {
      const int32_t w = to_[i];
      if (Positive(sums[w])) {
        Find(w, sums[w]);
        sums[w] = Lanes{};
      }
    }
  }
  pending_valid_ = false;
}

template <typename Id>
void BatchSearches<Id>::BottomUp(int32_t level) {
  (void)level;
  if (!pending_valid_) {
    pending_size_ = 0;
    // Without a branch: about half the vertices may be pending, a test mispredicted.
    for (int32_t v = begin_; v < end_; ++v) {
      pending_[pending_size_] = v;
      pending_size_ += seen_[v] != kAllLanes;
    }
    pending_valid_ = true;
  }
  const Lanes* masked = masked_.data();
  int32_t kept = 0;
  for (int32_t j = 0; j < pending_size_; ++j) {
    const int32_t w = pending_[j];
    Find(w, SumOver(masked, to_ + off_[w], to_ + off_[w + 1]));
    pending_[kept] = w;
    kept += seen_[w] != kAllLanes;
  }
  pending_size_ = kept;
}

// (1 + δ(w)) / σ(w) in the lanes of f, zero in the others.
template <typename Id>
inline Lanes BatchSearches<Id>::Coefficient(const Found& f) const {
  Lanes c;
  const Pair one = {1.0, 1.0};
  for (int k = 0; k < kLanes / 2; ++k) {
    const PairBits m = PairMask(f.lanes, k);
    // Without the division where neither lane is on the level (most pairs, often).
    if (!(m[0] | m[1])) {
      c.p[k] = Pair{};
      continue;
    }
    const Pair sigma = reinterpret_cast<Pair>((reinterpret_cast<PairBits>(sigma_[f.v].p[k]) & m) |
                                              (reinterpret_cast<PairBits>(one) & ~m));
    c.p[k] =
        reinterpret_cast<Pair>(reinterpret_cast<PairBits>((one + delta_[f.v].p[k]) / sigma) & m);
  }
  return c;
}

template <typename Id>
void BatchSearches<Id>::Backward() {
  // The last level passes nothing on; level 0 holds the sources, whose own searches do not
  // count them.
  for (int32_t level = Levels() - 2; level >= 1; --level) {
    if (2 * level_edges_[level + 1] < level_edges_[level])
      Push(level);
    else
      Pull(level);
  }
}

template <typename Id>
void BatchSearches<Id>::Pull(int32_t level) {
  for (int32_t k = bounds_[level + 1]; k < bounds_[level + 2]; ++k)
    masked_[found_[k].v] = Coefficient(found_[k]);
  const Lanes* masked = masked_.data();
  for (int32_t k = bounds_[level]; k < bounds_[level + 1]; ++k) {
    const int32_t v = found_[k].v;
    Blend(delta_[v], Times(sigma_[v], SumOver(masked, to_ + off_[v], to_ + off_[v + 1])),
          found_[k].lanes);
  }
  for (int32_t k = bounds_[level + 1]; k < bounds_[level + 2]; ++k) masked_[found_[k].v] = Lanes{};
}

template <typename Id>
void BatchSearches<Id>::Push(int32_t level) {
  Lanes* sums = sums_.data();
  const int32_t from = bounds_[level + 1], to = bounds_[level + 2];
  for (int32_t k = from; k < to; ++k) {
    const int32_t w = found_[k].v;
    AddOver(sums, to_ + off_[w], to_ + off_[w + 1], Coefficient(found_[k]));
  }
  for (int32_t k = bounds_[level]; k < bounds_[level + 1]; ++k) {
    const int32_t v = found_[k].v;
    Blend(delta_[v], Times(sigma_[v], sums[v]), found_[k].lanes);
  }
  for (int32_t k = from; k < to; ++k) {
    const int32_t w = found_[k].v;
    for (int32_t i = off_[w]; i < off_[w + 1]; ++i) sums[to_[i]] = Lanes{};
  }
}

// Adds the dependencies to the betweenness, leaves the arrays zero, and fills the closeness
// and harmonic closeness of each source from the number of vertices at each distance.
template <typename Id>
void BatchSearches<Id>::Finish(int32_t first, int32_t count, PathCentrality& pc) {
  for (int32_t v = begin_; v < end_; ++v) {
    const Lanes& d = delta_[v];
    double sum = 0;
    for (int l = 0; l < kLanes; ++l) sum += d[l];
    betweenness_[v] += sum;
    delta_[v] = Lanes{};
    sigma_[v] = Lanes{};
  }
  const double n = static_cast<double>(sg_.original.size());
  for (int32_t l = 0; l < count; ++l) {
    int64_t dist_sum = 0, reached = 1;
    double inverse_sum = 0.0;
    for (int32_t d = 1; d < static_cast<int32_t>(count_.size()); ++d) {
      const int64_t at = count_[d][l];
      dist_sum += d * at;
      reached += at;
      inverse_sum += static_cast<double>(at) / static_cast<double>(d);
    }
    const int32_t v = sg_.original[first + l];
    const double r = static_cast<double>(reached);
    if (dist_sum > 0) pc.closeness[v] = (r - 1) / static_cast<double>(dist_sum) * (r - 1) / (n - 1);
    pc.harmonic[v] = inverse_sum / (n - 1);
  }
}

// All sources on the calling thread, in batches of consecutive sources that never cross a
// component's end.
inline PathCentrality BatchedPathCentrality(const CooperationGraph& g) {
  const int32_t n = static_cast<int32_t>(g.nodes.size());
  PathCentrality pc;
  pc.betweenness.assign(n, 0.0);
  pc.closeness.assign(n, 0.0);
  pc.harmonic.assign(n, 0.0);
  if (n < 2) return pc;
  const SearchGraph sg = MakeSearchGraph(g);
  std::vector<double> sums(n, 0.0);
  auto all = [&](const auto& targets) {
    using Id = typename std::decay_t<decltype(targets)>::value_type;
    BatchSearches<Id> searches(sg, targets);
    searches.AddTo(sums.data());
    for (int32_t s = 0, count; s < n; s += count) {
      count = std::min({kLanes, n - s, sg.component_end[s] - s});
      searches.Run(s, count, pc);
    }
  };
  if (n <= 65536)
    all(std::vector<uint16_t>(sg.targets.begin(), sg.targets.end()));
  else
    all(sg.targets);
  for (int32_t v = 0; v < n; ++v) pc.betweenness[sg.original[v]] = sums[v] / 2.0;
  return pc;
}

}  // namespace prosit::batched
