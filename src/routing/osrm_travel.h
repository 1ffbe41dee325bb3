#pragma once
// OsrmTravel: travel times from an OSRM server's `table` service, one routing profile
// per mode. A mode without a profile (public transport by default: OSRM does not route
// timetables) comes from the built-in estimate, and Describe() says so.
//
// Requests go in chunks: up to max_table_size / 2 origins × as many destinations, so
// a chunk never exceeds osrm-routed's --max-table-size (default 100) however the server
// counts. Only destinations within a great-circle radius of cutoff × max_kmh of some
// origin of the chunk are asked for: no trip averages more than max_kmh as the crow flies,
// so nothing within the cutoff is missed. The whole computation is all or nothing: a
// network or HTTP error, or an OSRM error answer, is a Status naming the URL.

#include <string>

#include "analysis/great_circle_travel.h"
#include "analysis/travel_time_provider.h"

namespace prosit {

struct OsrmOptions {
  std::string base_url;  // e.g. "http://127.0.0.1:5000", no trailing slash
  std::string car_profile = "driving";
  std::string pt_profile;       // empty: built-in estimate
  int max_table_size = 100;     // coordinates per request (osrm-routed --max-table-size)
  double max_kmh = 130;         // prefilter: the motorway limit, as the crow flies
  long timeout_seconds = 30;    // per request
  GreatCircleOptions fallback;  // for modes without a profile
};

class OsrmTravel : public TravelTimeProvider {
 public:
  explicit OsrmTravel(OsrmOptions options);
  std::string Describe() const override;
  Result<TravelTimes> Compute(const Territory& territory,
                              const TravelTimeRequest& request) const override;
  const OsrmOptions& options() const { return options_; }

 private:
  const std::string& Profile(TravelMode mode) const {
    return mode == TravelMode::kCar ? options_.car_profile : options_.pt_profile;
  }

  OsrmOptions options_;
  GreatCircleTravel fallback_;
};

}  // namespace prosit
