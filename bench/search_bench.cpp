// In-process catalog search on a real database: loads the snapshot as `prosit serve`
// does, then runs typical filtered text searches and reports latency percentiles.
//
//   prosit_search_bench --database var/national.db [--rounds 20]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "app/catalog_queries.h"
#include "app/snapshot_keeper.h"
#include "bench_stats.h"

using namespace prosit;
using bench::Median;
using bench::Percentile;
using Clock = std::chrono::steady_clock;

namespace {

// Typical questions of the catalog: a word or two, usually within a region or an ORP.
std::vector<ServiceQuery> TypicalQueries(const NetworkSnapshot& snap) {
  std::vector<ServiceQuery> out;
  const char* words[] = {"psycholog",   "poradna", "skola",   "sas rodiny",   "krizova pomoc",
                         "azylovy dum", "dluhy",   "pediatr", "nizkoprahove", "terenni program"};
  const auto& orps = snap.frame->territory.orps();
  const auto& regions = snap.frame->territory.regions();
  for (size_t i = 0; i < 200; ++i) {
    ServiceQuery q;
    q.text = words[i % std::size(words)];
    if (i % 2 == 0)
      q.region = regions[i % regions.size()].code;
    else
      q.orp = orps[(i * 37) % orps.size()].code;
    if (i % 5 == 0) q.age = 10;
    out.push_back(q);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string database = "var/national.db";
  int rounds = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--database")) database = argv[i + 1];
    if (!std::strcmp(argv[i], "--rounds")) rounds = std::stoi(argv[i + 1]);
  }
  auto store = OpenStore(database);
  if (!store.ok()) return std::fprintf(stderr, "%s\n", store.status().ToString().c_str()), 1;
  SnapshotKeeper keeper(**store);
  auto t0 = Clock::now();
  Status s = keeper.Load();
  if (!s.ok()) return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
  double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  auto snap = keeper.Current();
  auto queries = TypicalQueries(*snap);
  std::vector<double> micros;
  size_t bytes = 0, hits = 0;
  for (int r = 0; r < rounds; ++r)
    for (const auto& q : queries) {
      auto a = Clock::now();
      std::string json = SearchServiceCards(Caller::System("bench"), *snap, q);
      micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - a).count());
      bytes += json.size();
      hits += json.size() > 60;
    }
  std::printf("cards %zu, snapshot load %.0f ms\n", snap->cards.size(), load_ms);
  std::printf(
      "search (search + JSON page): %zu queries, p50 %.1f us, p99 %.1f us, max %.1f us, "
      "mean response %zu bytes, non-empty %zu\n",
      micros.size(), Percentile(micros, 0.5), Percentile(micros, 0.99),
      *std::max_element(micros.begin(), micros.end()), bytes / micros.size(), hits);
  return 0;
}
