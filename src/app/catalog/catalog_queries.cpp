#include "app/catalog/catalog_queries.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "app/accounts/card_places.h"
#include "app/accounts/permissions.h"
#include "app/query_scope.h"
#include "io/network_json.h"
#include "model/czech_text.h"
#include "model/validation.h"

namespace prosit {

namespace {

void CheckCodes(FieldErrors& e, const NetworkSnapshot& snap, const std::string& region,
                const std::string& orp, const std::string& municipality,
                const std::string& sector) {
  const Frame& f = *snap.frame;
  CheckTerritoryParams(e, f.territory, region, orp);
  if (!municipality.empty() && !f.territory.FindMunicipality(municipality))
    e["municipality"] = "unknown municipality code";
  if (!sector.empty() && !f.reference.FindSector(sector)) e["sector"] = "unknown sector";
}

// Every word of a query costs a posting-list merge: bound them.
constexpr size_t kMaxQueryWords = 12;
constexpr size_t kMaxQueryBytes = 400;

void CheckText(FieldErrors& e, const std::string& text) {
  // Counted on the raw bytes (no folding, no allocation): this runs on every search.
  size_t words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    bool word_byte = std::isalnum(c) || c >= 0x80;
    words += word_byte && !in_word;
    in_word = word_byte;
  }
  if (text.size() > kMaxQueryBytes || words > kMaxQueryWords)
    e["q"] = "is too long: at most " + std::to_string(kMaxQueryWords) + " words and " +
             std::to_string(kMaxQueryBytes) + " bytes";
}

// Keeps only the contacts marked public: what the public sees of an actor or a card.
void DropContacts(nlohmann::json& doc) {
  auto& contacts = doc["contacts"];
  if (!contacts.is_array()) return;
  nlohmann::json kept = nlohmann::json::array();
  for (auto& c : contacts)
    if (c.value("public", false)) kept.push_back(std::move(c));
  contacts = std::move(kept);
}

// An actor as the caller may see it: the public sees neither non-public contacts nor notes.
nlohmann::json ActorJsonFor(const Caller& caller, const Actor& actor) {
  nlohmann::json j = ActorToJson(actor);
  if (SeesPersonalData(caller)) return j;
  DropContacts(j);
  j.erase("note");
  return j;
}

}  // namespace

FieldErrors CheckServiceQuery(const ServiceQuery& q, const NetworkSnapshot& snap) {
  FieldErrors e;
  CheckCodes(e, snap, q.region, q.orp, q.municipality, q.sector);
  const ReferenceData& ref = snap.frame->reference;
  if (!q.service_type.empty() && !ref.FindServiceType(q.service_type))
    e["service_type"] = "unknown service type";
  if (!q.need_area.empty() && !ref.FindNeedArea(q.need_area)) e["need_area"] = "unknown need area";
  if (q.level && !ref.FindLevel(*q.level)) e["level"] = "unknown support level";
  if (!q.form.empty() && !OneOf(q.form, kForms))
    e["form"] = "must be ambulatory, outreach, residential or remote";
  if (q.age && (*q.age < 0 || *q.age > 26)) e["age"] = "must be between 0 and 26";
  CheckText(e, q.text);
  return e;
}

FieldErrors CheckActorQuery(const ActorQuery& q, const NetworkSnapshot& snap) {
  FieldErrors e;
  CheckCodes(e, snap, q.region, q.orp, q.municipality, q.sector);
  if (!q.actor_type.empty() && !snap.frame->reference.FindActorType(q.actor_type))
    e["actor_type"] = "unknown actor type";
  CheckText(e, q.text);
  return e;
}

namespace {

// The internal cards the caller may see in a search.
void NarrowToCaller(const Caller& caller, ServiceQuery& q) {
  q.internal_all = caller.everywhere();
  if (caller.signed_in() && !q.internal_all) {
    q.internal_orps = caller.orps();
    q.internal_actors = caller.actors();
  }
}

// A card's summary as the caller may see it (a confidential place coarsened to its ORP).
std::string_view SummaryFor(const Caller& caller, const NetworkSnapshot& snap, const CardEntry& e) {
  bool hide = !e.hidden_summary_json.empty() && !SeesPlace(caller, PlaceOf(e.card, snap));
  return hide ? e.hidden_summary_json : e.summary_json;
}

}  // namespace

std::string SearchServiceCards(const Caller& caller, const NetworkSnapshot& snap, ServiceQuery q) {
  NarrowToCaller(caller, q);
  ServiceIndex::Hits hits = snap.index->Search(q, snap.overlay);
  std::vector<std::string_view> items;
  items.reserve(hits.page.size());
  for (const SearchableCard* card : hits.page)
    items.push_back(SummaryFor(caller, snap, *snap.FindCard(card->id)));
  return RenderPage(items, hits.total, q.offset, q.limit);
}

std::vector<const CardEntry*> SearchedCards(const Caller& caller, const NetworkSnapshot& snap,
                                            ServiceQuery q) {
  q.offset = 0;
  q.limit = SIZE_MAX;
  NarrowToCaller(caller, q);
  ServiceIndex::Hits hits = snap.index->Search(q, snap.overlay);
  std::vector<const CardEntry*> cards;
  cards.reserve(hits.page.size());
  for (const SearchableCard* card : hits.page) {
    const CardEntry* e = snap.FindCard(card->id);
    // As CardDocument judges each card the list names.
    if (e && SeesCard(caller, e->card, e->searchable.orps)) cards.push_back(e);
  }
  return cards;
}

FieldErrors CheckVerifiedBefore(const std::string& before) {
  FieldErrors e;
  CheckDateParam(e, "verified_before", before);
  return e;
}

std::string SearchUnverifiedCards(const Caller& caller, const NetworkSnapshot& snap, ServiceQuery q,
                                  const std::string& before) {
  const size_t offset = q.offset, limit = q.limit;
  q.offset = 0;
  q.limit = SIZE_MAX;
  NarrowToCaller(caller, q);
  ServiceIndex::Hits hits = snap.index->Search(q, snap.overlay);
  std::vector<std::string_view> items;
  size_t total = 0;
  for (const SearchableCard* card : hits.page) {
    const CardEntry* e = snap.FindCard(card->id);
    // ISO dates sort as text, and a card never verified ("") sorts before every date.
    if (e->card.last_verified >= before) continue;
    if (total >= offset && items.size() < limit) items.push_back(SummaryFor(caller, snap, *e));
    ++total;
  }
  return RenderPage(items, total, offset, limit);
}

std::string ListActors(const Caller& caller, const NetworkSnapshot& snap, const ActorQuery& q) {
  const Territory& t = snap.frame->territory;
  auto query_words = SearchTokens(FoldForSearch(q.text));
  std::vector<std::string> rendered;
  size_t total = 0;
  for (const ActorEntry* e : snap.actors_sorted) {
    const Actor& a = e->actor;
    const Municipality* seat = t.FindMunicipality(a.seat.municipality_code);
    if (!q.municipality.empty() && a.seat.municipality_code != q.municipality) continue;
    if (!q.orp.empty() && (!seat || seat->orp_code != q.orp)) continue;
    if (!q.region.empty() && (!seat || seat->region_code != q.region)) continue;
    if (!q.sector.empty() && a.sector != q.sector) continue;
    if (!q.actor_type.empty() && a.actor_type != q.actor_type) continue;
    if (!query_words.empty() && !MatchesAllWords(query_words, e->folded_name)) continue;
    if (total >= q.offset && rendered.size() < q.limit)
      rendered.push_back(ActorJsonFor(caller, a).dump());
    ++total;
  }
  return RenderPage({rendered.begin(), rendered.end()}, total, q.offset, q.limit);
}

Result<std::string> ActorDocument(const Caller& caller, const NetworkSnapshot& snap, int64_t id) {
  const ActorEntry* e = snap.FindActor(id);
  if (!e) return Status::NotFound("no actor " + std::to_string(id));
  return ActorJsonFor(caller, e->actor).dump();
}

Result<std::string> CardDocument(const Caller& caller, const NetworkSnapshot& snap, int64_t id) {
  const CardEntry* e = snap.FindCard(id);
  if (!e || !SeesCard(caller, e->card, e->searchable.orps))
    return Status::NotFound("no service card " + std::to_string(id));
  nlohmann::json j = ServiceCardToJson(e->card);
  // Its actor's name beside its id, as the lists carry it (actors are public).
  const ActorEntry* actor = snap.FindActor(e->card.actor_id);
  j["actor"] = {{"id", e->card.actor_id},
                {"name", actor ? nlohmann::json(actor->actor.name) : nlohmann::json(nullptr)}};
  if (!SeesPersonalData(caller)) DropContacts(j);
  ShowPlacesTo(caller, snap.frame->territory, j);
  return j.dump();
}

std::string ActorMethods(const Caller& caller, const NetworkSnapshot& snap, int64_t id) {
  const ActorEntry* e = snap.FindActor(id);
  if (!e) return "GET";
  RecordPlace place = PlaceOf(e->actor, snap);
  std::string methods = "GET";
  if (MayWriteActor(caller, place, WriteOp::kUpdate).ok()) methods += ", PUT, PATCH";
  if (MayWriteActor(caller, place, WriteOp::kDelete).ok()) methods += ", DELETE";
  return methods;
}

std::string CardMethods(const Caller& caller, const NetworkSnapshot& snap, int64_t id) {
  const CardEntry* e = snap.FindCard(id);
  // The same rule changes and deletes a card.
  if (!e || !MayWriteCard(caller, PlaceOf(e->card, snap)).ok()) return "GET";
  return "GET, PUT, PATCH, DELETE";
}

}  // namespace prosit
