#pragma once
// ServiceSupply: the capacity of a set of service types in one capacity unit as E2SFCA
// takes it — sites with capacity at their delivery places (a card with several places
// splits its capacity equally), outreach services over the municipalities they serve (and
// from their offices, when they have one too), and the cards left out because they state
// no capacity. Capacities in different units (places, families, clients a year) are never
// added up: each unit has its own supply.

#include <string>
#include <vector>

#include "analysis/accessibility.h"
#include "analysis/service_layout.h"

namespace prosit {

struct ServiceSupply {
  std::string unit;  // ReferenceData::capacity_units id
  std::vector<SupplySite> sites;
  std::vector<OutreachSupply> outreach;
  std::vector<int64_t> site_cards;  // the card of each site, in order (0: hypothetical)
  // The cards of each outreach supply: outreach services serving the same territory
  // pool their capacity, which gives the same accessibility and reads the territory once.
  std::vector<std::vector<int64_t>> outreach_cards;
  std::vector<int64_t> without_capacity;
};

// The supply of `unit`. A service with an outreach form reaches its whole served
// territory at weight 1; if it has an office too (an ambulatory or residential form at a
// delivery place), that place also reaches by travel time, and each municipality takes the better
// of the two. Its capacity counts once (split over its offices, as a site's is). `without_capacity`
// lists the cards stating none, whatever their unit.
ServiceSupply GatherSupply(const ServiceLayout& layout, const std::vector<uint32_t>& types,
                           const std::string& unit, const ServiceChange* change = nullptr);
// The units in which the services of `types` state a capacity, sorted.
std::vector<std::string> SupplyUnits(const ServiceLayout& layout,
                                     const std::vector<uint32_t>& types,
                                     const ServiceChange* change = nullptr);

// The catchment of a norm of `norm_minutes` (the journey) when every leg includes
// `access_minutes` before it: door-to-door max_minutes = norm + access, and the step
// zones are thirds of the journey, after the access time.
Catchment NormCatchment(double norm_minutes, float access_minutes, DistanceDecay decay);
// The catchment a model cell's norm implies for a mode.
Catchment CellCatchment(const ModelCell& cell, TravelMode mode, DistanceDecay decay,
                        float access_minutes);

}  // namespace prosit
