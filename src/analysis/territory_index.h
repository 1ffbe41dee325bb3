#pragma once
// TerritoryIndex: the territory in the dense form the analyses work on — municipalities,
// ORPs and regions as indices, each municipality's ORP and region, and its children.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/territory.h"

namespace prosit {

class TerritoryIndex {
 public:
  explicit TerritoryIndex(const Territory& territory);

  const Territory& territory() const { return territory_; }
  size_t places() const { return orp_of_.size(); }
  size_t orps() const { return orp_places_.size(); }
  size_t regions() const { return region_places_.size(); }

  std::optional<uint32_t> FindPlace(const std::string& municipality_code) const;
  std::optional<uint32_t> FindOrp(const std::string& orp_code) const;
  std::optional<uint32_t> FindRegion(const std::string& region_code) const;

  uint32_t OrpOf(uint32_t place) const { return orp_of_[place]; }
  uint32_t RegionOf(uint32_t place) const { return region_of_[place]; }
  uint32_t RegionOfOrp(uint32_t orp) const { return orp_region_[orp]; }
  std::span<const uint32_t> PlacesOfOrp(uint32_t orp) const { return orp_places_[orp]; }
  std::span<const uint32_t> PlacesOfRegion(uint32_t region) const { return region_places_[region]; }
  std::span<const uint32_t> OrpsOfRegion(uint32_t region) const { return region_orps_[region]; }
  // The ORPs a query names: one ORP, the ORPs of a region, or (both empty) all of them.
  // The codes must be known.
  std::vector<uint32_t> OrpsInScope(const std::string& region, const std::string& orp) const;

  // Children aged 0–17 per place (the demand of every analysis).
  std::span<const double> children() const { return children_; }
  double ChildrenOf(std::span<const uint32_t> places) const;
  double children_of_orp(uint32_t orp) const { return orp_children_[orp]; }
  double children_of_region(uint32_t region) const { return region_children_[region]; }
  double total_children() const { return total_children_; }

 private:
  const Territory& territory_;
  std::vector<uint32_t> orp_of_, region_of_, orp_region_;
  std::vector<std::vector<uint32_t>> orp_places_, region_places_, region_orps_;
  std::vector<double> children_, orp_children_, region_children_;
  double total_children_ = 0;
  std::unordered_map<std::string, uint32_t> place_index_, orp_index_, region_index_;
};

}  // namespace prosit
