#pragma once
// NetworkSnapshot: an immutable, in-memory picture of the network at one point of the
// change log — territory, reference data, actors, service cards and the search index.
// Readers share it without locks; SnapshotKeeper swaps in a new one after each change.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analysis/service_index.h"
#include "app/snapshot/record_map.h"
#include "model/actor.h"
#include "model/analysis_text.h"
#include "model/meeting.h"
#include "model/need.h"
#include "model/participation.h"
#include "model/practice.h"
#include "model/reference_data.h"
#include "model/service_card.h"
#include "model/strategy.h"
#include "model/territory.h"
#include "model/tie.h"

namespace prosit {

// The stored documents are not kept: rendering one for a GET costs microseconds, keeping
// all of them costs a quarter of the snapshot's memory and of start-up.
struct ActorEntry {
  Actor actor;
  std::string sort_key;  // Czech collation key of the name
  std::string folded_name;
};

struct CardEntry {
  ServiceCard card;
  std::string summary_json;  // the list form
  // For a card with a confidential address: the list form with its locations' ORPs
  // instead of their municipalities, for those who may not see the address.
  std::string hidden_summary_json;
  SearchableCard searchable;
};

// Territory and reference data, with their JSON forms for the API.
struct Frame {
  Territory territory;
  ReferenceData reference;
  std::map<std::string, std::string> reference_json;  // by document name
  int64_t model_version = 0;  // the model version `reference` is (0: none published)
  std::string regions_json, orps_json;
  std::map<std::string, std::string> municipalities_json;  // by ORP code
};

// The orders a snapshot computes from its maps, as a checkpoint keeps them: the actors'
// Czech order and the search index's parts.
struct StoredOrders {
  std::vector<int64_t> actors;  // the ids of actors_sorted
  ServiceIndex::Parts index;
};

struct NetworkSnapshot {
  int64_t seq = 0;  // the last change-log row it reflects
  std::shared_ptr<const Frame> frame;
  std::map<int64_t, std::shared_ptr<const ActorEntry>> actors;
  std::map<int64_t, std::shared_ptr<const CardEntry>> cards;
  RecordMap<Meeting> meetings;  // a million and more: see record_map.h
  std::map<int64_t, std::shared_ptr<const Need>> needs;
  std::map<int64_t, std::shared_ptr<const Tie>> ties;
  std::map<int64_t, std::shared_ptr<const Theme>> themes;
  std::map<int64_t, std::shared_ptr<const Goal>> goals;
  std::map<int64_t, std::shared_ptr<const Step>> steps;
  std::map<int64_t, std::shared_ptr<const GoodPractice>> good_practices;
  std::map<int64_t, std::shared_ptr<const Recommendation>> recommendations;
  std::map<int64_t, std::shared_ptr<const Participation>> participations;
  std::map<int64_t, std::shared_ptr<const OrpText>> orp_texts;
  std::map<int64_t, std::shared_ptr<const AnalysisText>> analysis_texts;
  std::vector<const ActorEntry*> actors_sorted;  // Czech order of names
  // The search index of some earlier state, shared between snapshots, and the cards
  // changed since; Reindex() folds the overlay in.
  std::shared_ptr<const ServiceIndex> index;
  SearchOverlay overlay;
  // From a checkpoint: what Reindex() takes instead of computing the orders, when it fits.
  std::shared_ptr<StoredOrders> stored_orders;

  const ActorEntry* FindActor(int64_t id) const;
  const CardEntry* FindCard(int64_t id) const;
  // Rebuilds actors_sorted and the search index from the maps (from stored_orders, which
  // it consumes, when they fit the maps).
  void Reindex();
  // The orders as a checkpoint keeps them (computed afresh when the overlay is not empty).
  StoredOrders Orders() const;
  // After the maps changed: moves the changed actors to their places in actors_sorted
  // and records the changed cards in the overlay, rebuilding the index only when the
  // overlay has grown large.
  void Patch(const std::vector<int64_t>& changed_actors, const std::vector<int64_t>& changed_cards);

 private:
  void SortActors();
  bool Restore(StoredOrders& stored);
};

}  // namespace prosit
