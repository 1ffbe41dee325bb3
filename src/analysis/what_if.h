#pragma once
// What if: which ORPs a change of services can touch, and where a new service of a type
// would help most — candidate municipalities ranked by the children it would bring
// within the norm who are not within it now. Pure; nothing is saved.

#include <span>
#include <vector>

#include "analysis/service_layout.h"
#include "analysis/travel_times.h"

namespace prosit {

// ORPs whose coverage a change can alter: every ORP an added or removed service serves,
// except that a nationwide, non-outreach service touches only the ORPs with a
// municipality within the travel cutoff of one of its places.
std::vector<uint32_t> AffectedOrps(const ServiceLayout& layout, const TravelTimes& times,
                                   const ServiceChange& change);

struct Candidate {
  uint32_t place = 0;
  double children_gained = 0;  // children newly within the norm
  uint32_t places_gained = 0;  // municipalities newly within the norm
};

// Ranks the municipalities of `orps` as seats of a new, non-outreach service of `type`
// serving the candidate's own ORP: gain = children of that ORP's municipalities not
// reached by `type` within `norm_minutes` by `mode` now, and reached from the
// candidate. Best first; ties by municipality order; those that bring no one are left
// out. At most `limit`.
std::vector<Candidate> RankCandidates(const ServiceLayout& layout, const TravelTimes& times,
                                      std::span<const uint32_t> orps, uint32_t type,
                                      TravelMode mode, float norm_minutes, size_t limit);

}  // namespace prosit
