#include "analysis/service_supply.h"

#include <map>

namespace prosit {

ServiceSupply GatherSupply(const ServiceLayout& layout, const std::vector<uint32_t>& types,
                           const ServiceChange* change) {
  ServiceSupply supply;
  std::map<std::pair<TerritoryKind, std::vector<uint32_t>>, size_t> pool;  // territory → supply
  for (uint32_t type : types)
    layout.ForEachOfType(type, change, [&](const LocatedService& s) {
      if (!s.capacity) {
        supply.without_capacity.push_back(s.card_id);
      } else if (s.outreach) {
        auto [it, fresh] = pool.try_emplace({s.served_kind, s.served}, supply.outreach.size());
        if (fresh) {
          supply.outreach.push_back({layout.ServedPlaces(s), 0});
          supply.outreach_cards.emplace_back();
        }
        supply.outreach[it->second].capacity += *s.capacity;
        supply.outreach_cards[it->second].push_back(s.card_id);
      } else {
        double share = *s.capacity / static_cast<double>(s.places.size());
        for (uint32_t place : s.places) {
          supply.sites.push_back({place, share});
          supply.site_cards.push_back(s.card_id);
        }
      }
    });
  return supply;
}

Catchment CellCatchment(const ModelCell& cell, TravelMode mode, DistanceDecay decay) {
  Catchment c;
  c.max_minutes =
      static_cast<float>(mode == TravelMode::kCar ? cell.max_minutes_car : cell.max_minutes_pt);
  c.decay = decay;
  return c;
}

}  // namespace prosit
