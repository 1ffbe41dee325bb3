#include "app/snapshot_keeper.h"

#include <nlohmann/json.hpp>
#include <thread>

#include "io/network_json.h"
#include "io/reference_json.h"
#include "io/territory_json.h"

namespace prosit {

using nlohmann::json;

namespace {

std::string SummaryJson(const ServiceCard& c, const Actor* actor, const Territory& territory) {
  json municipalities = json::array();
  for (const auto& l : c.locations) {
    const Municipality* m = territory.FindMunicipality(l.municipality_code);
    municipalities.push_back({{"code", l.municipality_code}, {"name", m ? m->name : ""}});
  }
  json j = {{"id", c.id},
            {"version", c.version},
            {"actor_id", c.actor_id},
            {"actor_name", actor ? actor->name : ""},
            {"name", c.name},
            {"service_type", c.service_type},
            {"need_areas", c.need_areas},
            {"level", c.level},
            {"forms", c.forms},
            {"municipalities", municipalities},
            {"age_min", c.age_min},
            {"age_max", c.age_max},
            {"published", c.published},
            {"last_verified", c.last_verified}};
  return j.dump();
}

Result<json> ParseDocument(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return Status::Corruption("a stored document is not valid JSON");
  return j;
}

}  // namespace

Result<std::shared_ptr<const ActorEntry>> MakeActorEntry(const std::string& text,
                                                         const CzechCollator& collator) {
  auto j = ParseDocument(text);
  if (!j.ok()) return j.status();
  auto actor = ActorFromJson(*j);
  if (!actor.ok()) return Status::Corruption("stored actor: " + actor.status().ToString());
  auto e = std::make_shared<ActorEntry>();
  e->actor = std::move(*actor);
  e->json = text;
  e->sort_key = collator.SortKey(e->actor.name);
  e->folded_name = FoldForSearch(e->actor.name);
  return std::shared_ptr<const ActorEntry>(std::move(e));
}

Result<std::shared_ptr<const CardEntry>> MakeCardEntry(const std::string& text, const Actor* actor,
                                                       const Frame& frame,
                                                       const CzechCollator& collator) {
  auto j = ParseDocument(text);
  if (!j.ok()) return j.status();
  auto card = ServiceCardFromJson(*j);
  if (!card.ok()) return Status::Corruption("stored service card: " + card.status().ToString());
  auto e = std::make_shared<CardEntry>();
  e->card = std::move(*card);
  e->json = text;
  e->summary_json = SummaryJson(e->card, actor, frame.territory);
  e->searchable = PrepareSearchable(e->card, actor, frame.territory, frame.reference, collator);
  return std::shared_ptr<const CardEntry>(std::move(e));
}

Status SnapshotKeeper::LoadFrame(NetworkSnapshot& snap) {
  auto territory = store_.LoadTerritory();
  if (!territory.ok()) return territory.status();
  auto docs = store_.LoadReferenceDocuments();
  if (!docs.ok()) return docs.status();
  auto reference = ParseReferenceData(*docs);
  if (!reference.ok())
    return Status::Corruption("stored reference data: " + reference.status().ToString());
  auto frame = std::make_shared<Frame>();
  frame->territory = std::move(*territory);
  frame->reference = std::move(*reference);
  frame->reference_json = std::move(*docs);
  frame->regions_json = RegionsJson(frame->territory);
  frame->orps_json = OrpsJson(frame->territory);
  for (const auto& orp : frame->territory.orps())
    frame->municipalities_json[orp.code] = MunicipalitiesJson(frame->territory, orp.code);
  snap.frame = std::move(frame);
  return Status::Ok();
}

Status SnapshotKeeper::Load() {
  std::lock_guard lock(mu_);
  return LoadLocked();
}

Status SnapshotKeeper::LoadLocked() {
  auto snap = std::make_shared<NetworkSnapshot>();
  auto seq = store_.LastChangeSeq();  // read first: later rows are applied by CatchUp
  if (!seq.ok()) return seq.status();
  snap->seq = *seq;
  PROSIT_RETURN_IF_ERROR(LoadFrame(*snap));
  auto actors = store_.LoadAll(EntityKind::kActor);
  if (!actors.ok()) return actors.status();
  for (const auto& doc : *actors) {
    auto e = MakeActorEntry(doc.json, collator_);
    if (!e.ok()) return e.status();
    snap->actors[doc.id] = std::move(*e);
  }
  auto cards = store_.LoadAll(EntityKind::kServiceCard);
  if (!cards.ok()) return cards.status();
  // Preparing cards (JSON, folding, collation keys) dominates start-up: use every core.
  std::vector<std::shared_ptr<const CardEntry>> entries(cards->size());
  unsigned workers = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  std::vector<Status> statuses(workers);
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      CzechCollator collator;
      for (size_t i = w; i < cards->size(); i += workers) {
        const StoredDocument& doc = (*cards)[i];
        const ActorEntry* actor = snap->FindActor(doc.parent_id);
        auto e = MakeCardEntry(doc.json, actor ? &actor->actor : nullptr, *snap->frame, collator);
        if (!e.ok()) {
          statuses[w] = e.status();
          return;
        }
        entries[i] = std::move(*e);
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& s : statuses) PROSIT_RETURN_IF_ERROR(s);
  for (size_t i = 0; i < entries.size(); ++i) snap->cards[(*cards)[i].id] = std::move(entries[i]);
  snap->Reindex();
  current_.store(std::move(snap));
  return Status::Ok();
}

Status SnapshotKeeper::ApplyChange(NetworkSnapshot& snap, const ChangeEntry& change) {
  switch (change.kind) {
    case EntityKind::kReference:
    case EntityKind::kTerritory:
      return Status::Ok();  // handled by reloading the frame
    case EntityKind::kActor: {
      if (!change.after) {
        snap.actors.erase(change.entity_id);
        return Status::Ok();
      }
      auto e = MakeActorEntry(*change.after, collator_);
      if (!e.ok()) return e.status();
      const Actor& actor = (*e)->actor;
      snap.actors[change.entity_id] = *e;
      // The actor's name is part of its cards' summaries and search text.
      for (auto& [id, card] : snap.cards) {
        if (card->card.actor_id != actor.id) continue;
        auto c = MakeCardEntry(card->json, &actor, *snap.frame, collator_);
        if (!c.ok()) return c.status();
        card = std::move(*c);
      }
      return Status::Ok();
    }
    case EntityKind::kServiceCard: {
      if (!change.after) {
        snap.cards.erase(change.entity_id);
        return Status::Ok();
      }
      auto j = ParseDocument(*change.after);
      int64_t actor_id = j.ok() ? j->value("actor_id", int64_t{0}) : 0;
      const ActorEntry* actor = snap.FindActor(actor_id);
      auto e =
          MakeCardEntry(*change.after, actor ? &actor->actor : nullptr, *snap.frame, collator_);
      if (!e.ok()) return e.status();
      snap.cards[change.entity_id] = std::move(*e);
      return Status::Ok();
    }
  }
  return Status::Ok();
}

Status SnapshotKeeper::CatchUp() {
  std::lock_guard lock(mu_);
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
  for (const auto& change : *changes) PROSIT_RETURN_IF_ERROR(ApplyChange(*snap, change));
  snap->seq = changes->back().seq;
  snap->Reindex();
  current_.store(std::move(snap));
  return Status::Ok();
}

}  // namespace prosit
