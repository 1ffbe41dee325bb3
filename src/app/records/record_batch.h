#pragma once
// RecordBatch: many actors, their service cards and the networking work about them
// (meetings, needs, declared ties, the strategy's themes, goals and steps, good practices
// and recommendations) written at once (demo data, generated datasets, imports) —
// validated as a whole and stored in one transaction. Records of the batch refer to each
// other by index in the batch, as the ids are known only when written.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "model/actor.h"
#include "model/meeting.h"
#include "model/need.h"
#include "model/participation.h"
#include "model/practice.h"
#include "model/reference_data.h"
#include "model/service_card.h"
#include "model/strategy.h"
#include "model/territory.h"
#include "model/tie.h"
#include "store/store.h"

namespace prosit {

// A meeting whose participants are actors of the batch (`meeting.actor_ids` is ignored).
struct BatchMeeting {
  Meeting meeting;
  std::vector<size_t> actors;  // indexes in RecordBatch::actors
};

// A need voiced by actors of the batch, found at meetings of the batch, taken up by
// themes of the batch (`need.voiced_by`, `need.meeting_ids`, `need.theme_ids` are ignored).
struct BatchNeed {
  Need need;
  std::vector<size_t> voiced_by;  // indexes in RecordBatch::actors
  std::vector<size_t> meetings;   // indexes in RecordBatch::meetings
  std::vector<size_t> themes;     // indexes in RecordBatch::themes
};

// A goal of a theme of the batch (`goal.theme_id` is ignored).
struct BatchGoal {
  Goal goal;
  size_t theme = 0;  // index in RecordBatch::themes
};

// A step of a goal of the batch, actors of the batch responsible (`step.goal_id` and
// `step.actor_ids` are ignored). Its deadline may not lie before the goal's `since`.
struct BatchStep {
  Step step;
  size_t goal = 0;             // index in RecordBatch::goals
  std::vector<size_t> actors;  // indexes in RecordBatch::actors
};

// A good practice linked to needs and themes of the batch (`need_ids`, `theme_ids` ignored).
struct BatchGoodPractice {
  GoodPractice practice;
  std::vector<size_t> needs;   // indexes in RecordBatch::needs
  std::vector<size_t> themes;  // indexes in RecordBatch::themes
};

// A recommendation linked to needs and themes of the batch (`need_ids`, `theme_ids` ignored).
struct BatchRecommendation {
  Recommendation recommendation;
  std::vector<size_t> needs;   // indexes in RecordBatch::needs
  std::vector<size_t> themes;  // indexes in RecordBatch::themes
};

// A declared tie between two actors of the batch (`tie.actor_a/b` are ignored).
struct BatchTie {
  Tie tie;
  size_t actor_a = 0, actor_b = 0;  // indexes in RecordBatch::actors
};

struct RecordBatch {
  std::vector<Actor> actors;
  // Each card with the index in `actors` of the actor it belongs to.
  std::vector<std::pair<size_t, ServiceCard>> cards;
  std::vector<BatchMeeting> meetings;
  std::vector<BatchNeed> needs;
  std::vector<BatchTie> ties;
  std::vector<Theme> themes;
  std::vector<BatchGoal> goals;
  std::vector<BatchStep> steps;
  std::vector<BatchGoodPractice> good_practices;
  std::vector<BatchRecommendation> recommendations;
  std::vector<Participation> participations;  // the register: which ORPs take part
  std::vector<OrpText> orp_texts;             // the networkers' texts of the ORP profiles
  // Cards of actors already stored (`card.actor_id`), as an import of the catalog brings
  // them: a new card when `id` is 0, else the replacement of version `version` of card `id`.
  std::vector<ServiceCard> cards_of_stored_actors;

  size_t size() const {
    return actors.size() + cards.size() + meetings.size() + needs.size() + ties.size() +
           themes.size() + goals.size() + steps.size() + good_practices.size() +
           recommendations.size() + participations.size() + orp_texts.size() +
           cards_of_stored_actors.size();
  }
};

// Validates every record (errors name "actors[i].field", "cards[i].field",
// "meetings[i].field", "needs[i].field", "ties[i].field", "themes[i].field",
// "goals[i].field", "steps[i].field", "good_practices[i].field",
// "recommendations[i].field", "participations[i].field", "orp_texts[i].field",
// "cards_of_stored_actors[i].field"; a step due
// before its goal was set is "steps[i].deadline") and, only if all pass, writes them in
// one transaction: actors, cards, themes, meetings, needs, goals, steps, good practices,
// recommendations, ties, participations, ORP texts. Returns the number of records
// written.
Result<size_t> ImportNetworkBatch(Store& store, RecordBatch batch, const Territory& territory,
                                  const ReferenceData& reference, const Author& author);

}  // namespace prosit
