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
    case CellStatus::kMissing:
      return "missing";
  }
  return "missing";
}

namespace {

constexpr double kStrongCapacityFactor = 1.5;

void JudgeReach(CellCoverage& c) {
  ReachFinder::Judge(c.places, static_cast<float>(c.cell->max_minutes_car),
                     static_cast<float>(c.cell->max_minutes_pt));
  double children = 0, within[kTravelModes] = {0, 0};
  for (const PlaceReach& r : c.places) {
    children += r.children;
    for (int m = 0; m < kTravelModes; ++m)
      if (r.within_norm[m]) within[m] += r.children;
  }
  for (int m = 0; m < kTravelModes; ++m)
    if (children > 0) c.share_within_norm[m] = within[m] / children;
}

void JudgeCapacity(CellCoverage& c, double children) {
  for (const PresentService& s : c.services) {
    if (!s.capacity_share) {
      c.cards_without_capacity.push_back(s.card_id);
      continue;
    }
    c.capacity = c.capacity.value_or(0) + *s.capacity_share;
    c.capacity_by_unit[s.capacity_unit] += *s.capacity_share;
  }
  if (c.capacity && children > 0) c.capacity_per_1000 = *c.capacity / children * 1000;
}

void JudgeStatus(CellCoverage& c, TravelMode judge_by) {
  const auto& norm = c.cell->min_capacity_per_1000_children;
  auto share = c.share_within_norm[static_cast<int>(judge_by)];
  bool has_children = share.has_value();  // an ORP without children lacks nothing
  c.capacity_short = norm && has_children && c.capacity_per_1000.value_or(0) < *norm;
  c.too_far = share && *share < 1.0 - 1e-9;
  if (c.services.empty())
    c.status = CellStatus::kMissing;
  else if (c.capacity_short)
    c.status = CellStatus::kCapacityShort;
  else if (c.too_far)
    c.status = CellStatus::kTooFar;
  else
    c.status = CellStatus::kCovered;
  c.strong = c.status == CellStatus::kCovered && c.services.size() >= 2 &&
             (!norm || c.capacity_per_1000.value_or(0) >= kStrongCapacityFactor * *norm);
}

PresentService Present(const ServiceLayout& layout, const LocatedService& s, uint32_t orp) {
  PresentService p{
      s.card_id, s.type, s.outreach, std::nullopt, s.capacity_unit, layout.OrpsServed(s), s.source};
  double served = layout.ServedChildren(s);
  if (s.capacity)
    p.capacity_share = served > 0 ? *s.capacity * layout.ServedChildrenInOrp(s, orp) / served : 0;
  return p;
}

CellCoverage CoverCell(const ServiceLayout& layout, ReachFinder& finder, const ModelCell& cell,
                       uint32_t orp, double children, const CoverageOptions& options,
                       const ServiceChange* change) {
  CellCoverage c;
  c.cell = &cell;
  c.places = finder.Empty();
  for (const std::string& type_id : cell.service_types) {
    auto type = layout.FindType(type_id);
    size_t before = c.services.size();
    if (type)
      layout.ForEachServingOrp(*type, orp, change, [&](const LocatedService& s) {
        c.services.push_back(Present(layout, s, orp));
        finder.Add(s, c.places);
      });
    (c.services.size() > before ? c.types_present : c.types_missing).push_back(type_id);
  }
  JudgeReach(c);
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

OrpCoverage ComputeOrpCoverage(const ServiceLayout& layout, const TravelTimes& times, uint32_t orp,
                               const CoverageOptions& options, const ServiceChange* change) {
  OrpCoverage out;
  out.orp = orp;
  out.children = layout.territory().children_of_orp(orp);
  ReachFinder finder(layout, times, orp);
  std::vector<int64_t> shared_ids;
  for (const ModelCell& cell : layout.reference().model_cells) {
    CellCoverage& c =
        out.cells.emplace_back(CoverCell(layout, finder, cell, orp, out.children, options, change));
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
