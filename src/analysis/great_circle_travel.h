#pragma once
// GreatCircleTravel: the built-in travel-time estimate when no routing data is imported —
// great-circle distance × circuity at a mode's speed, plus a fixed time to get going
// (parking for a car; walking to the stop and waiting for public transport).
// Calibrated on the seeds' figures for ORP Hlinsko (see data/territory/SOURCES.md).

#include "analysis/travel_time_provider.h"

namespace prosit {

struct ModeSpeed {
  double km_per_hour = 0;
  double fixed_minutes = 0;  // access, parking, waiting
};

struct GreatCircleOptions {
  double circuity = 1.3;               // road distance / great-circle distance
  ModeSpeed car{60, 3};                // Krouna–Chrudim: 37 min (seeds: 39)
  ModeSpeed public_transport{40, 15};  // Krouna–Chrudim: 65 min (seeds: 50–70)
};

// Great-circle distance in kilometres (haversine on a sphere of 6,371 km).
double GreatCircleKm(const GeoPoint& a, const GeoPoint& b);

class GreatCircleTravel : public TravelTimeProvider {
 public:
  explicit GreatCircleTravel(GreatCircleOptions options = {}) : options_(options) {}
  std::string Describe() const override;
  Result<TravelTimes> Compute(const Territory& territory,
                              const TravelTimeRequest& request) const override;
  // Minutes for a great-circle distance; the formula every figure of this provider uses.
  double Minutes(TravelMode mode, double great_circle_km) const;

 private:
  GreatCircleOptions options_;
};

}  // namespace prosit
