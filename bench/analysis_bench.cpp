// The analyses of the service network on a real database, one core: the built-in travel
// times, the service layout, coverage of every ORP, the E2SFCA of every model cell, a
// what-if of one added service and the candidate ranking; with the memory they take.
//
//   prosit_analysis_bench --database var/national.db [--runs 5]

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "analysis/coverage.h"
#include "analysis/great_circle_travel.h"
#include "analysis/service_supply.h"
#include "analysis/what_if.h"
#include "app/analysis/accessibility_queries.h"
#include "app/analysis/analysis_basis.h"
#include "app/analysis/what_if_queries.h"
#include "app/snapshot/snapshot_keeper.h"
#include "bench_stats.h"

using namespace prosit;
using bench::Median;
using bench::Ms;
using bench::Percentile;
using Clock = std::chrono::steady_clock;

namespace {

// Resident memory of this process in MiB.
double RssMib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      double kib = 0;
      status >> kib;
      return kib / 1024;
    }
    status.ignore(1 << 16, '\n');
  }
  return 0;
}

// E2SFCA of every model cell (public transport, step weights), as the API runs it.
double AllCells(const AnalysisBasis& basis) {
  double checksum = 0;
  for (const ModelCell& cell : basis.frame().reference.model_cells)
    for (const UnitAccess& u :
         AccessOfCell(basis, cell, TravelMode::kPublicTransport, DistanceDecay::kStep).units)
      checksum += u.result.supply_total;
  return checksum;
}

}  // namespace

int main(int argc, char** argv) {
  std::string database = "var/national.db";
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--database")) database = argv[i + 1];
    if (!std::strcmp(argv[i], "--runs")) runs = std::stoi(argv[i + 1]);
  }
  double rss0 = RssMib();
  auto store = OpenStore(database);
  if (!store.ok()) return std::fprintf(stderr, "%s\n", store.status().ToString().c_str()), 1;
  SnapshotKeeper keeper(**store);
  Status s = keeper.Load();
  if (!s.ok()) return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
  auto snap = keeper.Current();
  double rss_snapshot = RssMib();

  auto t = Clock::now();
  auto times = GreatCircleTravel().Compute(snap->frame->territory, {});
  double times_ms = Ms(t);
  if (!times.ok()) return std::fprintf(stderr, "%s\n", times.status().ToString().c_str()), 1;
  auto basis = std::make_shared<AnalysisBasis>();
  basis->snapshot = snap;
  basis->territory = std::make_shared<TerritoryIndex>(snap->frame->territory);
  basis->times = std::make_shared<TravelTimes>(std::move(*times));
  t = Clock::now();
  basis->layout = LayOutServices(*snap, *basis->territory);
  double layout_ms = Ms(t);
  double rss_all = RssMib();
  std::printf("%zu municipalities, %zu cards (%zu analysed, %zu not placed)\n",
              basis->territory->places(), snap->cards.size(), basis->layout->services().size(),
              basis->layout->unplaced().size());
  std::printf(
      "travel times (built-in, cutoffs car %.0f, pt %.0f min): %.0f ms; legs car %zu, pt %zu; %.1f "
      "MiB\n",
      basis->times->cutoff(TravelMode::kCar), basis->times->cutoff(TravelMode::kPublicTransport),
      times_ms, basis->times->legs(TravelMode::kCar),
      basis->times->legs(TravelMode::kPublicTransport), basis->times->MemoryBytes() / 1048576.0);
  std::printf("service layout: %.1f ms\n", layout_ms);
  std::printf(
      "memory (RSS): start %.0f MiB, with snapshot %.0f MiB, with travel times and layout %.0f "
      "MiB\n",
      rss0, rss_snapshot, rss_all);

  // Coverage of every ORP, one at a time.
  std::vector<double> per_orp;
  for (int run = 0; run < runs; ++run)
    for (uint32_t o = 0; o < basis->territory->orps(); ++o) {
      t = Clock::now();
      OrpCoverage c = ComputeOrpCoverage(*basis->layout, *basis->times, o, {});
      per_orp.push_back(Ms(t));
    }
  std::printf(
      "coverage of one ORP (%zu ORPs x %d runs): median %.2f ms, p95 %.2f ms, max %.2f ms\n",
      basis->territory->orps(), runs, Median(per_orp), Percentile(per_orp, 0.95),
      *std::max_element(per_orp.begin(), per_orp.end()));

  // E2SFCA without and with step 1 shared per catchment (as the server keeps it).
  std::vector<double> all_cells, first_shared, warm_shared;
  for (int run = 0; run < runs; ++run) {
    basis->catchments = nullptr;
    t = Clock::now();
    double plain = AllCells(*basis);
    all_cells.push_back(Ms(t));
    std::span<const double> children = basis->territory->children();
    basis->catchments = std::make_shared<CatchmentCache>(
        std::vector<double>(children.begin(), children.end()), basis->times);
    t = Clock::now();
    double shared = AllCells(*basis);
    first_shared.push_back(Ms(t));
    t = Clock::now();
    AllCells(*basis);
    warm_shared.push_back(Ms(t));
    if (std::abs(plain - shared) > 1e-6 * plain) return std::fprintf(stderr, "results differ\n"), 1;
  }
  std::printf(
      "E2SFCA of all %zu model cells (pt, step): median %.1f ms each computing step 1; "
      "%.1f ms sharing it per catchment (first call), %.1f ms with it kept\n",
      basis->frame().reference.model_cells.size(), Median(all_cells), Median(first_shared),
      Median(warm_shared));

  // What-if: one new SAS (ss65, capacity 40) in municipalities spread over the country.
  std::vector<double> what_if;
  const auto& municipalities = snap->frame->territory.municipalities();
  for (size_t i = 0; i < 50; ++i) {
    WhatIfRequest request;
    request.add.push_back(
        {"ss65", municipalities[(i * 7919) % municipalities.size()].code, 40.0, {}, {}});
    t = Clock::now();
    auto change = MakeServiceChange(Caller::System("bench"), *basis, request);
    std::string json = WhatIfJson(*basis, request, *change);
    what_if.push_back(Ms(t));
  }
  std::printf(
      "what-if of one added service (50 places, coverage + accessibility + JSON): median %.1f ms, "
      "p95 %.1f ms\n",
      Median(what_if), Percentile(what_if, 0.95));

  std::vector<double> ranking;
  for (uint32_t r = 0; r < basis->territory->regions(); ++r) {
    CandidateQuery q;
    q.region = snap->frame->territory.regions()[r].code;
    q.service_type = "ss65";
    t = Clock::now();
    CandidatesJson(Caller::System("bench"), *basis, q);
    ranking.push_back(Ms(t));
  }
  std::printf("candidate seats for a new SAS in a region: median %.1f ms, max %.1f ms\n",
              Median(ranking), *std::max_element(ranking.begin(), ranking.end()));
  return 0;
}
