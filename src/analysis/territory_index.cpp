#include "analysis/territory_index.h"

namespace prosit {

namespace {

template <typename Map>
std::optional<uint32_t> Find(const Map& map, const std::string& code) {
  auto it = map.find(code);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

}  // namespace

TerritoryIndex::TerritoryIndex(const Territory& territory) : territory_(territory) {
  for (const Region& r : territory.regions()) {
    region_index_.emplace(r.code, static_cast<uint32_t>(region_index_.size()));
  }
  region_places_.resize(region_index_.size());
  region_orps_.resize(region_index_.size());
  for (const Orp& o : territory.orps()) {
    uint32_t index = static_cast<uint32_t>(orp_index_.size());
    orp_index_.emplace(o.code, index);
    uint32_t region = region_index_.at(o.region_code);
    orp_region_.push_back(region);
    region_orps_[region].push_back(index);
  }
  orp_places_.resize(orp_index_.size());
  const auto& municipalities = territory.municipalities();
  for (uint32_t i = 0; i < municipalities.size(); ++i) {
    const Municipality& m = municipalities[i];
    place_index_.emplace(m.code, i);
    orp_of_.push_back(orp_index_.at(m.orp_code));
    region_of_.push_back(orp_region_[orp_of_.back()]);
    orp_places_[orp_of_.back()].push_back(i);
    region_places_[region_of_.back()].push_back(i);
    children_.push_back(m.children_0_17 > 0 ? m.children_0_17 : 0);
  }
  orp_children_.assign(orps(), 0);
  region_children_.assign(regions(), 0);
  for (uint32_t i = 0; i < children_.size(); ++i) {
    orp_children_[orp_of_[i]] += children_[i];
    region_children_[region_of_[i]] += children_[i];
    total_children_ += children_[i];
  }
}

std::optional<uint32_t> TerritoryIndex::FindPlace(const std::string& code) const {
  return Find(place_index_, code);
}
std::optional<uint32_t> TerritoryIndex::FindOrp(const std::string& code) const {
  return Find(orp_index_, code);
}
std::optional<uint32_t> TerritoryIndex::FindRegion(const std::string& code) const {
  return Find(region_index_, code);
}

std::vector<uint32_t> TerritoryIndex::OrpsInScope(const std::string& region,
                                                  const std::string& orp) const {
  if (!orp.empty()) return {orp_index_.at(orp)};
  if (!region.empty()) {
    auto orps = OrpsOfRegion(region_index_.at(region));
    return {orps.begin(), orps.end()};
  }
  std::vector<uint32_t> all(orps());
  for (uint32_t o = 0; o < all.size(); ++o) all[o] = o;
  return all;
}

double TerritoryIndex::ChildrenOf(std::span<const uint32_t> places) const {
  double sum = 0;
  for (uint32_t p : places) sum += children_[p];
  return sum;
}

}  // namespace prosit
