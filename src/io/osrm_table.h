#pragma once
// The OSRM `table` service (https://project-osrm.org/docs/v5.24.0/api/#table-service):
// the request path for durations between some sources and some destinations, and the
// parsing of its answer `{"code":"Ok","durations":[[seconds|null,…],…]}`.
// Pure: the HTTP exchange is the caller's (src/routing/osrm_travel.h).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "model/territory.h"

namespace prosit {

// `/table/v1/{profile}/{lon,lat;…}?sources=…&destinations=…&annotations=duration`, the
// sources' coordinates first, then the destinations'. Coordinates have 6 decimals (~0.1 m).
std::string OsrmTablePath(std::string_view profile, std::span<const GeoPoint> sources,
                          std::span<const GeoPoint> destinations);

// Seconds from source s to destination d at [s * destinations + d]; nullopt where OSRM
// found no route.
struct OsrmDurations {
  size_t sources = 0, destinations = 0;
  std::vector<std::optional<double>> seconds;
  const std::optional<double>& at(size_t s, size_t d) const {
    return seconds[s * destinations + d];
  }
};

// Parses an answer to a request of the given shape. A code other than "Ok" is an error
// carrying OSRM's `message`; a body that is not JSON, or durations of the wrong shape or
// with negative or non-numeric values, is kMalformed.
Result<OsrmDurations> ParseOsrmTable(std::string_view body, size_t sources, size_t destinations);

// "InvalidQuery: Query string malformed close to position 28" from an OSRM error body, or
// nullopt when the body is not OSRM's JSON (e.g. a proxy's HTML error page).
std::optional<std::string> OsrmErrorMessage(std::string_view body);

}  // namespace prosit
