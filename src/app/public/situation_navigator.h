#pragma once
// The situation navigator for the public ("Co se děje?" → "Kde bydlíte?" → whom to turn
// to) and its view for professionals ("kdo co dělá" in an ORP). Public use cases: they
// read only what the public catalog answers an anonymous caller, so they take no Caller.

#include <string>
#include <vector>

#include "app/public/situation_cards.h"
#include "model/status.h"

namespace prosit {

// The helping services an answer lists (the nearest); the answer says how many more fit.
inline constexpr size_t kHelpingLimit = 10;
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
                         size_t helping_limit = kHelpingLimit);

// The model situations as written for people, with the emergency numbers:
// {"situations": [{id, cs, en, advice_cs, advice_en, safety_first, audience}],
//  "emergency_contacts": [...]}.
std::string SituationsJson(const ReferenceData& reference);

// The answer as GET /api/v1/situations/{id}/services gives it: the situation, the
// municipality (with its ORP and region), the emergency numbers with their emphasis, the
// responsible and the helping services — each the card as the public reads it with its
// "travel" (minutes by car, whether estimated; null without a public place) — and where
// the travel times come from.
std::string NavigatorAnswerJson(const NetworkSnapshot& snap, const NavigatorAnswer& answer);

// "Kdo co dělá" in an ORP: for each situation, the published cards serving the ORP of a
// type responsible in it and of the types that can help, each with what it does and
// does not do (the card's competences).
struct WhoDoesWhat {
  const Orp* orp = nullptr;
  struct Row {
    const ModelSituation* situation = nullptr;
    std::vector<const CardEntry*> responsible, helping;  // Czech order of their names
  };
  std::vector<Row> rows;  // in the order of the model situations
};
Result<WhoDoesWhat> FindWhoDoesWhat(const NetworkSnapshot& snap, const std::string& orp_code);
std::string WhoDoesWhatJson(const NetworkSnapshot& snap, const WhoDoesWhat& answer);

}  // namespace prosit
