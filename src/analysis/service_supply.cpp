#include "analysis/service_supply.h"

#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace prosit {

ServiceSupply GatherSupply(const ServiceLayout& layout, const std::vector<uint32_t>& types,
                           const std::string& unit, const ServiceChange* change) {
  ServiceSupply supply;
  supply.unit = unit;
  // Outreach services serving the same territory from the same office (or none) pool.
  using PoolKey = std::tuple<TerritoryKind, std::vector<uint32_t>, int64_t>;
  std::map<PoolKey, size_t> pool;
  auto add_outreach = [&](const LocatedService& s, int64_t office, double capacity) {
    auto [it, fresh] = pool.try_emplace({s.served_kind, s.served, office}, supply.outreach.size());
    if (fresh) {
      OutreachSupply o{layout.ServedPlaces(s), 0, std::nullopt};
      if (office >= 0) o.office = static_cast<uint32_t>(office);
      supply.outreach.push_back(std::move(o));
      supply.outreach_cards.emplace_back();
    }
    supply.outreach[it->second].capacity += capacity;
    supply.outreach_cards[it->second].push_back(s.card_id);
  };
  for (uint32_t type : types)
    layout.ForEachOfType(type, change, [&](const LocatedService& s) {
      if (!s.capacity) {
        supply.without_capacity.push_back(s.card_id);
        return;
      }
      if (s.capacity_unit != unit) return;
      if (s.outreach && (!s.on_site || s.places.empty())) {  // no office to come to
        add_outreach(s, -1, *s.capacity);
        return;
      }
      double share = *s.capacity / static_cast<double>(s.places.size());
      for (uint32_t place : s.places) {
        if (s.outreach) {
          add_outreach(s, place, share);
        } else {
          supply.sites.push_back({place, share});
          supply.site_cards.push_back(s.card_id);
        }
      }
    });
  return supply;
}

std::vector<std::string> SupplyUnits(const ServiceLayout& layout,
                                     const std::vector<uint32_t>& types,
                                     const ServiceChange* change) {
  std::set<std::string> units;
  for (uint32_t type : types)
    layout.ForEachOfType(type, change, [&](const LocatedService& s) {
      if (s.capacity) units.insert(s.capacity_unit);
    });
  return {units.begin(), units.end()};
}

Catchment NormCatchment(double norm_minutes, float access_minutes, DistanceDecay decay) {
  Catchment c;
  c.decay = decay;
  float access = std::isfinite(access_minutes) && access_minutes > 0 ? access_minutes : 0;
  c.max_minutes = static_cast<float>(norm_minutes) + access;
  if (c.max_minutes > 0 && access > 0)
    for (auto& [share, weight] : c.steps)
      share = (access + share * static_cast<float>(norm_minutes)) / c.max_minutes;
  return c;
}

Catchment CellCatchment(const ModelCell& cell, TravelMode mode, DistanceDecay decay,
                        float access_minutes) {
  return NormCatchment(mode == TravelMode::kCar ? cell.max_minutes_car : cell.max_minutes_pt,
                       access_minutes, decay);
}

}  // namespace prosit
