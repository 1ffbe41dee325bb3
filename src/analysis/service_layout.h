#pragma once
// ServiceLayout: the service cards as the analyses see them — of which type, delivered
// where, serving whom, with how much capacity — indexed by type and by the ORPs they
// serve. Built once per snapshot; a ServiceChange lays hypothetical services over it
// (what-if) without copying it.

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "analysis/territory_index.h"
#include "model/reference_data.h"
#include "model/service_card.h"

namespace prosit {

struct LocatedService {
  int64_t card_id = 0;           // 0 for a hypothetical service
  uint32_t type = 0;             // index into ReferenceData::service_types
  std::vector<uint32_t> places;  // municipalities of its delivery locations, unique
  bool outreach = false;         // reaches the territory it serves with no travel
  bool on_site = false;          // ambulatory or residential: clients come to its places
  TerritoryKind served_kind = TerritoryKind::kOrp;
  std::vector<uint32_t> served;  // municipality, ORP or region indices by kind, sorted
  std::optional<double> capacity;
  std::string capacity_unit;                 // ReferenceData::capacity_units id
  Provenance source = Provenance::kEntered;  // the card's; entered for a hypothetical one
};

// A card and the municipality of its actor's seat, where it is delivered when the card
// names no location.
struct ServiceInput {
  const ServiceCard* card = nullptr;
  std::string seat_municipality;
};

// Services added and cards removed, for the planner's "what if".
struct ServiceChange {
  std::vector<LocatedService> added;
  std::set<int64_t> removed;  // card ids
  bool empty() const { return added.empty() && removed.empty(); }
};

class ServiceLayout {
 public:
  ServiceLayout(const TerritoryIndex& territory, const ReferenceData& reference,
                std::span<const ServiceInput> cards);

  const TerritoryIndex& territory() const { return territory_; }
  const ReferenceData& reference() const { return reference_; }
  const std::vector<LocatedService>& services() const { return services_; }
  std::optional<uint32_t> FindType(const std::string& service_type) const;
  const LocatedService* FindCard(int64_t card_id) const;

  // Cards the analyses cannot place: of an unknown type, or neither delivered anywhere
  // known nor outreach (e.g. remote only). The explanation lists them.
  const std::vector<int64_t>& unplaced() const { return unplaced_; }

  // Calls visit(const LocatedService&) for every service of `type` that serves some
  // municipality of `orp`, as changed by `change` (may be null).
  template <typename Visit>
  void ForEachServingOrp(uint32_t type, uint32_t orp, const ServiceChange* change,
                         Visit visit) const;
  // Every service of `type` as changed by `change` (may be null).
  template <typename Visit>
  void ForEachOfType(uint32_t type, const ServiceChange* change, Visit visit) const;

  bool Serves(const LocatedService& s, uint32_t place) const;
  // Whether it serves some (or every) municipality of the ORP.
  enum class OrpPart { kSome, kEvery };
  bool ServesOrp(const LocatedService& s, uint32_t orp, OrpPart part = OrpPart::kSome) const;
  // The municipalities a service serves.
  std::vector<uint32_t> ServedPlaces(const LocatedService& s) const;
  // Children of the territory a service serves, and of its part inside one ORP.
  double ServedChildren(const LocatedService& s) const;
  double ServedChildrenInOrp(const LocatedService& s, uint32_t orp) const;
  // How many ORPs a service serves (some municipality of each).
  size_t OrpsServed(const LocatedService& s) const;

  // Resolves a card into the analyses' form; fails for an unknown type, territory code
  // or location.
  std::optional<LocatedService> Locate(const ServiceInput& input) const;

 private:
  bool Visible(const LocatedService& s, const ServiceChange* change) const {
    return !change || s.card_id == 0 || !change->removed.count(s.card_id);
  }

  const TerritoryIndex& territory_;
  const ReferenceData& reference_;
  std::vector<LocatedService> services_;
  std::vector<int64_t> unplaced_;
  std::unordered_map<std::string, uint32_t> type_index_;
  std::unordered_map<int64_t, uint32_t> card_index_;
  std::vector<std::vector<uint32_t>> of_type_;  // type → services
  // type → services serving each ORP (by kOrp or kMunicipalities), each region, the country.
  std::vector<std::vector<std::vector<uint32_t>>> by_orp_, by_region_;
  std::vector<std::vector<uint32_t>> national_;
};

template <typename Visit>
void ServiceLayout::ForEachServingOrp(uint32_t type, uint32_t orp, const ServiceChange* change,
                                      Visit visit) const {
  for (const auto* list :
       {&national_[type], &by_region_[type][territory_.RegionOfOrp(orp)], &by_orp_[type][orp]})
    for (uint32_t i : *list)
      if (Visible(services_[i], change)) visit(services_[i]);
  if (change)
    for (const LocatedService& s : change->added)
      if (s.type == type && ServesOrp(s, orp)) visit(s);
}

template <typename Visit>
void ServiceLayout::ForEachOfType(uint32_t type, const ServiceChange* change, Visit visit) const {
  for (uint32_t i : of_type_[type])
    if (Visible(services_[i], change)) visit(services_[i]);
  if (change)
    for (const LocatedService& s : change->added)
      if (s.type == type) visit(s);
}

}  // namespace prosit
