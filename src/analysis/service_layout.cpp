#include "analysis/service_layout.h"

#include <algorithm>

namespace prosit {

namespace {

bool Contains(const std::vector<uint32_t>& sorted, uint32_t x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

void SortUnique(std::vector<uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

ServiceLayout::ServiceLayout(const TerritoryIndex& territory, const ReferenceData& reference,
                             std::span<const ServiceInput> cards)
    : territory_(territory), reference_(reference) {
  size_t types = reference.service_types.size();
  for (uint32_t t = 0; t < types; ++t) type_index_.emplace(reference.service_types[t].id, t);
  of_type_.resize(types);
  national_.resize(types);
  by_orp_.assign(types, std::vector<std::vector<uint32_t>>(territory.orps()));
  by_region_.assign(types, std::vector<std::vector<uint32_t>>(territory.regions()));
  services_.reserve(cards.size());
  for (const ServiceInput& input : cards) {
    auto located = Locate(input);
    if (!located || (located->places.empty() && !located->outreach)) {
      unplaced_.push_back(input.card->id);
      continue;
    }
    uint32_t i = static_cast<uint32_t>(services_.size());
    const LocatedService& s = services_.emplace_back(std::move(*located));
    card_index_.emplace(s.card_id, i);
    of_type_[s.type].push_back(i);
    switch (s.served_kind) {
      case TerritoryKind::kCountry:
        national_[s.type].push_back(i);
        break;
      case TerritoryKind::kRegion:
        for (uint32_t r : s.served) by_region_[s.type][r].push_back(i);
        break;
      case TerritoryKind::kOrp:
        for (uint32_t o : s.served) by_orp_[s.type][o].push_back(i);
        break;
      case TerritoryKind::kMunicipalities: {
        std::vector<uint32_t> orps;
        for (uint32_t p : s.served) orps.push_back(territory.OrpOf(p));
        SortUnique(orps);
        for (uint32_t o : orps) by_orp_[s.type][o].push_back(i);
        break;
      }
    }
  }
}

std::optional<uint32_t> ServiceLayout::FindType(const std::string& service_type) const {
  auto it = type_index_.find(service_type);
  if (it == type_index_.end()) return std::nullopt;
  return it->second;
}

const LocatedService* ServiceLayout::FindCard(int64_t card_id) const {
  auto it = card_index_.find(card_id);
  return it == card_index_.end() ? nullptr : &services_[it->second];
}

std::optional<LocatedService> ServiceLayout::Locate(const ServiceInput& input) const {
  const ServiceCard& card = *input.card;
  LocatedService s;
  s.card_id = card.id;
  s.source = card.source;
  auto type = FindType(card.service_type);
  if (!type) return std::nullopt;
  s.type = *type;
  s.outreach = std::find(card.forms.begin(), card.forms.end(), "outreach") != card.forms.end();
  for (const DeliveryLocation& l : card.locations) {
    auto place = territory_.FindPlace(l.municipality_code);
    if (!place) return std::nullopt;
    s.places.push_back(*place);
  }
  bool on_site = std::any_of(card.forms.begin(), card.forms.end(), [](const std::string& f) {
    return f == "ambulatory" || f == "residential";
  });
  s.on_site = on_site;
  if (s.places.empty() && on_site)
    if (auto seat = territory_.FindPlace(input.seat_municipality)) s.places.push_back(*seat);
  SortUnique(s.places);
  s.served_kind = card.territory.kind;
  for (const std::string& code : card.territory.codes) {
    std::optional<uint32_t> index;
    switch (card.territory.kind) {
      case TerritoryKind::kMunicipalities:
        index = territory_.FindPlace(code);
        break;
      case TerritoryKind::kOrp:
        index = territory_.FindOrp(code);
        break;
      case TerritoryKind::kRegion:
        index = territory_.FindRegion(code);
        break;
      case TerritoryKind::kCountry:
        continue;
    }
    if (!index) return std::nullopt;
    s.served.push_back(*index);
  }
  SortUnique(s.served);
  if (card.capacity.amount && *card.capacity.amount >= 0) s.capacity = card.capacity.amount;
  s.capacity_unit = card.capacity.unit;
  return s;
}

bool ServiceLayout::Serves(const LocatedService& s, uint32_t place) const {
  switch (s.served_kind) {
    case TerritoryKind::kCountry:
      return true;
    case TerritoryKind::kRegion:
      return Contains(s.served, territory_.RegionOf(place));
    case TerritoryKind::kOrp:
      return Contains(s.served, territory_.OrpOf(place));
    case TerritoryKind::kMunicipalities:
      return Contains(s.served, place);
  }
  return false;
}

bool ServiceLayout::ServesOrp(const LocatedService& s, uint32_t orp, OrpPart part) const {
  switch (s.served_kind) {
    case TerritoryKind::kCountry:
      return true;
    case TerritoryKind::kRegion:
      return Contains(s.served, territory_.RegionOfOrp(orp));
    case TerritoryKind::kOrp:
      return Contains(s.served, orp);
    case TerritoryKind::kMunicipalities: {
      auto places = territory_.PlacesOfOrp(orp);
      auto served = [&](uint32_t p) { return Contains(s.served, p); };
      return part == OrpPart::kSome ? std::any_of(places.begin(), places.end(), served)
                                    : std::all_of(places.begin(), places.end(), served);
    }
  }
  return false;
}

std::vector<uint32_t> ServiceLayout::ServedPlaces(const LocatedService& s) const {
  std::vector<uint32_t> places;
  switch (s.served_kind) {
    case TerritoryKind::kCountry:
      places.resize(territory_.places());
      for (uint32_t p = 0; p < places.size(); ++p) places[p] = p;
      break;
    case TerritoryKind::kRegion:
      for (uint32_t r : s.served)
        for (uint32_t p : territory_.PlacesOfRegion(r)) places.push_back(p);
      break;
    case TerritoryKind::kOrp:
      for (uint32_t o : s.served)
        for (uint32_t p : territory_.PlacesOfOrp(o)) places.push_back(p);
      break;
    case TerritoryKind::kMunicipalities:
      places = s.served;
      break;
  }
  SortUnique(places);
  return places;
}

double ServiceLayout::ServedChildren(const LocatedService& s) const {
  double sum = 0;
  switch (s.served_kind) {
    case TerritoryKind::kCountry:
      return territory_.total_children();
    case TerritoryKind::kRegion:
      for (uint32_t r : s.served) sum += territory_.children_of_region(r);
      return sum;
    case TerritoryKind::kOrp:
      for (uint32_t o : s.served) sum += territory_.children_of_orp(o);
      return sum;
    case TerritoryKind::kMunicipalities:
      return territory_.ChildrenOf(s.served);
  }
  return sum;
}

double ServiceLayout::ServedChildrenInOrp(const LocatedService& s, uint32_t orp) const {
  double sum = 0;
  for (uint32_t p : territory_.PlacesOfOrp(orp))
    if (Serves(s, p)) sum += territory_.children()[p];
  return sum;
}

size_t ServiceLayout::OrpsServed(const LocatedService& s) const {
  switch (s.served_kind) {
    case TerritoryKind::kCountry:
      return territory_.orps();
    case TerritoryKind::kRegion: {
      size_t n = 0;
      for (uint32_t r : s.served) n += territory_.OrpsOfRegion(r).size();
      return n;
    }
    case TerritoryKind::kOrp:
      return s.served.size();
    case TerritoryKind::kMunicipalities: {
      std::vector<uint32_t> orps;
      for (uint32_t p : s.served) orps.push_back(territory_.OrpOf(p));
      SortUnique(orps);
      return orps.size();
    }
  }
  return 0;
}

}  // namespace prosit
