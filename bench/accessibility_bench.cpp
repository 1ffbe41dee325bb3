// Spatial accessibility (E2SFCA) at national scale: the real territory (6,258
// municipalities), the built-in travel times, children 0–17 per municipality as demand and
// 60,000 deterministic synthetic service cards over the 63 service types; E2SFCA (step
// weights) for all 24 cells of the optimal model by public transport and by car, timed
// over repeated runs on one core. Then the same inputs go to the NumPy reference
// (bench/accessibility_numpy.py) in the same run, which checks it gets the same figures
// and times itself; the ratio is printed.
//
//   prosit_accessibility_bench [--cards N] [--runs R] [--python /usr/bin/python3]
//                              [--out DIR] [--no-numpy]

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/accessibility.h"
#include "analysis/great_circle_travel.h"
#include "bench_stats.h"
#include "io/reference_json.h"
#include "io/territory_csv.h"

using namespace prosit;
using bench::Median;
using bench::Percentile;
using Clock = std::chrono::steady_clock;

namespace {

// A synthetic service card: what E2SFCA needs of it.
struct Card {
  uint32_t type = 0;
  uint32_t place = 0;
  double capacity = 0;
  bool outreach = false;
};

// Cards sit where people live: a municipality drawn with probability proportional to its
// population (towns get many, villages few). One card in ten is outreach and serves every
// municipality of its seat's ORP; capacities 1–100.
std::vector<Card> SyntheticCards(const Territory& t, size_t count, size_t types) {
  std::vector<double> population;
  for (const auto& m : t.municipalities()) population.push_back(static_cast<double>(m.population));
  std::discrete_distribution<uint32_t> place(population.begin(), population.end());
  std::mt19937_64 rng(7);
  std::vector<Card> cards(count);
  for (auto& c : cards) {
    c.type = static_cast<uint32_t>(rng() % types);
    c.place = place(rng);
    c.capacity = 1 + static_cast<double>(rng() % 100);
    c.outreach = rng() % 10 == 0;
  }
  return cards;
}

// The input of one cell in one mode, built before timing (the caller's work).
struct CellInput {
  std::string name;
  TravelMode mode;
  float max_minutes;
  std::vector<SupplySite> sites;
  std::vector<OutreachSupply> outreach;
  std::vector<uint32_t> types;
};

template <typename T>
void WriteRaw(const std::string& path, const std::vector<T>& values) {
  std::ofstream f(path, std::ios::binary);
  f.write(reinterpret_cast<const char*>(values.data()),
          static_cast<std::streamsize>(values.size() * sizeof(T)));
}

// Writes what the NumPy reference needs: demand, the legs within the longest catchment
// (origin, destination, minutes), the cards and, per cell, our access figures to compare.
void WriteInputs(const std::string& dir, const std::vector<double>& demand,
                 const TravelTimes& times, const std::vector<Card>& cards,
                 const std::vector<CellInput>& cells,
                 const std::vector<std::vector<double>>& access,
                 const std::unordered_map<uint32_t, std::vector<uint32_t>>& orp_places) {
  ::mkdir(dir.c_str(), 0755);
  WriteRaw(dir + "/demand.f64", demand);
  for (TravelMode mode : kAllTravelModes) {
    float longest = 0;
    for (const auto& c : cells)
      if (c.mode == mode) longest = std::max(longest, c.max_minutes);
    std::vector<uint32_t> from, to;
    std::vector<float> minutes;
    for (uint32_t i = 0; i < times.places(); ++i)
      for (const TravelLeg& leg : times.From(mode, i)) {
        if (leg.minutes > longest) break;
        from.push_back(i), to.push_back(leg.place), minutes.push_back(leg.minutes);
      }
    std::string m = ToString(mode);
    WriteRaw(dir + "/legs_" + m + "_from.u32", from);
    WriteRaw(dir + "/legs_" + m + "_to.u32", to);
    WriteRaw(dir + "/legs_" + m + "_minutes.f32", minutes);
  }
  std::vector<uint32_t> type, place, outreach, offsets{0}, served;
  std::vector<double> capacity;
  for (const Card& c : cards) {
    type.push_back(c.type), place.push_back(c.place), capacity.push_back(c.capacity);
    outreach.push_back(c.outreach);
    if (c.outreach) {
      const auto& p = orp_places.at(c.place);
      served.insert(served.end(), p.begin(), p.end());
    }
    offsets.push_back(static_cast<uint32_t>(served.size()));
  }
  WriteRaw(dir + "/card_type.u32", type);
  WriteRaw(dir + "/card_place.u32", place);
  WriteRaw(dir + "/card_capacity.f64", capacity);
  WriteRaw(dir + "/card_outreach.u32", outreach);
  WriteRaw(dir + "/card_served_offsets.u32", offsets);
  WriteRaw(dir + "/card_served.u32", served);
  std::ofstream manifest(dir + "/cells.json");
  manifest << "{\"places\": " << demand.size() << ", \"cells\": [";
  for (size_t k = 0; k < cells.size(); ++k) {
    const CellInput& c = cells[k];
    manifest << (k ? ",\n" : "\n") << "{\"name\": \"" << c.name << "\", \"mode\": \""
             << ToString(c.mode) << "\", \"max_minutes\": " << c.max_minutes << ", \"types\": [";
    for (size_t i = 0; i < c.types.size(); ++i) manifest << (i ? ", " : "") << c.types[i];
    manifest << "]}";
    WriteRaw(dir + "/access_" + std::to_string(k) + ".f64", access[k]);
  }
  manifest << "\n]}\n";
}

}  // namespace

int main(int argc, char** argv) {
  size_t card_count = 60000, runs = 11;
  std::string python = "/usr/bin/python3", out = "/tmp/prosit-accessibility-bench";
  bool numpy = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--cards" && has_value)
      card_count = std::stoul(argv[++i]);
    else if (a == "--runs" && has_value)
      runs = std::max<size_t>(1, std::stoul(argv[++i]));
    else if (a == "--python" && has_value)
      python = argv[++i];
    else if (a == "--out" && has_value)
      out = argv[++i];
    else if (a == "--no-numpy")
      numpy = false;
  }
  auto territory = LoadTerritoryFolder(PROSIT_SOURCE_DIR "/data/territory");
  auto docs = ReadReferenceFolder(PROSIT_SOURCE_DIR "/data/reference");
  if (!territory.ok() || !docs.ok()) return std::fprintf(stderr, "cannot read data/\n"), 1;
  auto reference = ParseReferenceData(*docs);
  if (!reference.ok())
    return std::fprintf(stderr, "%s\n", reference.status().ToString().c_str()), 1;

  auto t0 = Clock::now();
  auto times = GreatCircleTravel().Compute(*territory, {90, 90});
  if (!times.ok()) return std::fprintf(stderr, "%s\n", times.status().ToString().c_str()), 1;
  double times_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

  const auto& places = territory->municipalities();
  std::vector<double> demand;
  for (const auto& m : places) demand.push_back(m.children_0_17);
  std::unordered_map<std::string, uint32_t> type_index;
  for (uint32_t i = 0; i < reference->service_types.size(); ++i)
    type_index[reference->service_types[i].id] = i;
  std::vector<Card> cards = SyntheticCards(*territory, card_count, type_index.size());
  // Outreach serves the municipalities of its seat's ORP.
  std::unordered_map<uint32_t, std::vector<uint32_t>> orp_places;
  for (const Card& c : cards)
    if (c.outreach && !orp_places.count(c.place))
      for (size_t i : territory->MunicipalitiesOfOrp(places[c.place].orp_code))
        orp_places[c.place].push_back(static_cast<uint32_t>(i));

  std::vector<CellInput> cells;
  for (TravelMode mode : {TravelMode::kPublicTransport, TravelMode::kCar})
    for (const ModelCell& mc : reference->model_cells) {
      CellInput c{
          mc.need_area + "/" + std::to_string(mc.level),
          mode,
          static_cast<float>(mode == TravelMode::kCar ? mc.max_minutes_car : mc.max_minutes_pt),
          {},
          {},
          {}};
      std::vector<char> in_cell(type_index.size(), 0);
      for (const auto& id : mc.service_types) {
        in_cell[type_index.at(id)] = 1;
        c.types.push_back(type_index.at(id));
      }
      for (const Card& card : cards) {
        if (!in_cell[card.type]) continue;
        if (card.outreach)
          c.outreach.push_back({orp_places.at(card.place), card.capacity});
        else
          c.sites.push_back({card.place, card.capacity});
      }
      cells.push_back(std::move(c));
    }

  // Step 1 per mode and catchment, as the server keeps it (app/analysis/catchment_cache.h).
  std::map<std::pair<int, float>, std::unique_ptr<CatchmentDemand>> shared;
  auto prepare_start = Clock::now();
  for (const CellInput& c : cells) {
    auto& slot = shared[{static_cast<int>(c.mode), c.max_minutes}];
    if (slot) continue;
    Catchment catchment;
    catchment.max_minutes = c.max_minutes;
    catchment.decay = DistanceDecay::kStep;
    slot = std::make_unique<CatchmentDemand>(demand, *times, c.mode, catchment);
  }
  double prepare_ms =
      std::chrono::duration<double, std::milli>(Clock::now() - prepare_start).count();
  bool use_shared = false;
  auto run_cell = [&](const CellInput& c) {
    AccessibilityInput in;
    if (use_shared) in.shared = shared.at({static_cast<int>(c.mode), c.max_minutes}).get();
    in.demand = demand;
    in.sites = c.sites;
    in.outreach = c.outreach;
    in.times = &*times;
    in.mode = c.mode;
    in.catchment.max_minutes = c.max_minutes;
    in.catchment.decay = DistanceDecay::kStep;
    return ComputeAccessibility(in);
  };
  // ORP summaries as the report shows them: the population-weighted mean per ORP.
  std::vector<std::vector<uint32_t>> orp_members;
  for (const auto& orp : territory->orps()) {
    orp_members.emplace_back();
    for (size_t i : territory->MunicipalitiesOfOrp(orp.code))
      orp_members.back().push_back(static_cast<uint32_t>(i));
  }

  std::vector<std::vector<double>> access(cells.size());
  std::vector<double> pt_ms, all_ms, summary_ms;
  double sink = 0;
  for (size_t r = 0; r < runs; ++r) {
    auto a = Clock::now();
    for (size_t k = 0; k < cells.size(); ++k) {
      if (k == cells.size() / 2)
        pt_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
      access[k] = run_cell(cells[k]).access;
    }
    all_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    auto s = Clock::now();
    AccessibilityResult result;
    for (size_t k = 0; k < cells.size(); ++k) {
      result.access = access[k];
      for (const auto& members : orp_members) sink += WeightedMeanAccess(result, demand, members);
    }
    summary_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
  }
  // The same 48 inputs with step 1 kept per catchment; the figures must not change.
  std::vector<double> shared_ms;
  use_shared = true;
  for (size_t r = 0; r < runs; ++r) {
    auto a = Clock::now();
    for (size_t k = 0; k < cells.size(); ++k)
      if (run_cell(cells[k]).access != access[k])
        return std::fprintf(stderr, "step 1 kept changes the figures\n"), 1;
    shared_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
  }

  size_t sites = 0, outreach = 0, legs_pt = times->legs(TravelMode::kPublicTransport);
  for (const auto& c : cells) sites += c.sites.size(), outreach += c.outreach.size();
  std::printf(
      "territory %zu places; travel times (built-in, cutoff 90 min) %.0f ms, %zu pt legs, "
      "%zu car legs\n",
      places.size(), times_ms, legs_pt, times->legs(TravelMode::kCar));
  std::printf("%zu cards (synthetic); %zu cell inputs: %zu sites, %zu outreach supplies in all\n",
              cards.size(), cells.size(), sites, outreach);
  double pt = Median(pt_ms), both = Median(all_ms);
  std::printf("E2SFCA, 24 cells, public transport, one core: median %.2f ms (%zu runs)\n", pt,
              runs);
  std::printf("E2SFCA, 48 cell inputs (24 cells x pt and car): median %.2f ms, max %.2f ms\n", both,
              *std::max_element(all_ms.begin(), all_ms.end()));
  std::printf(
      "E2SFCA, 48 cell inputs with step 1 kept per catchment (%zu catchments, made once "
      "in %.1f ms): median %.2f ms\n",
      shared.size(), prepare_ms, Median(shared_ms));
  std::printf("ORP summaries (206 ORPs x 48 inputs): median %.2f ms  [%g]\n", Median(summary_ms),
              sink > 0 ? 1.0 : 0.0);
  if (!numpy) return 0;

  WriteInputs(out, demand, *times, cards, cells, access, orp_places);
  std::string command = "OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 " + python +
                        " " PROSIT_SOURCE_DIR "/bench/accessibility_numpy.py " + out + " " +
                        std::to_string(runs);
  std::fflush(stdout);
  if (std::system(command.c_str()) != 0) return std::fprintf(stderr, "NumPy reference failed\n"), 1;
  std::ifstream f(out + "/numpy_ms.txt");
  double numpy_ms = 0;
  if (!(f >> numpy_ms)) return std::fprintf(stderr, "no NumPy timing\n"), 1;
  std::printf(
      "ratio, 48 cell inputs: NumPy (sparse, vectorised) / prosit = %.1fx; "
      "with step 1 kept = %.1fx\n",
      numpy_ms / both, numpy_ms / Median(shared_ms));
  return 0;
}
