#include "analysis/great_circle_travel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace prosit {

namespace {

constexpr double kEarthKm = 6371.0;
constexpr double kPi = 3.14159265358979323846;

double Radians(double degrees) { return degrees * kPi / 180.0; }

// Squares of `cell_km` on an equirectangular projection; a pair within `cell_km` lies in
// the same or a neighbouring square. The longitude scale is that of the latitude farthest
// from the equator, where a degree of longitude is shortest, so projected distances never
// exceed true ones anywhere in the territory (one scale for the mean latitude lost pairs
// in the north just under the cutoff); the squares are 1 % larger than `cell_km` for the
// little by which a great circle is shorter than its parallel.
class Grid {
 public:
  Grid(const std::vector<Municipality>& places, double cell_km) : cell_km_(cell_km * 1.01) {
    double widest = 0;
    for (const auto& m : places) widest = std::max(widest, std::abs(m.location.lat));
    cos_lat_ = std::cos(Radians(widest));
    for (uint32_t i = 0; i < places.size(); ++i) cells_[Key(Cell(places[i].location))].push_back(i);
  }
  template <typename Visit>
  void ForNear(const GeoPoint& p, Visit visit) const {
    auto [x, y] = Cell(p);
    for (int64_t dx = -1; dx <= 1; ++dx)
      for (int64_t dy = -1; dy <= 1; ++dy) {
        auto it = cells_.find(Key({x + dx, y + dy}));
        if (it == cells_.end()) continue;
        for (uint32_t i : it->second) visit(i);
      }
  }

 private:
  std::pair<int64_t, int64_t> Cell(const GeoPoint& p) const {
    double km_x = Radians(p.lon) * cos_lat_ * kEarthKm, km_y = Radians(p.lat) * kEarthKm;
    return {static_cast<int64_t>(std::floor(km_x / cell_km_)),
            static_cast<int64_t>(std::floor(km_y / cell_km_))};
  }
  static int64_t Key(std::pair<int64_t, int64_t> c) { return c.first * 1'000'003 + c.second; }

  double cell_km_;
  double cos_lat_ = 1;
  std::unordered_map<int64_t, std::vector<uint32_t>> cells_;
};

}  // namespace

double GreatCircleKm(const GeoPoint& a, const GeoPoint& b) {
  double dlat = Radians(b.lat - a.lat), dlon = Radians(b.lon - a.lon);
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(Radians(a.lat)) *
                                                           std::cos(Radians(b.lat)) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double GreatCircleTravel::Minutes(TravelMode mode, double great_circle_km) const {
  const ModeSpeed& s = mode == TravelMode::kCar ? options_.car : options_.public_transport;
  return s.fixed_minutes + 60.0 * great_circle_km * options_.circuity / s.km_per_hour;
}

std::string GreatCircleTravel::Describe() const {
  char text[200];
  std::snprintf(text, sizeof text,
                "built-in estimate: great-circle distance x %.2f; car %.0f km/h + %.0f min; "
                "public transport %.0f km/h + %.0f min",
                options_.circuity, options_.car.km_per_hour, options_.car.fixed_minutes,
                options_.public_transport.km_per_hour, options_.public_transport.fixed_minutes);
  return text;
}

Result<TravelTimes> GreatCircleTravel::Compute(const Territory& territory,
                                               const TravelTimeRequest& request) const {
  if (!(options_.circuity >= 1) || !(options_.car.km_per_hour > 0) ||
      !(options_.public_transport.km_per_hour > 0))
    return Status::Invalid("circuity must be at least 1 and speeds above 0");
  const auto& places = territory.municipalities();
  TravelTimesBuilder b(places.size());
  b.SetCutoff(TravelMode::kCar, request.cutoff_car);
  b.SetCutoff(TravelMode::kPublicTransport, request.cutoff_pt);
  b.SetAccessMinutes(TravelMode::kCar, static_cast<float>(options_.car.fixed_minutes));
  b.SetAccessMinutes(TravelMode::kPublicTransport,
                     static_cast<float>(options_.public_transport.fixed_minutes));
  // The farthest a leg within either cutoff can be, as the crow flies.
  double reach_km = 0;
  for (TravelMode mode : kAllTravelModes) {
    const ModeSpeed& s = mode == TravelMode::kCar ? options_.car : options_.public_transport;
    reach_km = std::max(
        reach_km, (b.cutoff(mode) - s.fixed_minutes) / 60.0 * s.km_per_hour / options_.circuity);
  }
  Grid grid(places, std::max(reach_km, 1.0));
  for (uint32_t i = 0; i < places.size(); ++i)
    grid.ForNear(places[i].location, [&](uint32_t j) {
      double km = GreatCircleKm(places[i].location, places[j].location);
      if (km > reach_km) return;
      for (TravelMode mode : kAllTravelModes)
        b.Add(mode, i, j, static_cast<float>(Minutes(mode, km)));
    });
  return std::move(b).Build(Describe());
}

}  // namespace prosit
