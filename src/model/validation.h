#pragma once
// Validation of actors and service cards against the reference data and the territory.
// Pure: returns the field errors (empty when valid), names fields as the API does.

#include <algorithm>
#include <iterator>
#include <string>

#include "model/actor.h"
#include "model/analysis_text.h"
#include "model/meeting.h"
#include "model/need.h"
#include "model/participation.h"
#include "model/practice.h"
#include "model/reference_data.h"
#include "model/service_card.h"
#include "model/status.h"
#include "model/strategy.h"
#include "model/territory.h"
#include "model/tie.h"

namespace prosit {

// What validation needs to know about the world.
struct ValidationContext {
  const ReferenceData& reference;
  const Territory& territory;
  std::string today;  // ISO date; last_verified may not be later
};

FieldErrors ValidateActor(const Actor& actor, const ValidationContext& ctx);
FieldErrors ValidateServiceCard(const ServiceCard& card, const ValidationContext& ctx);
// Whether the actors exist is the store's to check (it refers to them).
FieldErrors ValidateMeeting(const Meeting& meeting, const ValidationContext& ctx);
// Whether the actors and meetings exist is the store's to check.
FieldErrors ValidateNeed(const Need& need, const ValidationContext& ctx);
// Whether the two actors exist is the store's to check.
FieldErrors ValidateTie(const Tie& tie, const ValidationContext& ctx);
// The strategy's records; that a step is not due before its goal was set needs the goal
// and is checked where the goal is at hand (app/records/record_commands.cpp).
FieldErrors ValidateTheme(const Theme& theme, const ValidationContext& ctx);
FieldErrors ValidateGoal(const Goal& goal, const ValidationContext& ctx);
FieldErrors ValidateStep(const Step& step, const ValidationContext& ctx);
// The rule that needs the goal: a step is not due before its goal was set.
FieldErrors ValidateStepInGoal(const Step& step, const Goal& goal);
FieldErrors ValidateGoodPractice(const GoodPractice& practice, const ValidationContext& ctx);
FieldErrors ValidateRecommendation(const Recommendation& recommendation,
                                   const ValidationContext& ctx);

FieldErrors ValidateParticipation(const Participation& p, const ValidationContext& ctx);
// Only an ORP's code: the texts are the ORP profile's.
FieldErrors ValidateOrpText(const OrpText& t, const ValidationContext& ctx);
FieldErrors ValidateAnalysisText(const AnalysisText& t, const ValidationContext& ctx);

// The ORP a record of networking work belongs to, or a region for a region-level one
// (its regional networker's or coordinator's strategy, needs and meetings).
bool IsOrpOrRegion(const Territory& territory, const std::string& code);

// True for a real calendar date written YYYY-MM-DD between 1990 and 2100.
bool IsIsoDate(const std::string& s);

// True when `value` is one of the words of an enumeration such as kMeetingFormats.
template <size_t N>
bool OneOf(const std::string& value, const char* const (&allowed)[N]) {
  return std::any_of(std::begin(allowed), std::end(allowed),
                     [&](const char* a) { return value == a; });
}

// True when the point lies in the Czech Republic's bounding box.
bool IsInCzechia(const GeoPoint& p);

}  // namespace prosit
