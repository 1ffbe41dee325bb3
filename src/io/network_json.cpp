#include "io/network_json.h"

#include "io/json_reader.h"

namespace prosit {

using nlohmann::json;

namespace {

void ReadPoint(JsonReader& r, const char* key, GeoPoint& p, bool& has) {
  auto v = r.Get(key);
  has = false;
  if (!v) return;
  JsonReader pr(*v, r.errors(), r.Field(key) + ".");
  if (!pr.IsObject()) return;
  pr.Number("lat", p.lat);
  pr.Number("lon", p.lon);
  pr.RejectUnknown();
  has = true;
}

json PointToJson(bool has, const GeoPoint& p) {
  if (!has) return nullptr;
  return {{"lat", p.lat}, {"lon", p.lon}};
}

void ReadContact(JsonReader& r, Contact& c) {
  r.String("name", c.name);
  r.String("role", c.role);
  r.String("phone", c.phone);
  r.String("email", c.email);
  r.String("web", c.web);
  r.Bool("public", c.is_public);
}

template <typename T>
Result<T> Finish(JsonReader& r, FieldErrors& errors, T value, T* partial) {
  r.RejectUnknown();
  if (errors.empty()) return value;
  if (partial) *partial = std::move(value);
  return Status::Invalid("the body has fields of the wrong shape", errors);
}

}  // namespace

json ContactsToJson(const std::vector<Contact>& contacts) {
  json arr = json::array();
  for (const auto& c : contacts)
    arr.push_back({{"name", c.name},
                   {"role", c.role},
                   {"phone", c.phone},
                   {"email", c.email},
                   {"web", c.web},
                   {"public", c.is_public}});
  return arr;
}

json ProvenanceCountsToJson(const ProvenanceCounts& counts) {
  return {{"entered", counts.entered}, {"seeds", counts.seeds}, {"invented", counts.invented}};
}

Result<Actor> ActorFromJson(std::string_view text, Actor* partial) {
  return WithParsedJson(text, [partial](JsonValue j) -> Result<Actor> {
    FieldErrors errors;
    JsonReader r(j, errors);
    Actor a;
    r.Int64("id", a.id);
    r.Int64("version", a.version);
    r.String("ico", a.ico);
    r.String("name", a.name);
    r.String("sector", a.sector);
    r.String("actor_type", a.actor_type);
    if (auto seat = r.Get("seat")) {
      JsonReader sr(*seat, errors, "seat.");
      sr.String("municipality_code", a.seat.municipality_code);
      sr.String("street", a.seat.street);
      sr.String("postcode", a.seat.postcode);
      ReadPoint(sr, "location", a.seat.location, a.seat.has_location);
      sr.RejectUnknown();
    } else {
      errors["seat"] = "is required";
    }
    r.String("web", a.web);
    ReadObjects(r, "contacts", a.contacts, ReadContact);
    r.String("note", a.note);
    r.Int64s("distinct_from", a.distinct_from);
    ReadProvenance(r, a.is_demo, a.source);
    return Finish(r, errors, std::move(a), partial);
  });
}

json ActorToJson(const Actor& a) {
  return {{"id", a.id},
          {"version", a.version},
          {"ico", a.ico},
          {"name", a.name},
          {"sector", a.sector},
          {"actor_type", a.actor_type},
          {"seat",
           {{"municipality_code", a.seat.municipality_code},
            {"street", a.seat.street},
            {"postcode", a.seat.postcode},
            {"location", PointToJson(a.seat.has_location, a.seat.location)}}},
          {"web", a.web},
          {"contacts", ContactsToJson(a.contacts)},
          {"note", a.note},
          {"distinct_from", a.distinct_from},
          {"demo", a.is_demo},
          {"source", ToString(StatedSource(a.is_demo, a.source))}};
}

Result<ServiceCard> ServiceCardFromJson(std::string_view text, ServiceCard* partial) {
  return WithParsedJson(text, [partial](JsonValue j) -> Result<ServiceCard> {
    FieldErrors errors;
    JsonReader r(j, errors);
    ServiceCard c;
    r.Int64("id", c.id);
    r.Int64("version", c.version);
    r.Int64("actor_id", c.actor_id);
    r.Skip("actor");
    r.String("name", c.name);
    r.String("service_type", c.service_type);
    r.Strings("need_areas", c.need_areas);
    r.Int("level", c.level);
    r.String("description", c.description);
    r.String("target_group", c.target_group);
    r.Int("age_min", c.age_min);
    r.Int("age_max", c.age_max);
    r.Strings("forms", c.forms);
    ReadObjects(r, "locations", c.locations, [](JsonReader& lr, DeliveryLocation& l) {
      lr.String("municipality_code", l.municipality_code);
      lr.String("street", l.street);
      ReadPoint(lr, "location", l.location, l.has_location);
    });
    if (auto t = r.Get("territory")) {
      JsonReader tr(*t, errors, "territory.");
      std::string kind = ToString(c.territory.kind);
      tr.String("kind", kind);
      if (auto k = ParseTerritoryKind(kind))
        c.territory.kind = *k;
      else
        errors["territory.kind"] =
            "unknown territory kind '" + kind + "'; allowed: municipalities, orp, region, country";
      tr.Strings("codes", c.territory.codes);
      tr.RejectUnknown();
    } else {
      errors["territory"] = "is required";
    }
    if (auto cap = r.Get("capacity")) {
      JsonReader cr(*cap, errors, "capacity.");
      cr.OptionalNumber("amount", c.capacity.amount);
      cr.String("unit", c.capacity.unit);
      cr.RejectUnknown();
    }
    r.OptionalInt("waiting_days", c.waiting_days);
    r.Bool("free_of_charge", c.free_of_charge);
    r.String("cost_note", c.cost_note);
    r.String("hours", c.hours);
    std::string access = ToString(c.access);
    r.String("access", access);
    if (auto a = ParseAccess(access))
      c.access = *a;
    else
      errors["access"] = "unknown access '" + access + "'; allowed: direct, referral, both";
    r.String("access_note", c.access_note);
    r.String("does", c.does);
    r.String("does_not", c.does_not);
    ReadObjects(r, "contacts", c.contacts, ReadContact);
    ReadObjects(r, "registry_ids", c.registry_ids, [](JsonReader& ir, RegistryId& id) {
      ir.String("registry", id.registry);
      ir.String("id", id.id);
    });
    r.String("last_verified", c.last_verified);
    r.Bool("published", c.published);
    r.Bool("confidential_address", c.confidential_address);
    ReadProvenance(r, c.is_demo, c.source);
    return Finish(r, errors, std::move(c), partial);
  });
}

json ServiceCardToJson(const ServiceCard& c) {
  json locations = json::array();
  for (const auto& l : c.locations)
    locations.push_back({{"municipality_code", l.municipality_code},
                         {"street", l.street},
                         {"location", PointToJson(l.has_location, l.location)}});
  json registry_ids = json::array();
  for (const auto& id : c.registry_ids)
    registry_ids.push_back({{"registry", id.registry}, {"id", id.id}});
  json capacity_amount = c.capacity.amount ? json(*c.capacity.amount) : json(nullptr);
  json waiting = c.waiting_days ? json(*c.waiting_days) : json(nullptr);
  return {{"id", c.id},
          {"version", c.version},
          {"actor_id", c.actor_id},
          {"name", c.name},
          {"service_type", c.service_type},
          {"need_areas", c.need_areas},
          {"level", c.level},
          {"description", c.description},
          {"target_group", c.target_group},
          {"age_min", c.age_min},
          {"age_max", c.age_max},
          {"forms", c.forms},
          {"locations", locations},
          {"territory", {{"kind", ToString(c.territory.kind)}, {"codes", c.territory.codes}}},
          {"capacity", {{"amount", capacity_amount}, {"unit", c.capacity.unit}}},
          {"waiting_days", waiting},
          {"free_of_charge", c.free_of_charge},
          {"cost_note", c.cost_note},
          {"hours", c.hours},
          {"access", ToString(c.access)},
          {"access_note", c.access_note},
          {"does", c.does},
          {"does_not", c.does_not},
          {"contacts", ContactsToJson(c.contacts)},
          {"registry_ids", registry_ids},
          {"last_verified", c.last_verified},
          {"published", c.published},
          {"confidential_address", c.confidential_address},
          {"demo", c.is_demo},
          {"source", ToString(StatedSource(c.is_demo, c.source))}};
}

}  // namespace prosit
