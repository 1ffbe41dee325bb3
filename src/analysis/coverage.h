#pragma once
// Coverage of the optimal model: for an ORP, for every cell of the model (need area ×
// support level), which expected service types are there, their capacity per 1,000
// children by unit, which municipalities reach every type within the norm's travel time,
// and a status — covered, partial (some expected types missing), capacity short, too far
// for part of the ORP, or missing (a white spot).
// Strong spots too. Pure: every figure names the services and times behind it.
//
// The rules, so that every figure can be explained:
// - A service is present in the ORP when the territory it serves includes a municipality
//   of the ORP (its card says so).
// - Each expected type is judged on its own: a municipality reaches a type when a present
//   service of it that serves the municipality is outreach, or has a delivery location
//   within the cell's norm (max minutes by the mode, plus the travel times' fixed access
//   time: the norm measures the journey itself). It reaches the cell when it reaches
//   every present type.
// - Capacity attributed to the ORP is the service's capacity × the ORP's share of the
//   children of the territory it serves; services without a stated capacity add nothing
//   and are listed. Units differ between types (places, clients a year…) and are never
//   added up: each unit's capacity per 1,000 children is judged against the norm alone.
// - Status: missing when no expected type is present; else partial when some are missing;
//   else capacity short when the cell has a capacity norm and some unit's capacity per
//   1,000 children is below it (an ORP without children lacks nothing); else too far when
//   some children live in municipalities that do not reach every type by the judging
//   mode; else covered. A cell is strong when covered, with at least two services, and
//   every unit at least 1.5 × its capacity norm where it has one.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/service_layout.h"
#include "analysis/travel_times.h"

namespace prosit {

enum class CellStatus { kCovered, kCapacityShort, kTooFar, kPartial, kMissing };
inline constexpr int kCellStatuses = 5;
const char* ToString(CellStatus status);

struct CoverageOptions {
  TravelMode judge_by = TravelMode::kPublicTransport;  // families without a car
};

// The door-to-door minutes a norm of `norm_minutes` allows by `mode`: the norm measures
// the journey, and every leg of the travel times includes their fixed access time.
float NormMinutes(const TravelTimes& times, TravelMode mode, double norm_minutes);
// Whether no municipality can meet the norm at all: even the shortest leg of the travel
// times is longer. A status resting on such a norm says so.
bool NormUnmeetable(const TravelTimes& times, TravelMode mode, double norm_minutes);

// A present service and the part of its capacity attributed to the ORP.
struct PresentService {
  int64_t card_id = 0;  // 0: the hypothetical one
  uint32_t type = 0;
  bool outreach = false;
  std::optional<double> capacity_share;
  std::string capacity_unit;
  size_t orps_served = 0;
  Provenance source = Provenance::kEntered;
};

// How one municipality reaches a cell: the nearest serving service per mode.
struct PlaceReach {
  uint32_t place = 0;
  double children = 0;
  std::array<std::optional<float>, kTravelModes> minutes;  // nullopt: none within the cutoff
  std::array<int64_t, kTravelModes> nearest_card{};        // 0 when none (or hypothetical)
  std::array<bool, kTravelModes> within_norm{};
};

// One expected type of a cell: whether it is present and how the municipalities reach it.
struct TypeCoverage {
  std::string type;
  bool present = false;
  std::array<std::optional<double>, kTravelModes> share_within_norm;  // nullopt: no children
  std::vector<PlaceReach> places;  // the ORP's municipalities, in code order
};

// Capacity of one unit in a cell, never added to another unit's.
struct UnitCapacity {
  double capacity = 0;                      // attributed to the ORP
  std::optional<double> per_1000_children;  // nullopt without children
  bool short_of_norm = false;
};

struct CellCoverage {
  const ModelCell* cell = nullptr;
  std::vector<std::string> types_present, types_missing;
  std::vector<TypeCoverage> types;  // in the cell's order
  std::vector<PresentService> services;
  std::map<std::string, UnitCapacity> capacity_by_unit;  // places, clients a year…
  std::vector<int64_t> cards_without_capacity;
  // Children reaching every present type within the norm.
  std::array<std::optional<double>, kTravelModes> share_within_norm;  // nullopt: no children
  // Per municipality the farthest present type (its nearest service); within the norm
  // when every present type is.
  std::vector<PlaceReach> places;
  std::array<bool, kTravelModes> norm_unmeetable{};
  CellStatus status = CellStatus::kMissing;
  bool capacity_short = false, too_far = false, strong = false;
};

struct OrpCoverage {
  uint32_t orp = 0;
  double children = 0;
  std::vector<CellCoverage> cells;  // in the model's order
  std::array<int, kCellStatuses> cells_by_status{};
  // Services present here that serve several ORPs (strong spots of cooperation).
  std::vector<PresentService> shared_services;
  // The cards present in some cell (hypothetical services left out), by id, unique:
  // the records the figures rest on.
  std::vector<std::pair<int64_t, Provenance>> cards;
  ProvenanceCounts records;  // of `cards`
};

OrpCoverage ComputeOrpCoverage(const ServiceLayout& layout, const TravelTimes& times, uint32_t orp,
                               const CoverageOptions& options,
                               const ServiceChange* change = nullptr);

// The same for many ORPs, summed up per model cell.
struct CellSummary {
  const ModelCell* cell = nullptr;
  std::array<int, kCellStatuses> orps_by_status{};
  double children = 0;
  double children_within_norm = 0;  // by the judging mode
};

struct CoverageSummary {
  std::vector<CellSummary> cells;                    // in the model's order
  std::array<int, kCellStatuses> cells_by_status{};  // over all ORPs and cells
  double children = 0;
  ProvenanceCounts records;  // of the cards present in some ORP, each counted once
};

CoverageSummary SummarizeCoverage(const std::vector<OrpCoverage>& orps,
                                  const ReferenceData& reference, TravelMode judged_by);

}  // namespace prosit
