// The cooperation network analysis on a large graph: a deterministic random graph of N
// actors in ten sectors and M ties of four types (some pairs with several types, a share
// rated), analysed in full (AnalyseCooperation) R times; prints the median and the
// parts. --write FILE also writes the graph in network_probe's JSON format, so that
// bench/network_vs_networkx.py can time NetworkX on the very same graph. The analysis is
// timed on one thread and on --threads T (default: the machine's cores), alternating, and
// the two must give the same figures to the last bit; the shortest-path centralities are
// also timed by the implementation they replaced, in the same run (--no-legacy skips it),
// and by the experiment of eight sources per search (bench/path_centrality_batched.h, one
// thread; --no-batched skips it).
//
//   prosit_network_bench [--nodes N] [--ties M] [--runs R] [--threads T] [--write FILE]
//                        [--no-legacy] [--no-batched] [--once T]
//
// With PROSIT_DUMP_PATHS=FILE set it writes the three shortest-path centralities of one
// thread to FILE in hexadecimal floating point and stops: two builds compared bit for bit.
//
// --once T runs the full analysis once on T threads and nothing else: for counting each
// thread's instructions with valgrind --tool=callgrind --separate-threads=yes.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "analysis/cooperation_analysis.h"
#include "analysis/path_centrality.h"
#include "bench_stats.h"
#include "path_centrality_batched.h"

using namespace prosit;
using bench::Median;
using bench::Percentile;
using Clock = std::chrono::steady_clock;

namespace {

const char* kSectors[] = {"ospod",          "social",        "education",        "health",
                          "police_justice", "labour_office", "local_government", "leisure",
                          "ngo_church",     "other"};
const char* kTypes[] = {"information_sharing", "referral", "joint_case_work", "shared_platform"};

double Millis(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

struct Generated {
  std::vector<std::pair<int64_t, std::string>> actors;
  std::vector<Tie> ties;  // distinct pairs; a tenth of them with a second type
};

Generated Generate(size_t nodes, size_t ties) {
  std::mt19937_64 rng(42);
  Generated g;
  for (size_t i = 0; i < nodes; ++i) g.actors.emplace_back(i + 1, kSectors[rng() % 10]);
  std::vector<std::pair<int64_t, int64_t>> pairs;
  while (pairs.size() < ties) {
    size_t need = ties - pairs.size();
    for (size_t i = 0; i < need; ++i) {
      int64_t a = 1 + static_cast<int64_t>(rng() % nodes),
              b = 1 + static_cast<int64_t>(rng() % nodes);
      if (a != b) pairs.emplace_back(std::min(a, b), std::max(a, b));
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  }
  std::shuffle(pairs.begin(), pairs.end(), rng);
  pairs.resize(ties);
  for (auto [a, b] : pairs) {
    Tie t;
    t.actor_a = a, t.actor_b = b, t.type = kTypes[rng() % 4];
    if (rng() % 3 == 0) t.ratings.reliability = 1 + static_cast<int>(rng() % 4);
    g.ties.push_back(t);
    if (rng() % 10 == 0) g.ties.push_back(t), g.ties.back().type = kTypes[(rng() % 3) + 1];
  }
  return g;
}

void Write(const Generated& gen, const char* path) {
  std::ofstream out(path);
  out << "{\"nodes\":[";
  for (size_t i = 0; i < gen.actors.size(); ++i)
    out << (i ? "," : "") << "{\"id\":" << gen.actors[i].first << ",\"sector\":\""
        << gen.actors[i].second << "\"}";
  out << "],\"edges\":[";
  for (size_t i = 0; i < gen.ties.size(); ++i) {
    const Tie& t = gen.ties[i];
    out << (i ? "," : "") << "{\"a\":" << t.actor_a << ",\"b\":" << t.actor_b << ",\"type\":\""
        << t.type << "\"";
    if (t.ratings.reliability)
      out << ",\"ratings\":{\"reliability\":" << *t.ratings.reliability << "}";
    out << "}";
  }
  out << "]}\n";
}

// The implementation before the direction-optimising searches (commit 62191c3), kept here
// to time against and to check the new one on the large graphs.
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

PathCentrality LegacyPathCentrality(const CooperationGraph& g) {
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

double RelativeDifference(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0;
  for (size_t i = 0; i < a.size(); ++i)
    worst = std::max(worst, std::abs(a[i] - b[i]) / std::max({std::abs(b[i]), 1e-300}));
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  size_t nodes = 10000, ties = 100000, runs = 5;
  int threads = DefaultSearchThreads();
  bool legacy_too = true, batched_too = true;
  int once = 0;
  const char* write = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--no-legacy")) {
      legacy_too = false;
      continue;
    }
    if (!std::strcmp(argv[i], "--no-batched")) {
      batched_too = false;
      continue;
    }
    if (i + 1 == argc) break;
    if (!std::strcmp(argv[i], "--nodes")) nodes = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--ties")) ties = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--runs")) runs = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--threads")) threads = std::stoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--write")) write = argv[i + 1];
    if (!std::strcmp(argv[i], "--once")) once = std::stoi(argv[i + 1]);
    ++i;
  }
  Generated gen = Generate(nodes, ties);
  if (write) Write(gen, write);
  if (const char* dump = std::getenv("PROSIT_DUMP_PATHS")) {
    // The three centralities of one search on one thread, to compare two builds bit for bit.
    CooperationGraphBuilder b;
    for (const auto& [id, sector] : gen.actors) b.AddActor(id, sector);
    for (const Tie& t : gen.ties) b.AddDeclaredTie(t);
    CooperationGraph g = std::move(b).Build();
    PathCentrality pc = ComputePathCentrality(g, 1);
    std::FILE* f = std::fopen(dump, "w");
    for (size_t v = 0; v < pc.betweenness.size(); ++v)
      std::fprintf(f, "%a %a %a\n", pc.betweenness[v], pc.closeness[v], pc.harmonic[v]);
    std::fclose(f);
    return 0;
  }
  if (once > 0) {
    CooperationGraphBuilder b;
    for (const auto& [id, sector] : gen.actors) b.AddActor(id, sector);
    for (const Tie& t : gen.ties) b.AddDeclaredTie(t);
    CooperationGraph g = std::move(b).Build();
    auto a = AnalyseCooperation(g, once);
    if (!a.ok()) return std::fprintf(stderr, "%s\n", a.status().ToString().c_str()), 1;
    std::printf("modularity %.4f\n", *a->network.modularity);
    return 0;
  }

  std::vector<double> build, full, full_one, paths, paths_one, legacy, batched, brokerage, mixing;
  double worst = 0;          // largest relative difference between the new and the old searches
  double worst_batched = 0;  // the same for the batched searches
  bool batched_distances = true;  // their closeness and harmonic closeness to the last bit
  bool same = true;               // one thread and `threads` gave the same figures
  for (size_t r = 0; r < runs; ++r) {
    auto t0 = Clock::now();
    CooperationGraphBuilder b;
    for (const auto& [id, sector] : gen.actors) b.AddActor(id, sector);
    for (const Tie& t : gen.ties) b.AddDeclaredTie(t);
    CooperationGraph g = std::move(b).Build();
    build.push_back(Millis(t0));
    // One thread and `threads`, the order alternating so that neither always runs in the
    // other's wake.
    Result<CooperationAnalysis> a = Status::Ok(), a_one = Status::Ok();
    for (int k = 0; k < 2; ++k) {
      t0 = Clock::now();
      if ((k + r) % 2 == 0)
        a = AnalyseCooperation(g, threads), full.push_back(Millis(t0));
      else
        a_one = AnalyseCooperation(g, 1), full_one.push_back(Millis(t0));
    }
    if (!a.ok()) return std::fprintf(stderr, "%s\n", a.status().ToString().c_str()), 1;
    if (!a_one.ok()) return std::fprintf(stderr, "%s\n", a_one.status().ToString().c_str()), 1;
    for (size_t v = 0; v < g.nodes.size(); ++v) {
      const ActorMetrics &x = a->network.per_actor[v], &y = a_one->network.per_actor[v];
      same = same && x.betweenness_raw == y.betweenness_raw && x.closeness == y.closeness &&
             x.harmonic == y.harmonic && x.community == y.community;
    }
    if (r == 0)
      std::printf("graph: %d actors, %d ties (pairs), %d components, modularity %.4f\n",
                  a->network.actors, a->network.ties, a->network.components,
                  *a->network.modularity);
    // The parts, for where the time goes; the old searches timed in the same run, the
    // order alternating so that neither always runs in the other's wake.
    PathCentrality now, one, before, eight;
    for (int k = 0; k < 4; ++k) {
      t0 = Clock::now();
      switch ((k + r) % 4) {
        case 0:
          now = ComputePathCentrality(g, threads), paths.push_back(Millis(t0));
          break;
        case 1:
          one = ComputePathCentrality(g, 1), paths_one.push_back(Millis(t0));
          break;
        case 2:
          if (legacy_too) before = LegacyPathCentrality(g), legacy.push_back(Millis(t0));
          break;
        default:
          if (batched_too) eight = batched::BatchedPathCentrality(g), batched.push_back(Millis(t0));
      }
    }
    if (batched_too) {
      worst_batched =
          std::max({worst_batched, RelativeDifference(eight.betweenness, one.betweenness),
                    RelativeDifference(eight.closeness, one.closeness),
                    RelativeDifference(eight.harmonic, one.harmonic)});
      batched_distances =
          batched_distances && eight.closeness == one.closeness && eight.harmonic == one.harmonic;
    }
    same = same && now.betweenness == one.betweenness && now.closeness == one.closeness &&
           now.harmonic == one.harmonic;
    if (legacy_too)
      worst = std::max({worst, RelativeDifference(now.betweenness, before.betweenness),
                        RelativeDifference(now.closeness, before.closeness),
                        RelativeDifference(now.harmonic, before.harmonic)});
    t0 = Clock::now();
    ComputeBrokerage(g);
    brokerage.push_back(Millis(t0));
    t0 = Clock::now();
    ComputeSectorMixing(g);
    ComputeTieQuality(g);
    mixing.push_back(Millis(t0));
  }
  std::printf("build graph (merge %zu declared ties)       median %8.1f ms\n", gen.ties.size(),
              Median(build));
  std::printf("full analysis (AnalyseCooperation), %d threads median %8.1f ms  (runs %zu)\n",
              threads, Median(full), runs);
  std::printf("full analysis on one thread                median %8.1f ms  (%.2fx)\n",
              Median(full_one), Median(full_one) / Median(full));
  std::printf(
      "  of which betweenness+closeness+harmonic  median %8.1f ms, one thread %.1f ms "
      "(%.2fx)\n",
      Median(paths), Median(paths_one), Median(paths_one) / Median(paths));
  std::printf("  %d threads and one thread give the same figures: %s\n", threads,
              same ? "yes, to the last bit" : "NO");
  if (legacy_too)
    std::printf(
        "  the same by the old searches             median %8.1f ms  (%.1fx one thread; largest "
        "relative difference %.1e)\n",
        Median(legacy), Median(legacy) / Median(paths_one), worst);
  if (batched_too)
    std::printf(
        "  the same by eight sources per search     median %8.1f ms  (%.2fx the time on one "
        "thread; largest "
        "relative difference %.1e; closeness and harmonic %s)\n",
        Median(batched), Median(batched) / Median(paths_one), worst_batched,
        batched_distances ? "equal to the last bit" : "DIFFERENT");
  std::printf("  of which brokerage                       median %8.1f ms\n", Median(brokerage));
  std::printf("  of which E-I, blocks, multiplexity, PARTNER median %6.1f ms\n", Median(mixing));
  std::printf("RESULT full_ms=%.1f\n", Median(full));
  return same ? 0 : 1;
}
