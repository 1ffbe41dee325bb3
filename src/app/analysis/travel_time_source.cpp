#include "app/analysis/travel_time_source.h"

#include <cmath>

#include "analysis/great_circle_travel.h"
#include "routing/matrix_travel.h"
#include "routing/osrm_travel.h"

namespace prosit {

namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

Result<std::unique_ptr<TravelTimeProvider>> MakeTravelTimeProvider(const std::string& spec,
                                                                   double circuity) {
  if (!std::isfinite(circuity) || circuity < 1 || circuity > 3)
    return Status::Invalid("--circuity: " + std::to_string(circuity) +
                           " is not between 1 and 3 (road distance / great-circle distance)");
  GreatCircleOptions estimate;
  estimate.circuity = circuity;
  if (spec == "builtin")
    return std::unique_ptr<TravelTimeProvider>(new GreatCircleTravel(estimate));
  if (StartsWith(spec, "matrix:")) {
    std::string path = spec.substr(7);
    if (path.empty())
      return Status::Invalid("--travel-times matrix: needs a file, matrix:<file.csv>");
    auto matrix = MatrixTravel::Open(path, estimate);
    if (!matrix.ok()) return matrix.status();
    return std::unique_ptr<TravelTimeProvider>(std::move(*matrix));
  }
  if (StartsWith(spec, "osrm:")) {
    OsrmOptions options;
    options.base_url = spec.substr(5);
    while (!options.base_url.empty() && options.base_url.back() == '/') options.base_url.pop_back();
    if (!StartsWith(options.base_url, "http://") && !StartsWith(options.base_url, "https://"))
      return Status::Invalid("--travel-times osrm: needs an http:// or https:// address, got '" +
                             options.base_url + "'");
    options.fallback = estimate;
    return std::unique_ptr<TravelTimeProvider>(new OsrmTravel(std::move(options)));
  }
  return Status::Invalid(std::string("--travel-times: expected ") + kTravelTimeSpecHelp +
                         ", got '" + spec + "'");
}

}  // namespace prosit
