// Spatial accessibility (E2SFCA) at national scale: the real territory (6,258
// municipalities), the built-in travel times, children 0–17 per municipality as demand and
// 60,000 deterministic synthetic service cards over the 63 service types; E2SFCA (step
// weights) for all 24 cells of the optimal model by public transport and by car, timed
// over repeated runs: the implementation before issue 11 (kept below) and the present one,
// each computing step 1 per input and with step 1 kept per catchment, on one core, and the
// present one on --threads T (default: the machine's cores) over the inputs, alternating.
// A streaming read over the bytes that step 2 reads gives the memory's bound. Then the same
// inputs go to the NumPy reference (bench/accessibility_numpy.py) in the same run, which
// checks it gets the same figures and times itself; the ratios are printed.
//
//   prosit_accessibility_bench [--cards N] [--runs R] [--threads T]
//                              [--python /usr/bin/python3] [--out DIR] [--no-numpy]

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <thread>
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

// The E2SFCA of before issue 11 (commit 6ad9c81), step weights only, kept to time against
// in the same run: step 1 keeps a double weight per leg, and step 2 scatters over the
// reverse legs as TravelTimes stores them (place and time, 8 bytes) with that weight.
namespace legacy {

double Sane(double value) { return std::isfinite(value) && value > 0 ? value : 0; }

size_t Row(const Catchment& c, std::span<const TravelLeg> legs, double* w) {
  double d0 = c.max_minutes;
  size_t k = 0, z = 0;
  for (; k < legs.size() && legs[k].minutes <= d0; ++k) {
    while (z < c.steps.size() && legs[k].minutes > c.steps[z].first * d0) ++z;
    w[k] = z < c.steps.size() ? Sane(c.steps[z].second) : 0;
  }
  return k;
}

struct Kept {
  std::vector<double> sums;
  std::vector<uint32_t> offsets;
  std::vector<double> weights;
};

Kept MakeKept(std::span<const double> demand, const TravelTimes& times, TravelMode mode,
              const Catchment& catchment) {
  Kept k{std::vector<double>(times.places(), 0), std::vector<uint32_t>(times.places() + 1, 0), {}};
  std::vector<double> row;
  for (uint32_t j = 0; j < times.places(); ++j) {
    auto legs = times.To(mode, j);
    row.resize(legs.size());
    size_t within = Row(catchment, legs, row.data());
    double sum = 0;
    for (size_t l = 0; l < within; ++l) sum += Sane(demand[legs[l].place]) * row[l];
    k.sums[j] = sum;
    k.weights.insert(k.weights.end(), row.begin(), row.begin() + within);
    k.offsets[j + 1] = static_cast<uint32_t>(k.weights.size());
  }
  return k;
}

std::vector<double> Access(const AccessibilityInput& in, const Kept* kept) {
  const size_t n = in.times->places();
  std::vector<double> access(n, 0), supply(n, 0), children(n, 0), reach(n, 0);
  std::vector<uint32_t> supplied;
  std::vector<char> seen(n, 0);
  for (const SupplySite& s : in.sites) {
    supply[s.place] += Sane(s.capacity);
    if (!seen[s.place]) seen[s.place] = 1, supplied.push_back(s.place);
  }
  std::sort(supplied.begin(), supplied.end());
  for (uint32_t k = 0; k < n; ++k) children[k] = Sane(in.demand[k]);
  std::vector<size_t> first_weight(supplied.size() + 1, 0);
  std::vector<double> weights;
  if (kept) {
    for (uint32_t j : supplied) reach[j] = kept->sums[j];
  } else {
    size_t legs = 0;
    for (uint32_t j : supplied) legs += in.times->To(in.mode, j).size();
    weights.resize(legs);
    for (size_t s = 0; s < supplied.size(); ++s) {
      auto legs_to = in.times->To(in.mode, supplied[s]);
      double* w = weights.data() + first_weight[s];
      size_t within = Row(in.catchment, legs_to, w);
      double sum = 0;
      for (size_t l = 0; l < within; ++l) sum += children[legs_to[l].place] * w[l];
      reach[supplied[s]] = sum;
      first_weight[s + 1] = first_weight[s] + within;
    }
  }
  for (size_t s = 0; s < supplied.size(); ++s) {
    uint32_t j = supplied[s];
    if (!(reach[j] > 0)) continue;
    double ratio = supply[j] / reach[j];
    auto legs = in.times->To(in.mode, j);
    const double* w =
        kept ? kept->weights.data() + kept->offsets[j] : weights.data() + first_weight[s];
    size_t count =
        kept ? kept->offsets[j + 1] - kept->offsets[j] : first_weight[s + 1] - first_weight[s];
    for (size_t l = 0; l < count; ++l) access[legs[l].place] += ratio * w[l];
  }
  std::fill(seen.begin(), seen.end(), 0);
  for (const OutreachSupply& os : in.outreach) {
    double served = 0;
    for (uint32_t p : os.places)
      if (!seen[p]) seen[p] = 1, served += children[p];
    for (uint32_t p : os.places) seen[p] = 0;
    if (!(served > 0)) continue;
    double ratio = Sane(os.capacity) / served;
    for (uint32_t p : os.places)
      if (!seen[p]) seen[p] = 1, access[p] += ratio;
    for (uint32_t p : os.places) seen[p] = 0;
  }
  return access;
}

}  // namespace legacy

// Σ of the 8-byte words of [p, p + bytes) (and the bytes after the last whole word): a
// plain streaming read, four sums so that the loads overlap.
uint64_t ReadWords(const void* p, size_t bytes) {
  const char* c = static_cast<const char*>(p);
  uint64_t s[4] = {0, 0, 0, 0}, w[4];
  for (; bytes >= 32; bytes -= 32, c += 32) {
    std::memcpy(w, c, 32);
    s[0] += w[0], s[1] += w[1], s[2] += w[2], s[3] += w[3];
  }
  for (; bytes > 0; --bytes, ++c) s[0] += static_cast<unsigned char>(*c);
  return (s[0] + s[1]) + (s[2] + s[3]);
}

double RelativeDifference(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0;
  for (size_t i = 0; i < a.size(); ++i)
    worst = std::max(worst, std::abs(a[i] - b[i]) / std::max({std::abs(b[i]), 1e-300}));
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  size_t card_count = 60000, runs = 11;
  std::string python = "/usr/bin/python3", out = "/tmp/prosit-accessibility-bench";
  bool numpy = true;
  int threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--cards" && has_value)
      card_count = std::stoul(argv[++i]);
    else if (a == "--runs" && has_value)
      runs = std::max<size_t>(1, std::stoul(argv[++i]));
    else if (a == "--threads" && has_value)
      threads = std::stoi(argv[++i]);
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
          c.outreach.push_back({orp_places.at(card.place), card.capacity, std::nullopt});
        else
          c.sites.push_back({card.place, card.capacity});
      }
      cells.push_back(std::move(c));
    }

  // Step 1 per mode and catchment, as the server keeps it (app/analysis/catchment_cache.h), in the
  // present layout and in the one before.
  std::map<std::pair<int, float>, std::unique_ptr<CatchmentDemand>> shared;
  std::map<std::pair<int, float>, legacy::Kept> shared_before;
  auto key = [](const CellInput& c) {
    return std::make_pair(static_cast<int>(c.mode), c.max_minutes);
  };
  auto catchment_of = [](const CellInput& c) {
    Catchment catchment;
    catchment.max_minutes = c.max_minutes;
    catchment.decay = DistanceDecay::kStep;
    return catchment;
  };
  auto prepare_start = Clock::now();
  for (const CellInput& c : cells)
    if (!shared[key(c)])
      shared[key(c)] = std::make_unique<CatchmentDemand>(demand, *times, c.mode, catchment_of(c));
  double prepare_ms =
      std::chrono::duration<double, std::milli>(Clock::now() - prepare_start).count();
  for (const CellInput& c : cells)
    if (!shared_before.count(key(c)))
      shared_before[key(c)] = legacy::MakeKept(demand, *times, c.mode, catchment_of(c));
  // The inputs, each computing step 1 and with it kept.
  std::vector<AccessibilityInput> each(cells.size()), kept(cells.size());
  for (size_t k = 0; k < cells.size(); ++k) {
    const CellInput& c = cells[k];
    AccessibilityInput& in = each[k];
    in.demand = demand;
    in.sites = c.sites;
    in.outreach = c.outreach;
    in.times = &*times;
    in.mode = c.mode;
    in.catchment = catchment_of(c);
    kept[k] = in;
    kept[k].shared = shared.at(key(c)).get();
  }
  // ORP summaries as the report shows them: the population-weighted mean per ORP.
  std::vector<std::vector<uint32_t>> orp_members;
  for (const auto& orp : territory->orps()) {
    orp_members.emplace_back();
    for (size_t i : territory->MunicipalitiesOfOrp(orp.code))
      orp_members.back().push_back(static_cast<uint32_t>(i));
  }

  // The configurations, timed in turn each round, the first changing from round to round.
  enum { kBeforeEach, kEach, kBeforeKept, kKept, kEachThreads, kKeptThreads, kConfigs };
  const char* names[kConfigs] = {"before issue 11, step 1 per input, one core",
                                 "present, step 1 per input, one core",
                                 "before issue 11, step 1 kept, one core",
                                 "present, step 1 kept, one core",
                                 "present, step 1 per input, threads over the inputs",
                                 "present, step 1 kept, threads over the inputs"};
  std::vector<std::vector<double>> ms(kConfigs);
  std::vector<std::vector<std::vector<double>>> figures(
      kConfigs, std::vector<std::vector<double>>(cells.size()));
  auto run = [&](int config) {
    auto& f = figures[config];
    switch (config) {
      case kBeforeEach:
        for (size_t k = 0; k < cells.size(); ++k) f[k] = legacy::Access(each[k], nullptr);
        break;
      case kBeforeKept:
        for (size_t k = 0; k < cells.size(); ++k)
          f[k] = legacy::Access(each[k], &shared_before.at(key(cells[k])));
        break;
      case kEach:
      case kKept:
        for (size_t k = 0; k < cells.size(); ++k)
          f[k] = ComputeAccessibility((config == kEach ? each : kept)[k]).access;
        break;
      default: {
        auto results = ComputeAccessibilityOfAll(config == kEachThreads ? each : kept, threads);
        for (size_t k = 0; k < cells.size(); ++k) f[k] = std::move(results[k].access);
      }
    }
  };
  for (size_t r = 0; r < runs; ++r)
    for (int i = 0; i < kConfigs; ++i) {
      int config = static_cast<int>((i + r) % kConfigs);
      auto a = Clock::now();
      run(config);
      ms[config].push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    }
  const std::vector<std::vector<double>>& access = figures[kEach];
  // The present figures are one: with or without step 1 kept, on any number of threads; the
  // ones before differ in the last bits (step 1 now adds per zone).
  for (int config : {kKept, kEachThreads, kKeptThreads})
    if (figures[config] != access)
      return std::fprintf(stderr, "%s changes the figures\n", names[config]), 1;
  double worst = 0;
  for (int config : {kBeforeEach, kBeforeKept})
    for (size_t k = 0; k < cells.size(); ++k)
      worst = std::max(worst, RelativeDifference(figures[config][k], access[k]));
  // A 24-cell public-transport report alone, and the ORP summaries.
  std::vector<double> pt_ms, summary_ms;
  double sink = 0;
  for (size_t r = 0; r < runs; ++r) {
    auto a = Clock::now();
    for (size_t k = 0; k < cells.size() / 2; ++k) sink += ComputeAccessibility(each[k]).access[0];
    pt_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    auto s = Clock::now();
    AccessibilityResult result;
    for (size_t k = 0; k < cells.size(); ++k) {
      result.access = access[k];
      for (const auto& members : orp_members) sink += WeightedMeanAccess(result, demand, members);
    }
    summary_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
  }
  // The memory's bound: step 2 with step 1 kept reads, per input, the 16-bit places of the
  // legs of every supplied place; a plain streaming sum over exactly those bytes.
  std::vector<std::pair<const uint16_t*, size_t>> spans;
  size_t step2_bytes = 0;
  for (size_t k = 0; k < cells.size(); ++k) {
    const CatchmentDemand& cd = *kept[k].shared;
    std::vector<uint32_t> supplied;
    for (const SupplySite& site : cells[k].sites) supplied.push_back(site.place);
    std::sort(supplied.begin(), supplied.end());
    supplied.erase(std::unique(supplied.begin(), supplied.end()), supplied.end());
    for (uint32_t j : supplied) {
      spans.emplace_back(cd.narrow_places().data() + cd.first(j), cd.last(j) - cd.first(j));
      step2_bytes += 2 * (cd.last(j) - cd.first(j));
    }
  }
  std::vector<double> stream_ms, dram_ms;
  uint64_t checksum = 0;
  std::vector<uint64_t> big(size_t{32} << 20, 1);  // 256 MiB: far past the caches
  for (size_t r = 0; r < runs; ++r) {
    auto a = Clock::now();
    for (auto [p, count] : spans) checksum += ReadWords(p, 2 * count);
    stream_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    a = Clock::now();
    checksum += ReadWords(big.data(), big.size() * 8);
    dram_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
  }
  const double dram_gbs = big.size() * 8 / Median(dram_ms) / 1e6;

  size_t sites = 0, outreach = 0, legs_pt = times->legs(TravelMode::kPublicTransport);
  for (const auto& c : cells) sites += c.sites.size(), outreach += c.outreach.size();
  size_t kept_bytes = 0, kept_bytes_before = 0;
  for (const auto& [k, cd] : shared) kept_bytes += cd->MemoryBytes();
  for (const auto& [k, cd] : shared_before)
    kept_bytes_before += cd.sums.size() * 8 + cd.offsets.size() * 4 + cd.weights.size() * 8;
  std::printf(
      "territory %zu places; travel times (built-in, cutoff 90 min) %.0f ms, %zu pt legs, "
      "%zu car legs\n",
      places.size(), times_ms, legs_pt, times->legs(TravelMode::kCar));
  std::printf("%zu cards (synthetic); %zu cell inputs: %zu sites, %zu outreach supplies in all\n",
              cards.size(), cells.size(), sites, outreach);
  std::printf("E2SFCA, 24 cells, public transport, one core: median %.2f ms (%zu runs)\n",
              Median(pt_ms), runs);
  std::printf("step 1 kept for %zu catchments: made once in %.1f ms, %.1f MiB (before: %.1f MiB)\n",
              shared.size(), prepare_ms, kept_bytes / 1048576.0, kept_bytes_before / 1048576.0);
  std::printf("E2SFCA, 48 cell inputs (24 cells x pt and car), %zu runs, medians; threads = %d:\n",
              runs, threads);
  for (int config = 0; config < kConfigs; ++config)
    std::printf("  %-52s %8.2f ms\n", names[config], Median(ms[config]));
  std::printf(
      "  present / before: %.2fx per input, %.2fx kept (largest relative difference %.1e)\n",
      Median(ms[kBeforeEach]) / Median(ms[kEach]), Median(ms[kBeforeKept]) / Median(ms[kKept]),
      worst);
  std::printf(
      "memory bound: step 2 (kept) reads %.1f MiB of leg places over the 48 inputs; reading them "
      "as 8-byte words takes median %.2f ms (%.1f GB/s); from memory at the %.1f GB/s of a "
      "256 MiB read they would take %.2f ms [%llu]\n",
      step2_bytes / 1048576.0, Median(stream_ms), step2_bytes / Median(stream_ms) / 1e6, dram_gbs,
      step2_bytes / dram_gbs / 1e6, static_cast<unsigned long long>(checksum % 10));
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
  double numpy_ms = 0, dense_ms = 0, numpy_kept_ms = 0;
  if (!(f >> numpy_ms >> dense_ms >> numpy_kept_ms))
    return std::fprintf(stderr, "no NumPy timing\n"), 1;
  std::printf("ratios, 48 cell inputs, NumPy (one core) / prosit, like with like:\n");
  std::printf("  step 1 per input:  one core %.1fx (before issue 11 %.1fx); threads %.1fx\n",
              numpy_ms / Median(ms[kEach]), numpy_ms / Median(ms[kBeforeEach]),
              numpy_ms / Median(ms[kEachThreads]));
  std::printf("  step 1 kept:       one core %.1fx (before issue 11 %.1fx); threads %.1fx\n",
              numpy_kept_ms / Median(ms[kKept]), numpy_kept_ms / Median(ms[kBeforeKept]),
              numpy_kept_ms / Median(ms[kKeptThreads]));
  std::printf(
      "  NumPy per input / prosit kept (the aim's old measure): one core %.1fx, threads %.1fx\n",
      numpy_ms / Median(ms[kKept]), numpy_ms / Median(ms[kKeptThreads]));
  return 0;
}
