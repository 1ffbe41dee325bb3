#include "analysis/what_if.h"

#include <algorithm>

#include "analysis/reach.h"

namespace prosit {

namespace {

void SortUnique(std::vector<uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

void AddTouched(const ServiceLayout& layout, const TravelTimes& times, const LocatedService& s,
                std::vector<uint32_t>& orps) {
  const TerritoryIndex& t = layout.territory();
  // Every ORP it serves sees it present or absent; a nationwide service only where it
  // reaches (or all of them, if outreach).
  if (s.outreach || s.served_kind != TerritoryKind::kCountry)
    for (uint32_t p : layout.ServedPlaces(s)) orps.push_back(t.OrpOf(p));
  for (uint32_t site : s.places)
    for (TravelMode mode : kAllTravelModes)
      for (const TravelLeg& leg : times.To(mode, site))
        if (layout.Serves(s, leg.place)) orps.push_back(t.OrpOf(leg.place));
}

}  // namespace

std::vector<uint32_t> AffectedOrps(const ServiceLayout& layout, const TravelTimes& times,
                                   const ServiceChange& change) {
  std::vector<uint32_t> orps;
  for (const LocatedService& s : change.added) AddTouched(layout, times, s, orps);
  for (int64_t id : change.removed)
    if (const LocatedService* s = layout.FindCard(id)) AddTouched(layout, times, *s, orps);
  SortUnique(orps);
  return orps;
}

std::vector<Candidate> RankCandidates(const ServiceLayout& layout, const TravelTimes& times,
                                      std::span<const uint32_t> orps, uint32_t type,
                                      TravelMode mode, float norm_minutes, size_t limit) {
  const TerritoryIndex& t = layout.territory();
  int m = static_cast<int>(mode);
  std::vector<Candidate> out;
  std::vector<char> unreached(t.places(), 0);
  for (uint32_t orp : orps) {
    ReachFinder finder(layout, times, orp);
    std::vector<PlaceReach> reach = finder.Empty();
    layout.ForEachServingOrp(type, orp, nullptr,
                             [&](const LocatedService& s) { finder.Add(s, reach); });
    ReachFinder::Judge(reach, norm_minutes, norm_minutes);
    for (const PlaceReach& r : reach) unreached[r.place] = !r.within_norm[m];
    for (uint32_t candidate : t.PlacesOfOrp(orp)) {
      Candidate c{candidate};
      for (const TravelLeg& leg : times.To(mode, candidate)) {
        if (leg.minutes > norm_minutes) break;
        if (t.OrpOf(leg.place) != orp || !unreached[leg.place]) continue;
        c.children_gained += t.children()[leg.place];
        ++c.places_gained;
      }
      if (c.places_gained > 0) out.push_back(c);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.children_gained > b.children_gained;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace prosit
