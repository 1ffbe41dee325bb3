#include "analysis/travel_times.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "analysis/great_circle_travel.h"
#include "test_data.h"

namespace prosit {

using testing::RealTerritory;

namespace {

std::vector<uint32_t> Places(std::span<const TravelLeg> legs) {
  std::vector<uint32_t> out;
  for (const TravelLeg& l : legs) out.push_back(l.place);
  return out;
}

// Index of a municipality of Pardubický kraj by name (Hlinsko is also a village in
// Olomoucký kraj).
uint32_t InPardubickyKraj(const std::string& name) {
  const auto& places = RealTerritory().municipalities();
  for (uint32_t i = 0; i < places.size(); ++i)
    if (places[i].name == name && places[i].region_code == "CZ053") return i;
  throw std::runtime_error("no municipality " + name + " in CZ053");
}

}  // namespace

TEST(TravelTimesBuilder, KeepsTheShortestOfRepeatedPairsNearestFirst) {
  TravelTimesBuilder b(4);
  b.SetCutoff(TravelMode::kCar, 30);
  b.SetCutoff(TravelMode::kPublicTransport, 60);
  b.Add(TravelMode::kCar, 0, 1, 20);
  b.Add(TravelMode::kCar, 0, 2, 5);
  b.Add(TravelMode::kCar, 0, 1, 12);  // repeated: the shorter wins
  b.Add(TravelMode::kCar, 0, 1, 25);
  b.Add(TravelMode::kCar, 0, 3, 31);  // beyond the cutoff
  b.Add(TravelMode::kCar, 0, 0, 2);
  b.Add(TravelMode::kCar, 3, 1, 7);
  b.Add(TravelMode::kCar, 0, 4, 1);  // not a place
  b.Add(TravelMode::kCar, 2, 1, NAN);
  b.Add(TravelMode::kCar, 2, 1, -1);
  b.Add(TravelMode::kPublicTransport, 0, 3, 31);  // within the other mode's cutoff
  TravelTimes t = std::move(b).Build("test");

  EXPECT_EQ(t.places(), 4u);
  EXPECT_EQ(t.source(), "test");
  EXPECT_EQ(t.cutoff(TravelMode::kCar), 30);
  EXPECT_EQ(Places(t.From(TravelMode::kCar, 0)), (std::vector<uint32_t>{0, 2, 1}));
  EXPECT_EQ(t.Minutes(TravelMode::kCar, 0, 1), 12.0f);
  EXPECT_EQ(t.Minutes(TravelMode::kCar, 0, 3), std::nullopt);
  EXPECT_EQ(t.Minutes(TravelMode::kPublicTransport, 0, 3), 31.0f);
  EXPECT_TRUE(t.From(TravelMode::kCar, 2).empty());  // NaN and negative were dropped
  EXPECT_TRUE(t.From(TravelMode::kCar, 7).empty());  // out of range: empty, no crash
  EXPECT_EQ(t.legs(TravelMode::kCar), 4u);
  // The reverse table: who reaches place 1, nearest first.
  auto to1 = t.To(TravelMode::kCar, 1);
  ASSERT_EQ(to1.size(), 2u);
  EXPECT_EQ(to1[0].place, 3u);
  EXPECT_EQ(to1[0].minutes, 7.0f);
  EXPECT_EQ(to1[1].place, 0u);
  EXPECT_EQ(to1[1].minutes, 12.0f);
  EXPECT_GT(t.MemoryBytes(), 0u);
}

TEST(TravelTimesBuilder, EmptyTableAnswersNothing) {
  TravelTimes t = TravelTimesBuilder(3).Build("none");
  EXPECT_TRUE(t.From(TravelMode::kCar, 1).empty());
  EXPECT_TRUE(t.To(TravelMode::kPublicTransport, 2).empty());
  EXPECT_EQ(t.Minutes(TravelMode::kCar, 0, 0), std::nullopt);
}

TEST(TravelMode, Names) {
  EXPECT_STREQ(ToString(TravelMode::kCar), "car");
  EXPECT_STREQ(ToString(TravelMode::kPublicTransport), "pt");
  EXPECT_EQ(ParseTravelMode("pt"), TravelMode::kPublicTransport);
  EXPECT_EQ(ParseTravelMode("bus"), std::nullopt);
}

TEST(GreatCircle, Distances) {
  GeoPoint prague{50.0755, 14.4378}, brno{49.1951, 16.6068};
  EXPECT_NEAR(GreatCircleKm(prague, brno), 185, 3);  // published: about 185 km
  EXPECT_NEAR(GreatCircleKm(brno, prague), GreatCircleKm(prague, brno), 1e-9);
  EXPECT_EQ(GreatCircleKm(prague, prague), 0);
  // One degree of latitude is about 111.2 km on a sphere of 6,371 km.
  EXPECT_NEAR(GreatCircleKm({49, 15}, {50, 15}), 111.19, 0.05);
  // The seeds' pairs, as data/territory/SOURCES.md gives them.
  const auto& places = RealTerritory().municipalities();
  uint32_t chrudim = InPardubickyKraj("Chrudim");
  EXPECT_NEAR(GreatCircleKm(places[InPardubickyKraj("Krouna")].location, places[chrudim].location),
              25.8, 0.1);
  EXPECT_NEAR(GreatCircleKm(places[InPardubickyKraj("Hlinsko")].location, places[chrudim].location),
              22.4, 0.1);
}

// The seeds (004_…, ORP Hlinsko) give road distances and travel times to Chrudim; the
// built-in defaults must land within ±20% of each. docs/travel-times.md has the table.
TEST(GreatCircle, CalibratedOnTheSeedsWithinTwentyPercent) {
  const auto& places = RealTerritory().municipalities();
  GreatCircleTravel builtin;
  GreatCircleOptions defaults;
  uint32_t chrudim = InPardubickyKraj("Chrudim");
  auto km = [&](const char* name) {
    return GreatCircleKm(places[InPardubickyKraj(name)].location, places[chrudim].location);
  };
  auto within20 = [](double estimate, double seeds) {
    return std::abs(estimate - seeds) <= 0.2 * seeds;
  };
  struct Seed {
    const char* from;
    double road_km, car, pt_low, pt_high;
  };
  for (const Seed& s : {Seed{"Krouna", 38.8, 39, 50, 70}, Seed{"Hlinsko", 29.3, 31, 45, 70}}) {
    SCOPED_TRACE(s.from);
    double road = km(s.from) * defaults.circuity;
    EXPECT_TRUE(within20(road, s.road_km)) << road << " km";
    double car = builtin.Minutes(TravelMode::kCar, km(s.from));
    EXPECT_TRUE(within20(car, s.car)) << car << " min by car";
    double pt = builtin.Minutes(TravelMode::kPublicTransport, km(s.from));
    EXPECT_TRUE(within20(pt, (s.pt_low + s.pt_high) / 2)) << pt << " min by public transport";
    EXPECT_GE(pt, 0.8 * s.pt_low);
    EXPECT_LE(pt, 1.2 * s.pt_high);
    EXPECT_GT(pt, car);  // the bus is slower
  }
  // Svratouch–Chrudim: only the road distance is given.
  double svratouch = km("Svratouch") * defaults.circuity;
  EXPECT_TRUE(within20(svratouch, 45)) << svratouch << " km";

  // Compute gives the same figures as the formula.
  auto t = builtin.Compute(RealTerritory(), {45, 45});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  auto car = t->Minutes(TravelMode::kCar, InPardubickyKraj("Krouna"), chrudim);
  ASSERT_TRUE(car.has_value());
  EXPECT_NEAR(*car, builtin.Minutes(TravelMode::kCar, km("Krouna")), 1e-3);
}

TEST(GreatCircle, WholeCountry) {
  const Territory& territory = RealTerritory();
  const size_t n = territory.municipalities().size();
  GreatCircleTravel builtin;
  TravelTimeRequest request{60, 90};
  auto t = builtin.Compute(territory, request);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->places(), n);
  EXPECT_NE(t->source().find("great-circle"), std::string::npos);
  for (TravelMode mode : kAllTravelModes) {
    SCOPED_TRACE(ToString(mode));
    const float cutoff = mode == TravelMode::kCar ? 60 : 90;
    EXPECT_EQ(t->cutoff(mode), cutoff);
    size_t legs = 0;
    for (uint32_t i = 0; i < n; ++i) {
      auto from = t->From(mode, i);
      legs += from.size();
      ASSERT_FALSE(from.empty());
      // Every municipality reaches itself first, in the mode's access time.
      EXPECT_EQ(from[0].place, i);
      EXPECT_NEAR(from[0].minutes, builtin.Minutes(mode, 0), 1e-4);
      for (size_t k = 0; k < from.size(); ++k) {
        ASSERT_TRUE(std::isfinite(from[k].minutes));
        ASSERT_LE(from[k].minutes, cutoff);
        if (k > 0) {
          ASSERT_GE(from[k].minutes, from[k - 1].minutes);
        }
      }
      // Symmetric: the reverse table of i holds the same legs as its forward table.
      ASSERT_EQ(t->To(mode, i).size(), from.size());
    }
    for (uint32_t i = 0; i < n; i += 97)
      for (const TravelLeg& leg : t->From(mode, i))
        ASSERT_EQ(t->Minutes(mode, leg.place, i), leg.minutes);
    EXPECT_EQ(legs, t->legs(mode));
    // Sensible: each municipality reaches tens to a few thousand others, not all 6,258.
    double mean = static_cast<double>(legs) / n;
    EXPECT_GT(mean, 20);
    EXPECT_LT(mean, 3000);
  }
  // Krouna reaches Chrudim within an hour by car, Prague does not reach Brno.
  EXPECT_TRUE(
      t->Minutes(TravelMode::kCar, InPardubickyKraj("Krouna"), InPardubickyKraj("Chrudim")));
  const Municipality* praha = territory.FindMunicipality("554782");
  const Municipality* brno = territory.FindMunicipality("582786");
  ASSERT_TRUE(praha && brno);
  uint32_t pi = static_cast<uint32_t>(praha - territory.municipalities().data());
  uint32_t bi = static_cast<uint32_t>(brno - territory.municipalities().data());
  EXPECT_EQ(t->Minutes(TravelMode::kCar, pi, bi), std::nullopt);
}

TEST(GreatCircle, RejectsImpossibleOptions) {
  GreatCircleOptions o;
  o.circuity = 0.5;
  EXPECT_FALSE(GreatCircleTravel(o).Compute(RealTerritory(), {}).ok());
  o = {};
  o.car.km_per_hour = 0;
  EXPECT_FALSE(GreatCircleTravel(o).Compute(RealTerritory(), {}).ok());
}

// Every pair within a cutoff must be found, however near the cutoff and wherever in the
// country: the sparse table equals the brute-force computation over all 6,258² pairs.
// (The grid once used one longitude scale for the whole country and lost pairs of the
// north just under 60 car minutes, e.g. 532177–534781 at 59.9 min.)
TEST(GreatCircle, FindsEveryPairWithinTheCutoffsOfTheWholeCountry) {
  const auto& places = RealTerritory().municipalities();
  GreatCircleTravel builtin;
  auto t = builtin.Compute(RealTerritory(), TravelTimeRequest{});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  size_t within[2] = {0, 0}, wrong = 0;
  std::vector<float> table[2];
  std::vector<uint32_t> by_lat(places.size());
  std::iota(by_lat.begin(), by_lat.end(), 0u);
  auto lat_of = [&](uint32_t k) { return places[k].location.lat; };
  std::sort(by_lat.begin(), by_lat.end(),
            [&](uint32_t a, uint32_t b) { return lat_of(a) < lat_of(b); });
  auto below = [&](uint32_t k, double v) { return lat_of(k) < v; };
  auto above = [&](double v, uint32_t k) { return v < lat_of(k); };
  for (uint32_t i = 0; i < places.size(); ++i) {
    for (TravelMode mode : kAllTravelModes) {
      auto& row = table[static_cast<int>(mode)];
      row.assign(places.size(), -1);
      for (const TravelLeg& leg : t->From(mode, i)) row[leg.place] = leg.minutes;
    }
    // A great circle is never shorter than its difference of latitude: pairs more than 1°
    // (111 km, beyond either cutoff) apart cannot be within, which spares most of the 39
    // million haversines.
    double lat = places[i].location.lat;
    auto from = std::lower_bound(by_lat.begin(), by_lat.end(), lat - 1.0, below);
    auto to = std::upper_bound(by_lat.begin(), by_lat.end(), lat + 1.0, above);
    for (auto it = from; it != to; ++it) {
      uint32_t j = *it;
      double km = GreatCircleKm(places[i].location, places[j].location);
      for (TravelMode mode : kAllTravelModes) {
        auto minutes = static_cast<float>(builtin.Minutes(mode, km));
        if (minutes > t->cutoff(mode)) continue;
        ++within[static_cast<int>(mode)];
        float found = table[static_cast<int>(mode)][j];
        if (found != minutes && ++wrong <= 5)
          ADD_FAILURE() << places[i].code << "–" << places[j].code << " by "
                        << (mode == TravelMode::kCar ? "car" : "public transport") << ": "
                        << minutes << " min, table " << found;
      }
    }
  }
  EXPECT_EQ(wrong, 0u);
  for (TravelMode mode : kAllTravelModes) EXPECT_EQ(t->legs(mode), within[static_cast<int>(mode)]);
}

}  // namespace prosit
