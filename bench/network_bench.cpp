// The cooperation network analysis on a large graph: a deterministic random graph of N
// actors in ten sectors and M ties of four types (some pairs with several types, a share
// rated), analysed in full (AnalyseCooperation) R times; prints the median and the
// parts. --write FILE also writes the graph in network_probe's JSON format, so that
// bench/network_vs_networkx.py can time NetworkX on the very same graph.
//
//   prosit_network_bench [--nodes N] [--ties M] [--runs R] [--write FILE]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "analysis/cooperation_analysis.h"
#include "analysis/path_centrality.h"

using namespace prosit;
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

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  size_t nodes = 10000, ties = 100000, runs = 5;
  const char* write = nullptr;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--nodes")) nodes = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--ties")) ties = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--runs")) runs = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--write")) write = argv[i + 1];
  }
  Generated gen = Generate(nodes, ties);
  if (write) Write(gen, write);

  std::vector<double> build, full, paths, brokerage, mixing, structure;
  for (size_t r = 0; r < runs; ++r) {
    auto t0 = Clock::now();
    CooperationGraphBuilder b;
    for (const auto& [id, sector] : gen.actors) b.AddActor(id, sector);
    for (const Tie& t : gen.ties) b.AddDeclaredTie(t);
    CooperationGraph g = std::move(b).Build();
    build.push_back(Millis(t0));
    t0 = Clock::now();
    auto a = AnalyseCooperation(g);
    full.push_back(Millis(t0));
    if (!a.ok()) return std::fprintf(stderr, "%s\n", a.status().ToString().c_str()), 1;
    if (r == 0)
      std::printf("graph: %d actors, %d ties (pairs), %d components, modularity %.4f\n",
                  a->network.actors, a->network.ties, a->network.components,
                  *a->network.modularity);
    // The parts, for where the time goes.
    t0 = Clock::now();
    ComputePathCentrality(g);
    paths.push_back(Millis(t0));
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
  std::printf("full analysis (AnalyseCooperation)         median %8.1f ms  (runs %zu)\n",
              Median(full), runs);
  std::printf("  of which betweenness+closeness+harmonic  median %8.1f ms\n", Median(paths));
  std::printf("  of which brokerage                       median %8.1f ms\n", Median(brokerage));
  std::printf("  of which E-I, blocks, multiplexity, PARTNER median %6.1f ms\n", Median(mixing));
  std::printf("RESULT full_ms=%.1f\n", Median(full));
  return 0;
}
