#include "app/public/situation_cards.h"

#include <algorithm>
#include <limits>
#include <set>

#include "app/catalog/catalog_queries.h"

namespace prosit {

namespace {

bool Has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// What the public catalog answers an anonymous caller for the query, published cards only.
std::vector<const CardEntry*> PublicCards(const NetworkSnapshot& snap, ServiceQuery q) {
  q.published = true;
  return SearchedCards(Caller::Public(), snap, q);
}

bool DeliveredInRegion(const ServiceCard& card, const Territory& t, const std::string& region) {
  return std::any_of(card.locations.begin(), card.locations.end(), [&](const DeliveryLocation& l) {
    const Municipality* at = t.FindMunicipality(l.municipality_code);
    return at && at->region_code == region;
  });
}

SituationCard Judge(const CardEntry& e, bool serves_here, const Municipality& home,
                    const Territory& t, const CarMinutes& travel) {
  SituationCard c{&e, serves_here, serves_here && Has(e.card.forms, "outreach"),
                  serves_here && Has(e.card.forms, "remote"), std::nullopt};
  if (e.card.confidential_address) return c;
  for (const DeliveryLocation& l : e.card.locations) {
    const Municipality* at = t.FindMunicipality(l.municipality_code);
    if (!at) continue;
    CarMinutes::Figure f = travel.Between(home, *at);
    if (!c.travel || f.minutes < c.travel->minutes) c.travel = f;
  }
  return c;
}

float Distance(const SituationCard& c) {
  if (c.comes_to_you || c.remote) return 0;
  return c.travel ? c.travel->minutes : std::numeric_limits<float>::infinity();
}

void SortNearestFirst(std::vector<SituationCard>& cards) {
  std::sort(cards.begin(), cards.end(), [](const SituationCard& a, const SituationCard& b) {
    float da = Distance(a), db = Distance(b);
    if (da != db) return da < db;
    const std::string &ka = a.entry->searchable.sort_key, &kb = b.entry->searchable.sort_key;
    if (ka != kb) return ka < kb;
    return a.entry->card.id < b.entry->card.id;
  });
}

}  // namespace

std::vector<std::string> SituationServiceTypes(const ModelSituation& situation) {
  std::vector<std::string> types;
  for (const auto* list : {&situation.responsible_service_types, &situation.service_types})
    for (const std::string& type : *list)
      if (!Has(types, type)) types.push_back(type);
  return types;
}

SituationCards ChooseSituationCards(const NetworkSnapshot& snap, const ModelSituation& situation,
                                    const Municipality& municipality, const CarMinutes& travel,
                                    SituationCardLimits limits) {
  const Territory& t = snap.frame->territory;
  SituationCards out;
  std::set<int64_t> taken;
  for (const std::string& type : SituationServiceTypes(situation)) {
    ServiceQuery here;
    here.municipality = municipality.code;
    here.service_type = type;
    std::vector<SituationCard> serving, nearby;
    std::set<int64_t> serving_ids;
    for (const CardEntry* e : PublicCards(snap, here)) {
      serving_ids.insert(e->card.id);
      serving.push_back(Judge(*e, true, municipality, t, travel));
    }
    ServiceQuery region;
    region.region = municipality.region_code;
    region.service_type = type;
    for (const CardEntry* e : PublicCards(snap, region))
      if (!serving_ids.count(e->card.id) && DeliveredInRegion(e->card, t, municipality.region_code))
        nearby.push_back(Judge(*e, false, municipality, t, travel));
    SortNearestFirst(nearby);
    if (Has(situation.responsible_service_types, type)) {
      // Another ORP's OSPOD is not the one responsible here: the region stands in only
      // where nobody serves the municipality, and then with the nearest.
      if (serving.empty() && !nearby.empty()) serving.push_back(nearby.front());
      for (const SituationCard& c : serving)
        if (taken.insert(c.entry->card.id).second) out.responsible.push_back(c);
      continue;
    }
    for (auto* list : {&serving, &nearby})
      for (const SituationCard& c : *list)
        if (taken.insert(c.entry->card.id).second) out.helping.push_back(c);
  }
  SortNearestFirst(out.responsible);
  SortNearestFirst(out.helping);
  out.responsible_total = out.responsible.size();
  out.helping_total = out.helping.size();
  if (out.responsible.size() > limits.responsible) out.responsible.resize(limits.responsible);
  if (out.helping.size() > limits.helping) out.helping.resize(limits.helping);
  return out;
}

}  // namespace prosit
