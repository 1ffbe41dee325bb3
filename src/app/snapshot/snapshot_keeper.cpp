#include "app/snapshot/snapshot_keeper.h"

#include <thread>

#include "app/background_priority.h"
#include "app/records/record_kinds.h"
#include "io/json_writer.h"
#include "io/meeting_json.h"
#include "io/need_json.h"
#include "io/network_json.h"
#include "io/practice_json.h"
#include "io/reference_json.h"
#include "io/strategy_json.h"
#include "io/territory_json.h"
#include "io/tie_json.h"

namespace prosit {

namespace {

// The list form of a card; `hide_places` names each location's ORP instead of its
// municipality (a confidential address).
std::string SummaryJson(const ServiceCard& c, const Actor* actor, const Territory& territory,
                        bool hide_places) {
  JsonWriter w;
  w.BeginObject()
      .Field("id", c.id)
      .Field("version", c.version)
      .Field("actor_id", c.actor_id)
      .Field("actor_name", actor ? std::string_view(actor->name) : std::string_view())
      .Field("name", c.name)
      .Field("service_type", c.service_type);
  w.Key("need_areas").BeginArray();
  for (const auto& a : c.need_areas) w.String(a);
  w.EndArray().Field("level", c.level);
  w.Key("forms").BeginArray();
  for (const auto& f : c.forms) w.String(f);
  w.EndArray();
  w.Key("municipalities").BeginArray();
  for (const auto& l : c.locations) {
    const Municipality* m = territory.FindMunicipality(l.municipality_code);
    if (!hide_places) {
      w.BeginObject()
          .Field("code", l.municipality_code)
          .Field("name", m ? m->name : "")
          .EndObject();
      continue;
    }
    const Orp* orp = m ? territory.FindOrp(m->orp_code) : nullptr;
    w.BeginObject()
        .Field("code", "")
        .Field("name", "")
        .Field("orp_code", orp ? std::string_view(orp->code) : std::string_view())
        .Field("orp_name", orp ? std::string_view(orp->name) : std::string_view())
        .EndObject();
  }
  w.EndArray()
      .Field("age_min", c.age_min)
      .Field("age_max", c.age_max)
      .Field("published", c.published)
      .Field("last_verified", c.last_verified)
      .Field("source", ToString(StatedSource(c.is_demo, c.source)))
      .EndObject();
  return std::move(w.str());
}

}  // namespace

std::shared_ptr<const ActorEntry> MakeActorEntry(Actor actor, const CzechCollator& collator) {
  auto e = std::make_shared<ActorEntry>();
  e->actor = std::move(actor);
  e->sort_key = collator.SortKey(e->actor.name);
  e->folded_name = FoldForSearch(e->actor.name);
  return e;
}

std::shared_ptr<const CardEntry> MakeCardEntry(ServiceCard card, const Actor* actor,
                                               const Frame& frame, const CzechCollator& collator) {
  auto e = std::make_shared<CardEntry>();
  e->card = std::move(card);
  e->summary_json = SummaryJson(e->card, actor, frame.territory, false);
  if (e->card.confidential_address)
    e->hidden_summary_json = SummaryJson(e->card, actor, frame.territory, true);
  e->searchable = PrepareSearchable(e->card, actor, frame.territory, frame.reference, collator);
  return e;
}

namespace {

// Stored documents were valid when written; one that no longer parses is corruption.
template <typename T>
Result<T> ReadStored(Result<T> parsed, const char* what) {
  if (!parsed.ok())
    return Status::Corruption(std::string("stored ") + what + ": " + parsed.status().ToString());
  return parsed;
}

}  // namespace

Status SnapshotKeeper::LoadFrame(NetworkSnapshot& snap) {
  auto territory = store_.LoadTerritory();
  if (!territory.ok()) return territory.status();
  auto model = store_.LoadModelVersion(0);  // the current one
  if (!model.ok()) return model.status();
  ModelVersion current = model->value_or(ModelVersion{});
  auto reference = ParseReferenceData(current.documents);
  if (!reference.ok())
    return Status::Corruption("stored reference data: " + reference.status().ToString());
  auto frame = std::make_shared<Frame>();
  frame->territory = std::move(*territory);
  frame->reference = std::move(*reference);
  frame->reference_json = std::move(current.documents);
  frame->model_version = current.number;
  frame->regions_json = RegionsJson(frame->territory);
  frame->orps_json = OrpsJson(frame->territory);
  for (const auto& orp : frame->territory.orps())
    frame->municipalities_json[orp.code] = MunicipalitiesJson(frame->territory, orp.code);
  snap.frame = std::move(frame);
  return Status::Ok();
}

Status SnapshotKeeper::Resume(std::shared_ptr<NetworkSnapshot> snap) {
  std::lock_guard lock(mu_);
  PROSIT_RETURN_IF_ERROR(LoadFrame(*snap));
  snap->Reindex();
  current_.store(std::move(snap));
  Status s = CatchUpLocked();
  std::lock_guard error_lock(error_mu_);
  last_error_ = s;
  return s;
}

Status SnapshotKeeper::Load() {
  std::lock_guard lock(mu_);
  return LoadLocked();
}

namespace {

// Runs make(i, worker) for every i < n on all cores, collecting the entries; the first
// failure wins. Each worker has its own WorkerState (e.g. a Czech collator, which is not
// thread-safe and costs milliseconds to create, so only those who need one have one).
template <typename Entry, typename WorkerState, typename F>
Result<std::vector<Entry>> ParallelMake(size_t n, F make) {
  std::vector<Entry> out(n);
  unsigned workers = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  if (n < 1000) workers = 1;  // threads cost more than a few records
  std::vector<Status> statuses(workers);
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      WorkerState state;
      for (size_t i = w; i < n; i += workers) {
        auto e = make(i, state);
        if (!e.ok()) {
          statuses[w] = e.status();
          return;
        }
        out[i] = std::move(*e);
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& s : statuses) PROSIT_RETURN_IF_ERROR(s);
  return out;
}

struct NoState {};

}  // namespace

Status SnapshotKeeper::LoadLocked() {
  auto snap = std::make_shared<NetworkSnapshot>();
  auto seq = store_.LastChangeSeq();  // read first: later rows are applied by CatchUp
  if (!seq.ok()) return seq.status();
  snap->seq = *seq;
  PROSIT_RETURN_IF_ERROR(LoadFrame(*snap));
  // Preparing entries (parsing, folding, collation keys) dominates start-up.
  auto actors = store_.LoadAll(EntityKind::kActor);
  if (!actors.ok()) return actors.status();
  auto actor_entries = ParallelMake<std::shared_ptr<const ActorEntry>, CzechCollator>(
      actors->size(),
      [&](size_t i, const CzechCollator& collator) -> Result<std::shared_ptr<const ActorEntry>> {
        auto actor = ReadStored(ActorFromJson((*actors)[i].json), "actor");
        std::string().swap((*actors)[i].json);  // freed memory is reused at once
        if (!actor.ok()) return actor.status();
        return MakeActorEntry(std::move(*actor), collator);
      });
  if (!actor_entries.ok()) return actor_entries.status();
  for (size_t i = 0; i < actors->size(); ++i)
    snap->actors.emplace_hint(snap->actors.end(), (*actors)[i].id, std::move((*actor_entries)[i]));
  actors->clear();
  auto cards = store_.LoadAll(EntityKind::kServiceCard);
  if (!cards.ok()) return cards.status();
  auto card_entries = ParallelMake<std::shared_ptr<const CardEntry>, CzechCollator>(
      cards->size(),
      [&](size_t i, const CzechCollator& collator) -> Result<std::shared_ptr<const CardEntry>> {
        StoredDocument& doc = (*cards)[i];
        auto card = ReadStored(ServiceCardFromJson(doc.json), "service card");
        std::string().swap(doc.json);  // freed memory is reused at once
        if (!card.ok()) return card.status();
        const ActorEntry* actor = snap->FindActor(doc.parent_id);
        return MakeCardEntry(std::move(*card), actor ? &actor->actor : nullptr, *snap->frame,
                             collator);
      });
  if (!card_entries.ok()) return card_entries.status();
  for (size_t i = 0; i < cards->size(); ++i)
    snap->cards.emplace_hint(snap->cards.end(), (*cards)[i].id, std::move((*card_entries)[i]));
  // The index needs only actors and cards: build it while the records of networking work
  // load (they touch other members of the snapshot).
  std::thread index([&] { snap->Reindex(); });
  Status work = LoadWork(*snap);
  index.join();
  PROSIT_RETURN_IF_ERROR(work);
  current_.store(std::move(snap));
  return Status::Ok();
}

namespace {

template <typename T>
void Fill(std::map<int64_t, std::shared_ptr<const T>>& into,
          std::vector<std::pair<int64_t, std::shared_ptr<const T>>> records) {
  for (auto& [id, record] : records) into.emplace_hint(into.end(), id, std::move(record));
}

template <typename T>
void Fill(RecordMap<T>& into, std::vector<std::pair<int64_t, std::shared_ptr<const T>>> records) {
  into = RecordMap<T>(std::make_shared<const RecordBase<T>>(std::move(records)));
}

// Loads every record of one kind of networking work into its map.
template <typename Map, typename Parse>
Status LoadRecords(Store& store, EntityKind kind, Parse parse, Map& into) {
  using T = typename Map::value_type::second_type::element_type;
  auto docs = store.LoadAll(kind);
  if (!docs.ok()) return docs.status();
  auto records = ParallelMake<std::shared_ptr<const T>, NoState>(
      docs->size(), [&](size_t i, NoState&) -> Result<std::shared_ptr<const T>> {
        auto record = ReadStored(parse((*docs)[i].json, nullptr), EntityName(kind));
        if (!record.ok()) return record.status();
        return std::make_shared<const T>(std::move(*record));
      });
  if (!records.ok()) return records.status();
  std::vector<std::pair<int64_t, std::shared_ptr<const T>>> by_id;
  by_id.reserve(docs->size());
  for (size_t i = 0; i < docs->size(); ++i)
    by_id.emplace_back((*docs)[i].id, std::move((*records)[i]));
  Fill(into, std::move(by_id));
  return Status::Ok();
}

// Applies one change-log row to the map of its kind.
template <typename Map, typename Parse>
Status ApplyRecord(const ChangeEntry& change, Parse parse, Map& map) {
  using T = typename Map::value_type::second_type::element_type;
  if (!change.after) {
    map.erase(change.entity_id);
    return Status::Ok();
  }
  auto record = ReadStored(parse(*change.after, nullptr), EntityName(change.kind));
  if (!record.ok()) return record.status();
  map.insert_or_assign(change.entity_id, std::make_shared<const T>(std::move(*record)));
  return Status::Ok();
}

}  // namespace

// The kinds of the registry that the snapshot keeps in a map of their own (the records of
// networking work); actors and cards have entries with more to them and are loaded apart.
template <typename T>
concept KeptInAMap = requires {
  RecordKind<T>::kSnapshotMap;
};

template <typename T>
Status LoadKind(Store& store, NetworkSnapshot& snap) {
  if constexpr (KeptInAMap<T>)
    return LoadRecords(store, RecordKind<T>::kKind, RecordKind<T>::Parse,
                       snap.*RecordKind<T>::kSnapshotMap);
  return Status::Ok();
}

Status SnapshotKeeper::LoadWork(NetworkSnapshot& snap) {
  Status s = Status::Ok();
  [&]<typename... T>(KindList<T...>) {
    (void)(... && (s = LoadKind<T>(store_, snap)).ok());
  }(RecordTypes{});
  return s;
}

Status SnapshotKeeper::ApplyChange(NetworkSnapshot& snap, const ChangeEntry& change,
                                   std::vector<int64_t>& changed_cards) {
  switch (change.kind) {
    case EntityKind::kReference:
    case EntityKind::kTerritory:
      return Status::Ok();  // handled by reloading the frame
    case EntityKind::kUser:
    case EntityKind::kErasure:
      return Status::Ok();  // users and erasures are not part of the network
    case EntityKind::kActor: {
      if (!change.after) {
        snap.actors.erase(change.entity_id);
        return Status::Ok();
      }
      auto actor = ReadStored(ActorFromJson(*change.after), "actor");
      if (!actor.ok()) return actor.status();
      auto entry = MakeActorEntry(std::move(*actor), collator_);
      snap.actors[change.entity_id] = entry;
      // The actor's name is part of its cards' summaries and search text.
      for (auto& [id, card] : snap.cards) {
        if (card->card.actor_id != change.entity_id) continue;
        card = MakeCardEntry(card->card, &entry->actor, *snap.frame, collator_);
        changed_cards.push_back(id);
      }
      return Status::Ok();
    }
    case EntityKind::kServiceCard: {
      changed_cards.push_back(change.entity_id);
      if (!change.after) {
        snap.cards.erase(change.entity_id);
        return Status::Ok();
      }
      auto card = ReadStored(ServiceCardFromJson(*change.after), "service card");
      if (!card.ok()) return card.status();
      const ActorEntry* actor = snap.FindActor(card->actor_id);
      snap.cards[change.entity_id] =
          MakeCardEntry(std::move(*card), actor ? &actor->actor : nullptr, *snap.frame, collator_);
      return Status::Ok();
    }
    default: {  // a record of networking work: its map, from the registry
      Status s = Status::Ok();
      VisitRecordKind(change.kind, [&]<typename T>() {
        if constexpr (KeptInAMap<T>)
          s = ApplyRecord(change, RecordKind<T>::Parse, snap.*RecordKind<T>::kSnapshotMap);
      });
      return s;
    }
  }
  return Status::Ok();
}

SnapshotKeeper::~SnapshotKeeper() {
  stop_decoding_ = true;
  if (decoder_.joinable()) decoder_.join();
}

void SnapshotKeeper::DecodeInBackground() {
  auto base = Current()->meetings.base();
  if (!base || !base->encoded() || decoder_.joinable()) return;
  decoder_ = std::thread([this, base] {
    RunBelowRequests();
    base->DecodeAll(stop_decoding_);
  });
}

Status SnapshotKeeper::LastError() const {
  std::lock_guard lock(error_mu_);
  return last_error_;
}

Status SnapshotKeeper::CatchUp() {
  std::lock_guard lock(mu_);
  Status s = CatchUpLocked();
  std::lock_guard error_lock(error_mu_);
  last_error_ = s;
  return s;
}

Status SnapshotKeeper::CatchUpLocked() {
  auto base = current_.load();
  if (!base) return Status::IoError("no snapshot loaded");
  auto changes = store_.ChangesSince(base->seq, 1000000);
  if (!changes.ok()) return changes.status();
  if (changes->empty()) return Status::Ok();
  bool frame_changed = std::any_of(changes->begin(), changes->end(), [](const ChangeEntry& c) {
    return c.kind == EntityKind::kReference || c.kind == EntityKind::kTerritory;
  });
  if (frame_changed) return LoadLocked();  // everything derived from the frame changes
  auto snap = std::make_shared<NetworkSnapshot>();
  snap->frame = base->frame;
  snap->actors = base->actors;
  snap->cards = base->cards;
  snap->meetings = base->meetings;
  snap->needs = base->needs;
  snap->ties = base->ties;
  snap->themes = base->themes;
  snap->goals = base->goals;
  snap->steps = base->steps;
  snap->good_practices = base->good_practices;
  snap->recommendations = base->recommendations;
  snap->participations = base->participations;
  snap->orp_texts = base->orp_texts;
  snap->analysis_texts = base->analysis_texts;
  snap->index = base->index;
  snap->overlay = base->overlay;
  snap->actors_sorted = base->actors_sorted;
  std::vector<int64_t> changed_actors, changed_cards;
  for (const auto& change : *changes) {
    if (change.kind == EntityKind::kActor) changed_actors.push_back(change.entity_id);
    PROSIT_RETURN_IF_ERROR(ApplyChange(*snap, change, changed_cards));
  }
  snap->seq = changes->back().seq;
  snap->Patch(changed_actors, changed_cards);
  current_.store(std::move(snap));
  return Status::Ok();
}

}  // namespace prosit
