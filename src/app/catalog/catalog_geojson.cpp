#include "app/catalog/catalog_geojson.h"

#include <cstdint>

#include "app/accounts/permissions.h"
#include "io/geojson.h"
#include "io/network_json.h"

namespace prosit {

namespace {

using nlohmann::json;

// The internal cards the caller may see, as the list narrows them.
void NarrowToCaller(const Caller& caller, ServiceQuery& q) {
  q.internal_all = caller.everywhere();
  if (caller.signed_in() && !q.internal_all) {
    q.internal_orps = caller.orps();
    q.internal_actors = caller.actors();
  }
}

// What a map shows of a card; contacts as the card's GET shows them to this caller.
json CardProperties(const Caller& caller, const NetworkSnapshot& snap, const ServiceCard& c) {
  const ActorEntry* actor = snap.FindActor(c.actor_id);
  std::vector<Contact> contacts;
  for (const Contact& k : c.contacts)
    if (k.is_public || SeesPersonalData(caller)) contacts.push_back(k);
  return {
      {"card_id", c.id},
      {"name", c.name},
      {"actor", {{"id", c.actor_id}, {"name", actor ? json(actor->actor.name) : json(nullptr)}}},
      {"service_type", c.service_type},
      {"need_areas", c.need_areas},
      {"level", c.level},
      {"forms", c.forms},
      {"access", ToString(c.access)},
      {"published", c.published},
      {"contacts", ContactsToJson(contacts)}};
}

}  // namespace

std::string ServiceCardsGeoJson(const Caller& caller, const NetworkSnapshot& snap, ServiceQuery q) {
  q.offset = 0;
  q.limit = SIZE_MAX;
  NarrowToCaller(caller, q);
  ServiceIndex::Hits hits = snap.index->Search(q, snap.overlay);
  const Territory& t = snap.frame->territory;
  std::vector<GeoFeature> features;
  size_t cards = 0, hidden = 0;
  for (const SearchableCard* hit : hits.page) {
    const CardEntry* e = snap.FindCard(hit->id);
    if (!e) continue;
    const ServiceCard& c = e->card;
    ++cards;
    // A shelter's address is no point on anyone's map who may not see it.
    if (c.confidential_address && !SeesPlace(caller, PlaceOf(c, snap))) {
      ++hidden;
      continue;
    }
    json props = CardProperties(caller, snap, c);
    for (size_t k = 0; k < c.locations.size(); ++k) {
      const DeliveryLocation& l = c.locations[k];
      const Municipality* m = t.FindMunicipality(l.municipality_code);
      if (!l.has_location && !m) continue;
      GeoFeature f;
      f.id = "card-" + std::to_string(c.id) + "-" + std::to_string(k);
      f.has_point = true;
      // Without its own point, the location stands at its municipality's.
      const GeoPoint& p = l.has_location ? l.location : m->location;
      f.point = {p.lon, p.lat};
      f.properties = props;
      f.properties["municipality_code"] = l.municipality_code;
      f.properties["orp_code"] = m ? json(m->orp_code) : json(nullptr);
      f.properties["street"] = l.street;
      f.properties["precision"] = l.has_location ? "address" : "municipality";
      features.push_back(std::move(f));
    }
  }
  json members = {{"cards", cards}, {"cards_without_public_place", hidden}};
  return WriteFeatureCollection(features, members);
}

}  // namespace prosit
