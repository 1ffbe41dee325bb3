#include "model/validation.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "model/ico.h"
#include "model/record_bounds.h"

namespace prosit {

namespace {

// Refuses a blank text where one is required; bounds are checked before, by *Bounds.
void Require(FieldErrors& e, const std::string& field, const std::string& value) {
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) e[field] = "is required";
}

// Checks texts and lists against kFieldBounds, naming each field as the API does, under
// `prefix` ("contacts[3].").
class BoundsCheck {
 public:
  explicit BoundsCheck(FieldErrors& e, std::string prefix = "")
      : e_(e), prefix_(std::move(prefix)) {}

  void Text(const FieldBound& b, const std::string& value) {
    std::string why = TextProblem(value, b.kind, b.max);
    if (!why.empty()) e_[prefix_ + std::string(b.field)] = std::move(why);
  }
  // Whether the list keeps its bound; only then are its items worth checking.
  template <typename T>
  bool List(const FieldBound& b, const std::vector<T>& items) {
    if (items.size() <= b.max) return true;
    e_[prefix_ + std::string(b.field)] =
        "at most " + std::to_string(b.max) + " items (" + std::to_string(items.size()) + " given)";
    return false;
  }
  // A list of texts: `item` bounds each, named "field[i]".
  void Texts(const FieldBound& list, const FieldBound& item,
             const std::vector<std::string>& values) {
    if (!List(list, values)) return;
    for (size_t i = 0; i < values.size(); ++i) {
      std::string why = TextProblem(values[i], item.kind, item.max);
      if (!why.empty())
        e_[prefix_ + std::string(list.field) + "[" + std::to_string(i) + "]"] = std::move(why);
    }
  }

 private:
  FieldErrors& e_;
  std::string prefix_;
};

// "unknown form 'x'; allowed: ambulatory, outreach, …": says what is expected; the HTTP
// edge renders it in Czech with the labels of the values (io/label_catalog.h).
template <size_t N>
std::string NotOneOf(const char* what, const std::string& value, const char* const (&allowed)[N]) {
  std::string s = std::string("unknown ") + what + " '" + value + "'; allowed: ";
  for (size_t i = 0; i < N; ++i) s += (i ? ", " : "") + std::string(allowed[i]);
  return s;
}

std::string Item(const char* list, size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "].";
}

void ContactBounds(FieldErrors& e, const FieldBound& list, const std::vector<Contact>& contacts) {
  if (!BoundsCheck(e).List(list, contacts)) return;
  for (size_t i = 0; i < contacts.size(); ++i) {
    BoundsCheck b(e, Item("contacts", i));
    b.Text(BoundOf("Contact", "name"), contacts[i].name);
    b.Text(BoundOf("Contact", "role"), contacts[i].role);
    b.Text(BoundOf("Contact", "phone"), contacts[i].phone);
    b.Text(BoundOf("Contact", "email"), contacts[i].email);
    b.Text(BoundOf("Contact", "web"), contacts[i].web);
  }
}

FieldErrors ActorBounds(const Actor& a) {
  FieldErrors e;
  BoundsCheck b(e);
  b.Text(BoundOf("Actor", "name"), a.name);
  b.Text(BoundOf("Actor", "sector"), a.sector);
  b.Text(BoundOf("Actor", "actor_type"), a.actor_type);
  b.Text(BoundOf("Actor", "web"), a.web);
  b.Text(BoundOf("Actor", "note"), a.note);
  BoundsCheck seat(e, "seat.");
  seat.Text(BoundOf("Seat", "municipality_code"), a.seat.municipality_code);
  seat.Text(BoundOf("Seat", "street"), a.seat.street);
  seat.Text(BoundOf("Seat", "postcode"), a.seat.postcode);
  ContactBounds(e, BoundOf("Actor", "contacts"), a.contacts);
  b.List(BoundOf("Actor", "distinct_from"), a.distinct_from);
  return e;
}

FieldErrors ServiceCardBounds(const ServiceCard& c) {
  FieldErrors e;
  BoundsCheck b(e);
  b.Text(BoundOf("ServiceCard", "name"), c.name);
  b.Text(BoundOf("ServiceCard", "service_type"), c.service_type);
  b.Texts(BoundOf("ServiceCard", "need_areas"), BoundOf("ServiceCard", "need_areas[]"),
          c.need_areas);
  b.Text(BoundOf("ServiceCard", "description"), c.description);
  b.Text(BoundOf("ServiceCard", "target_group"), c.target_group);
  b.List(BoundOf("ServiceCard", "forms"), c.forms);
  if (b.List(BoundOf("ServiceCard", "locations"), c.locations)) {
    for (size_t i = 0; i < c.locations.size(); ++i) {
      BoundsCheck l(e, Item("locations", i));
      l.Text(BoundOf("DeliveryLocation", "municipality_code"), c.locations[i].municipality_code);
      l.Text(BoundOf("DeliveryLocation", "street"), c.locations[i].street);
    }
  }
  BoundsCheck(e, "territory.")
      .Texts(BoundOf("TerritoryServed", "codes"), BoundOf("TerritoryServed", "codes[]"),
             c.territory.codes);
  BoundsCheck(e, "capacity.").Text(BoundOf("Capacity", "unit"), c.capacity.unit);
  b.Text(BoundOf("ServiceCard", "cost_note"), c.cost_note);
  b.Text(BoundOf("ServiceCard", "hours"), c.hours);
  b.Text(BoundOf("ServiceCard", "access_note"), c.access_note);
  b.Text(BoundOf("ServiceCard", "does"), c.does);
  b.Text(BoundOf("ServiceCard", "does_not"), c.does_not);
  ContactBounds(e, BoundOf("ServiceCard", "contacts"), c.contacts);
  if (b.List(BoundOf("ServiceCard", "registry_ids"), c.registry_ids)) {
    for (size_t i = 0; i < c.registry_ids.size(); ++i) {
      BoundsCheck r(e, Item("registry_ids", i));
      r.Text(BoundOf("RegistryId", "registry"), c.registry_ids[i].registry);
      r.Text(BoundOf("RegistryId", "id"), c.registry_ids[i].id);
    }
  }
  return e;
}

void CheckContacts(FieldErrors& e, const std::vector<Contact>& contacts) {
  for (size_t i = 0; i < contacts.size(); ++i) {
    const Contact& c = contacts[i];
    std::string f = "contacts[" + std::to_string(i) + "]";
    if (c.name.empty() && c.phone.empty() && c.email.empty() && c.web.empty())
      e[f] = "needs a name, phone, e-mail or web";
    if (!c.email.empty() && c.email.find('@') == std::string::npos)
      e[f + ".email"] = "is not an e-mail address";
  }
}

void CheckPlace(FieldErrors& e, const std::string& field, const std::string& municipality_code,
                bool has_location, const GeoPoint& p, const Territory& territory) {
  if (territory.FindMunicipality(municipality_code) == nullptr)
    e[field + ".municipality_code"] = "unknown municipality '" + municipality_code + "'";
  if (has_location && !IsInCzechia(p)) e[field + ".location"] = "lies outside the Czech Republic";
}

void CheckTerritoryServed(FieldErrors& e, const TerritoryServed& t, const Territory& territory) {
  if (t.kind == TerritoryKind::kCountry) {
    if (!t.codes.empty()) e["territory.codes"] = "must be empty for the whole country";
    return;
  }
  if (t.codes.empty()) {
    e["territory.codes"] = "names no territory";
    return;
  }
  for (const auto& code : t.codes) {
    bool known = (t.kind == TerritoryKind::kMunicipalities && territory.FindMunicipality(code)) ||
                 (t.kind == TerritoryKind::kOrp && territory.FindOrp(code)) ||
                 (t.kind == TerritoryKind::kRegion && territory.FindRegion(code));
    if (!known) {
      e["territory.codes"] = std::string("unknown ") + ToString(t.kind) + " code '" + code + "'";
      return;
    }
  }
}

bool OnlyRemoteOrOutreach(const std::vector<std::string>& forms) {
  return std::all_of(forms.begin(), forms.end(),
                     [](const std::string& f) { return f == "outreach" || f == "remote"; });
}

FieldErrors MeetingBounds(const Meeting& m) {
  FieldErrors e;
  BoundsCheck b(e);
  b.Text(BoundOf("Meeting", "orp_code"), m.orp_code);
  b.Text(BoundOf("Meeting", "category"), m.category);
  b.List(BoundOf("Meeting", "actor_ids"), m.actor_ids);
  b.Texts(BoundOf("Meeting", "networkers"), BoundOf("Meeting", "networkers[]"), m.networkers);
  b.Text(BoundOf("Meeting", "topic"), m.topic);
  b.Text(BoundOf("Meeting", "notes"), m.notes);
  b.Text(BoundOf("Meeting", "outputs"), m.outputs);
  if (b.List(BoundOf("Meeting", "follow_ups"), m.follow_ups)) {
    for (size_t i = 0; i < m.follow_ups.size(); ++i) {
      BoundsCheck f(e, Item("follow_ups", i));
      f.Text(BoundOf("FollowUp", "task"), m.follow_ups[i].task);
      f.Text(BoundOf("FollowUp", "owner"), m.follow_ups[i].owner);
    }
  }
  return e;
}

FieldErrors NeedBounds(const Need& n) {
  FieldErrors e;
  BoundsCheck b(e);
  b.Text(BoundOf("Need", "statement"), n.statement);
  b.List(BoundOf("Need", "voiced_by"), n.voiced_by);
  b.Texts(BoundOf("Need", "sectors"), BoundOf("Need", "sectors[]"), n.sectors);
  b.Text(BoundOf("Need", "need_area"), n.need_area);
  b.Text(BoundOf("Need", "network_need"), n.network_need);
  b.Text(BoundOf("Need", "orp_code"), n.orp_code);
  b.List(BoundOf("Need", "meeting_ids"), n.meeting_ids);
  b.List(BoundOf("Need", "theme_ids"), n.theme_ids);
  return e;
}

FieldErrors TieBounds(const Tie& t) {
  FieldErrors e;
  BoundsCheck(e).Text(BoundOf("Tie", "note"), t.note);
  return e;
}

FieldErrors ThemeBounds(const Theme& t) {
  FieldErrors e;
  BoundsCheck b(e);
  b.Text(BoundOf("Theme", "orp_code"), t.orp_code);
  b.Text(BoundOf("Theme", "title"), t.title);
  b.Text(BoundOf("Theme", "why"), t.why);
  return e;
}

FieldErrors GoalBounds(const Goal& g) {
  FieldErrors e;
  BoundsCheck b(e);
  b.Text(BoundOf("Goal", "title"), g.title);
  b.Text(BoundOf("Goal", "description"), g.description);
  return e;
}

FieldErrors StepBounds(const Step& s) {
  FieldErrors e;
  BoundsCheck b(e);
  b.Text(BoundOf("Step", "title"), s.title);
  b.List(BoundOf("Step", "actor_ids"), s.actor_ids);
  b.Text(BoundOf("Step", "outcome"), s.outcome);
  return e;
}

FieldErrors GoodPracticeBounds(const GoodPractice& p) {
  FieldErrors e;
  BoundsCheck b(e);
  b.Text(BoundOf("GoodPractice", "orp_code"), p.orp_code);
  b.Text(BoundOf("GoodPractice", "title"), p.title);
  b.Text(BoundOf("GoodPractice", "description"), p.description);
  b.List(BoundOf("GoodPractice", "need_ids"), p.need_ids);
  b.List(BoundOf("GoodPractice", "theme_ids"), p.theme_ids);
  return e;
}

FieldErrors RecommendationBounds(const Recommendation& r) {
  FieldErrors e;
  BoundsCheck b(e);
  b.Text(BoundOf("Recommendation", "orp_code"), r.orp_code);
  b.Text(BoundOf("Recommendation", "text"), r.text);
  b.List(BoundOf("Recommendation", "need_ids"), r.need_ids);
  b.List(BoundOf("Recommendation", "theme_ids"), r.theme_ids);
  return e;
}

// demo and source say one thing twice: a record is demo data exactly when it was not
// entered by a person or an import.
void CheckProvenance(FieldErrors& e, bool is_demo, Provenance source) {
  if (is_demo != IsDemo(source))
    e["source"] = is_demo ? "must be seeds or invented for a demo record"
                          : "must be entered for a record that is not demo data";
}

// Networking in the sense of the seeds began in 2012; records before that are typos.
constexpr const char* kEarliestMeeting = "2012-01-01";

// The seeds' card template: a card people find in the catalog says what the service does,
// for whom, how to get in and whom to contact. A draft (published: false) may lack them.
void CheckPublishable(FieldErrors& e, const ServiceCard& c) {
  const char* kWhy = "is required to publish the card (save it with published: false as a draft)";
  auto blank = [](const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
  };
  if (blank(c.does)) e["does"] = kWhy;
  if (blank(c.target_group)) e["target_group"] = kWhy;
  if (blank(c.access_note)) e["access_note"] = kWhy;
  bool reachable = std::any_of(c.contacts.begin(), c.contacts.end(), [](const Contact& k) {
    return !k.phone.empty() || !k.email.empty() || !k.web.empty();
  });
  if (!reachable && !e.count("contacts"))
    e["contacts"] = kWhy + std::string(": a phone, e-mail or web");
}

// A date from 2012 on; `future_ok` for deadlines, which lie ahead by nature.
void CheckWorkDate(FieldErrors& e, const char* field, const std::string& date,
                   const ValidationContext& ctx, bool future_ok) {
  if (!IsIsoDate(date))
    e[field] = "is not a date YYYY-MM-DD";
  else if (date < kEarliestMeeting)
    e[field] = std::string("lies before ") + kEarliestMeeting;
  else if (!future_ok && !ctx.today.empty() && date > ctx.today)
    e[field] = "lies in the future";
}

// When the record held, if earlier than its entry (history moved from paper): a day from
// 2012 on, not ahead of today. Empty: from its entry in the change log.
void CheckValidFrom(FieldErrors& e, const std::string& valid_from, const ValidationContext& ctx) {
  if (!valid_from.empty()) CheckWorkDate(e, "valid_from", valid_from, ctx, false);
}

}  // namespace

bool IsIsoDate(const std::string& s) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool IsInCzechia(const GeoPoint& p) {
  return p.lat >= 48.5 && p.lat <= 51.1 && p.lon >= 12.0 && p.lon <= 18.9;
}

// Every rule below assumes the bounds hold: a record that breaks one is refused for that
// alone, so no rule walks an endless list or quotes a huge value back.
FieldErrors ValidateActor(const Actor& a, const ValidationContext& ctx) {
  FieldErrors e = ActorBounds(a);
  CheckProvenance(e, a.is_demo, a.source);
  if (!e.empty()) return e;
  Require(e, "name", a.name);
  if (!a.ico.empty() && !IsValidIco(a.ico))
    e["ico"] = "is not a valid IČO (8 digits with a mod-11 check digit)";
  const ActorType* type = ctx.reference.FindActorType(a.actor_type);
  if (ctx.reference.FindSector(a.sector) == nullptr)
    e["sector"] = "unknown sector '" + a.sector + "'";
  if (type == nullptr) e["actor_type"] = "unknown actor type '" + a.actor_type + "'";
  // The reference data gives each type its sector; a type of another sector is a slip.
  if (type != nullptr && ctx.reference.FindSector(a.sector) != nullptr &&
      type->sector != a.sector) {
    e["actor_type"] = "'" + a.actor_type + "' is a type of sector '" + type->sector + "'";
    e["sector"] = "must be '" + type->sector + "' for actor type '" + a.actor_type + "'";
  }
  for (size_t i = 0; i < a.distinct_from.size(); ++i) {
    std::string field = "distinct_from[" + std::to_string(i) + "]";
    if (a.distinct_from[i] <= 0 || (a.id != 0 && a.distinct_from[i] == a.id))
      e[field] = "must name another actor";
    else if (std::find(a.distinct_from.begin(), a.distinct_from.begin() + i, a.distinct_from[i]) !=
             a.distinct_from.begin() + i)
      e[field] = "names an actor twice";
  }
  CheckPlace(e, "seat", a.seat.municipality_code, a.seat.has_location, a.seat.location,
             ctx.territory);
  CheckContacts(e, a.contacts);
  return e;
}

FieldErrors ValidateServiceCard(const ServiceCard& c, const ValidationContext& ctx) {
  FieldErrors e = ServiceCardBounds(c);
  CheckProvenance(e, c.is_demo, c.source);
  if (!e.empty()) return e;
  const ReferenceData& ref = ctx.reference;
  if (c.actor_id <= 0) e["actor_id"] = "is required";
  Require(e, "name", c.name);
  if (ref.FindServiceType(c.service_type) == nullptr)
    e["service_type"] = "unknown service type '" + c.service_type + "'";
  if (c.need_areas.empty()) e["need_areas"] = "names no need area";
  for (const auto& area : c.need_areas)
    if (ref.FindNeedArea(area) == nullptr) e["need_areas"] = "unknown need area '" + area + "'";
  if (std::set<std::string>(c.need_areas.begin(), c.need_areas.end()).size() != c.need_areas.size())
    e["need_areas"] = "lists a need area twice";
  if (ref.FindLevel(c.level) == nullptr)
    e["level"] = "unknown support level " + std::to_string(c.level);
  if (c.age_min < 0 || c.age_min > 26) e["age_min"] = "must be between 0 and 26";
  if (c.age_max < 0 || c.age_max > 26) e["age_max"] = "must be between 0 and 26";
  if (c.age_min > c.age_max) e["age_max"] = "is lower than age_min";
  if (c.forms.empty()) e["forms"] = "names no form";
  for (const auto& f : c.forms)
    if (!OneOf(f, kForms)) e["forms"] = NotOneOf("form", f, kForms);
  if (c.locations.empty() && !c.forms.empty() && !OnlyRemoteOrOutreach(c.forms))
    e["locations"] = "an ambulatory or residential service needs a delivery location";
  for (size_t i = 0; i < c.locations.size(); ++i) {
    const auto& l = c.locations[i];
    CheckPlace(e, "locations[" + std::to_string(i) + "]", l.municipality_code, l.has_location,
               l.location, ctx.territory);
  }
  CheckTerritoryServed(e, c.territory, ctx.territory);
  if (c.capacity.amount && *c.capacity.amount < 0) e["capacity.amount"] = "is negative";
  if (ref.FindCapacityUnit(c.capacity.unit) == nullptr)
    e["capacity.unit"] = "unknown capacity unit '" + c.capacity.unit + "'";
  if (c.waiting_days && (*c.waiting_days < 0 || *c.waiting_days > 3650))
    e["waiting_days"] = "must be between 0 and 3650";
  if (!c.last_verified.empty()) {
    if (!IsIsoDate(c.last_verified))
      e["last_verified"] = "is not a date YYYY-MM-DD";
    else if (!ctx.today.empty() && c.last_verified > ctx.today)
      e["last_verified"] = "lies in the future";
  }
  CheckContacts(e, c.contacts);
  for (size_t i = 0; i < c.registry_ids.size(); ++i)
    if (c.registry_ids[i].id.empty())
      e["registry_ids[" + std::to_string(i) + "].id"] = "is required";
  if (c.published) CheckPublishable(e, c);
  return e;
}

FieldErrors ValidateMeeting(const Meeting& m, const ValidationContext& ctx) {
  FieldErrors e = MeetingBounds(m);
  CheckProvenance(e, m.is_demo, m.source);
  if (!e.empty()) return e;
  CheckValidFrom(e, m.valid_from, ctx);
  if (!IsIsoDate(m.date))
    e["date"] = "is not a date YYYY-MM-DD";
  else if (m.date < kEarliestMeeting)
    e["date"] = std::string("lies before ") + kEarliestMeeting;
  else if (!ctx.today.empty() && m.date > ctx.today)
    e["date"] = "lies in the future: record meetings that took place";
  if (!IsOrpOrRegion(ctx.territory, m.orp_code))
    e["orp_code"] = "unknown ORP or region '" + m.orp_code + "'";
  if (!ctx.reference.FindMeetingCategory(m.category))
    e["category"] = "unknown meeting category '" + m.category + "'";
  if (!OneOf(m.format, kMeetingFormats))
    e["format"] = NotOneOf("format", m.format, kMeetingFormats);
  if (m.people < 1 || m.people > 10000) e["people"] = "must be between 1 and 10000";
  if (std::set<int64_t>(m.actor_ids.begin(), m.actor_ids.end()).size() != m.actor_ids.size())
    e["actor_ids"] = "lists an actor twice";
  for (size_t i = 0; i < m.networkers.size(); ++i)
    Require(e, "networkers[" + std::to_string(i) + "]", m.networkers[i]);
  Require(e, "topic", m.topic);
  for (size_t i = 0; i < m.follow_ups.size(); ++i) {
    const FollowUp& f = m.follow_ups[i];
    std::string field = "follow_ups[" + std::to_string(i) + "]";
    Require(e, field + ".task", f.task);
    if (!f.due.empty() && !IsIsoDate(f.due))
      e[field + ".due"] = "is not a date YYYY-MM-DD";
    else if (!f.due.empty() && f.due < m.date)
      e[field + ".due"] = "lies before the meeting";
  }
  return e;
}

FieldErrors ValidateNeed(const Need& n, const ValidationContext& ctx) {
  FieldErrors e = NeedBounds(n);
  CheckProvenance(e, n.is_demo, n.source);
  if (!e.empty()) return e;
  CheckValidFrom(e, n.valid_from, ctx);
  Require(e, "statement", n.statement);
  if (!IsIsoDate(n.date))
    e["date"] = "is not a date YYYY-MM-DD";
  else if (n.date < kEarliestMeeting)
    e["date"] = std::string("lies before ") + kEarliestMeeting;
  else if (!ctx.today.empty() && n.date > ctx.today)
    e["date"] = "lies in the future";
  if (!IsOrpOrRegion(ctx.territory, n.orp_code))
    e["orp_code"] = "unknown ORP or region '" + n.orp_code + "'";
  if (n.need_area.empty() && n.network_need.empty())
    e["need_area"] = "name a need area of the child, a network-need category or both";
  if (!n.need_area.empty() && !ctx.reference.FindNeedArea(n.need_area))
    e["need_area"] = "unknown need area '" + n.need_area + "'";
  if (!n.network_need.empty() && !ctx.reference.FindNetworkNeedCategory(n.network_need))
    e["network_need"] = "unknown network-need category '" + n.network_need + "'";
  for (size_t i = 0; i < n.sectors.size(); ++i)
    if (!ctx.reference.FindSector(n.sectors[i]))
      e["sectors[" + std::to_string(i) + "]"] = "unknown sector '" + n.sectors[i] + "'";
  if (n.voiced_by.empty() && n.sectors.empty())
    e["voiced_by"] = "say who voiced the need: actors, sectors or both";
  if (!OneOf(n.priority, kNeedPriorities))
    e["priority"] = NotOneOf("priority", n.priority, kNeedPriorities);
  if (!OneOf(n.status, kNeedStatuses)) e["status"] = NotOneOf("status", n.status, kNeedStatuses);
  if (std::set<int64_t>(n.voiced_by.begin(), n.voiced_by.end()).size() != n.voiced_by.size())
    e["voiced_by"] = "lists an actor twice";
  return e;
}

FieldErrors ValidateTie(const Tie& t, const ValidationContext& ctx) {
  FieldErrors e = TieBounds(t);
  CheckProvenance(e, t.is_demo, t.source);
  if (!e.empty()) return e;
  CheckValidFrom(e, t.valid_from, ctx);
  if (t.actor_a <= 0) e["actor_a"] = "is required";
  if (t.actor_b <= 0) e["actor_b"] = "is required";
  if (t.actor_a > 0 && t.actor_a == t.actor_b) e["actor_b"] = "a tie joins two different actors";
  if (!OneOf(t.type, kTieTypes)) e["type"] = NotOneOf("tie type", t.type, kTieTypes);
  if (!IsIsoDate(t.since))
    e["since"] = "is not a date YYYY-MM-DD";
  else if (!ctx.today.empty() && t.since > ctx.today)
    e["since"] = "lies in the future";
  if (!t.until.empty() && !IsIsoDate(t.until))
    e["until"] = "is not a date YYYY-MM-DD";
  else if (!t.until.empty() && t.until < t.since)
    e["until"] = "lies before since";
  if (!t.frequency.empty() && !OneOf(t.frequency, kTieFrequencies))
    e["frequency"] = NotOneOf("frequency", t.frequency, kTieFrequencies);
  const std::pair<const char*, const std::optional<int>&> ratings[] = {
      {"power_influence", t.ratings.power_influence},
      {"involvement", t.ratings.involvement},
      {"resource_contribution", t.ratings.resource_contribution},
      {"reliability", t.ratings.reliability},
      {"mission_support", t.ratings.mission_support},
      {"openness", t.ratings.openness}};
  for (const auto& [name, value] : ratings)
    if (value && (*value < 1 || *value > 4))
      e[std::string("ratings.") + name] = "must be from 1 to 4";
  return e;
}

FieldErrors ValidateTheme(const Theme& t, const ValidationContext& ctx) {
  FieldErrors e = ThemeBounds(t);
  CheckProvenance(e, t.is_demo, t.source);
  if (!e.empty()) return e;
  CheckValidFrom(e, t.valid_from, ctx);
  if (!IsOrpOrRegion(ctx.territory, t.orp_code))
    e["orp_code"] = "unknown ORP or region '" + t.orp_code + "'";
  Require(e, "title", t.title);
  CheckWorkDate(e, "since", t.since, ctx, false);
  if (!OneOf(t.status, kThemeStatuses)) e["status"] = NotOneOf("status", t.status, kThemeStatuses);
  return e;
}

FieldErrors ValidateGoal(const Goal& g, const ValidationContext& ctx) {
  FieldErrors e = GoalBounds(g);
  CheckProvenance(e, g.is_demo, g.source);
  if (!e.empty()) return e;
  CheckValidFrom(e, g.valid_from, ctx);
  if (g.theme_id <= 0) e["theme_id"] = "is required";
  Require(e, "title", g.title);
  CheckWorkDate(e, "since", g.since, ctx, false);
  if (!OneOf(g.status, kGoalStatuses)) e["status"] = NotOneOf("status", g.status, kGoalStatuses);
  return e;
}

FieldErrors ValidateStep(const Step& s, const ValidationContext& ctx) {
  FieldErrors e = StepBounds(s);
  CheckProvenance(e, s.is_demo, s.source);
  if (!e.empty()) return e;
  CheckValidFrom(e, s.valid_from, ctx);
  if (s.goal_id <= 0) e["goal_id"] = "is required";
  Require(e, "title", s.title);
  CheckWorkDate(e, "deadline", s.deadline, ctx, true);
  if (s.deadline > "2100-01-01") e["deadline"] = "lies too far ahead";
  if (!OneOf(s.status, kStepStatuses)) e["status"] = NotOneOf("status", s.status, kStepStatuses);
  if (!s.completed_on.empty()) {
    if (s.status != "done")
      e["completed_on"] = "only a done step has a completion date";
    else
      CheckWorkDate(e, "completed_on", s.completed_on, ctx, false);
  }
  if (std::set<int64_t>(s.actor_ids.begin(), s.actor_ids.end()).size() != s.actor_ids.size())
    e["actor_ids"] = "lists an actor twice";
  return e;
}

FieldErrors ValidateGoodPractice(const GoodPractice& p, const ValidationContext& ctx) {
  FieldErrors e = GoodPracticeBounds(p);
  CheckProvenance(e, p.is_demo, p.source);
  if (!e.empty()) return e;
  CheckValidFrom(e, p.valid_from, ctx);
  if (!ctx.territory.FindOrp(p.orp_code)) e["orp_code"] = "unknown ORP '" + p.orp_code + "'";
  Require(e, "title", p.title);
  Require(e, "description", p.description);
  return e;
}

FieldErrors ValidateRecommendation(const Recommendation& r, const ValidationContext& ctx) {
  FieldErrors e = RecommendationBounds(r);
  CheckProvenance(e, r.is_demo, r.source);
  if (!e.empty()) return e;
  CheckValidFrom(e, r.valid_from, ctx);
  if (!ctx.territory.FindOrp(r.orp_code)) e["orp_code"] = "unknown ORP '" + r.orp_code + "'";
  if (!OneOf(r.scope, kRecommendationScopes))
    e["scope"] = NotOneOf("scope", r.scope, kRecommendationScopes);
  Require(e, "text", r.text);
  return e;
}

bool IsOrpOrRegion(const Territory& territory, const std::string& code) {
  return territory.FindOrp(code) != nullptr || territory.FindRegion(code) != nullptr;
}

FieldErrors ValidateParticipation(const Participation& p, const ValidationContext& ctx) {
  FieldErrors e;
  BoundsCheck b(e);
  b.Text(BoundOf("Participation", "orp_code"), p.orp_code);
  b.Text(BoundOf("Participation", "note"), p.note);
  if (b.List(BoundOf("Participation", "networkers"), p.networkers)) {
    for (size_t i = 0; i < p.networkers.size(); ++i) {
      BoundsCheck n(e, Item("networkers", i));
      n.Text(BoundOf("NetworkerContact", "name"), p.networkers[i].name);
      n.Text(BoundOf("NetworkerContact", "email"), p.networkers[i].email);
      n.Text(BoundOf("NetworkerContact", "phone"), p.networkers[i].phone);
    }
  }
  CheckProvenance(e, p.is_demo, p.source);
  if (!e.empty()) return e;
  if (!IsOrpOrRegion(ctx.territory, p.orp_code))
    e["orp_code"] = "unknown ORP or region '" + p.orp_code + "'";
  CheckWorkDate(e, "since", p.since, ctx, true);
  if (!p.until.empty()) {
    CheckWorkDate(e, "until", p.until, ctx, true);
    if (IsIsoDate(p.since) && IsIsoDate(p.until) && p.until < p.since)
      e["until"] = "lies before since";
  }
  for (size_t i = 0; i < p.networkers.size(); ++i) {
    const NetworkerContact& n = p.networkers[i];
    std::string f = "networkers[" + std::to_string(i) + "].";
    Require(e, f + "name", n.name);
    if (!n.email.empty() && n.email.find('@') == std::string::npos)
      e[f + "email"] = "is not an e-mail address";
    if (n.user_id < 0) e[f + "user_id"] = "must be a user id";
  }
  return e;
}

FieldErrors ValidateAnalysisText(const AnalysisText& t, const ValidationContext& ctx) {
  FieldErrors e;
  BoundsCheck b(e);
  b.Text(BoundOf("AnalysisText", "orp_code"), t.orp_code);
  b.Text(BoundOf("AnalysisText", "introduction"), t.introduction);
  b.Text(BoundOf("AnalysisText", "about_project"), t.about_project);
  b.Text(BoundOf("AnalysisText", "networking"), t.networking);
  b.Text(BoundOf("AnalysisText", "child_needs"), t.child_needs);
  b.Text(BoundOf("AnalysisText", "networks"), t.networks);
  b.Text(BoundOf("AnalysisText", "network_analysis"), t.network_analysis);
  b.Text(BoundOf("AnalysisText", "cooperation"), t.cooperation);
  b.Text(BoundOf("AnalysisText", "needs_found"), t.needs_found);
  b.Text(BoundOf("AnalysisText", "good_practice"), t.good_practice);
  b.Text(BoundOf("AnalysisText", "recommendations"), t.recommendations);
  b.Text(BoundOf("AnalysisText", "conclusion"), t.conclusion);
  b.Text(BoundOf("AnalysisText", "annex"), t.annex);
  CheckProvenance(e, t.is_demo, t.source);
  if (!e.empty()) return e;
  if (!ctx.territory.FindOrp(t.orp_code)) e["orp_code"] = "unknown ORP '" + t.orp_code + "'";
  return e;
}

FieldErrors ValidateOrpText(const OrpText& t, const ValidationContext& ctx) {
  FieldErrors e;
  BoundsCheck b(e);
  b.Text(BoundOf("OrpText", "orp_code"), t.orp_code);
  b.Text(BoundOf("OrpText", "characteristics"), t.characteristics);
  b.Text(BoundOf("OrpText", "good_practice"), t.good_practice);
  b.Text(BoundOf("OrpText", "needs_and_themes"), t.needs_and_themes);
  b.Text(BoundOf("OrpText", "focus"), t.focus);
  b.Text(BoundOf("OrpText", "meaning"), t.meaning);
  b.Text(BoundOf("OrpText", "analysis_outputs"), t.analysis_outputs);
  b.Text(BoundOf("OrpText", "recommendations"), t.recommendations);
  CheckProvenance(e, t.is_demo, t.source);
  if (!e.empty()) return e;
  if (!ctx.territory.FindOrp(t.orp_code)) e["orp_code"] = "unknown ORP '" + t.orp_code + "'";
  return e;
}

FieldErrors ValidateStepInGoal(const Step& step, const Goal& goal) {
  FieldErrors e;
  if (step.deadline < goal.since)
    e["deadline"] = "lies before " + goal.since + ", when its goal was set";
  if (!step.completed_on.empty() && step.completed_on < goal.since)
    e["completed_on"] = "lies before " + goal.since + ", when its goal was set";
  return e;
}

}  // namespace prosit
