#include "analysis/travel_times.h"

#include <algorithm>
#include <limits>

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
// reverse one) with a counting sort, keeps the shortest of repeated pairs, and orders each
// row nearest first (ties by place, so the order never depends on the input's).
template <typename RowOf, typename OtherOf>
void FillRows(const std::vector<TravelTimesBuilder::Pending>& legs, size_t places, RowOf row_of,
              OtherOf other_of, std::vector<uint32_t>& offsets, std::vector<TravelLeg>& out) {
  std::vector<uint32_t> start(places + 1, 0);
  for (const auto& l : legs) ++start[row_of(l) + 1];
  for (size_t r = 0; r < places; ++r) start[r + 1] += start[r];
  std::vector<TravelLeg> grouped(legs.size());
  std::vector<uint32_t> cursor(start.begin(), start.end() - 1);
  for (const auto& l : legs) grouped[cursor[row_of(l)]++] = {other_of(l), l.minutes};
  auto by_place = [](const TravelLeg& a, const TravelLeg& b) {
    return a.place != b.place ? a.place < b.place : a.minutes < b.minutes;
  };
  auto nearest = [](const TravelLeg& a, const TravelLeg& b) {
    return a.minutes != b.minutes ? a.minutes < b.minutes : a.place < b.place;
  };
  offsets.assign(places + 1, 0);
  out.clear();
  out.reserve(grouped.size());
  for (size_t r = 0; r < places; ++r) {
    auto first = grouped.begin() + start[r], last = grouped.begin() + start[r + 1];
    std::sort(first, last, by_place);
    size_t row_start = out.size();
    for (auto it = first; it != last; ++it)
      if (it == first || it->place != (it - 1)->place) out.push_back(*it);  // the shortest
    std::sort(out.begin() + row_start, out.end(), nearest);
    offsets[r + 1] = static_cast<uint32_t>(out.size());
  }
  out.shrink_to_fit();
}

}  // namespace

TravelTimes TravelTimesBuilder::Build(std::string source) && {
  TravelTimes t;
  t.places_ = places_;
  t.source_ = std::move(source);
  for (int m = 0; m < kTravelModes; ++m) {
    auto& table = t.tables_[m];
    table.cutoff = cutoff_[m];
    table.access = access_[m];
    table.shortest = std::numeric_limits<float>::infinity();
    for (const Pending& p : pending_[m])
      if (p.minutes <= cutoff_[m]) table.shortest = std::min(table.shortest, p.minutes);
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
