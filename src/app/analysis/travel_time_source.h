#pragma once
// Where the analyses take travel times from, chosen by one option (`--travel-times`):
//   builtin             the great-circle estimate (analysis/great_circle_travel.h)
//   matrix:<file.csv>   an imported matrix (routing/matrix_travel.h)
//   osrm:<base-url>     an OSRM server, car by profile "driving" (routing/osrm_travel.h)
// `circuity` (road / great-circle distance) applies to the built-in estimate and to what
// the other sources leave to it. Stable API: the serve command and the CLI use it.

#include <memory>
#include <string>

#include "analysis/travel_time_provider.h"

namespace prosit {

inline constexpr const char* kTravelTimeSpecHelp = "builtin | matrix:<file.csv> | osrm:<base-url>";
inline constexpr double kDefaultCircuity = 1.3;

// The provider a spec names, ready to Compute. A matrix file is read and checked here
// (its municipality codes against the territory in Compute); an OSRM server is not
// contacted until Compute.
Result<std::unique_ptr<TravelTimeProvider>> MakeTravelTimeProvider(
    const std::string& spec, double circuity = kDefaultCircuity);

}  // namespace prosit
