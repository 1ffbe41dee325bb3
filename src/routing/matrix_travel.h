#pragma once
// MatrixTravel: travel times imported from a matrix a routing engine computed elsewhere
// (OSRM, Valhalla, R5, OpenTripPlanner), in the CSV of io/travel_matrix_csv.h.
// What the matrix does not say, see docs/travel-times.md:
//  - a pair not in the file, or marked unreachable, is unreachable;
//  - a municipality not listed with itself reaches itself in the built-in estimate's
//    access time (car 3 min, public transport 15 min): residents reach services of their
//    own municipality even when the engine was run between distinct places only;
//  - a mode with no row at all in the file comes from the built-in estimate, and
//    Describe() says so.

#include <memory>
#include <string>

#include "analysis/great_circle_travel.h"
#include "analysis/travel_time_provider.h"
#include "io/travel_matrix_csv.h"

namespace prosit {

class MatrixTravel : public TravelTimeProvider {
 public:
  // Reads and parses the file: a bad row rejects it here, naming file, line and field.
  // Municipality codes are checked against the territory in Compute.
  static Result<std::unique_ptr<MatrixTravel>> Open(const std::string& path,
                                                    GreatCircleOptions fallback = {});
  MatrixTravel(TravelMatrix matrix, GreatCircleOptions fallback);

  std::string Describe() const override;
  // Codes the territory does not know reject the matrix (the territory is the country).
  Result<TravelTimes> Compute(const Territory& territory,
                              const TravelTimeRequest& request) const override;
  // For a part of the territory: pairs outside it are skipped. Check the codes against
  // the whole first (ResolveTravelMatrix).
  Result<TravelTimes> Compute(const Territory& territory, const TravelTimeRequest& request,
                              CodesOutside outside) const;
  // Where the time of one pair comes from, or why there is none: "37.5 min, file:12",
  // "marked unreachable at file:13", "not in file: unreachable", "built-in estimate".
  std::string Explain(TravelMode mode, const std::string& origin_code,
                      const std::string& destination_code) const;
  const TravelMatrix& matrix() const { return matrix_; }

 private:
  TravelMatrix matrix_;
  GreatCircleTravel fallback_;
  size_t reachable_[kTravelModes] = {0, 0};
  size_t unreachable_[kTravelModes] = {0, 0};
};

}  // namespace prosit
