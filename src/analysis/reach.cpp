#include "analysis/reach.h"

namespace prosit {

namespace {

void Offer(PlaceReach& r, int mode, float minutes, int64_t card) {
  if (r.minutes[mode] && *r.minutes[mode] <= minutes) return;
  r.minutes[mode] = minutes;
  r.nearest_card[mode] = card;
}

}  // namespace

ReachFinder::ReachFinder(const ServiceLayout& layout, const TravelTimes& times, uint32_t orp)
    : layout_(layout),
      times_(times),
      places_(layout.territory().PlacesOfOrp(orp)),
      orp_(orp),
      position_(layout.territory().places(), -1),
      site_read_(layout.territory().places(), 0) {
  for (size_t k = 0; k < places_.size(); ++k) position_[places_[k]] = static_cast<int32_t>(k);
}

std::vector<PlaceReach> ReachFinder::Empty() {
  for (uint32_t site : sites_read_) site_read_[site] = 0;
  sites_read_.clear();
  std::vector<PlaceReach> reach(places_.size());
  for (size_t k = 0; k < places_.size(); ++k) {
    reach[k].place = places_[k];
    reach[k].children = layout_.territory().children()[places_[k]];
  }
  return reach;
}

void ReachFinder::Add(const LocatedService& s, std::vector<PlaceReach>& reach) {
  if (s.outreach)
    for (PlaceReach& r : reach)
      if (layout_.Serves(s, r.place))
        for (int m = 0; m < kTravelModes; ++m) Offer(r, m, 0, s.card_id);
  bool whole_orp = layout_.ServesOrp(s, orp_, ServiceLayout::OrpPart::kEvery);
  for (uint32_t site : s.places) {
    if (whole_orp) {
      if (site_read_[site]) continue;
      site_read_[site] = 1;
      sites_read_.push_back(site);
    }
    for (TravelMode mode : kAllTravelModes)
      for (const TravelLeg& leg : times_.To(mode, site)) {
        int32_t k = position_[leg.place];
        if (k >= 0 && layout_.Serves(s, leg.place))
          Offer(reach[k], static_cast<int>(mode), leg.minutes, s.card_id);
      }
  }
}

void ReachFinder::Judge(std::vector<PlaceReach>& reach, float norm_car, float norm_pt) {
  const float norm[kTravelModes] = {norm_car, norm_pt};
  for (PlaceReach& r : reach)
    for (int m = 0; m < kTravelModes; ++m)
      r.within_norm[m] = r.minutes[m] && *r.minutes[m] <= norm[m];
}

}  // namespace prosit
