#include "app/snapshot/network_snapshot.h"

#include <algorithm>
#include <set>

namespace prosit {

const ActorEntry* NetworkSnapshot::FindActor(int64_t id) const {
  auto it = actors.find(id);
  return it == actors.end() ? nullptr : it->second.get();
}

const CardEntry* NetworkSnapshot::FindCard(int64_t id) const {
  auto it = cards.find(id);
  return it == cards.end() ? nullptr : it->second.get();
}

namespace {

// Above this many changed cards a patched snapshot rebuilds its index.
constexpr size_t kMaxOverlay = 2048;

std::shared_ptr<const SearchableCard> SearchableOf(const std::shared_ptr<const CardEntry>& e) {
  return {e, &e->searchable};  // shares ownership of the whole entry
}

}  // namespace

bool ActorOrderLess(const ActorEntry* a, const ActorEntry* b) {
  int c = a->sort_key.compare(b->sort_key);
  return c != 0 ? c < 0 : a->actor.id < b->actor.id;
}

void NetworkSnapshot::Patch(const std::vector<int64_t>& changed_actors,
                            const std::vector<int64_t>& changed_cards) {
  // Replacing in the overlay costs its size: many changes at once (an import by another
  // process) go straight to a rebuild.
  if (overlay.size() + changed_cards.size() > kMaxOverlay) return Reindex();
  for (int64_t id : changed_cards) {
    auto it = cards.find(id);
    overlay.Replace(id, it == cards.end() ? nullptr : SearchableOf(it->second));
  }
  std::set<int64_t> moved(changed_actors.begin(), changed_actors.end());
  actors_sorted.erase(std::remove_if(actors_sorted.begin(), actors_sorted.end(),
                                     [&](const ActorEntry* e) { return moved.count(e->actor.id); }),
                      actors_sorted.end());
  for (int64_t id : moved)
    if (const ActorEntry* e = FindActor(id))
      actors_sorted.insert(
          std::lower_bound(actors_sorted.begin(), actors_sorted.end(), e, ActorOrderLess), e);
}

void NetworkSnapshot::SortActors() {
  actors_sorted.clear();
  actors_sorted.reserve(actors.size());
  for (const auto& [id, entry] : actors) actors_sorted.push_back(entry.get());
  std::sort(actors_sorted.begin(), actors_sorted.end(), ActorOrderLess);
}

void NetworkSnapshot::Reindex() {
  auto stored = std::move(stored_orders);
  if (stored && Restore(*stored)) return;
  SortActors();
  std::vector<ServiceIndex::CardRef> searchable;
  searchable.reserve(cards.size());
  for (const auto& [id, entry] : cards) searchable.push_back(SearchableOf(entry));
  index = std::make_shared<const ServiceIndex>(std::move(searchable), frame->territory,
                                               frame->reference);
  overlay = {};
}

}  // namespace prosit

namespace prosit {

bool NetworkSnapshot::Restore(StoredOrders& stored) {
  if (stored.actors.size() != actors.size() || !ServiceIndex::Fits(stored.index, cards.size()))
    return false;
  std::vector<const ActorEntry*> sorted;
  sorted.reserve(actors.size());
  for (int64_t id : stored.actors) {
    const ActorEntry* e = FindActor(id);
    if (!e) return false;
    sorted.push_back(e);
  }
  std::vector<ServiceIndex::CardRef> refs;
  refs.reserve(cards.size());
  for (int64_t id : stored.index.order) {
    auto it = cards.find(id);
    if (it == cards.end()) return false;
    refs.push_back(SearchableOf(it->second));
  }
  actors_sorted = std::move(sorted);
  index = std::make_shared<const ServiceIndex>(std::move(refs), std::move(stored.index),
                                               frame->territory, frame->reference);
  overlay = {};
  return true;
}

StoredOrders NetworkSnapshot::Orders() const {
  StoredOrders out;
  out.actors.reserve(actors_sorted.size());
  for (const ActorEntry* e : actors_sorted) out.actors.push_back(e->actor.id);
  if (index && overlay.size() == 0) {
    out.index = index->Export();
  } else if (frame) {
    std::vector<ServiceIndex::CardRef> searchable;
    searchable.reserve(cards.size());
    for (const auto& [id, entry] : cards) searchable.push_back(SearchableOf(entry));
    out.index = ServiceIndex(std::move(searchable), frame->territory, frame->reference).Export();
  }
  return out;
}

}  // namespace prosit
