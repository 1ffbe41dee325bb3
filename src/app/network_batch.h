#pragma once
// NetworkBatch: many actors and their service cards written at once (demo data,
// generated datasets, imports) — validated as a whole and stored in one transaction.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "model/actor.h"
#include "model/reference_data.h"
#include "model/service_card.h"
#include "model/territory.h"
#include "store/store.h"

namespace prosit {

struct NetworkBatch {
  std::vector<Actor> actors;
  // Each card with the index in `actors` of the actor it belongs to.
  std::vector<std::pair<size_t, ServiceCard>> cards;
};

// Validates every record (errors name "actors[i]" / "cards[i]") and, only if all pass,
// writes them in one transaction. Returns the number of records written.
Result<size_t> ImportNetworkBatch(Store& store, NetworkBatch batch, const Territory& territory,
                                  const ReferenceData& reference, const Author& author);

}  // namespace prosit
