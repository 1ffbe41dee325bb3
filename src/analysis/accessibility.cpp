#include "analysis/accessibility.h"

#include <algorithm>
#include <cmath>

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
  // legs, i.e. travel from the children to the service). The weights are kept for
  // step 2, which walks the same legs: one weight per leg per call.
  std::vector<double> children(n, 0);  // demand made sane once, not per leg
  for (uint32_t k = 0; k < n; ++k) children[k] = demand(k);
  Weigher weigh(input.catchment);
  std::vector<double> reach(n, 0);  // Σ_k P_k·W(d_kj) per supplied place j
  std::vector<size_t> first_weight(supplied.size() + 1, 0);
  std::vector<double> weights;
  if (input.shared) {
    for (uint32_t j : supplied) reach[j] = input.shared->sum(j);
  } else if (input.times && weigh.reaches()) {
    size_t legs = 0;
    for (uint32_t j : supplied) legs += input.times->To(input.mode, j).size();
    weights.resize(legs);  // sized once: no allocation while walking the legs
    for (size_t s = 0; s < supplied.size(); ++s) {
      auto legs_to = input.times->To(input.mode, supplied[s]);
      double* w = weights.data() + first_weight[s];
      size_t within = weigh.Row(legs_to, w);
      double sum = 0;
      for (size_t l = 0; l < within; ++l) sum += children[legs_to[l].place] * w[l];
      reach[supplied[s]] = sum;
      first_weight[s + 1] = first_weight[s] + within;
    }
  }

  // Step 2: each place sums the ratios of the supplied places it reaches.
  for (size_t s = 0; s < supplied.size(); ++s) {
    uint32_t j = supplied[s];
    if (!(reach[j] > 0)) continue;
    double ratio = supply[j] / reach[j];
    if (ratio == 0) continue;
    auto legs = input.times->To(input.mode, j);
    std::span<const double> w =
        input.shared ? input.shared->weights(j)
                     : std::span<const double>(weights.data() + first_weight[s],
                                               weights.data() + first_weight[s + 1]);
    for (size_t l = 0; l < w.size(); ++l) out.access[legs[l].place] += ratio * w[l];
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

  // Outreach reaches each place it serves once, with weight 1. `seen` marks places
  // already counted, so a place listed twice does not count twice.
  std::fill(seen.begin(), seen.end(), 0);
  for (size_t o = 0; o < input.outreach.size(); ++o) {
    const OutreachSupply& os = input.outreach[o];
    double capacity = Sane(os.capacity), served = 0;
    out.supply_total += capacity;
    for (uint32_t p : os.places)
      if (p < n && !seen[p]) seen[p] = 1, served += children[p];
    for (uint32_t p : os.places)
      if (p < n) seen[p] = 0;
    if (!(served > 0)) {
      out.outreach_without_demand.push_back(static_cast<uint32_t>(o));
      out.supply_without_demand += capacity;
      continue;
    }
    double ratio = capacity / served;
    out.outreach_ratio[o] = ratio;
    for (uint32_t p : os.places)
      if (p < n && !seen[p]) seen[p] = 1, out.access[p] += ratio;
    for (uint32_t p : os.places)
      if (p < n) seen[p] = 0;
  }
  return out;
}

CatchmentDemand::CatchmentDemand(std::span<const double> demand, const TravelTimes& times,
                                 TravelMode mode, const Catchment& catchment)
    : sums_(times.places(), 0), offsets_(times.places() + 1, 0) {
  Weigher weigh(catchment);
  std::vector<double> row;
  for (uint32_t j = 0; j < times.places(); ++j) {
    auto legs = times.To(mode, j);
    row.resize(legs.size());
    size_t within = weigh.reaches() ? weigh.Row(legs, row.data()) : 0;
    double sum = 0;
    for (size_t l = 0; l < within; ++l) {
      uint32_t k = legs[l].place;
      sum += (k < demand.size() ? Sane(demand[k]) : 0.0) * row[l];
    }
    sums_[j] = sum;
    weights_.insert(weights_.end(), row.begin(), row.begin() + within);
    offsets_[j + 1] = static_cast<uint32_t>(weights_.size());
  }
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
