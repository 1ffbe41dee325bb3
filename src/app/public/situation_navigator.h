#pragma once
// The situation navigator for the public ("Co se děje?" → "Kde bydlíte?" → whom to turn
// to) and its view for professionals ("kdo co dělá" in an ORP). Public use cases: they
// read only what the public catalog answers an anonymous caller, so they take no Caller.

#include <string>
#include <vector>

#include "app/public/situation_cards.h"
#include "model/status.h"

namespace prosit {

// How many services an answer lists — the page, the API and the leaflet alike; each says
// how many more fit and leaves them to the catalog search of the municipality. The
// responsible actor is normally one (the OSPOD of the ORP); where several serve a
// municipality (Prague's districts, every school's counselling team) a person needs the
// nearest few to call, not hundreds to choose from. The helping services: the nearest ten.
inline constexpr SituationCardLimits kAnswerLimits{.responsible = 3, .helping = 10};
// "Kdo co dělá": per situation and role, the actors shown (most cards first) and the
// cards shown of each; the rest is counted and left to the catalog search.
inline constexpr size_t kWhoDoesWhatActors = 8;
inline constexpr size_t kWhoDoesWhatCardsPerActor = 1;
// The municipalities offered to choose from when a name fits several.
inline constexpr size_t kMaxCandidates = 20;

// Where a person lives, from what they typed: a 6-digit code, or a name with case and
// diacritics ignored ("hermanuv mestec"). A name that is exactly one municipality's is
// that one; several of that name (two Hlinsko) or, with no exact name, several whose names
// start so, are candidates to choose from (the most populous first); none is neither.
struct HomeMatch {
  const Municipality* municipality = nullptr;
  std::vector<const Municipality*> candidates;  // at most kMaxCandidates
  size_t total = 0;                             // how many fit in all
};
HomeMatch FindHome(const Territory& territory, const std::string& text);

const ModelSituation* FindSituation(const ReferenceData& reference, const std::string& id);

// How prominent the emergency numbers are: first, before anything else, where the
// situation puts safety first; shown, below the advice, where it depends; else none.
enum class EmergencyEmphasis { kNone, kShown, kFirst };
EmergencyEmphasis EmphasisOf(const ModelSituation& situation);
const char* ToString(EmergencyEmphasis emphasis);  // "none" | "shown" | "first"

struct NavigatorAnswer {
  const ModelSituation* situation = nullptr;
  const Municipality* municipality = nullptr;
  EmergencyEmphasis emergency = EmergencyEmphasis::kNone;
  std::vector<const EmergencyContact*> emergency_contacts;  // empty when kNone
  SituationCards cards;
  std::string travel_source;
  bool travel_estimated = false;  // the great-circle estimate only (the table not ready)
};

NavigatorAnswer Navigate(const NetworkSnapshot& snap, const ModelSituation& situation,
                         const Municipality& municipality, const CarMinutes& travel,
                         SituationCardLimits limits = kAnswerLimits);

// The model situations as written for people, with the emergency numbers:
// {"situations": [{id, cs, en, advice_cs, advice_en, safety_first, audience}],
//  "emergency_contacts": [...]}.
std::string SituationsJson(const ReferenceData& reference);

// The answer as GET /api/v1/situations/{id}/services gives it: the situation, the
// municipality (with its ORP and region), the emergency numbers with their emphasis, the
// responsible and the helping services — each the card as the public reads it with its
// "travel" (minutes by car, whether estimated; null without a public place), at most
// kAnswerLimits of each with how many fit in all ("responsible_total", "helping_total",
// "limits") — and where the travel times come from.
std::string NavigatorAnswerJson(const NetworkSnapshot& snap, const NavigatorAnswer& answer);

// "Kdo co dělá" in an ORP: for each situation, the published cards serving the ORP of a
// type responsible in it and of the types that can help, by actor, each with what it
// does and does not do (the card's competences). At most kWhoDoesWhatActors actors a
// role (those with the most such cards first, then by name) and kWhoDoesWhatCardsPerActor
// cards each (Czech order of names); the totals say how many there are in all.
struct WhoDoesWhat {
  const Orp* orp = nullptr;
  struct ActorCards {
    const ActorEntry* actor = nullptr;
    std::vector<const CardEntry*> cards;  // at most kWhoDoesWhatCardsPerActor
    size_t cards_total = 0;
  };
  struct Role {
    std::vector<ActorCards> actors;  // at most kWhoDoesWhatActors
    size_t actors_total = 0, cards_total = 0;
  };
  struct Row {
    const ModelSituation* situation = nullptr;
    Role responsible, helping;
  };
  std::vector<Row> rows;  // in the order of the model situations
};
Result<WhoDoesWhat> FindWhoDoesWhat(const NetworkSnapshot& snap, const std::string& orp_code);
std::string WhoDoesWhatJson(const NetworkSnapshot& snap, const WhoDoesWhat& answer);

}  // namespace prosit
