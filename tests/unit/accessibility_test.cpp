#include "analysis/accessibility.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "analysis/great_circle_travel.h"
#include "test_data.h"

namespace prosit {
namespace {

constexpr TravelMode kMode = TravelMode::kCar;

// Symmetric times from (a, b, minutes) triples; every place reaches itself in 0 minutes.
TravelTimes Times(size_t places,
                  std::initializer_list<std::tuple<uint32_t, uint32_t, float>> legs) {
  TravelTimesBuilder b(places);
  b.SetCutoff(kMode, 1000);
  for (uint32_t i = 0; i < places; ++i) b.Add(kMode, i, i, 0);
  for (auto [from, to, minutes] : legs) {
    b.Add(kMode, from, to, minutes);
    b.Add(kMode, to, from, minutes);
  }
  return std::move(b).Build("test");
}

struct Case {
  std::vector<double> demand;
  std::vector<SupplySite> sites;
  std::vector<OutreachSupply> outreach;
  TravelTimes times;
  Catchment catchment;

  AccessibilityResult Run() const {
    AccessibilityInput in;
    in.demand = demand;
    in.sites = sites;
    in.outreach = outreach;
    in.times = &times;
    in.mode = kMode;
    in.catchment = catchment;
    return ComputeAccessibility(in);
  }
};

Catchment Of(DistanceDecay decay, float max_minutes) {
  Catchment c;
  c.decay = decay;
  c.max_minutes = max_minutes;
  return c;
}

// Σ_i P_i·A_i, the left side of the invariant.
double Served(const AccessibilityResult& r, const std::vector<double>& demand) {
  double sum = 0;
  for (size_t i = 0; i < demand.size(); ++i) sum += demand[i] * r.access[i];
  return sum;
}

TEST(Accessibility, DecayNamesRoundTrip) {
  for (DistanceDecay d : {DistanceDecay::kBinary, DistanceDecay::kStep, DistanceDecay::kGaussian,
                          DistanceDecay::kInverse})
    EXPECT_EQ(ParseDistanceDecay(ToString(d)), d);
  EXPECT_FALSE(ParseDistanceDecay("exponential"));
}

TEST(Accessibility, Weights) {
  Catchment step = Of(DistanceDecay::kStep, 30);
  EXPECT_EQ(step.Weight(0), 1);
  EXPECT_EQ(step.Weight(10), 1);  // the bound belongs to the nearer zone
  EXPECT_FLOAT_EQ(step.Weight(10.5f), 0.68f);
  EXPECT_FLOAT_EQ(step.Weight(20), 0.68f);
  EXPECT_FLOAT_EQ(step.Weight(30), 0.22f);
  EXPECT_EQ(step.Weight(30.01f), 0);

  Catchment gauss = Of(DistanceDecay::kGaussian, 40);
  EXPECT_DOUBLE_EQ(gauss.Weight(0), 1);
  EXPECT_NEAR(gauss.Weight(40), 0, 1e-15);
  double e = std::exp(-0.5);
  EXPECT_DOUBLE_EQ(gauss.Weight(20), (std::exp(-0.125) - e) / (1 - e));

  Catchment inverse = Of(DistanceDecay::kInverse, 61);
  EXPECT_EQ(inverse.Weight(0.5f), 1);
  EXPECT_EQ(inverse.Weight(4), 0.25);
  EXPECT_EQ(inverse.Weight(62), 0);

  EXPECT_EQ(Of(DistanceDecay::kBinary, 15).Weight(15), 1);
  EXPECT_EQ(Of(DistanceDecay::kBinary, 0).Weight(0), 0);  // a catchment of no minutes
  EXPECT_EQ(Of(DistanceDecay::kBinary, std::nanf("")).Weight(0), 0);
}

// Two places 15 minutes apart, 100 and 50 children, 3 places of capacity at the first.
TEST(Accessibility, TwoPlacesOneSiteByHand) {
  Case c{{100, 50}, {{0, 3}}, {}, Times(2, {{0, 1, 15}}), Of(DistanceDecay::kStep, 30)};
  AccessibilityResult r = c.Run();
  const double second = 0.68f;  // the neighbour is in the second zone (weights are floats)
  double reach = 100 + 50 * second;
  ASSERT_EQ(r.site_ratio.size(), 1u);
  EXPECT_DOUBLE_EQ(r.site_ratio[0], 3 / reach);
  EXPECT_DOUBLE_EQ(r.access[0], 3 / reach);
  EXPECT_DOUBLE_EQ(r.access[1], second * 3 / reach);
  EXPECT_DOUBLE_EQ(Served(r, c.demand), 3);
  EXPECT_TRUE(r.sites_without_demand.empty());

  c.catchment = Of(DistanceDecay::kBinary, 10);  // the neighbour is out of reach
  r = c.Run();
  EXPECT_DOUBLE_EQ(r.access[0], 0.03);
  EXPECT_EQ(r.access[1], 0);
}

// Plain 2SFCA: A_i = Σ_{j: d_ij ≤ d0} S_j / Σ_{k: d_kj ≤ d0} P_k, on a line a — b — c.
TEST(Accessibility, BinaryIsTwoStepFca) {
  Case c{{10, 20, 40},
         {{0, 6}, {2, 4}, {2, 2}},
         {},
         Times(3, {{0, 1, 20}, {1, 2, 20}, {0, 2, 40}}),
         Of(DistanceDecay::kBinary, 30)};
  AccessibilityResult r = c.Run();
  double r_a = 6.0 / (10 + 20), r_c = 6.0 / (20 + 40);
  EXPECT_DOUBLE_EQ(r.access[0], r_a);
  EXPECT_DOUBLE_EQ(r.access[1], r_a + r_c);
  EXPECT_DOUBLE_EQ(r.access[2], r_c);
  EXPECT_DOUBLE_EQ(r.site_ratio[1], 4.0 / 60);  // sites at one place share its demand
  EXPECT_DOUBLE_EQ(r.site_ratio[2], 2.0 / 60);
  EXPECT_DOUBLE_EQ(Served(r, c.demand), 12);
}

TEST(Accessibility, BadCapacityCountsAsZero) {
  double nan = std::numeric_limits<double>::quiet_NaN();
  double inf = std::numeric_limits<double>::infinity();
  Case c{{100, 50},
         {{0, 0}, {0, nan}, {1, -5}, {1, inf}, {1, 5}},
         {{{0}, nan, {}}},
         Times(2, {{0, 1, 5}}),
         Of(DistanceDecay::kGaussian, 30)};
  AccessibilityResult r = c.Run();
  for (double a : r.access) EXPECT_TRUE(std::isfinite(a));
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(r.site_ratio[i], 0) << i;
  EXPECT_GT(r.site_ratio[4], 0);
  EXPECT_EQ(r.outreach_ratio[0], 0);
  EXPECT_EQ(r.supply_total, 5);
  EXPECT_TRUE(r.sites_without_demand.empty());  // they have demand, just no capacity
  EXPECT_DOUBLE_EQ(Served(r, c.demand), 5);
}

TEST(Accessibility, NoChildrenNoShares) {
  Case c{{0, 0},
         {{0, 4}, {1, 6}},
         {{{0, 1}, 2, {}}},
         Times(2, {{0, 1, 5}}),
         Of(DistanceDecay::kStep, 30)};
  AccessibilityResult r = c.Run();
  EXPECT_EQ(r.access, (std::vector<double>{0, 0}));
  EXPECT_EQ(r.site_ratio, (std::vector<double>{0, 0}));
  EXPECT_EQ(r.sites_without_demand, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(r.outreach_without_demand, (std::vector<uint32_t>{0}));
  EXPECT_EQ(r.supply_total, 12);
  EXPECT_EQ(r.supply_without_demand, 12);
}

// A service on an island (no children within reach) gets R = 0 and is listed; the rest
// of the country is untouched by it.
TEST(Accessibility, SupplyWithoutDemandInReach) {
  Case c{{100, 50, 0},
         {{0, 3}, {2, 7}, {9, 1}},
         {},
         Times(3, {{0, 1, 10}, {1, 2, 50}}),
         Of(DistanceDecay::kBinary, 30)};
  AccessibilityResult r = c.Run();
  EXPECT_EQ(r.sites_without_demand, (std::vector<uint32_t>{1, 2}));  // 9: no such place
  EXPECT_EQ(r.site_ratio[1], 0);
  EXPECT_EQ(r.supply_without_demand, 8);
  EXPECT_EQ(r.access[2], 0);
  EXPECT_DOUBLE_EQ(Served(r, c.demand), r.supply_total - r.supply_without_demand);
}

TEST(Accessibility, OutreachReachesItsPlacesWithoutTravel) {
  // No travel times at all between the places: only outreach reaches the second one.
  Case c{{100, 50, 30}, {}, {{{0, 1, 1}, 15, {}}}, Times(3, {}), Of(DistanceDecay::kStep, 30)};
  AccessibilityResult r = c.Run();
  EXPECT_DOUBLE_EQ(r.outreach_ratio[0], 0.1);  // a place listed twice counts once
  EXPECT_DOUBLE_EQ(r.access[0], 0.1);
  EXPECT_DOUBLE_EQ(r.access[1], 0.1);
  EXPECT_EQ(r.access[2], 0);
  EXPECT_DOUBLE_EQ(Served(r, c.demand), 15);
  std::vector<uint32_t> first_two = {0, 1};
  EXPECT_DOUBLE_EQ(WeightedMeanAccess(r, c.demand, first_two), 0.1);
  std::vector<uint32_t> third = {2};
  EXPECT_EQ(WeightedMeanAccess(r, c.demand, third), 0);
}

TEST(Accessibility, OutreachWithAnOfficeReachesBothWaysTakingTheBetter) {
  // Outreach over places 0 and 1, with an office at 1; place 2 is 5 min from the office,
  // place 3 is 25 min away (the third zone of 30 min). Each place counts once, at its
  // better weight: 0 and 1 at 1 (served), 2 at 1 (first zone), 3 at 0.22.
  Case c{{100, 50, 30, 100},
         {},
         {{{0, 1}, 20, 1u}},
         Times(4, {{1, 2, 5}, {1, 3, 25}}),
         Of(DistanceDecay::kStep, 30)};
  AccessibilityResult r = c.Run();
  const double w3 = 0.22f;  // the zone's weight as the catchment holds it
  double reach = 100 + 50 + 30 + w3 * 100;
  EXPECT_DOUBLE_EQ(r.outreach_ratio[0], 20 / reach);
  EXPECT_DOUBLE_EQ(r.access[1], 20 / reach);  // served and the office's own place: once
  EXPECT_DOUBLE_EQ(r.access[2], 20 / reach);
  EXPECT_DOUBLE_EQ(r.access[3], w3 * 20 / reach);
  EXPECT_NEAR(Served(r, c.demand), 20, 1e-9);
  // Without the office, the same card reaches only what it serves (the outreach rule).
  c.outreach[0].office.reset();
  r = c.Run();
  EXPECT_DOUBLE_EQ(r.access[2], 0);
  EXPECT_DOUBLE_EQ(r.outreach_ratio[0], 20.0 / 150);
}

// The invariant on the whole country with the built-in travel times: every child's share
// adds up to the supply that has children in reach, for every decay.
TEST(Accessibility, InvariantOnRealTerritory) {
  const Territory& t = testing::RealTerritory();
  auto times = GreatCircleTravel().Compute(t, {90, 90});
  ASSERT_TRUE(times.ok());
  std::vector<double> demand;
  for (const auto& m : t.municipalities()) demand.push_back(m.children_0_17);
  std::mt19937_64 rng(7);
  std::vector<SupplySite> sites(3000);
  for (auto& s : sites) s = {static_cast<uint32_t>(rng() % demand.size()), 1.0 + rng() % 50};
  std::vector<OutreachSupply> outreach;
  for (const auto& orp : t.orps()) {
    OutreachSupply o{{}, 20, {}};
    for (size_t i : t.MunicipalitiesOfOrp(orp.code)) o.places.push_back(static_cast<uint32_t>(i));
    outreach.push_back(std::move(o));
  }
  for (DistanceDecay decay : {DistanceDecay::kBinary, DistanceDecay::kStep,
                              DistanceDecay::kGaussian, DistanceDecay::kInverse}) {
    AccessibilityInput in;
    in.demand = demand;
    in.sites = sites;
    in.outreach = outreach;
    in.times = &*times;
    in.mode = TravelMode::kPublicTransport;
    in.catchment = Of(decay, 45);
    AccessibilityResult r = ComputeAccessibility(in);
    double served = 0;
    for (size_t i = 0; i < demand.size(); ++i) {
      ASSERT_TRUE(std::isfinite(r.access[i])) << ToString(decay) << " " << i;
      served += demand[i] * r.access[i];
    }
    double expected = r.supply_total - r.supply_without_demand;
    EXPECT_GT(expected, 0.9 * r.supply_total) << ToString(decay);
    EXPECT_NEAR(served, expected, 1e-9 * expected) << ToString(decay);
    // Step 1 done beforehand for every place gives the very same figures.
    CatchmentDemand shared(demand, *times, in.mode, in.catchment);
    in.shared = &shared;
    AccessibilityResult again = ComputeAccessibility(in);
    EXPECT_EQ(again.access, r.access) << ToString(decay);
    EXPECT_EQ(again.site_ratio, r.site_ratio) << ToString(decay);
    EXPECT_EQ(again.sites_without_demand, r.sites_without_demand) << ToString(decay);
  }
}

// The built-in travel times of the real territory, computed once for the tests that use them.
const TravelTimes& RealTimes() {
  static const TravelTimes times = *GreatCircleTravel().Compute(testing::RealTerritory(), {90, 90});
  return times;
}

// Step and binary catchments sum a run of legs per zone; the figures are those of a weight
// per leg (Catchment::Weight), also for zones given out of order, with a zero weight or
// reaching past the catchment.
TEST(Accessibility, ZonesGiveTheFiguresOfAWeightPerLeg) {
  const Territory& t = testing::RealTerritory();
  const TravelTimes* times = &RealTimes();
  const size_t n = times->places();
  std::vector<double> demand;
  for (const auto& m : t.municipalities()) demand.push_back(m.children_0_17);
  std::mt19937_64 rng(3);
  std::vector<SupplySite> sites(600);
  for (auto& s : sites) s = {static_cast<uint32_t>(rng() % n), 1.0 + rng() % 50};
  std::vector<Catchment> catchments = {Of(DistanceDecay::kStep, 40), Of(DistanceDecay::kBinary, 25),
                                       Of(DistanceDecay::kStep, 60)};
  catchments[2].steps = {{0.5f, 1.0f}, {0.25f, 0.5f}, {0.8f, 0.0f}, {1.5f, 0.3f}};
  for (const Catchment& c : catchments) {
    AccessibilityInput in;
    in.demand = demand;
    in.sites = sites;
    in.times = &*times;
    in.mode = TravelMode::kPublicTransport;
    in.catchment = c;
    AccessibilityResult r = ComputeAccessibility(in);
    // The textbook sums, a weight per leg.
    std::vector<double> supply(n, 0), reach(n, 0), access(n, 0);
    for (const SupplySite& s : sites) supply[s.place] += s.capacity;
    for (uint32_t j = 0; j < n; ++j)
      if (supply[j] > 0)
        for (const TravelLeg& leg : times->To(in.mode, j))
          reach[j] += demand[leg.place] * c.Weight(leg.minutes);
    for (uint32_t j = 0; j < n; ++j)
      if (supply[j] > 0 && reach[j] > 0)
        for (const TravelLeg& leg : times->To(in.mode, j))
          access[leg.place] += supply[j] / reach[j] * c.Weight(leg.minutes);
    double largest = *std::max_element(access.begin(), access.end());
    ASSERT_GT(largest, 0);
    for (size_t i = 0; i < n; ++i)
      ASSERT_NEAR(r.access[i], access[i], 1e-12 * largest) << ToString(c.decay) << " " << i;
    CatchmentDemand shared(demand, *times, in.mode, c);
    in.shared = &shared;
    EXPECT_EQ(ComputeAccessibility(in).access, r.access) << ToString(c.decay);
  }
}

// Step 1 kept holds each zone's legs sorted by place (step 2 then adds forward through the
// access array): the zones hold the places of the time-ordered legs of their zone, and the
// figures are those of step 1 computed per input, to the last bit.
TEST(Accessibility, KeptStepOneSortsEachZoneByPlace) {
  const Territory& t = testing::RealTerritory();
  const TravelTimes* times = &RealTimes();
  const uint32_t n = static_cast<uint32_t>(times->places());
  std::vector<double> demand;
  for (const auto& m : t.municipalities()) demand.push_back(m.children_0_17);
  std::mt19937_64 rng(11);
  std::vector<SupplySite> sites(2500);
  for (auto& s : sites) s = {static_cast<uint32_t>(rng() % n), 1.0 + rng() % 50};
  std::vector<Catchment> catchments = {Of(DistanceDecay::kStep, 45), Of(DistanceDecay::kBinary, 30),
                                       Of(DistanceDecay::kStep, 60)};
  catchments[2].steps = {{0.5f, 1.0f}, {0.25f, 0.5f}, {0.8f, 0.0f}, {1.5f, 0.3f}};
  for (const Catchment& c : catchments) {
    CatchmentDemand shared(demand, *times, TravelMode::kCar, c);
    ASSERT_GT(shared.zones(), 0u);
    size_t unsorted_in_time = 0;
    for (uint32_t j = 0; j < n; ++j) {
      auto legs = times->To(TravelMode::kCar, j);
      const uint16_t* row = shared.narrow_places().data() + shared.first(j);
      uint32_t begin = 0;
      for (uint32_t end : shared.ends(j)) {
        ASSERT_TRUE(std::is_sorted(row + begin, row + end)) << ToString(c.decay) << " " << j;
        std::vector<uint32_t> kept(row + begin, row + end), in_time;
        for (uint32_t l = begin; l < end; ++l) in_time.push_back(legs[l].place);
        unsorted_in_time += !std::is_sorted(in_time.begin(), in_time.end());
        std::sort(in_time.begin(), in_time.end());
        ASSERT_EQ(kept, in_time) << ToString(c.decay) << " " << j;
        begin = end;
      }
    }
    EXPECT_GT(unsorted_in_time, 0u) << ToString(c.decay);  // the sorting had work to do
    AccessibilityInput in;
    in.demand = demand;
    in.sites = sites;
    in.times = &*times;
    in.mode = TravelMode::kCar;
    in.catchment = c;
    AccessibilityResult each = ComputeAccessibility(in);
    in.shared = &shared;
    AccessibilityResult kept = ComputeAccessibility(in);
    EXPECT_EQ(kept.access, each.access) << ToString(c.decay);
    EXPECT_EQ(kept.site_ratio, each.site_ratio) << ToString(c.decay);
  }
}

// Inputs spread over threads give each input's own figures, to the last bit.
TEST(Accessibility, AllInputsOnThreadsAsOneByOne) {
  const Territory& t = testing::RealTerritory();
  const TravelTimes* times = &RealTimes();
  std::vector<double> demand;
  for (const auto& m : t.municipalities()) demand.push_back(m.children_0_17);
  std::mt19937_64 rng(9);
  std::vector<std::vector<SupplySite>> sites(7);
  for (auto& list : sites)
    for (size_t k = 0; k < 500; ++k)
      list.push_back({static_cast<uint32_t>(rng() % demand.size()), 1.0 + rng() % 50});
  CatchmentDemand shared(demand, *times, TravelMode::kCar, Of(DistanceDecay::kStep, 30));
  std::vector<AccessibilityInput> inputs(sites.size());
  const DistanceDecay decays[] = {DistanceDecay::kStep, DistanceDecay::kBinary,
                                  DistanceDecay::kGaussian, DistanceDecay::kInverse};
  for (size_t k = 0; k < inputs.size(); ++k) {
    AccessibilityInput& in = inputs[k];
    in.demand = demand;
    in.sites = sites[k];
    in.times = &*times;
    in.mode = TravelMode::kCar;
    in.catchment = Of(decays[k % 4], 30);
    if (k == 4) in.shared = &shared;  // a step catchment of 30 minutes
  }
  for (int threads : {1, 2, 3}) {
    std::vector<AccessibilityResult> all = ComputeAccessibilityOfAll(inputs, threads);
    ASSERT_EQ(all.size(), inputs.size());
    for (size_t k = 0; k < inputs.size(); ++k) {
      AccessibilityResult one = ComputeAccessibility(inputs[k]);
      EXPECT_EQ(all[k].access, one.access) << threads << " " << k;
      EXPECT_EQ(all[k].site_ratio, one.site_ratio) << threads << " " << k;
    }
  }
  EXPECT_TRUE(ComputeAccessibilityOfAll({}, 2).empty());
}

// Past 65,536 places step 1 keeps 32-bit places; the figures stay those computed without it.
TEST(Accessibility, KeptStepOneBeyondSixteenBitPlaces) {
  const size_t places = 70000;
  TravelTimesBuilder b(places);
  b.SetCutoff(kMode, 100);
  std::vector<double> demand(places, 0);
  for (uint32_t i = 65530; i < 65545; ++i) {
    demand[i] = 10;
    b.Add(kMode, i, i, 0);
    for (uint32_t j = 65530; j < 65545; ++j)
      if (i != j) b.Add(kMode, i, j, static_cast<float>(i > j ? i - j : j - i) * 3);
  }
  TravelTimes times = std::move(b).Build("test");
  for (DistanceDecay decay : {DistanceDecay::kStep, DistanceDecay::kGaussian}) {
    std::vector<SupplySite> sites = {{65531, 5}, {65540, 7}, {69999, 3}};
    AccessibilityInput in;
    in.demand = demand;
    in.sites = sites;
    in.times = &times;
    in.mode = kMode;
    in.catchment = Of(decay, 20);
    AccessibilityResult r = ComputeAccessibility(in);
    EXPECT_GT(r.access[65544], 0) << ToString(decay);
    EXPECT_EQ(r.sites_without_demand, std::vector<uint32_t>{2}) << ToString(decay);
    CatchmentDemand shared(demand, times, kMode, in.catchment);
    in.shared = &shared;
    AccessibilityResult again = ComputeAccessibility(in);
    EXPECT_EQ(again.access, r.access) << ToString(decay);
    EXPECT_NEAR(Served(again, demand), 12, 1e-9) << ToString(decay);
  }
}

}  // namespace
}  // namespace prosit
