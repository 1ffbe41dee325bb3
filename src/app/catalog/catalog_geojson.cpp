#include "app/catalog/catalog_geojson.h"

#include <cstdint>

#include "app/accounts/permissions.h"
#include "io/geojson.h"
#include "io/json_writer.h"
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

void StringArray(JsonWriter& w, std::string_view key, const std::vector<std::string>& values) {
  w.Key(key).BeginArray();
  for (const std::string& v : values) w.String(v);
  w.EndArray();
}

// What a map shows of a card, as an object's members without its closing brace (each
// location adds its own); contacts as the card's GET shows them to this caller.
std::string CardProperties(const Caller& caller, const NetworkSnapshot& snap,
                           const ServiceCard& c) {
  const ActorEntry* actor = snap.FindActor(c.actor_id);
  JsonWriter w;
  w.BeginObject().Field("card_id", c.id).Field("name", c.name);
  w.Key("actor").BeginObject().Field("id", c.actor_id).Key("name");
  if (actor)
    w.String(actor->actor.name);
  else
    w.Null();
  w.EndObject().Field("service_type", c.service_type);
  StringArray(w, "need_areas", c.need_areas);
  w.Field("level", c.level);
  StringArray(w, "forms", c.forms);
  w.Field("access", ToString(c.access)).Field("published", c.published);
  w.Key("contacts").BeginArray();
  for (const Contact& k : c.contacts) {
    if (!k.is_public && !SeesPersonalData(caller)) continue;
    w.BeginObject()
        .Field("name", k.name)
        .Field("role", k.role)
        .Field("phone", k.phone)
        .Field("email", k.email)
        .Field("web", k.web)
        .Field("public", k.is_public)
        .EndObject();
  }
  w.EndArray();
  return std::move(w.str());
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
    const std::string props = CardProperties(caller, snap, c);
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
      JsonWriter w;
      w.Raw(props).Field("municipality_code", l.municipality_code).Key("orp_code");
      if (m)
        w.String(m->orp_code);
      else
        w.Null();
      w.Field("street", l.street)
          .Field("precision", l.has_location ? "address" : "municipality")
          .EndObject();
      f.properties = std::move(w.str());
      features.push_back(std::move(f));
    }
  }
  json members = {{"cards", cards}, {"cards_without_public_place", hidden}};
  return WriteFeatureCollection(features, members);
}

}  // namespace prosit
