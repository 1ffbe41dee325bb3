#include "app/networking/profile_queries.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "analysis/monitoring.h"
#include "app/accounts/permissions.h"
#include "app/query_scope.h"
#include "io/analysis_text_json.h"
#include "io/participation_json.h"
#include "io/territory_json.h"

namespace prosit {

using nlohmann::json;

namespace {

// The participations naming `code`, the earliest first.
std::vector<const Participation*> ParticipationsOf(const NetworkSnapshot& snap,
                                                   const std::string& code) {
  std::vector<const Participation*> out;
  for (const auto& [id, p] : snap.participations)
    if (p->orp_code == code) out.push_back(p.get());
  std::stable_sort(out.begin(), out.end(), [](const Participation* a, const Participation* b) {
    return a->since < b->since;
  });
  return out;
}

// Whether `code` takes part on `today`, since when (the earliest start of the unbroken
// participation that holds today, else of the latest one), and its networkers now.
json ParticipationSummary(const std::vector<const Participation*>& ps, const std::string& today) {
  json records = json::array();
  json networkers = json::array();
  bool takes_part = false;
  std::string since, until;
  for (const Participation* p : ps) {
    records.push_back(ParticipationToJson(*p));
    if (TakesPart(*p, today)) {
      if (!takes_part || p->since < since) since = p->since;
      takes_part = true;
      until.clear();
      for (const NetworkerContact& n : p->networkers)
        networkers.push_back(NetworkerContactToJson(n));
    } else if (!takes_part && p->since <= today) {
      since = p->since;
      until = p->until;
    }
  }
  return {{"takes_part", takes_part},
          {"since", since.empty() ? json(nullptr) : json(since)},
          {"until", until.empty() ? json(nullptr) : json(until)},
          {"networkers", networkers},
          {"records", records}};
}

// The children of an ORP as the territory data has them: the census count of 0–14-year-
// olds and the 0–17 count of its municipalities (estimated or imported, docs/design.md).
json ChildrenOf(const Territory& t, const Orp& o) {
  double children = 0;
  size_t imported = 0;
  for (size_t i : t.MunicipalitiesOfOrp(o.code)) {
    children += t.municipalities()[i].children_0_17;
    imported += t.municipalities()[i].children_imported;
  }
  return {{"census_0_14", o.census_children_0_14},
          {"census_population", o.census_population},
          {"age_0_17", std::round(children)},
          {"age_0_17_imported_municipalities", imported}};
}

// Actors seated in the ORP by their sector and cards delivered in or serving it by the
// sector of their service type, every sector of the reference data in its order.
json BySector(const NetworkSnapshot& snap, const std::string& code, int64_t& actors, int64_t& cards,
              int64_t& published) {
  const Territory& t = snap.frame->territory;
  std::unordered_map<std::string, int64_t> actor_count, card_count;
  for (const auto& [id, a] : snap.actors) {
    const Municipality* m = t.FindMunicipality(a->actor.seat.municipality_code);
    if (!m || m->orp_code != code) continue;
    ++actors;
    ++actor_count[a->actor.sector];
  }
  for (const auto& [id, c] : snap.cards) {
    const auto& orps = c->searchable.orps;
    if (std::find(orps.begin(), orps.end(), code) == orps.end()) continue;
    ++cards;
    published += c->card.published;
    ++card_count[c->searchable.sector];
  }
  json out = json::array();
  for (const Sector& s : snap.frame->reference.sectors)
    out.push_back({{"sector", s.id},
                   {"cs", s.label.cs},
                   {"en", s.label.en},
                   {"actors", actor_count[s.id]},
                   {"cards", card_count[s.id]}});
  return out;
}

// The networker's texts: the newest text record of the ORP, section by section.
json Texts(const NetworkSnapshot& snap, const std::string& code) {
  const OrpText* text = nullptr;
  for (const auto& [id, t] : snap.orp_texts)
    if (t->orp_code == code) text = t.get();  // ids grow: the last is the newest
  json sections = json::array();
  for (const OrpTextSection& s : kOrpTextSections)
    sections.push_back({{"key", s.key},
                        {"heading_cs", s.heading_cs},
                        {"heading_en", s.heading_en},
                        {"text", text ? text->*s.member : ""}});
  json record = nullptr;
  if (text) record = {{"id", text->id}, {"version", text->version}};
  return {{"record", record}, {"sections", sections}};
}

}  // namespace

Result<std::string> OrpProfileJson(const Caller& caller, const NetworkSnapshot& snap,
                                   const std::string& code, const std::string& today) {
  const Territory& t = snap.frame->territory;
  const Orp* orp = t.FindOrp(code);
  if (!orp) return Status::NotFound("no ORP with code " + code);
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, t, "", code, true));
  const Region* region = t.FindRegion(orp->region_code);
  int64_t actors = 0, cards = 0, published = 0;
  json by_sector = BySector(snap, code, actors, cards, published);
  int64_t meetings = 0, records = 0, open_needs = 0, themes = 0, overdue = 0;
  for (const auto& [id, m] : snap.meetings)
    if (m->orp_code == code) {
      ++meetings;
      records += HasRecord(*m);
    }
  for (const auto& [id, n] : snap.needs)
    open_needs += n->orp_code == code && (n->status == "open" || n->status == "being_addressed");
  for (const auto& [id, th] : snap.themes) themes += th->orp_code == code;
  for (const auto& [id, s] : snap.steps) {
    if (!IsOverdue(*s, today)) continue;
    auto g = snap.goals.find(s->goal_id);
    if (g == snap.goals.end()) continue;
    auto th = snap.themes.find(g->second->theme_id);
    overdue += th != snap.themes.end() && th->second->orp_code == code;
  }
  json j = {{"orp", OrpJson(t, *orp)},
            {"region", {{"code", orp->region_code}, {"name", region ? region->name : ""}}},
            {"population", orp->population},
            {"children", ChildrenOf(t, *orp)},
            {"municipalities", t.MunicipalitiesOfOrp(code).size()},
            {"services_by_sector", by_sector},
            {"participation", ParticipationSummary(ParticipationsOf(snap, code), today)},
            {"region_participation",
             ParticipationSummary(ParticipationsOf(snap, orp->region_code), today)},
            {"counts",
             {{"actors", actors},
              {"service_cards", cards},
              {"published_service_cards", published},
              {"meetings", meetings},
              {"meeting_records", records},
              {"open_needs", open_needs},
              {"themes", themes},
              {"overdue_steps", overdue}}},
            {"texts", Texts(snap, code)},
            {"today", today}};
  return j.dump();
}

FieldErrors CheckParticipationQuery(const ParticipationQuery& q, const NetworkSnapshot& snap) {
  FieldErrors e;
  CheckOneTerritory(e, snap.frame->territory, q.region, q.orp);
  return e;
}

Result<std::string> ListParticipations(const Caller& caller, const NetworkSnapshot& snap,
                                       const ParticipationQuery& q) {
  const Territory& t = snap.frame->territory;
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, t, q.region, q.orp, false));
  std::vector<const Participation*> rows;
  for (const auto& [id, p] : snap.participations)
    if (OrpInScope(t, p->orp_code, q.region, q.orp, caller)) rows.push_back(p.get());
  std::stable_sort(rows.begin(), rows.end(), [](const Participation* a, const Participation* b) {
    return a->since < b->since;
  });
  std::vector<std::string> rendered;
  for (size_t i = q.offset; i < rows.size() && rendered.size() < q.limit; ++i)
    rendered.push_back(ParticipationToJson(*rows[i]).dump());
  return RenderPage({rendered.begin(), rendered.end()}, rows.size(), q.offset, q.limit);
}

Result<std::string> ListAnalysisTexts(const Caller& caller, const NetworkSnapshot& snap,
                                      const ParticipationQuery& q) {
  const Territory& t = snap.frame->territory;
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, t, q.region, q.orp, false));
  std::vector<const AnalysisText*> rows;
  for (const auto& [id, a] : snap.analysis_texts)
    if (OrpInScope(t, a->orp_code, q.region, q.orp, caller)) rows.push_back(a.get());
  // Ids grow: the highest is the newest.
  std::sort(rows.begin(), rows.end(),
            [](const AnalysisText* a, const AnalysisText* b) { return a->id > b->id; });
  std::vector<std::string> rendered;
  for (size_t i = q.offset; i < rows.size() && rendered.size() < q.limit; ++i)
    rendered.push_back(AnalysisTextToJson(*rows[i]).dump());
  return RenderPage({rendered.begin(), rendered.end()}, rows.size(), q.offset, q.limit);
}

}  // namespace prosit
