#pragma once
// NetworkBatch: many actors, their service cards and the networking work about them
// (meetings, needs, declared ties) written at once (demo data, generated datasets,
// imports) — validated as a whole and stored in one transaction. Records of the batch
// refer to each other by index in the batch, as the ids are known only when written.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "model/actor.h"
#include "model/meeting.h"
#include "model/need.h"
#include "model/reference_data.h"
#include "model/service_card.h"
#include "model/territory.h"
#include "model/tie.h"
#include "store/store.h"

namespace prosit {

// A meeting whose participants are actors of the batch (`meeting.actor_ids` is ignored).
struct BatchMeeting {
  Meeting meeting;
  std::vector<size_t> actors;  // indexes in NetworkBatch::actors
};

// A need voiced by actors of the batch, found at meetings of the batch (`need.voiced_by`
// and `need.meeting_ids` are ignored).
struct BatchNeed {
  Need need;
  std::vector<size_t> voiced_by;  // indexes in NetworkBatch::actors
  std::vector<size_t> meetings;   // indexes in NetworkBatch::meetings
};

// A declared tie between two actors of the batch (`tie.actor_a/b` are ignored).
struct BatchTie {
  Tie tie;
  size_t actor_a = 0, actor_b = 0;  // indexes in NetworkBatch::actors
};

struct NetworkBatch {
  std::vector<Actor> actors;
  // Each card with the index in `actors` of the actor it belongs to.
  std::vector<std::pair<size_t, ServiceCard>> cards;
  std::vector<BatchMeeting> meetings;
  std::vector<BatchNeed> needs;
  std::vector<BatchTie> ties;

  size_t size() const {
    return actors.size() + cards.size() + meetings.size() + needs.size() + ties.size();
  }
};

// Validates every record (errors name "actors[i].field", "cards[i].field",
// "meetings[i].field", "needs[i].field", "ties[i].field") and, only if all pass, writes
// them in one transaction. Returns the number of records written.
Result<size_t> ImportNetworkBatch(Store& store, NetworkBatch batch, const Territory& territory,
                                  const ReferenceData& reference, const Author& author);

}  // namespace prosit
