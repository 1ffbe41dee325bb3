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

namespace {

// One input between the steps: what step 1 found, kept for step 2 and for the ratios of
// the sites and the outreach after it.
struct Work {
  explicit Work(const AccessibilityInput& in)
      : input(in),
        n(in.times ? in.times->places() : in.demand.size()),
        weigh(in.catchment),
        zones(weigh.zoned() ? weigh.zone_count() : 0) {}
  // Whether step 2 walks the same rows in zones as another input's, so that the two can
  // share one walk: same times, mode, catchment and kept step 1.
  bool SharesRowsWith(const Work& o) const {
    const Catchment &a = input.catchment, &b = o.input.catchment;
    return zones > 0 && o.zones > 0 && (!input.shared || input.shared->zones() > 0) &&
           input.times && input.times == o.input.times && input.mode == o.input.mode &&
           input.shared == o.input.shared && weigh.reaches() && o.weigh.reaches() &&
           a.max_minutes == b.max_minutes && a.decay == b.decay && a.steps == b.steps;
  }
  // The ratio step 2 spreads from the s-th supplied place, or 0 when it spreads nothing.
  double Ratio(size_t s) const {
    const uint32_t j = supplied[s];
    const double ratio = reach[j] > 0 ? supply[j] / reach[j] : 0.0;
    return ratio == 0 ? 0.0 : ratio;
  }

  const AccessibilityInput& input;
  const size_t n;
  Weigher weigh;
  const size_t zones;  // 0: a weight per leg
  AccessibilityResult out;
  std::vector<double> supply, children, reach, zone_weights, weights;
  std::vector<uint32_t> supplied, ends;  // ends: zones per supplied place (step 1 here)
  std::vector<size_t> first_weight;
  std::vector<char> seen;
};

void StepOne(Work& w) {
  const AccessibilityInput& input = w.input;
  const size_t n = w.n;
  AccessibilityResult& out = w.out;
  out.access.assign(n, 0);
  out.site_ratio.assign(input.sites.size(), 0);
  out.outreach_ratio.assign(input.outreach.size(), 0);

  // Sites at one place share one catchment: add their capacities up front, so step 1
  // runs once per place with supply, not once per site.
  w.supply.assign(n, 0);
  w.seen.assign(n, 0);
  for (const SupplySite& s : input.sites) {
    out.supply_total += Sane(s.capacity);
    if (s.place >= n) continue;
    w.supply[s.place] += Sane(s.capacity);
    if (!w.seen[s.place]) w.seen[s.place] = 1, w.supplied.push_back(s.place);
  }
  std::sort(w.supplied.begin(), w.supplied.end());  // a fixed order: same input, same sums

  // Step 1: the weighted children in reach of each supplied place (over the reverse
  // legs, i.e. travel from the children to the service). Step 2 walks the same legs, so
  // what step 1 found of them is kept: where the zones end, or the weight of each leg.
  w.children.assign(n, 0);  // demand made sane once, not per leg
  for (uint32_t k = 0; k < n && k < input.demand.size(); ++k) w.children[k] = Sane(input.demand[k]);
  const size_t zones = w.zones;
  for (size_t z = 0; z < zones; ++z) w.zone_weights.push_back(w.weigh.zone_weight(z));
  w.reach.assign(n, 0);  // Σ_k P_k·W(d_kj) per supplied place j
  w.ends.assign(w.supplied.size() * zones, 0);
  w.first_weight.assign(w.supplied.size() + 1, 0);
  const bool here = !input.shared && input.times && w.weigh.reaches();
  if (input.shared) {
    for (uint32_t j : w.supplied) w.reach[j] = input.shared->sum(j);
  } else if (here && zones > 0) {
    for (size_t s = 0; s < w.supplied.size(); ++s) {
      w.reach[w.supplied[s]] = w.weigh.ZonedRow(
          w.children.data(), input.times->To(input.mode, w.supplied[s]), w.ends.data() + s * zones);
    }
  } else if (here) {
    size_t legs = 0;
    for (uint32_t j : w.supplied) legs += input.times->To(input.mode, j).size();
    w.weights.resize(legs);  // sized once: no allocation while walking the legs
    for (size_t s = 0; s < w.supplied.size(); ++s) {
      auto legs_to = input.times->To(input.mode, w.supplied[s]);
      double* wt = w.weights.data() + w.first_weight[s];
      size_t within = w.weigh.Row(legs_to, wt);
      w.reach[w.supplied[s]] =
          WeightedSum(w.children.data(), LegPlaces{legs_to.data()}, wt, within);
      w.first_weight[s + 1] = w.first_weight[s] + within;
    }
  }
}

// Step 2: each place sums the ratios of the supplied places it reaches.
void StepTwo(Work& w) {
  const AccessibilityInput& input = w.input;
  double* access = w.out.access.data();
  for (size_t s = 0; s < w.supplied.size(); ++s) {
    uint32_t j = w.supplied[s];
    double ratio = w.Ratio(s);
    if (ratio == 0) continue;
    if (input.shared) {
      const CatchmentDemand& shared = *input.shared;
      if (!shared.narrow_places().empty())
        SharedAdd(access, shared, shared.narrow_places(), j, ratio);
      else
        SharedAdd(access, shared, shared.wide_places(), j, ratio);
    } else if (w.zones > 0) {
      ZonedAdd(access, LegPlaces{input.times->To(input.mode, j).data()},
               std::span<const uint32_t>(w.ends.data() + s * w.zones, w.zones), w.zone_weights,
               ratio);
    } else {
      WeightedAdd(access, LegPlaces{input.times->To(input.mode, j).data()},
                  w.weights.data() + w.first_weight[s], w.first_weight[s + 1] - w.first_weight[s],
                  ratio);
    }
  }
}

// Inputs per joint step 2: their sums for one place fill one cache line.
constexpr size_t kJoint = 8;

// Step 2 of up to kJoint inputs that share their rows (Work::SharesRowsWith), in one walk
// over the union of their supplied places: a place's figures for all of them lie side by
// side, so each leg is read once and updates one cache line, where one input at a time
// reads it and updates a line per input. An input that does not supply a place adds 0 for
// it, and each input's place takes its additions in the order of the supplied places, as
// in StepTwo: the figures are StepTwo's to the last bit.
template <typename Places>
void JointAdd(double* lanes, Places places, std::span<const uint32_t> ends,
              std::span<const double> zone_weights, const double* ratio) {
  // The lanes as pairs, the width of the 16-byte registers of every x86-64 machine.
  using Pair = double __attribute__((vector_size(16)));
  static_assert(kJoint == 8);
  uint32_t l = 0;
  for (size_t z = 0; z < ends.size(); ++z) {
    const double w = zone_weights[z];
    const Pair a0 = {ratio[0] * w, ratio[1] * w}, a1 = {ratio[2] * w, ratio[3] * w},
               a2 = {ratio[4] * w, ratio[5] * w}, a3 = {ratio[6] * w, ratio[7] * w};
    for (; l < ends[z]; ++l) {
      Pair* a = reinterpret_cast<Pair*>(lanes + size_t{places[l]} * kJoint);
      a[0] += a0, a[1] += a1, a[2] += a2, a[3] += a3;
    }
  }
}

void JointStepTwo(std::span<Work> group) {
  const Work& lead = group[0];
  const size_t n = lead.n, zones = lead.zones;
  // Per place, the ratio of each input (0 where it supplies nothing) and which input's
  // step 1 found the ends of its zones.
  std::vector<double> ratio(n * kJoint, 0.0);
  struct alignas(64) Line {
    double lane[kJoint];
  };
  std::vector<Line> lines(n, Line{});
  double* lanes = lines.data()->lane;
  std::vector<int32_t> owner(n, -1), row(n, 0);
  for (size_t i = 0; i < group.size(); ++i)
    for (size_t s = 0; s < group[i].supplied.size(); ++s) {
      const uint32_t j = group[i].supplied[s];
      ratio[j * kJoint + i] = group[i].Ratio(s);
      if (owner[j] < 0) owner[j] = static_cast<int32_t>(i), row[j] = static_cast<int32_t>(s);
    }
  const AccessibilityInput& input = lead.input;
  const CatchmentDemand* shared = input.shared;
  for (uint32_t j = 0; j < n; ++j) {
    if (owner[j] < 0) continue;
    const double* r = ratio.data() + j * kJoint;
    if (std::all_of(r, r + kJoint, [](double x) { return x == 0; })) continue;
    if (shared && !shared->narrow_places().empty())
      JointAdd(lanes, shared->narrow_places().data() + shared->first(j), shared->ends(j),
               shared->zone_weights(), r);
    else if (shared)
      JointAdd(lanes, shared->wide_places().data() + shared->first(j), shared->ends(j),
               shared->zone_weights(), r);
    else
      JointAdd(lanes, LegPlaces{input.times->To(input.mode, j).data()},
               std::span<const uint32_t>(group[owner[j]].ends.data() + row[j] * zones, zones),
               lead.zone_weights, r);
  }
  for (size_t i = 0; i < group.size(); ++i) {
    double* access = group[i].out.access.data();
    for (size_t p = 0; p < n; ++p) access[p] = lanes[p * kJoint + i];
  }
}

// The ratios of the sites, and the outreach, after step 2.
void Finish(Work& w) {
  const AccessibilityInput& input = w.input;
  const size_t n = w.n;
  AccessibilityResult& out = w.out;
  for (size_t i = 0; i < input.sites.size(); ++i) {
    const SupplySite& s = input.sites[i];
    if (s.place < n && w.reach[s.place] > 0) {
      out.site_ratio[i] = Sane(s.capacity) / w.reach[s.place];
    } else {
      out.sites_without_demand.push_back(static_cast<uint32_t>(i));
      out.supply_without_demand += Sane(s.capacity);
    }
  }

  // Outreach reaches each place it serves once, with weight 1; an office beside it the
  // places it does not serve, by the decay. `seen` marks the served places while one
  // supply is worked out, so a place listed twice counts once.
  std::vector<char>& seen = w.seen;
  std::fill(seen.begin(), seen.end(), 0);
  std::vector<double> row;
  for (size_t o = 0; o < input.outreach.size(); ++o) {
    const OutreachSupply& os = input.outreach[o];
    double capacity = Sane(os.capacity), served = 0;
    out.supply_total += capacity;
    for (uint32_t p : os.places)
      if (p < n && !seen[p]) seen[p] = 1, served += w.children[p];
    std::span<const TravelLeg> office;
    size_t within = 0;
    if (os.office && *os.office < n && input.times && w.weigh.reaches()) {
      office = input.times->To(input.mode, *os.office);
      row.resize(office.size());
      within = w.weigh.Row(office, row.data());
      for (size_t l = 0; l < within; ++l)
        if (!seen[office[l].place]) served += w.children[office[l].place] * row[l];
    }
    if (served > 0) {
      double ratio = capacity / served;
      out.outreach_ratio[o] = ratio;
      for (uint32_t p : os.places)
        if (p < n && seen[p] == 1) seen[p] = 2, out.access[p] += ratio;
      for (size_t l = 0; l < within; ++l)
        if (!seen[office[l].place]) out.access[office[l].place] += ratio * row[l];
    } else {
      out.outreach_without_demand.push_back(static_cast<uint32_t>(o));
      out.supply_without_demand += capacity;
    }
    for (uint32_t p : os.places)
      if (p < n) seen[p] = 0;
  }
}

}  // namespace

AccessibilityResult ComputeAccessibility(const AccessibilityInput& input) {
  Work w(input);
  StepOne(w);
  StepTwo(w);
  Finish(w);
  return std::move(w.out);
}

std::vector<AccessibilityResult> ComputeAccessibilityOfAll(
    std::span<const AccessibilityInput> inputs, int threads) {
  if (threads <= 0)
    threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  std::vector<AccessibilityResult> out(inputs.size());
  // Groups of up to kJoint inputs that share their rows, in input order; each group is one
  // piece of work.
  std::vector<std::vector<size_t>> groups;
  {
    std::vector<Work> probes;
    probes.reserve(inputs.size());
    for (const AccessibilityInput& in : inputs) probes.emplace_back(in);
    std::vector<size_t> open;  // groups still taking inputs
    for (size_t k = 0; k < inputs.size(); ++k) {
      size_t g = 0;
      while (g < open.size() && !(probes[groups[open[g]][0]].SharesRowsWith(probes[k]) &&
                                  groups[open[g]].size() < kJoint))
        ++g;
      if (g == open.size()) {
        groups.push_back({k});
        if (probes[k].zones > 0) open.push_back(groups.size() - 1);
      } else {
        groups[open[g]].push_back(k);
      }
    }
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t g; (g = next.fetch_add(1)) < groups.size();) {
      std::vector<Work> group;
      group.reserve(groups[g].size());
      for (size_t k : groups[g]) StepOne(group.emplace_back(inputs[k]));
      if (group.size() > 1)
        JointStepTwo(group);
      else
        StepTwo(group[0]);
      for (size_t i = 0; i < group.size(); ++i) {
        Finish(group[i]);
        out[groups[g][i]] = std::move(group[i].out);
      }
    }
  };
  std::vector<std::jthread> helpers;
  for (size_t t = 1; t < std::min<size_t>(threads, groups.size()); ++t) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: those running take the remaining groups
    }
  }
  work();
  return out;
}

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
