#pragma once
// Travel times for people at the command line: the times of one pair, the matrix within
// an ORP (in the importable CSV), and the check of a matrix file before it is used.
// Each computes on a small territory of just the places asked about, so an OSRM server
// answers a handful of pairs instead of the whole country.

#include <optional>
#include <string>
#include <vector>

#include "analysis/travel_time_provider.h"
#include "io/travel_matrix_csv.h"

namespace prosit {

// Cutoff for these answers: a day, so that "unreachable" means no route at all.
inline constexpr float kReportCutoffMinutes = 24 * 60;

// The territory of just these municipalities, with their ORPs and regions.
Territory SubTerritory(const Territory& territory,
                       const std::vector<std::string>& municipality_codes);

// "Krouna (571393) → Chrudim (571164)", a line per mode with its minutes or why there are
// none, and the source. Unknown codes are kNotFound.
Result<std::string> TravelBetween(const TravelTimeProvider& provider, const Territory& territory,
                                  const std::string& from_code, const std::string& to_code,
                                  std::optional<TravelMode> mode);

// Every ordered pair of the ORP's municipalities (itself included), per mode, sorted
// as a parsed matrix is; unreachable pairs have no minutes.
Result<std::vector<TravelMatrixRow>> TravelMatrixOfOrp(const TravelTimeProvider& provider,
                                                       const Territory& territory,
                                                       const std::string& orp_code,
                                                       std::optional<TravelMode> mode);

// Parses a matrix file and resolves its codes against the territory; a summary when it
// is good, else the Status listing its problems with lines and fields.
Result<std::string> CheckTravelMatrixFile(const std::string& path, const Territory& territory);

}  // namespace prosit
