#include "analysis/coverage.h"

#include <algorithm>

#include "analysis/reach.h"

namespace prosit {

const char* ToString(CellStatus status) {
  switch (status) {
    case CellStatus::kCovered:
      return "covered";
    case CellStatus::kCapacityShort:
      return "capacity_short";
    case CellStatus::kTooFar:
      return "too_far";
    case CellStatus::kPartial:
      return "partial";
    case CellStatus::kMissing:
      return "missing";
  }
  return "missing";
}

namespace {

constexpr double kStrongCapacityFactor = 1.5;

std::optional<double> Share(const std::vector<PlaceReach>& places, int mode) {
  double children = 0, within = 0;
  for (const PlaceReach& r : places) {
    children += r.children;
    if (r.within_norm[mode]) within += r.children;
  }
  if (!(children > 0)) return std::nullopt;
  return within / children;
}

void JudgeTypeReach(TypeCoverage& t, const TravelTimes& times, const ModelCell& cell) {
  ReachFinder::Judge(t.places, NormMinutes(times, TravelMode::kCar, cell.max_minutes_car),
                     NormMinutes(times, TravelMode::kPublicTransport, cell.max_minutes_pt));
  for (int m = 0; m < kTravelModes; ++m) t.share_within_norm[m] = Share(t.places, m);
}

// A municipality reaches the cell as far as its farthest present type: within the norm
// when every present type is.
void JudgeCellReach(CellCoverage& c, const TravelTimes& times) {
  bool first = true;
  for (const TypeCoverage& t : c.types) {
    if (!t.present) continue;
    for (size_t k = 0; k < c.places.size(); ++k)
      for (int m = 0; m < kTravelModes; ++m) {
        PlaceReach& r = c.places[k];
        const PlaceReach& tr = t.places[k];
        if (first) {
          r.minutes[m] = tr.minutes[m];
          r.nearest_card[m] = tr.nearest_card[m];
          r.within_norm[m] = tr.within_norm[m];
          continue;
        }
        r.within_norm[m] = r.within_norm[m] && tr.within_norm[m];
        bool farther = r.minutes[m] && (!tr.minutes[m] || *tr.minutes[m] > *r.minutes[m]);
        if (farther) r.minutes[m] = tr.minutes[m], r.nearest_card[m] = tr.nearest_card[m];
      }
    first = false;
  }
  for (int m = 0; m < kTravelModes; ++m) {
    c.share_within_norm[m] = Share(c.places, m);
    double norm =
        m == static_cast<int>(TravelMode::kCar) ? c.cell->max_minutes_car : c.cell->max_minutes_pt;
    c.norm_unmeetable[m] = NormUnmeetable(times, static_cast<TravelMode>(m), norm);
  }
}

// Each unit on its own: capacities in different units are never added up.
void JudgeCapacity(CellCoverage& c, double children) {
  for (const PresentService& s : c.services) {
    if (!s.capacity_share) {
      c.cards_without_capacity.push_back(s.card_id);
      continue;
    }
    c.capacity_by_unit[s.capacity_unit].capacity += *s.capacity_share;
  }
  const auto& norm = c.cell->min_capacity_per_1000_children;
  for (auto& [unit, u] : c.capacity_by_unit) {
    if (children > 0) u.per_1000_children = u.capacity / children * 1000;
    u.short_of_norm = norm && u.per_1000_children && *u.per_1000_children < *norm;
  }
}

void JudgeStatus(CellCoverage& c, TravelMode judge_by) {
  const auto& norm = c.cell->min_capacity_per_1000_children;
  auto share = c.share_within_norm[static_cast<int>(judge_by)];
  bool has_children = share.has_value();  // an ORP without children lacks nothing
  // With a capacity norm, a cell whose services state no capacity at all lacks it too.
  c.capacity_short = norm && has_children && *norm > 0 && c.capacity_by_unit.empty();
  for (const auto& [unit, u] : c.capacity_by_unit) c.capacity_short |= u.short_of_norm;
  c.too_far = share && *share < 1.0 - 1e-9;
  if (c.services.empty())
    c.status = CellStatus::kMissing;
  else if (!c.types_missing.empty())
    c.status = CellStatus::kPartial;
  else if (c.capacity_short)
    c.status = CellStatus::kCapacityShort;
  else if (c.too_far)
    c.status = CellStatus::kTooFar;
  else
    c.status = CellStatus::kCovered;
  bool ample = true;
  for (const auto& [unit, u] : c.capacity_by_unit)
    ample = ample && (!norm || u.per_1000_children.value_or(0) >= kStrongCapacityFactor * *norm);
  c.strong = c.status == CellStatus::kCovered && c.services.size() >= 2 && ample;
}

PresentService Present(const ServiceLayout& layout, const LocatedService& s, uint32_t orp) {
  PresentService p{
      s.card_id, s.type, s.outreach, std::nullopt, s.capacity_unit, layout.OrpsServed(s), s.source};
  double served = layout.ServedChildren(s);
  if (s.capacity)
    p.capacity_share = served > 0 ? *s.capacity * layout.ServedChildrenInOrp(s, orp) / served : 0;
  return p;
}

CellCoverage CoverCell(const ServiceLayout& layout, const TravelTimes& times, ReachFinder& finder,
                       const ModelCell& cell, uint32_t orp, double children,
                       const CoverageOptions& options, const ServiceChange* change) {
  CellCoverage c;
  c.cell = &cell;
  c.places = finder.Empty();
  for (const std::string& type_id : cell.service_types) {
    TypeCoverage& t = c.types.emplace_back();
    t.type = type_id;
    t.places = finder.Empty();
    auto type = layout.FindType(type_id);
    size_t before = c.services.size();
    if (type)
      layout.ForEachServingOrp(*type, orp, change, [&](const LocatedService& s) {
        c.services.push_back(Present(layout, s, orp));
        finder.Add(s, t.places);
      });
    t.present = c.services.size() > before;
    (t.present ? c.types_present : c.types_missing).push_back(type_id);
    JudgeTypeReach(t, times, cell);
  }
  JudgeCellReach(c, times);
  JudgeCapacity(c, children);
  JudgeStatus(c, options.judge_by);
  return c;
}

// Sorts `cards` by id, drops repeats and counts them by provenance.
ProvenanceCounts CountUnique(std::vector<std::pair<int64_t, Provenance>>& cards) {
  std::sort(cards.begin(), cards.end());
  cards.erase(std::unique(cards.begin(), cards.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              cards.end());
  ProvenanceCounts counts;
  for (const auto& card : cards) counts.Add(card.second);
  return counts;
}

}  // namespace

float NormMinutes(const TravelTimes& times, TravelMode mode, double norm_minutes) {
  return static_cast<float>(norm_minutes) + times.access_minutes(mode);
}

bool NormUnmeetable(const TravelTimes& times, TravelMode mode, double norm_minutes) {
  return !(times.shortest(mode) <= NormMinutes(times, mode, norm_minutes));
}

OrpCoverage ComputeOrpCoverage(const ServiceLayout& layout, const TravelTimes& times, uint32_t orp,
                               const CoverageOptions& options, const ServiceChange* change) {
  OrpCoverage out;
  out.orp = orp;
  out.children = layout.territory().children_of_orp(orp);
  ReachFinder finder(layout, times, orp);
  std::vector<int64_t> shared_ids;
  for (const ModelCell& cell : layout.reference().model_cells) {
    CellCoverage& c = out.cells.emplace_back(
        CoverCell(layout, times, finder, cell, orp, out.children, options, change));
    ++out.cells_by_status[static_cast<int>(c.status)];
    for (const PresentService& s : c.services)
      if (s.card_id != 0) out.cards.emplace_back(s.card_id, s.source);
    for (const PresentService& s : c.services)
      if (s.orps_served > 1 && s.card_id != 0 &&
          std::find(shared_ids.begin(), shared_ids.end(), s.card_id) == shared_ids.end()) {
        shared_ids.push_back(s.card_id);
        out.shared_services.push_back(s);
      }
  }
  out.records = CountUnique(out.cards);
  return out;
}

CoverageSummary SummarizeCoverage(const std::vector<OrpCoverage>& orps,
                                  const ReferenceData& reference, TravelMode judged_by) {
  CoverageSummary sum;
  for (const ModelCell& cell : reference.model_cells) sum.cells.push_back({&cell});
  std::vector<std::pair<int64_t, Provenance>> cards;
  for (const OrpCoverage& o : orps) {
    cards.insert(cards.end(), o.cards.begin(), o.cards.end());
    sum.children += o.children;
    for (size_t i = 0; i < o.cells.size() && i < sum.cells.size(); ++i) {
      const CellCoverage& c = o.cells[i];
      CellSummary& s = sum.cells[i];
      ++s.orps_by_status[static_cast<int>(c.status)];
      ++sum.cells_by_status[static_cast<int>(c.status)];
      for (const PlaceReach& r : c.places) {
        s.children += r.children;
        if (r.within_norm[static_cast<int>(judged_by)]) s.children_within_norm += r.children;
      }
    }
  }
  sum.records = CountUnique(cards);
  return sum;
}

}  // namespace prosit
