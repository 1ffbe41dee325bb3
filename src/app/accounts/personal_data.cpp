#include "app/accounts/personal_data.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "app/accounts/permissions.h"
#include "io/network_json.h"
#include "io/participation_json.h"
#include "model/czech_text.h"

namespace prosit {

namespace {

using nlohmann::json;

std::string Digits(const std::string& phone) {
  std::string d;
  for (char c : phone)
    if (std::isdigit(static_cast<unsigned char>(c))) d += c;
  if (d.size() == 12 && d.rfind("420", 0) == 0) d.erase(0, 3);  // +420 469 … = 469 …
  return d;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The contacts of a stored document as they are in its JSON.
Contact ContactOf(const json& c) {
  Contact out;
  out.name = c.value("name", "");
  out.email = c.value("email", "");
  out.phone = c.value("phone", "");
  return out;
}

// Where records name people: the contacts of actors and cards, the networkers of a
// participation in the networking (both with a name, e-mail and phone).
std::vector<Contact>& PeopleOf(Actor& a) { return a.contacts; }
std::vector<Contact>& PeopleOf(ServiceCard& c) { return c.contacts; }
std::vector<NetworkerContact>& PeopleOf(Participation& p) { return p.networkers; }
const std::vector<Contact>& PeopleOf(const Actor& a) { return a.contacts; }
const std::vector<Contact>& PeopleOf(const ServiceCard& c) { return c.contacts; }
const std::vector<NetworkerContact>& PeopleOf(const Participation& p) { return p.networkers; }

bool Matches(const Contact& c, const PersonQuery& q) { return ContactMatches(c, q); }
bool Matches(const NetworkerContact& n, const PersonQuery& q) {
  return ContactMatches(Contact{n.name, "", n.phone, n.email, "", false}, q);
}

json PersonToJson(const Contact& c) { return ContactsToJson({c})[0]; }
json PersonToJson(const NetworkerContact& n) { return NetworkerContactToJson(n); }

// Overwrites the text fields of every matching person of a document; nullopt when none.
std::optional<std::string> RedactDocument(const std::string& doc, const PersonQuery& q) {
  json j = json::parse(doc, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  bool changed = false;
  for (const char* list : {"contacts", "networkers"}) {
    if (!j.contains(list) || !j[list].is_array()) continue;
    for (json& c : j[list]) {
      if (!c.is_object() || !ContactMatches(ContactOf(c), q)) continue;
      for (const char* field : {"name", "role", "phone", "email"})
        if (c.contains(field) && c[field] != kErased) c[field] = kErased;
      changed = true;
    }
  }
  if (!changed) return std::nullopt;
  return j.dump();
}

template <typename Record>
bool HoldsPerson(const Record& r, const PersonQuery& q) {
  const auto& people = PeopleOf(r);
  return std::any_of(people.begin(), people.end(), [&](const auto& c) { return Matches(c, q); });
}

template <typename Record>
size_t DropMatching(Record& r, const PersonQuery& q) {
  auto& people = PeopleOf(r);
  size_t before = people.size();
  std::erase_if(people, [&](const auto& c) { return Matches(c, q); });
  return before - people.size();
}

// The kinds of record that name people, with their place in the change log.
constexpr EntityKind kKindsNamingPeople[] = {EntityKind::kActor, EntityKind::kServiceCard,
                                             EntityKind::kParticipation};

// Removes the person's contacts from one stored record; how many it removed.
template <typename Record>
Result<size_t> EraseFromRecord(StoreTransaction& tx, EntityKind kind, int64_t id,
                               Result<Record> (*parse)(std::string_view, Record*),
                               json (*to_json)(const Record&), const PersonQuery& q) {
  auto doc = tx.Get(kind, id);
  if (!doc.ok()) return doc.status();
  if (!doc->has_value()) return size_t{0};
  auto record = parse((*doc)->json, nullptr);
  if (!record.ok()) return Status::Corruption("stored record: " + record.status().ToString());
  size_t removed = DropMatching(*record, q);
  if (removed == 0) return removed;
  DocumentPut put;
  put.kind = kind;
  put.id = id;
  put.expected_version = (*doc)->version;
  put.parent_id = (*doc)->parent_id;
  put.render = [&](int64_t new_id, int64_t version) {
    record->id = new_id;
    record->version = version;
    return to_json(*record).dump();
  };
  auto written = tx.Put(put);
  if (!written.ok()) return written.status();
  return removed;
}

}  // namespace

FieldErrors CheckPersonQuery(const PersonQuery& q) {
  FieldErrors e;
  if (q.name.empty() && q.email.empty() && q.phone.empty())
    e["name"] = "name the person by name, email or phone";
  if (!q.phone.empty() && Digits(q.phone).size() < 6) e["phone"] = "needs at least 6 digits";
  if (q.name.size() > 200 || q.email.size() > 200 || q.phone.size() > 50) e["name"] = "too long";
  return e;
}

bool ContactMatches(const Contact& c, const PersonQuery& q) {
  if (!q.name.empty() && FoldForSearch(c.name) != FoldForSearch(q.name)) return false;
  if (!q.email.empty() && Lower(c.email) != Lower(q.email)) return false;
  if (!q.phone.empty() && Digits(c.phone) != Digits(q.phone)) return false;
  return true;
}

Result<std::string> PersonalDataJson(const Caller& caller, const NetworkSnapshot& snap,
                                     Store& store, const PersonQuery& q) {
  PROSIT_RETURN_IF_ERROR(MayAdminister(caller));
  json contacts = json::array();
  auto add = [&](const char* entity, int64_t id, const std::string& name, const auto& of) {
    for (const auto& c : of)
      if (Matches(c, q))
        contacts.push_back(
            {{"entity", entity}, {"id", id}, {"record", name}, {"contact", PersonToJson(c)}});
  };
  for (const auto& [id, a] : snap.actors) add("actor", id, a->actor.name, a->actor.contacts);
  for (const auto& [id, e] : snap.cards) add("service_card", id, e->card.name, e->card.contacts);
  for (const auto& [id, p] : snap.participations)
    add("participation", id, p->orp_code, p->networkers);
  json history = json::array();
  for (EntityKind kind : kKindsNamingPeople) {
    ChangeFilter f;
    f.kind = kind;
    f.limit = INT64_MAX;
    auto page = store.FindChanges(f);
    if (!page.ok()) return page.status();
    for (const ChangeEntry& e : page->entries) {
      bool holds =
          (e.before && RedactDocument(*e.before, q)) || (e.after && RedactDocument(*e.after, q));
      if (holds)
        history.push_back({{"seq", e.seq},
                           {"at", e.at},
                           {"author", e.author},
                           {"entity", EntityName(e.kind)},
                           {"id", e.entity_id},
                           {"op", e.op}});
    }
  }
  json person = {{"name", q.name}, {"email", q.email}, {"phone", q.phone}};
  return json{{"person", person}, {"contacts", contacts}, {"history", history}}.dump();
}

Result<std::string> ErasePersonalData(const Caller& caller, SnapshotKeeper& keeper, Store& store,
                                      const std::string& now, const PersonQuery& q) {
  PROSIT_RETURN_IF_ERROR(MayAdminister(caller));
  auto snap = keeper.Current();
  size_t erased = 0;
  int64_t history_rows = 0;
  json records = json::array();
  auto redact = [&](const std::string& doc) { return RedactDocument(doc, q); };
  Status s = store.Transact({caller.author(), now}, [&](StoreTransaction& tx) -> Status {
    for (const auto& [id, a] : snap->actors) {
      if (!HoldsPerson(a->actor, q)) continue;
      auto n = EraseFromRecord(tx, EntityKind::kActor, id, ActorFromJson, ActorToJson, q);
      if (!n.ok()) return n.status();
      if (*n) records.push_back({{"entity", "actor"}, {"id", id}});
      erased += *n;
    }
    for (const auto& [id, c] : snap->cards) {
      if (!HoldsPerson(c->card, q)) continue;
      auto n = EraseFromRecord(tx, EntityKind::kServiceCard, id, ServiceCardFromJson,
                               ServiceCardToJson, q);
      if (!n.ok()) return n.status();
      if (*n) records.push_back({{"entity", "service_card"}, {"id", id}});
      erased += *n;
    }
    for (const auto& [id, p] : snap->participations) {
      if (!HoldsPerson(*p, q)) continue;
      auto n = EraseFromRecord(tx, EntityKind::kParticipation, id, ParticipationFromJson,
                               ParticipationToJson, q);
      if (!n.ok()) return n.status();
      if (*n) records.push_back({{"entity", "participation"}, {"id", id}});
      erased += *n;
    }
    for (EntityKind kind : kKindsNamingPeople) {
      auto rows = tx.RedactHistory(kind, redact);
      if (!rows.ok()) return rows.status();
      history_rows += *rows;
    }
    return tx.LogErasure(json{
        {"erased_contacts", erased}, {"records", records.size()}, {"history_rows", history_rows}}
                             .dump());
  });
  PROSIT_RETURN_IF_ERROR(s);
  keeper.CatchUp();
  return json{{"erased_contacts", erased}, {"records", records}, {"history_rows", history_rows}}
      .dump();
}

}  // namespace prosit
