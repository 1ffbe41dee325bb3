#include "analysis/accessibility.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <system_error>
#include <thread>

namespace prosit {

namespace {

// Capacities and demands that are negative, NaN or infinite count as 0, so that a bad
// figure in one card cannot turn every share it touches into NaN.
double Sane(double value) { return std::isfinite(value) && value > 0 ? value : 0; }

// exp(-1/2): the Gaussian's value at the catchment's edge before normalisation.
const double kGaussEdge = std::exp(-0.5);

// Catchment::Weight with the catchment's constants worked out once per call.
class Weigher {
 public:
  explicit Weigher(const Catchment& c) : decay_(c.decay) {
    d0_ = std::isfinite(c.max_minutes) && c.max_minutes > 0 ? c.max_minutes : 0;
    for (const auto& [share, weight] : c.steps)
      zones_.push_back({static_cast<double>(share) * d0_, Sane(weight)});
  }
  // False when nothing is in reach at all (a catchment of no minutes).
  bool reaches() const { return d0_ > 0; }
  double d0() const { return d0_; }

  // Weights of the legs of one row (nearest first) that lie within d0, into `w`; returns
  // how many. The decay is chosen once per row, not per leg, and the step zones are
  // walked along with the legs, since both ascend.
  size_t Row(std::span<const TravelLeg> legs, double* w) const {
    size_t k = 0;
    if (decay_ == DistanceDecay::kStep) {
      size_t z = 0;
      for (; k < legs.size() && legs[k].minutes <= d0_; ++k) {
        while (z < zones_.size() && legs[k].minutes > zones_[z].first) ++z;
        w[k] = z < zones_.size() ? zones_[z].second : 0;
      }
      return k;
    }
    for (; k < legs.size() && legs[k].minutes <= d0_; ++k) w[k] = (*this)(legs[k].minutes);
    return k;
  }

  // The step and binary decays weigh a run of legs alike: a row of legs sorted by time
  // falls into zones of one weight each, and a sum over the row becomes a sum per zone.
  bool zoned() const { return decay_ == DistanceDecay::kStep || decay_ == DistanceDecay::kBinary; }
  size_t zone_count() const { return decay_ == DistanceDecay::kBinary ? 1 : zones_.size(); }
  double zone_weight(size_t z) const {
    return decay_ == DistanceDecay::kBinary ? 1.0 : zones_[z].second;
  }
  // Step 1 of one row of legs (nearest first): Σ_z w_z · Σ x[place] over the legs of zone z,
  // and where each zone's legs end, into `ends`. A leg belongs to the first zone whose bound
  // it is within (as Row weighs it), so it lies in zone z or an earlier one exactly when it
  // is within the largest of the bounds up to z (and within d0). One walk finds the ends and
  // sums: four legs at a time while the fourth is within, with four running sums.
  double ZonedRow(const double* x, std::span<const TravelLeg> legs, uint32_t* ends) const {
    const TravelLeg* leg = legs.data();
    const size_t size = legs.size();
    double within = -std::numeric_limits<double>::infinity(), sum = 0;
    size_t l = 0;
    for (size_t z = 0; z < zone_count(); ++z) {
      double bound = decay_ == DistanceDecay::kBinary ? d0_ : zones_[z].first;
      if (std::isnan(bound)) bound = d0_;  // Row stops at such a zone: it takes the rest
      within = std::max(within, std::min(bound, d0_));
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (; l + 4 <= size && leg[l + 3].minutes <= within; l += 4)
        s0 += x[leg[l].place], s1 += x[leg[l + 1].place], s2 += x[leg[l + 2].place],
            s3 += x[leg[l + 3].place];
      for (; l < size && leg[l].minutes <= within; ++l) s0 += x[leg[l].place];
      sum += zone_weight(z) * ((s0 + s1) + (s2 + s3));
      ends[z] = static_cast<uint32_t>(l);
    }
    return sum;
  }

  // W(d) for 0 <= d <= d0.
  double operator()(double d) const {
    switch (decay_) {
      case DistanceDecay::kBinary:
        return 1;
      case DistanceDecay::kStep:
        for (const auto& [bound, weight] : zones_)
          if (d <= bound) return weight;  // a boundary belongs to the nearer zone
        return 0;
      case DistanceDecay::kGaussian: {
        double x = d / d0_;
        return std::max(0.0, (std::exp(-0.5 * x * x) - kGaussEdge) / (1 - kGaussEdge));
      }
      case DistanceDecay::kInverse:
        return 1 / std::max(d, 1.0);
    }
    return 0;
  }

 private:
  DistanceDecay decay_;
  double d0_ = 0;
  std::vector<std::pair<double, double>> zones_;  // (upper bound in minutes, weight)
};

// The places of a row of TravelTimes, read where they lie.
struct LegPlaces {
  const TravelLeg* legs;
  uint32_t operator[](size_t l) const { return legs[l].place; }
};

// Step 1 with a weight per leg (the continuous decays).
template <typename Places>
double WeightedSum(const double* x, Places places, const double* w, size_t count) {
  double sum = 0;
  for (size_t l = 0; l < count; ++l) sum += x[places[l]] * w[l];
  return sum;
}

// Step 2 of one supplied place: each place of its row takes ratio · W.
template <typename Places>
void ZonedAdd(double* access, Places places, std::span<const uint32_t> ends,
              std::span<const double> zone_weights, double ratio) {
  uint32_t l = 0;
  for (size_t z = 0; z < ends.size(); ++z) {
    double add = ratio * zone_weights[z];
    for (; l < ends[z]; ++l) access[places[l]] += add;
  }
}
template <typename Places>
void WeightedAdd(double* access, Places places, const double* w, size_t count, double ratio) {
  for (size_t l = 0; l < count; ++l) access[places[l]] += ratio * w[l];
}

// Step 2 from a CatchmentDemand's compact rows.
template <typename Place>
void SharedAdd(double* access, const CatchmentDemand& shared, const std::vector<Place>& places,
               uint32_t j, double ratio) {
  const Place* row = places.data() + shared.first(j);
  if (shared.zones() > 0)
    ZonedAdd(access, row, shared.ends(j), shared.zone_weights(), ratio);
  else
    WeightedAdd(access, row, shared.weights().data() + shared.first(j),
                shared.last(j) - shared.first(j), ratio);
}

// Rows of legs are read ahead by this many: each lies apart from the last in a table of
// megabytes, and unless asked for early its first lines arrive from the level-3 cache or
// memory only when the walk reaches them (a perf profile put most of step 2's time on the
// first read of a row). The first lines of a row are asked for; the prefetcher follows.
constexpr size_t kRowsAhead = 8;
template <typename T>
void Prefetch(const T* first, const T* last) {
  const char *from = reinterpret_cast<const char*>(first),
             *to = reinterpret_cast<const char*>(last);
  for (int k = 0; k < 4 && from < to; ++k, from += 64) __builtin_prefetch(from);
}
void Prefetch(std::span<const TravelLeg> legs) { Prefetch(legs.data(), legs.data() + legs.size()); }

// Step 2 from a CatchmentDemand's zones over `rows` (place, ratio), read ahead.
template <typename Place>
void KeptAdd(double* access, const CatchmentDemand& shared, const Place* places,
             std::span<const std::pair<uint32_t, double>> rows) {
  for (size_t r = 0; r < rows.size(); ++r) {
    if (r + kRowsAhead < rows.size()) {
      const uint32_t j = rows[r + kRowsAhead].first;
      Prefetch(places + shared.first(j), places + shared.last(j));
    }
    const auto [j, ratio] = rows[r];
    ZonedAdd(access, places + shared.first(j), shared.ends(j), shared.zone_weights(), ratio);
  }
}

// Sorts each zone of a row's places (zone z ends at ends[z]).
template <typename Place>
void SortZones(Place* row, const uint32_t* ends, size_t zones) {
  for (size_t z = 0, begin = 0; z < zones; begin = ends[z], ++z)
    std::sort(row + begin, row + ends[z]);
}

}  // namespace

const char* ToString(DistanceDecay decay) {
  switch (decay) {
    case DistanceDecay::kBinary:
      return "binary";
    case DistanceDecay::kStep:
      return "step";
    case DistanceDecay::kGaussian:
      return "gaussian";
    case DistanceDecay::kInverse:
      return "inverse";
  }
  return "step";
}

std::optional<DistanceDecay> ParseDistanceDecay(std::string_view text) {
  for (DistanceDecay d : {DistanceDecay::kBinary, DistanceDecay::kStep, DistanceDecay::kGaussian,
                          DistanceDecay::kInverse})
    if (text == ToString(d)) return d;
  return std::nullopt;
}

double Catchment::Weight(float minutes) const {
  Weigher w(*this);
  if (!w.reaches() || !(minutes >= 0) || minutes > w.d0()) return 0;
  return w(minutes);
}

AccessibilityResult ComputeAccessibility(const AccessibilityInput& input) {
  const size_t n = input.times ? input.times->places() : input.demand.size();
  AccessibilityResult out;
  out.access.assign(n, 0);
  out.site_ratio.assign(input.sites.size(), 0);
  out.outreach_ratio.assign(input.outreach.size(), 0);
  auto demand = [&](uint32_t place) {
    return place < input.demand.size() ? Sane(input.demand[place]) : 0.0;
  };

  // Sites at one place share one catchment: add their capacities up front, so step 1
  // runs once per place with supply, not once per site.
  std::vector<double> supply(n, 0);
  std::vector<uint32_t> supplied;  // places with at least one site, in first-seen order
  std::vector<char> seen(n, 0);
  for (const SupplySite& s : input.sites) {
    out.supply_total += Sane(s.capacity);
    if (s.place >= n) continue;
    supply[s.place] += Sane(s.capacity);
    if (!seen[s.place]) seen[s.place] = 1, supplied.push_back(s.place);
  }
  std::sort(supplied.begin(), supplied.end());  // a fixed order: same input, same sums

  // Step 1: the weighted children in reach of each supplied place (over the reverse
  // legs, i.e. travel from the children to the service). Step 2 walks the same legs, so
  // what step 1 found of them is kept: where the zones end, or the weight of each leg.
  std::vector<double> children(n, 0);  // demand made sane once, not per leg
  for (uint32_t k = 0; k < n; ++k) children[k] = demand(k);
  Weigher weigh(input.catchment);
  const size_t zones = weigh.zoned() ? weigh.zone_count() : 0;
  std::vector<double> zone_weights(zones);
  for (size_t z = 0; z < zones; ++z) zone_weights[z] = weigh.zone_weight(z);
  std::vector<double> reach(n, 0);  // Σ_k P_k·W(d_kj) per supplied place j
  std::vector<uint32_t> ends(supplied.size() * zones, 0);
  std::vector<size_t> first_leg(supplied.size() + 1, 0);
  std::vector<double> weights;
  // With zones, the places of the legs within reach, for step 2: 2 bytes a leg (4 past
  // 65,536 places) where a travel leg takes 8, so that step 2 reads them from the level-2
  // cache instead of the travel times' rows again.
  std::vector<uint16_t> narrow;
  std::vector<uint32_t> wide;
  const bool here = !input.shared && input.times && weigh.reaches();
  size_t legs = 0;
  if (here)
    for (uint32_t j : supplied) legs += input.times->To(input.mode, j).size();
  if (input.shared) {
    for (uint32_t j : supplied) reach[j] = input.shared->sum(j);
  } else if (here && zones > 0) {
    // Sized once: no allocation while walking the legs.
    if (n <= 65536)
      narrow.resize(legs);
    else
      wide.resize(legs);
    for (size_t s = 0; s < supplied.size(); ++s) {
      if (s + kRowsAhead < supplied.size())
        Prefetch(input.times->To(input.mode, supplied[s + kRowsAhead]));
      auto legs_to = input.times->To(input.mode, supplied[s]);
      uint32_t* e = ends.data() + s * zones;
      reach[supplied[s]] = weigh.ZonedRow(children.data(), legs_to, e);
      const size_t within = e[zones - 1], at = first_leg[s];
      if (n <= 65536)
        for (size_t l = 0; l < within; ++l)
          narrow[at + l] = static_cast<uint16_t>(legs_to[l].place);
      else
        for (size_t l = 0; l < within; ++l) wide[at + l] = legs_to[l].place;
      first_leg[s + 1] = at + within;
    }
  } else if (here) {
    weights.resize(legs);  // sized once: no allocation while walking the legs
    for (size_t s = 0; s < supplied.size(); ++s) {
      auto legs_to = input.times->To(input.mode, supplied[s]);
      double* w = weights.data() + first_leg[s];
      size_t within = weigh.Row(legs_to, w);
      reach[supplied[s]] = WeightedSum(children.data(), LegPlaces{legs_to.data()}, w, within);
      first_leg[s + 1] = first_leg[s] + within;
    }
  }

  // Step 2: each place sums the ratios of the supplied places it reaches.
  double* access = out.access.data();
  std::vector<std::pair<uint32_t, double>> kept_rows;  // (place, ratio) for KeptAdd
  const bool kept_zones = input.shared && input.shared->zones() > 0;
  for (size_t s = 0; s < supplied.size(); ++s) {
    uint32_t j = supplied[s];
    if (!(reach[j] > 0)) continue;
    double ratio = supply[j] / reach[j];
    if (ratio == 0) continue;
    if (kept_zones) {
      kept_rows.emplace_back(j, ratio);
    } else if (input.shared) {
      const CatchmentDemand& shared = *input.shared;
      if (!shared.narrow_places().empty())
        SharedAdd(access, shared, shared.narrow_places(), j, ratio);
      else
        SharedAdd(access, shared, shared.wide_places(), j, ratio);
    } else if (zones > 0) {
      std::span<const uint32_t> zone_ends(ends.data() + s * zones, zones);
      if (!narrow.empty())
        ZonedAdd(access, narrow.data() + first_leg[s], zone_ends, zone_weights, ratio);
      else
        ZonedAdd(access, wide.data() + first_leg[s], zone_ends, zone_weights, ratio);
    } else {
      WeightedAdd(access, LegPlaces{input.times->To(input.mode, j).data()},
                  weights.data() + first_leg[s], first_leg[s + 1] - first_leg[s], ratio);
    }
  }
  if (kept_zones) {
    const CatchmentDemand& shared = *input.shared;
    if (!shared.narrow_places().empty())
      KeptAdd(access, shared, shared.narrow_places().data(), kept_rows);
    else
      KeptAdd(access, shared, shared.wide_places().data(), kept_rows);
  }
  for (size_t i = 0; i < input.sites.size(); ++i) {
    const SupplySite& s = input.sites[i];
    if (s.place < n && reach[s.place] > 0) {
      out.site_ratio[i] = Sane(s.capacity) / reach[s.place];
    } else {
      out.sites_without_demand.push_back(static_cast<uint32_t>(i));
      out.supply_without_demand += Sane(s.capacity);
    }
  }

  // Outreach reaches each place it serves once, with weight 1; an office beside it the
  // places it does not serve, by the decay. `seen` marks the served places while one
  // supply is worked out, so a place listed twice counts once. The loops over the served
  // places add 0 where a test would skip (a place seen before): the sums do not change, and
  // no branch is mispredicted.
  std::fill(seen.begin(), seen.end(), 0);
  std::vector<double> row;
  for (size_t o = 0; o < input.outreach.size(); ++o) {
    const OutreachSupply& os = input.outreach[o];
    double capacity = Sane(os.capacity), served = 0;
    out.supply_total += capacity;
    for (uint32_t p : os.places)
      if (p < n) served += seen[p] ? 0.0 : children[p], seen[p] = 1;
    std::span<const TravelLeg> office;
    size_t within = 0;
    if (os.office && *os.office < n && input.times && weigh.reaches()) {
      office = input.times->To(input.mode, *os.office);
      row.resize(office.size());
      within = weigh.Row(office, row.data());
      for (size_t l = 0; l < within; ++l)
        if (!seen[office[l].place]) served += children[office[l].place] * row[l];
    }
    if (served > 0) {
      double ratio = capacity / served;
      out.outreach_ratio[o] = ratio;
      for (uint32_t p : os.places)
        if (p < n) out.access[p] += seen[p] == 1 ? ratio : 0.0, seen[p] = 2;
      for (size_t l = 0; l < within; ++l)
        if (!seen[office[l].place]) out.access[office[l].place] += ratio * row[l];
    } else {
      out.outreach_without_demand.push_back(static_cast<uint32_t>(o));
      out.supply_without_demand += capacity;
    }
    for (uint32_t p : os.places)
      if (p < n) seen[p] = 0;
  }
  return out;
}

std::vector<AccessibilityResult> ComputeAccessibilityOfAll(
    std::span<const AccessibilityInput> inputs, int threads) {
  if (threads <= 0)
    threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  std::vector<AccessibilityResult> out(inputs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < inputs.size();)
      out[i] = ComputeAccessibility(inputs[i]);
  };
  std::vector<std::jthread> helpers;
  for (size_t t = 1; t < std::min<size_t>(threads, inputs.size()); ++t) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: those running take the remaining inputs
    }
  }
  work();
  return out;
}

// Within a zone the legs are kept sorted by place: step 2 adds the same figure to each of
// them (a row holds a place once, so no sum changes), and in order of place its additions
// into the access array go forward through memory.
CatchmentDemand::CatchmentDemand(std::span<const double> demand, const TravelTimes& times,
                                 TravelMode mode, const Catchment& catchment)
    : sums_(times.places(), 0), offsets_(times.places() + 1, 0) {
  const uint32_t n = static_cast<uint32_t>(times.places());
  Weigher weigh(catchment);
  zones_ = weigh.zoned() ? weigh.zone_count() : 0;
  for (size_t z = 0; z < zones_; ++z) zone_weights_.push_back(weigh.zone_weight(z));
  ends_.assign(size_t{n} * zones_, 0);
  std::vector<double> children(n, 0);
  for (uint32_t k = 0; k < n && k < demand.size(); ++k) children[k] = Sane(demand[k]);
  const bool narrow = n <= 65536;
  std::vector<double> row;
  for (uint32_t j = 0; j < n; ++j) {
    auto legs = times.To(mode, j);
    size_t within = 0;
    if (weigh.reaches() && zones_ > 0) {
      uint32_t* e = ends_.data() + size_t{j} * zones_;
      sums_[j] = weigh.ZonedRow(children.data(), legs, e);
      within = e[zones_ - 1];
    } else if (weigh.reaches()) {
      row.resize(legs.size());
      within = weigh.Row(legs, row.data());
      sums_[j] = WeightedSum(children.data(), LegPlaces{legs.data()}, row.data(), within);
      weights_.insert(weights_.end(), row.begin(), row.begin() + within);
    }
    for (size_t l = 0; l < within; ++l) {
      if (narrow)
        narrow_.push_back(static_cast<uint16_t>(legs[l].place));
      else
        wide_.push_back(legs[l].place);
    }
    if (zones_ > 0) {
      if (narrow)
        SortZones(narrow_.data() + offsets_[j], ends_.data() + size_t{j} * zones_, zones_);
      else
        SortZones(wide_.data() + offsets_[j], ends_.data() + size_t{j} * zones_, zones_);
    }
    offsets_[j + 1] = offsets_[j] + static_cast<uint32_t>(within);
  }
}

size_t CatchmentDemand::MemoryBytes() const {
  return sums_.size() * 8 + offsets_.size() * 4 + ends_.size() * 4 + narrow_.size() * 2 +
         wide_.size() * 4 + weights_.size() * 8;
}

double WeightedMeanAccess(const AccessibilityResult& result, std::span<const double> demand,
                          std::span<const uint32_t> places) {
  double weighted = 0, children = 0;
  for (uint32_t p : places) {
    if (p >= result.access.size() || p >= demand.size()) continue;
    double c = Sane(demand[p]);
    weighted += c * result.access[p];
    children += c;
  }
  return children > 0 ? weighted / children : 0;
}

}  // namespace prosit
