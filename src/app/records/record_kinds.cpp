#include "app/records/record_kinds.h"

#include <algorithm>

#include "model/duplicates.h"

namespace prosit {

namespace {

void AddOrpOf(RecordPlace& place, const NetworkSnapshot& snap, const std::string& municipality) {
  const Municipality* m = snap.frame->territory.FindMunicipality(municipality);
  if (m && std::find(place.orps.begin(), place.orps.end(), m->orp_code) == place.orps.end())
    place.orps.push_back(m->orp_code);
}

void AddSeatOf(RecordPlace& place, const NetworkSnapshot& snap, int64_t actor_id) {
  if (const ActorEntry* a = snap.FindActor(actor_id))
    AddOrpOf(place, snap, a->actor.seat.municipality_code);
}

template <typename T>
RecordKindInfo InfoOf() {
  using K = RecordKind<T>;
  return {K::kKind, EntityName(K::kKind), K::kRoute, K::kLabel, K::kSchema, K::kAccess};
}

template <typename... T>
std::vector<RecordKindInfo> InfosOf(KindList<T...>) {
  return {InfoOf<T>()...};
}

}  // namespace

void AddReferences(std::vector<Reference>& refs, EntityKind kind, const std::vector<int64_t>& ids,
                   const std::string& field) {
  for (size_t i = 0; i < ids.size(); ++i)
    refs.push_back({kind, ids[i], field + "[" + std::to_string(i) + "]"});
}

const std::vector<RecordKindInfo>& RecordKinds() {
  static const std::vector<RecordKindInfo> kinds = InfosOf(RecordTypes{});
  return kinds;
}

const RecordKindInfo* FindRecordKind(EntityKind kind) {
  for (const RecordKindInfo& k : RecordKinds())
    if (k.kind == kind) return &k;
  return nullptr;
}

RecordPlace PlaceOfCode(const std::string& code, const NetworkSnapshot& snap) {
  const Territory& territory = snap.frame->territory;
  if (!territory.FindRegion(code)) return {{code}, 0, ""};
  return {territory.OrpsOfRegion(code), 0, code};
}

// ---- actors and cards ----------------------------------------------------------------------

RecordPlace RecordKind<Actor>::Place(const Actor& actor, const NetworkSnapshot& snap) {
  RecordPlace p;
  AddOrpOf(p, snap, actor.seat.municipality_code);
  p.actor_id = actor.id;
  return p;
}

const Actor* RecordKind<Actor>::Find(const NetworkSnapshot& snap, int64_t id) {
  const ActorEntry* e = snap.FindActor(id);
  return e ? &e->actor : nullptr;
}

Status RecordKind<Actor>::CheckUnique(const Actor& actor, const NetworkSnapshot& snap) {
  std::vector<const Actor*> others;
  others.reserve(snap.actors.size());
  for (const auto& [id, entry] : snap.actors) others.push_back(&entry->actor);
  auto d = FindDuplicateActor(actor, others);
  return d ? DuplicateStatus(*d, "the actor", "", "") : Status::Ok();
}

void ApplyServiceTypeDefaults(ServiceCard& card, const ReferenceData& reference) {
  const ServiceType* type = reference.FindServiceType(card.service_type);
  if (!type) return;
  if (card.need_areas.empty()) card.need_areas = type->need_areas;
  if (card.level == 0) card.level = type->level;
  if (card.forms.empty()) card.forms = type->forms;
  if (card.capacity.unit.empty() || (card.capacity.unit == "none" && card.capacity.amount))
    card.capacity.unit = type->capacity_unit;
}

void RecordKind<ServiceCard>::Prepare(ServiceCard& card, const ReferenceData& reference) {
  ApplyServiceTypeDefaults(card, reference);
}

// Where it is delivered, or else where its actor's seat lies.
RecordPlace RecordKind<ServiceCard>::Place(const ServiceCard& card, const NetworkSnapshot& snap) {
  RecordPlace p;
  for (const DeliveryLocation& l : card.locations) AddOrpOf(p, snap, l.municipality_code);
  if (p.orps.empty()) AddSeatOf(p, snap, card.actor_id);
  p.actor_id = card.actor_id;
  return p;
}

const ServiceCard* RecordKind<ServiceCard>::Find(const NetworkSnapshot& snap, int64_t id) {
  const CardEntry* e = snap.FindCard(id);
  return e ? &e->card : nullptr;
}

// ---- networking work ---------------------------------------------------------------------------

std::vector<Reference> RecordKind<Meeting>::References(const Meeting& m) {
  std::vector<Reference> refs;
  AddReferences(refs, EntityKind::kActor, m.actor_ids, "actor_ids");
  return refs;
}

std::vector<Reference> RecordKind<Need>::References(const Need& n) {
  std::vector<Reference> refs;
  AddReferences(refs, EntityKind::kActor, n.voiced_by, "voiced_by");
  AddReferences(refs, EntityKind::kMeeting, n.meeting_ids, "meeting_ids");
  AddReferences(refs, EntityKind::kTheme, n.theme_ids, "theme_ids");
  return refs;
}

RecordPlace RecordKind<Tie>::Place(const Tie& tie, const NetworkSnapshot& snap) {
  RecordPlace p;
  AddSeatOf(p, snap, tie.actor_a);
  AddSeatOf(p, snap, tie.actor_b);
  return p;
}

Status RecordKind<Tie>::CheckUnique(const Tie& tie, const NetworkSnapshot& snap) {
  std::vector<const Tie*> others;
  others.reserve(snap.ties.size());
  for (const auto& [id, t] : snap.ties) others.push_back(t.get());
  auto d = FindDuplicateTie(tie, others);
  if (!d) return Status::Ok();
  auto name = [&](int64_t id) {
    const ActorEntry* a = snap.FindActor(id);
    return a ? a->actor.name : "actor " + std::to_string(id);
  };
  return DuplicateStatus(*d, "the tie", name(d->tie->actor_a), name(d->tie->actor_b));
}

RecordPlace RecordKind<Goal>::Place(const Goal& goal, const NetworkSnapshot& snap) {
  auto it = snap.themes.find(goal.theme_id);
  return it == snap.themes.end() ? RecordPlace{} : PlaceOf(*it->second, snap);
}

std::vector<Reference> RecordKind<Step>::References(const Step& s) {
  std::vector<Reference> refs = {{EntityKind::kGoal, s.goal_id, "goal_id"}};
  AddReferences(refs, EntityKind::kActor, s.actor_ids, "actor_ids");
  return refs;
}

RecordPlace RecordKind<Step>::Place(const Step& step, const NetworkSnapshot& snap) {
  auto it = snap.goals.find(step.goal_id);
  return it == snap.goals.end() ? RecordPlace{} : PlaceOf(*it->second, snap);
}

Status RecordKind<Step>::Settle(Step& s, int64_t id, StoreTransaction& tx,
                                const std::string& today) {
  if (s.status != "done" || !s.completed_on.empty()) return Status::Ok();
  if (id != 0) {
    auto doc = tx.Get(EntityKind::kStep, id);
    if (!doc.ok()) return doc.status();
    if (doc->has_value()) {
      auto stored = StepFromJson((*doc)->json);
      if (!stored.ok()) return Status::Corruption("stored step: " + stored.status().ToString());
      if (stored->status == "done") return Status::Ok();
    }
  }
  s.completed_on = today;
  return Status::Ok();
}

Status RecordKind<Step>::CheckWith(const Step& s, StoreTransaction& tx) {
  auto doc = tx.Get(EntityKind::kGoal, s.goal_id);
  if (!doc.ok()) return doc.status();
  if (!doc->has_value()) return Status::Ok();  // the reference check names goal_id
  auto goal = GoalFromJson((*doc)->json);
  if (!goal.ok()) return Status::Corruption("stored goal: " + goal.status().ToString());
  FieldErrors errors = ValidateStepInGoal(s, *goal);
  if (!errors.empty()) return Status::Invalid("the step lies before its goal was set", errors);
  return Status::Ok();
}

std::vector<Reference> RecordKind<GoodPractice>::References(const GoodPractice& p) {
  std::vector<Reference> refs;
  AddReferences(refs, EntityKind::kNeed, p.need_ids, "need_ids");
  AddReferences(refs, EntityKind::kTheme, p.theme_ids, "theme_ids");
  return refs;
}

std::vector<Reference> RecordKind<Recommendation>::References(const Recommendation& r) {
  std::vector<Reference> refs;
  AddReferences(refs, EntityKind::kNeed, r.need_ids, "need_ids");
  AddReferences(refs, EntityKind::kTheme, r.theme_ids, "theme_ids");
  return refs;
}

}  // namespace prosit
