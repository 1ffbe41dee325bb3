// The monitoring table at national scale: 250,000 meetings and 60,000 needs over four
// years on the real territory (deterministic), then the table for one year of the whole
// country, of a region and of an ORP, timed over repeated runs.
//
//   prosit_monitoring_bench [--meetings N] [--runs R]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "analysis/monitoring.h"
#include "io/reference_json.h"
#include "io/territory_csv.h"

using namespace prosit;
using Clock = std::chrono::steady_clock;

namespace {

std::string Date(std::mt19937_64& rng) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 2016 + static_cast<int>(rng() % 4),
                1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
  return buf;
}

double Millis(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  size_t meeting_count = 250000, runs = 30;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--meetings")) meeting_count = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--runs")) runs = std::stoul(argv[i + 1]);
  }
  auto territory = LoadTerritoryFolder(PROSIT_SOURCE_DIR "/data/territory");
  auto docs = ReadReferenceFolder(PROSIT_SOURCE_DIR "/data/reference");
  if (!territory.ok() || !docs.ok()) return std::fprintf(stderr, "cannot read data/\n"), 1;
  auto reference = ParseReferenceData(*docs);
  if (!reference.ok())
    return std::fprintf(stderr, "%s\n", reference.status().ToString().c_str()), 1;

  std::mt19937_64 rng(7);
  const auto& orps = territory->orps();
  std::vector<Meeting> meetings(meeting_count);
  for (auto& m : meetings) {
    m.date = Date(rng);
    m.orp_code = orps[rng() % orps.size()].code;
    m.category = reference->meeting_categories[rng() % reference->meeting_categories.size()].id;
    m.people = 1 + static_cast<int>(rng() % 8);
  }
  std::vector<Need> needs(meeting_count / 4);
  for (auto& n : needs) {
    n.date = Date(rng);
    n.orp_code = orps[rng() % orps.size()].code;
    n.status = kNeedStatuses[rng() % 4];
    n.network_need = reference->network_need_categories[rng() % 11].id;
  }
  std::vector<const Meeting*> mp;
  for (const auto& m : meetings) mp.push_back(&m);
  std::vector<const Need*> np;
  for (const auto& n : needs) np.push_back(&n);

  struct Case {
    const char* name;
    MonitoringScope scope;
  } cases[] = {{"country, 2018", {"2018-01-01", "2018-12-31", "", ""}},
               {"region CZ053, 2018", {"2018-01-01", "2018-12-31", "CZ053", ""}},
               {"ORP 5304, 2018", {"2018-01-01", "2018-12-31", "", "5304"}}};
  std::printf("%zu meetings, %zu needs\n", meetings.size(), needs.size());
  for (const auto& c : cases) {
    std::vector<double> ms;
    int64_t counted = 0;
    for (size_t r = 0; r < runs; ++r) {
      auto t0 = Clock::now();
      MonitoringTable t =
          ComputeMonitoring(mp, np, {}, {}, c.scope, "2026-11-24", *territory, *reference);
      ms.push_back(Millis(t0));
      counted = t.meetings;
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-20s %7lld meetings counted   median %6.2f ms   max %6.2f ms\n", c.name,
                static_cast<long long>(counted), ms[ms.size() / 2], ms.back());
  }
  return 0;
}
