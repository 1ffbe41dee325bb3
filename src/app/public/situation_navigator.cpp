#include "app/public/situation_navigator.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "app/catalog/catalog_queries.h"
#include "app/catalog/territory_queries.h"
#include "model/czech_text.h"

namespace prosit {

using nlohmann::json;

namespace {

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

bool IsMunicipalityCode(const std::string& s) {
  return s.size() == 6 &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Folded words joined by one space: "Heřmanův  Městec" and "hermanuv mestec" compare equal.
std::string FoldedName(const std::string& name) {
  std::string out;
  for (const std::string& w : SearchTokens(FoldForSearch(name)))
    out += (out.empty() ? "" : " ") + w;
  return out;
}

json LabelJson(const Label& l, const char* prefix = "") {
  return {{std::string(prefix) + "cs", l.cs}, {std::string(prefix) + "en", l.en}};
}

json SituationJson(const ModelSituation& s) {
  json j = {{"id", s.id}, {"cs", s.label.cs}, {"en", s.label.en}};
  j["advice_cs"] = s.advice.cs;
  j["advice_en"] = s.advice.en;
  j["safety_first"] = s.safety_first;
  j["audience"] = s.audience;
  j["responsible_service_types"] = s.responsible_service_types;
  j["service_types"] = s.service_types;
  return j;
}

json EmergencyContactJson(const EmergencyContact& c) {
  std::string dial;
  for (char ch : c.number)
    if (ch != ' ') dial += ch;
  json j = {{"id", c.id},           {"number", c.number},   {"tel", "tel:" + dial},
            {"kind", c.kind},       {"cs", c.label.cs},     {"en", c.label.en},
            {"when_cs", c.when.cs}, {"when_en", c.when.en}, {"free", c.free},
            {"nonstop", c.nonstop}};
  if (!c.nonstop) j.update(LabelJson(c.hours, "hours_"));
  return j;
}

json MunicipalityJson(const Territory& t, const Municipality& m) {
  json j = {{"code", m.code}, {"name", m.name}, {"orp_code", m.orp_code}};
  if (const Orp* o = t.FindOrp(m.orp_code)) j["orp_name"] = o->name;
  j["region_code"] = m.region_code;
  if (const Region* r = t.FindRegion(m.region_code)) j["region_name"] = r->name;
  return j;
}

// The card exactly as an anonymous caller reads it (published, public contacts only, a
// confidential place coarsened to its ORP), with its service type's label.
json PublicCard(const NetworkSnapshot& snap, const CardEntry& e) {
  auto doc = CardDocument(Caller::Public(), snap, e.card.id);
  json card = doc.ok() ? json::parse(*doc) : json::object();
  if (const ServiceType* type = snap.frame->reference.FindServiceType(e.card.service_type))
    card["service_type_label"] = LabelJson(type->label);
  return card;
}

json ServiceJson(const NetworkSnapshot& snap, const SituationCard& c) {
  json travel = nullptr;
  if (c.travel)
    travel = {{"minutes", static_cast<int>(c.travel->minutes + 0.5f)},
              {"estimated", c.travel->estimated}};
  return {{"card", PublicCard(snap, *c.entry)},
          {"travel", travel},
          {"comes_to_you", c.comes_to_you},
          {"remote", c.remote},
          {"serves_here", c.serves_here}};
}

// The cards of one role grouped by their actor: the actors with the most cards first
// (then by name), at most kWhoDoesWhatActors, each with at most kWhoDoesWhatCardsPerActor
// cards in Czech order of their names; the totals count them all.
WhoDoesWhat::Role ByActor(const NetworkSnapshot& snap, std::vector<const CardEntry*> cards) {
  std::stable_sort(cards.begin(), cards.end(), [](const CardEntry* a, const CardEntry* b) {
    return a->searchable.sort_key < b->searchable.sort_key;
  });
  std::map<int64_t, WhoDoesWhat::ActorCards> by_actor;
  for (const CardEntry* e : cards) {
    WhoDoesWhat::ActorCards& a = by_actor[e->card.actor_id];
    if (!a.actor)
      if (auto it = snap.actors.find(e->card.actor_id); it != snap.actors.end())
        a.actor = it->second.get();
    if (a.cards.size() < kWhoDoesWhatCardsPerActor) a.cards.push_back(e);
    ++a.cards_total;
  }
  WhoDoesWhat::Role role;
  role.cards_total = cards.size();
  role.actors_total = by_actor.size();
  for (auto& [id, a] : by_actor) role.actors.push_back(std::move(a));
  auto key = [](const WhoDoesWhat::ActorCards& a) {
    return a.actor ? a.actor->sort_key : std::string();
  };
  std::stable_sort(role.actors.begin(), role.actors.end(),
                   [&](const WhoDoesWhat::ActorCards& a, const WhoDoesWhat::ActorCards& b) {
                     if (a.cards_total != b.cards_total) return a.cards_total > b.cards_total;
                     return key(a) < key(b);
                   });
  if (role.actors.size() > kWhoDoesWhatActors) role.actors.resize(kWhoDoesWhatActors);
  return role;
}

}  // namespace

HomeMatch FindHome(const Territory& territory, const std::string& text) {
  HomeMatch match;
  std::string typed = Trimmed(text);
  if (typed.empty()) return match;
  if (IsMunicipalityCode(typed)) {
    match.municipality = territory.FindMunicipality(typed);
    match.total = match.municipality ? 1 : 0;
    return match;
  }
  PlaceQuery q;
  q.text = typed;
  std::vector<const Municipality*> hits = MatchingMunicipalities(territory, q);
  std::string folded = FoldedName(typed);
  std::vector<const Municipality*> exact;
  for (const Municipality* m : hits)
    if (FoldedName(m->name) == folded) exact.push_back(m);
  const std::vector<const Municipality*>& fit = exact.empty() ? hits : exact;
  match.total = fit.size();
  if (fit.size() == 1) {
    match.municipality = fit.front();
    return match;
  }
  match.candidates.assign(fit.begin(), fit.begin() + std::min(fit.size(), kMaxCandidates));
  return match;
}

const ModelSituation* FindSituation(const ReferenceData& reference, const std::string& id) {
  for (const ModelSituation& s : reference.situations)
    if (s.id == id) return &s;
  return nullptr;
}

EmergencyEmphasis EmphasisOf(const ModelSituation& situation) {
  if (situation.safety_first == "yes") return EmergencyEmphasis::kFirst;
  if (situation.safety_first == "depends") return EmergencyEmphasis::kShown;
  return EmergencyEmphasis::kNone;
}

const char* ToString(EmergencyEmphasis emphasis) {
  switch (emphasis) {
    case EmergencyEmphasis::kFirst:
      return "first";
    case EmergencyEmphasis::kShown:
      return "shown";
    case EmergencyEmphasis::kNone:
      break;
  }
  return "none";
}

NavigatorAnswer Navigate(const NetworkSnapshot& snap, const ModelSituation& situation,
                         const Municipality& municipality, const CarMinutes& travel,
                         SituationCardLimits limits) {
  NavigatorAnswer a;
  a.situation = &situation;
  a.municipality = &municipality;
  a.emergency = EmphasisOf(situation);
  if (a.emergency != EmergencyEmphasis::kNone)
    for (const EmergencyContact& c : snap.frame->reference.emergency_contacts)
      a.emergency_contacts.push_back(&c);
  a.cards = ChooseSituationCards(snap, situation, municipality, travel, limits);
  a.travel_source = travel.Source();
  a.travel_estimated = travel.estimated_only();
  return a;
}

std::string SituationsJson(const ReferenceData& reference) {
  json situations = json::array(), contacts = json::array();
  for (const ModelSituation& s : reference.situations) situations.push_back(SituationJson(s));
  for (const EmergencyContact& c : reference.emergency_contacts)
    contacts.push_back(EmergencyContactJson(c));
  return json{{"situations", situations}, {"emergency_contacts", contacts}}.dump();
}

std::string NavigatorAnswerJson(const NetworkSnapshot& snap, const NavigatorAnswer& a) {
  json contacts = json::array(), responsible = json::array(), helping = json::array();
  for (const EmergencyContact* c : a.emergency_contacts)
    contacts.push_back(EmergencyContactJson(*c));
  for (const SituationCard& c : a.cards.responsible) responsible.push_back(ServiceJson(snap, c));
  for (const SituationCard& c : a.cards.helping) helping.push_back(ServiceJson(snap, c));
  return json{
      {"situation", SituationJson(*a.situation)},
      {"municipality", MunicipalityJson(snap.frame->territory, *a.municipality)},
      {"emergency", {{"emphasis", ToString(a.emergency)}, {"contacts", contacts}}},
      {"responsible", responsible},
      {"helping", helping},
      {"responsible_total", a.cards.responsible_total},
      {"helping_total", a.cards.helping_total},
      {"limits", {{"responsible", kAnswerLimits.responsible}, {"helping", kAnswerLimits.helping}}},
      {"travel", {{"mode", "car"}, {"source", a.travel_source}, {"estimated", a.travel_estimated}}}}
      .dump();
}

Result<WhoDoesWhat> FindWhoDoesWhat(const NetworkSnapshot& snap, const std::string& orp_code) {
  WhoDoesWhat answer;
  answer.orp = snap.frame->territory.FindOrp(orp_code);
  if (!answer.orp) return Status::NotFound("no ORP with code " + orp_code);
  for (const ModelSituation& s : snap.frame->reference.situations) {
    std::vector<const CardEntry*> responsible, helping;
    for (const std::string& type : SituationServiceTypes(s)) {
      ServiceQuery q;
      q.orp = orp_code;
      q.service_type = type;
      q.published = true;
      bool is_responsible =
          std::find(s.responsible_service_types.begin(), s.responsible_service_types.end(), type) !=
          s.responsible_service_types.end();
      auto& into = is_responsible ? responsible : helping;
      for (const CardEntry* e : SearchedCards(Caller::Public(), snap, q)) into.push_back(e);
    }
    answer.rows.push_back({&s, ByActor(snap, responsible), ByActor(snap, helping)});
  }
  return answer;
}

std::string WhoDoesWhatJson(const NetworkSnapshot& snap, const WhoDoesWhat& answer) {
  const Territory& t = snap.frame->territory;
  json rows = json::array();
  // A card is read once however many situations list it.
  std::map<int64_t, json> read;
  auto entry = [&](const CardEntry* e) {
    auto [it, fresh] = read.emplace(e->card.id, json());
    if (fresh) {
      json card = PublicCard(snap, *e);
      it->second = {{"id", e->card.id},
                    {"name", card.value("name", "")},
                    {"actor", card.value("actor", json::object())},
                    {"service_type", e->card.service_type},
                    {"service_type_label", card.value("service_type_label", json::object())},
                    {"does", card.value("does", "")},
                    {"does_not", card.value("does_not", "")},
                    {"access", card.value("access", "")},
                    {"contacts", card.value("contacts", json::array())}};
    }
    return it->second;
  };
  auto role = [&](const WhoDoesWhat::Role& r) {
    json actors = json::array();
    for (const WhoDoesWhat::ActorCards& a : r.actors) {
      json cards = json::array();
      for (const CardEntry* e : a.cards) cards.push_back(entry(e));
      // The actor as the public card names it.
      actors.push_back({{"actor", cards.empty() ? json::object() : cards[0]["actor"]},
                        {"cards", cards},
                        {"cards_total", a.cards_total}});
    }
    return json{
        {"actors", actors}, {"actors_total", r.actors_total}, {"cards_total", r.cards_total}};
  };
  for (const WhoDoesWhat::Row& row : answer.rows)
    rows.push_back({{"situation", SituationJson(*row.situation)},
                    {"responsible", role(row.responsible)},
                    {"helping", role(row.helping)}});
  json orp = {{"code", answer.orp->code}, {"name", answer.orp->name}};
  if (const Region* r = t.FindRegion(answer.orp->region_code)) orp["region_name"] = r->name;
  orp["seat_municipality_code"] = answer.orp->seat_municipality_code;
  json limits = {{"actors", kWhoDoesWhatActors}, {"cards_per_actor", kWhoDoesWhatCardsPerActor}};
  return json{{"orp", orp}, {"situations", rows}, {"limits", limits}}.dump();
}

}  // namespace prosit
