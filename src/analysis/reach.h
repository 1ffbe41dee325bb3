#pragma once
// ReachFinder: for the municipalities of one ORP, the nearest service (by car and by
// public transport) among those offered to it — a service reaches a municipality it
// serves at 0 minutes when outreach, else from its nearest delivery location.

#include <span>
#include <vector>

#include "analysis/coverage.h"

namespace prosit {

class ReachFinder {
 public:
  ReachFinder(const ServiceLayout& layout, const TravelTimes& times, uint32_t orp);

  // The ORP's municipalities with nothing reached yet; starts a new set of services.
  std::vector<PlaceReach> Empty();
  // Lets `s` offer itself to every municipality of `reach` it serves.
  void Add(const LocatedService& s, std::vector<PlaceReach>& reach);
  // Marks within_norm per mode against the norms (minutes by car, by public transport).
  static void Judge(std::vector<PlaceReach>& reach, float norm_car, float norm_pt);

 private:
  const ServiceLayout& layout_;
  const TravelTimes& times_;
  std::span<const uint32_t> places_;
  uint32_t orp_;
  std::vector<int32_t> position_;  // place → index into places_, or -1
  // Sites already read for a service serving the whole ORP: another such service at the
  // same site cannot come nearer (a city's many services share a few sites).
  std::vector<char> site_read_;
  std::vector<uint32_t> sites_read_;
};

}  // namespace prosit
