#pragma once
// TravelTimeProvider: where travel times between municipalities come from — the built-in
// great-circle estimate, a matrix imported from a routing engine, or an OSRM server.
// The analyses read only the TravelTimes it produces.

#include <string>

#include "analysis/travel_times.h"
#include "model/status.h"
#include "model/territory.h"

namespace prosit {

// How far the table must reach, per mode: the longest norm an analysis may ask about.
// The defaults are 1.5 × the longest norms of the default model (40 min by car, 60 by
// public transport), so "too far" can say how far.
struct TravelTimeRequest {
  float cutoff_car = 60;
  float cutoff_pt = 90;
};

class TravelTimeProvider {
 public:
  virtual ~TravelTimeProvider() = default;
  // A short description for explanations ("great-circle × 1.3 at 60 km/h …").
  virtual std::string Describe() const = 0;
  // Times between every pair of municipalities within the cutoffs. Every municipality
  // reaches itself (an intra-municipal time) unless the source says otherwise.
  virtual Result<TravelTimes> Compute(const Territory& territory,
                                      const TravelTimeRequest& request) const = 0;
};

}  // namespace prosit
