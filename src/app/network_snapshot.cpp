#include "app/network_snapshot.h"

#include <algorithm>

namespace prosit {

const ActorEntry* NetworkSnapshot::FindActor(int64_t id) const {
  auto it = actors.find(id);
  return it == actors.end() ? nullptr : it->second.get();
}

const CardEntry* NetworkSnapshot::FindCard(int64_t id) const {
  auto it = cards.find(id);
  return it == cards.end() ? nullptr : it->second.get();
}

void NetworkSnapshot::Reindex() {
  actors_sorted.clear();
  actors_sorted.reserve(actors.size());
  for (const auto& [id, entry] : actors) actors_sorted.push_back(entry.get());
  std::sort(actors_sorted.begin(), actors_sorted.end(),
            [](const ActorEntry* a, const ActorEntry* b) {
              int c = a->sort_key.compare(b->sort_key);
              return c != 0 ? c < 0 : a->actor.id < b->actor.id;
            });
  std::vector<const SearchableCard*> searchable;
  searchable.reserve(cards.size());
  for (const auto& [id, entry] : cards) searchable.push_back(&entry->searchable);
  index = ServiceIndex(std::move(searchable), frame->territory, frame->reference);
}

}  // namespace prosit
