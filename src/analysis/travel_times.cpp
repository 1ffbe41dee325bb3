#include "analysis/travel_times.h"

#include <algorithm>

namespace prosit {

std::span<const TravelLeg> TravelTimes::From(TravelMode mode, uint32_t origin) const {
  const Rows& r = table(mode).forward;
  if (origin >= places_ || r.offsets.empty()) return {};
  return {r.legs.data() + r.offsets[origin], r.legs.data() + r.offsets[origin + 1]};
}

std::span<const TravelLeg> TravelTimes::To(TravelMode mode, uint32_t destination) const {
  const Rows& r = table(mode).reverse;
  if (destination >= places_ || r.offsets.empty()) return {};
  return {r.legs.data() + r.offsets[destination], r.legs.data() + r.offsets[destination + 1]};
}

std::optional<float> TravelTimes::Minutes(TravelMode mode, uint32_t from, uint32_t to) const {
  for (const TravelLeg& leg : From(mode, from))
    if (leg.place == to) return leg.minutes;
  return std::nullopt;
}

size_t TravelTimes::MemoryBytes() const {
  size_t bytes = sizeof(*this) + source_.capacity();
  for (const Table& t : tables_)
    for (const Rows* r : {&t.forward, &t.reverse})
      bytes += r->offsets.capacity() * sizeof(uint32_t) + r->legs.capacity() * sizeof(TravelLeg);
  return bytes;
}

TravelTimesBuilder::TravelTimesBuilder(size_t places) : places_(places) {}

void TravelTimesBuilder::Add(TravelMode mode, uint32_t from, uint32_t to, float minutes) {
  int m = static_cast<int>(mode);
  if (from >= places_ || to >= places_ || !(minutes >= 0) || minutes > cutoff_[m]) return;
  pending_[m].push_back({from, to, minutes});
}

namespace {

// Groups the legs by their row (origin for the forward table, destination for the
// reverse one), nearest first, keeping the shortest of repeated pairs.
template <typename RowOf, typename OtherOf>
void FillRows(std::vector<TravelTimesBuilder::Pending>& legs, size_t places, RowOf row_of,
              OtherOf other_of, std::vector<uint32_t>& offsets, std::vector<TravelLeg>& out) {
  std::sort(legs.begin(), legs.end(), [&](const auto& a, const auto& b) {
    if (row_of(a) != row_of(b)) return row_of(a) < row_of(b);
    if (other_of(a) != other_of(b)) return other_of(a) < other_of(b);
    return a.minutes < b.minutes;
  });
  offsets.assign(places + 1, 0);
  out.clear();
  out.reserve(legs.size());
  for (size_t i = 0; i < legs.size(); ++i) {
    if (i > 0 && row_of(legs[i]) == row_of(legs[i - 1]) && other_of(legs[i]) == other_of(legs[i - 1]))
      continue;  // a repeated pair: the first is the shortest
    out.push_back({other_of(legs[i]), legs[i].minutes});
    ++offsets[row_of(legs[i]) + 1];
  }
  for (size_t r = 0; r < places; ++r) offsets[r + 1] += offsets[r];
  for (size_t r = 0; r < places; ++r)
    std::stable_sort(out.begin() + offsets[r], out.begin() + offsets[r + 1],
                     [](const TravelLeg& a, const TravelLeg& b) { return a.minutes < b.minutes; });
}

}  // namespace

TravelTimes TravelTimesBuilder::Build(std::string source) && {
  TravelTimes t;
  t.places_ = places_;
  t.source_ = std::move(source);
  for (int m = 0; m < kTravelModes; ++m) {
    auto& table = t.tables_[m];
    table.cutoff = cutoff_[m];
    FillRows(
        pending_[m], places_, [](const Pending& p) { return p.from; },
        [](const Pending& p) { return p.to; }, table.forward.offsets, table.forward.legs);
    FillRows(
        pending_[m], places_, [](const Pending& p) { return p.to; },
        [](const Pending& p) { return p.from; }, table.reverse.offsets, table.reverse.legs);
    std::vector<Pending>().swap(pending_[m]);
  }
  return t;
}

}  // namespace prosit
