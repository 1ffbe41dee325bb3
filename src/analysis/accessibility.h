#pragma once
// Spatial accessibility by the enhanced two-step floating catchment area method (E2SFCA,
// Luo & Qi 2009): each service's capacity is shared among the children within its
// catchment, weighted by travel time (R_j = S_j / Σ_k P_k·W(d_kj)), and each place sums
// the shares it can reach (A_i = Σ_j R_j·W(d_ij)). Plain 2SFCA is the binary decay.
// Pure: same input, same result.
//
// d_kj is the time from the children's place k to the service's place j (both steps read
// the same direction, as PySAL access does). A leg counts while d <= max_minutes.
// Bad input has defined results, never NaN or infinity:
// - a capacity or demand that is negative, NaN or infinite counts as 0 (a missing
//   capacity is the caller's business: it leaves such cards out and says so);
// - a supply with no weighted demand in reach (Σ_k P_k·W(d_kj) = 0) gets R = 0 and is
//   listed in sites_without_demand / outreach_without_demand; so is a site whose place
//   is out of range;
// - a catchment whose max_minutes is not above 0 (or not finite) reaches nothing;
//   negative or non-finite step weights count as 0.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/travel_times.h"

namespace prosit {

enum class DistanceDecay {
  kBinary,  // 2SFCA: weight 1 within the catchment
  kStep,    // E2SFCA: weights by zones of the catchment (Luo & Qi: 1, 0.68, 0.22)
  // Continuous, normalised so that W(0) = 1 and W(d0) = 0 (Dai 2010; Luo & Qi 2009):
  // W(d) = (exp(-½·(d/d0)²) − exp(-½)) / (1 − exp(-½)), d0 = max_minutes.
  kGaussian,
  kInverse,  // 1 / minutes (as in PySAL access's examples); minutes below 1 count as 1
};

const char* ToString(DistanceDecay decay);
std::optional<DistanceDecay> ParseDistanceDecay(std::string_view text);

// How far a service reaches and how its pull weakens with travel time.
struct Catchment {
  float max_minutes = 30;  // d0: beyond it, weight 0
  DistanceDecay decay = DistanceDecay::kStep;
  // For kStep: zones as (upper bound as a share of max_minutes, weight), ascending. A
  // time exactly at a bound belongs to the nearer zone; beyond the last zone, weight 0.
  std::vector<std::pair<float, float>> steps = {{1.0f / 3, 1.0f}, {2.0f / 3, 0.68f}, {1.0f, 0.22f}};

  // W(d); 0 beyond max_minutes. For lookups and explanations; the computation below
  // works the catchment's constants out once.
  double Weight(float minutes) const;
};

// Capacity delivered at a place (a municipality index).
struct SupplySite {
  uint32_t place = 0;
  double capacity = 0;
};

// Capacity of an outreach (terénní) service: it reaches every place it serves with no
// travel (weight 1), whatever the times. With an office too, the office reaches the
// other places of its catchment by travel time; each place takes the better weight, so
// a served place counts once, at 1.
struct OutreachSupply {
  std::vector<uint32_t> places;
  double capacity = 0;
  std::optional<uint32_t> office;
};

class CatchmentDemand;

struct AccessibilityInput {
  std::span<const double> demand;  // P_k per place (children), size == times->places()
  std::span<const SupplySite> sites;
  std::span<const OutreachSupply> outreach;
  const TravelTimes* times = nullptr;
  TravelMode mode = TravelMode::kPublicTransport;
  Catchment catchment;
  // Step 1 done beforehand for the same demand, times, mode and catchment, or null.
  const CatchmentDemand* shared = nullptr;
};

// Step 1 for every place at once: D_j = Σ_k P_k·W(d_kj), and the legs within the
// catchment in a compact form for step 2: their places alone (16-bit ids up to 65,536
// places), cut into zones of one weight each for the step and binary decays (a row is
// sorted by time, so a zone is one run of legs), with a weight per leg only for the
// continuous decays. It depends on the demand, the travel times, the mode and the
// catchment, not on the services, so every model cell with the same norm — and every
// what-if — can share one (AnalysisBasisKeeper keeps them). ComputeAccessibility gives the
// same figures with it as without, to the last bit.
class CatchmentDemand {
 public:
  CatchmentDemand(std::span<const double> demand, const TravelTimes& times, TravelMode mode,
                  const Catchment& catchment);
  double sum(uint32_t place) const { return sums_[place]; }
  size_t MemoryBytes() const;

  // The layout, for ComputeAccessibility.
  size_t zones() const { return zones_; }  // 0: a weight per leg
  std::span<const uint32_t> ends(uint32_t place) const {
    return {ends_.data() + place * zones_, zones_};
  }
  std::span<const double> zone_weights() const { return zone_weights_; }
  uint32_t first(uint32_t place) const { return offsets_[place]; }
  uint32_t last(uint32_t place) const { return offsets_[place + 1]; }
  const std::vector<uint16_t>& narrow_places() const { return narrow_; }
  const std::vector<uint32_t>& wide_places() const { return wide_; }
  const std::vector<double>& weights() const { return weights_; }

 private:
  std::vector<double> sums_;
  std::vector<uint32_t> offsets_;  // legs of place j: [offsets_[j], offsets_[j+1])
  size_t zones_ = 0;
  std::vector<double> zone_weights_;
  std::vector<uint32_t> ends_;    // per place, zones_ ends of its zones (absolute)
  std::vector<uint16_t> narrow_;  // the legs' places when there are at most 65,536
  std::vector<uint32_t> wide_;    // otherwise
  std::vector<double> weights_;   // per leg, for the continuous decays
};

struct AccessibilityResult {
  std::vector<double> access;          // A_i per place: capacity per child within reach
  std::vector<double> site_ratio;      // R_j per site, in input order; 0 when no demand in reach
  std::vector<double> outreach_ratio;  // R_j per outreach supply, in input order
  double supply_total = 0;             // Σ S_j
  double supply_without_demand = 0;    // Σ S_j of supplies with no demand in reach
  std::vector<uint32_t> sites_without_demand;     // indices into sites
  std::vector<uint32_t> outreach_without_demand;  // indices into outreach
};

// The invariant: Σ_i P_i·A_i = supply_total − supply_without_demand.
AccessibilityResult ComputeAccessibility(const AccessibilityInput& input);

// ComputeAccessibility of each input (the cells of a report), the inputs spread over up to
// `threads` threads (0: the machine's cores, at most 8); a single input runs on the calling
// thread. Each input is computed by one thread, so the figures are those of
// ComputeAccessibility.
std::vector<AccessibilityResult> ComputeAccessibilityOfAll(
    std::span<const AccessibilityInput> inputs, int threads = 0);

// Population-weighted mean of A over `places` (Σ P_i·A_i / Σ P_i), 0 when they have no
// demand.
double WeightedMeanAccess(const AccessibilityResult& result, std::span<const double> demand,
                          std::span<const uint32_t> places);

}  // namespace prosit
