#pragma once
// ServiceSupply: the capacity of a set of service types as E2SFCA takes it — sites with
// capacity at their delivery places (a card with several places splits its capacity
// equally), outreach services over the municipalities they serve, and the cards left out
// because they state no capacity.

#include <vector>

#include "analysis/accessibility.h"
#include "analysis/service_layout.h"

namespace prosit {

struct ServiceSupply {
  std::vector<SupplySite> sites;
  std::vector<OutreachSupply> outreach;
  std::vector<int64_t> site_cards;  // the card of each site, in order (0: hypothetical)
  // The cards of each outreach supply: outreach services serving the same territory
  // pool their capacity, which gives the same accessibility and reads the territory once.
  std::vector<std::vector<int64_t>> outreach_cards;
  std::vector<int64_t> without_capacity;
};

// A service with an outreach form counts as outreach only, so its capacity is not
// counted twice.
ServiceSupply GatherSupply(const ServiceLayout& layout, const std::vector<uint32_t>& types,
                           const ServiceChange* change = nullptr);

// The catchment a model cell's norm implies for a mode: its max minutes, the decay given.
Catchment CellCatchment(const ModelCell& cell, TravelMode mode, DistanceDecay decay);

}  // namespace prosit
