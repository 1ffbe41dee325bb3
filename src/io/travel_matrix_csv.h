#pragma once
// The travel-time matrix CSV: `origin,destination,mode,minutes`, one row per pair of
// municipalities (6-digit codes) and mode (`car`, `pt`), as routing engines elsewhere
// (OSRM, Valhalla, R5, OpenTripPlanner) produce it. Minutes are a non-negative number, or
// empty / `NA` / `null` when the engine found no route. See docs/travel-times.md.
// Pure: parsing and writing over strings; reading the file is the caller's business.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "model/territory.h"
#include "model/travel_mode.h"

namespace prosit {

// One pair of the matrix, by municipality code.
struct TravelMatrixRow {
  uint32_t origin = 0;  // municipality code as a number
  uint32_t destination = 0;
  TravelMode mode = TravelMode::kCar;
  std::optional<float> minutes;  // nullopt: the file marks the pair unreachable
  int line = 0;                  // where the pair comes from (the kept row of duplicates)
};

// A parsed matrix: each (mode, origin, destination) once, sorted in that order.
struct TravelMatrix {
  std::string source;  // the file's name, for messages and explanations
  std::vector<TravelMatrixRow> rows;
  size_t duplicates = 0;  // rows that repeated a pair (the shortest time was kept)

  // Pairs of a mode with minutes / marked unreachable.
  size_t Reachable(TravelMode mode) const;
  size_t Unreachable(TravelMode mode) const;
  // Whether the file has any row (reachable or not) of a mode.
  bool Covers(TravelMode mode) const { return Reachable(mode) + Unreachable(mode) > 0; }
};

// At most this many problems are listed in a rejected file's Status.
inline constexpr size_t kMaxMatrixProblems = 20;

// Parses the whole text, all or nothing: any bad row rejects the file with a Status that
// lists every problem (up to kMaxMatrixProblems) as "source:line: field: what". Extra
// columns are ignored. A pair given twice keeps its shortest time; it is unreachable only
// when every row of it says so.
Result<TravelMatrix> ParseTravelMatrix(std::string_view text, const std::string& source_name);

// The matrix in terms of indices into Territory::municipalities().
struct ResolvedTravelMatrix {
  struct Pair {
    uint32_t from = 0, to = 0;
    float minutes = 0;  // 0 for unreachable pairs
    int line = 0;
  };
  struct Mode {
    std::vector<Pair> reachable;
    std::vector<Pair> unreachable;  // marked so in the file
  };
  Mode modes[kTravelModes];
  const Mode& of(TravelMode mode) const { return modes[static_cast<int>(mode)]; }
};

// What to do with a code the territory does not know: reject the matrix (the territory is
// the whole country: the code is wrong), or skip its rows (the territory is a part).
enum class CodesOutside { kReject, kSkip };

// Maps the codes onto a territory. With kReject an unknown code rejects the whole matrix,
// naming the line and field of each (up to kMaxMatrixProblems).
Result<ResolvedTravelMatrix> ResolveTravelMatrix(const TravelMatrix& matrix,
                                                 const Territory& territory,
                                                 CodesOutside outside = CodesOutside::kReject);

// Writes rows in the same format (header first; unreachable pairs with empty minutes),
// so what one provider computed can be checked, edited and imported again.
std::string WriteTravelMatrix(const std::vector<TravelMatrixRow>& rows);

// "571164" → 571164, or nullopt unless exactly six digits.
std::optional<uint32_t> ParseMunicipalityCode(std::string_view text);
std::string FormatMunicipalityCode(uint32_t code);

}  // namespace prosit
