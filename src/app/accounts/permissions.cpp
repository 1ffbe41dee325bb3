#include "app/accounts/permissions.h"

#include <algorithm>

namespace prosit {

namespace {

const Status& SignInFirst() {
  static const Status s = Status::Unauthenticated("sign in first");
  return s;
}

Status Outside() { return Status::Forbidden("the record lies outside your territory"); }

void AddOrpOf(RecordPlace& place, const NetworkSnapshot& snap, const std::string& municipality) {
  const Municipality* m = snap.frame->territory.FindMunicipality(municipality);
  if (m && std::find(place.orps.begin(), place.orps.end(), m->orp_code) == place.orps.end())
    place.orps.push_back(m->orp_code);
}

void AddSeatOf(RecordPlace& place, const NetworkSnapshot& snap, int64_t actor_id) {
  if (const ActorEntry* a = snap.FindActor(actor_id))
    AddOrpOf(place, snap, a->actor.seat.municipality_code);
}

RecordPlace InOrp(const std::string& orp_code) { return RecordPlace{{orp_code}, 0}; }

// Signed in, with a role that may work with the network's internal records.
Status MayWorkInternally(const Caller& caller) {
  if (!caller.signed_in()) return SignInFirst();
  if (caller.role() == Role::kActorEditor)
    return Status::Forbidden("an actor editor works with its own actor's service cards only");
  return Status::Ok();
}

}  // namespace

Status MayWriteAny(const Caller& caller) {
  if (!caller.signed_in()) return SignInFirst();
  if (!caller.may_write())
    return Status::Forbidden(caller.role() == Role::kViewer ? "a viewer writes nothing"
                                                            : "this API token may only read");
  return Status::Ok();
}

RecordPlace PlaceOf(const Actor& actor, const NetworkSnapshot& snap) {
  RecordPlace p;
  AddOrpOf(p, snap, actor.seat.municipality_code);
  p.actor_id = actor.id;
  return p;
}

RecordPlace PlaceOf(const ServiceCard& card, const NetworkSnapshot& snap) {
  RecordPlace p;
  for (const DeliveryLocation& l : card.locations) AddOrpOf(p, snap, l.municipality_code);
  if (p.orps.empty()) AddSeatOf(p, snap, card.actor_id);
  p.actor_id = card.actor_id;
  return p;
}

RecordPlace PlaceOf(const Meeting& m, const NetworkSnapshot&) { return InOrp(m.orp_code); }
RecordPlace PlaceOf(const Need& n, const NetworkSnapshot&) { return InOrp(n.orp_code); }
RecordPlace PlaceOf(const Theme& t, const NetworkSnapshot&) { return InOrp(t.orp_code); }
RecordPlace PlaceOf(const GoodPractice& g, const NetworkSnapshot&) { return InOrp(g.orp_code); }
RecordPlace PlaceOf(const Recommendation& r, const NetworkSnapshot&) { return InOrp(r.orp_code); }

RecordPlace PlaceOf(const Tie& tie, const NetworkSnapshot& snap) {
  RecordPlace p;
  AddSeatOf(p, snap, tie.actor_a);
  AddSeatOf(p, snap, tie.actor_b);
  return p;
}

RecordPlace PlaceOf(const Goal& goal, const NetworkSnapshot& snap) {
  auto it = snap.themes.find(goal.theme_id);
  return it == snap.themes.end() ? RecordPlace{} : PlaceOf(*it->second, snap);
}

RecordPlace PlaceOf(const Step& step, const NetworkSnapshot& snap) {
  auto it = snap.goals.find(step.goal_id);
  return it == snap.goals.end() ? RecordPlace{} : PlaceOf(*it->second, snap);
}

Status MayReadWork(const Caller& caller, const RecordPlace& place) {
  PROSIT_RETURN_IF_ERROR(MayWorkInternally(caller));
  return caller.CoversAny(place.orps) ? Status::Ok() : Outside();
}

Status MayReadScope(const Caller& caller, const Territory& territory, const std::string& region,
                    const std::string& orp, bool whole_country_needed) {
  PROSIT_RETURN_IF_ERROR(MayWorkInternally(caller));
  if (caller.everywhere()) return Status::Ok();
  if (!orp.empty())
    return caller.Covers(orp)
               ? Status::Ok()
               : Status::Forbidden("the ORP " + orp + " lies outside your territory");
  if (!region.empty()) {
    for (const std::string& o : territory.OrpsOfRegion(region))
      if (!caller.Covers(o))
        return Status::Forbidden("the region " + region + " lies outside your territory");
    return Status::Ok();
  }
  if (whole_country_needed)
    return Status::Forbidden("the whole country lies outside your territory");
  return Status::Ok();
}

bool SeesCard(const Caller& caller, const ServiceCard& card, const std::vector<std::string>& orps) {
  if (card.published || caller.everywhere()) return true;
  if (!caller.signed_in()) return false;
  if (caller.role() == Role::kActorEditor) return caller.Edits(card.actor_id);
  return caller.CoversAny(orps);
}

bool SeesCard(const Caller& caller, const ServiceCard& card, const NetworkSnapshot& snap) {
  const CardEntry* e = snap.FindCard(card.id);
  return SeesCard(caller, card, e ? e->searchable.orps : RelevantOrps(card, snap.frame->territory));
}

bool SeesPlace(const Caller& caller, const RecordPlace& place) {
  if (caller.everywhere()) return true;
  if (!caller.signed_in()) return false;
  if (caller.role() == Role::kActorEditor) return caller.Edits(place.actor_id);
  return caller.CoversAny(place.orps);
}

namespace {

template <typename T>
Visibility WorkVisibility(const Caller& caller, const NetworkSnapshot& snap,
                          const std::map<int64_t, std::shared_ptr<const T>>& records, int64_t id) {
  auto it = records.find(id);
  if (it == records.end()) return Visibility::kMissing;
  return MayReadWork(caller, PlaceOf(*it->second, snap)).ok() ? Visibility::kReadable
                                                              : Visibility::kHidden;
}

}  // namespace

Visibility VisibilityOf(const Caller& caller, const NetworkSnapshot& snap, EntityKind kind,
                        int64_t id) {
  switch (kind) {
    case EntityKind::kActor:
      return snap.FindActor(id) ? Visibility::kReadable : Visibility::kMissing;
    case EntityKind::kServiceCard: {
      const CardEntry* c = snap.FindCard(id);
      if (!c) return Visibility::kMissing;
      return SeesCard(caller, c->card, c->searchable.orps) ? Visibility::kReadable
                                                           : Visibility::kHidden;
    }
    case EntityKind::kMeeting:
      return WorkVisibility(caller, snap, snap.meetings, id);
    case EntityKind::kNeed:
      return WorkVisibility(caller, snap, snap.needs, id);
    case EntityKind::kTie:
      return WorkVisibility(caller, snap, snap.ties, id);
    case EntityKind::kTheme:
      return WorkVisibility(caller, snap, snap.themes, id);
    case EntityKind::kGoal:
      return WorkVisibility(caller, snap, snap.goals, id);
    case EntityKind::kStep:
      return WorkVisibility(caller, snap, snap.steps, id);
    case EntityKind::kGoodPractice:
      return WorkVisibility(caller, snap, snap.good_practices, id);
    case EntityKind::kRecommendation:
      return WorkVisibility(caller, snap, snap.recommendations, id);
    default:
      return caller.everywhere() ? Visibility::kReadable : Visibility::kHidden;
  }
}

Status MayWriteActor(const Caller& caller, const RecordPlace& place, WriteOp op) {
  PROSIT_RETURN_IF_ERROR(MayWriteAny(caller));
  if (caller.role() == Role::kActorEditor) {
    if (op == WriteOp::kUpdate && caller.Edits(place.actor_id)) return Status::Ok();
    return Status::Forbidden(op == WriteOp::kUpdate
                                 ? "you edit only your own actor"
                                 : "an actor editor cannot create or delete actors");
  }
  return caller.CoversAny(place.orps) ? Status::Ok() : Outside();
}

Status MayWriteCard(const Caller& caller, const RecordPlace& place) {
  PROSIT_RETURN_IF_ERROR(MayWriteAny(caller));
  if (caller.role() == Role::kActorEditor)
    return caller.Edits(place.actor_id) ? Status::Ok()
                                        : Status::Forbidden("the card is not your actor's");
  return caller.CoversAny(place.orps) ? Status::Ok() : Outside();
}

Status MayWriteWork(const Caller& caller, const RecordPlace& place) {
  PROSIT_RETURN_IF_ERROR(MayWriteAny(caller));
  PROSIT_RETURN_IF_ERROR(MayWorkInternally(caller));
  return caller.CoversAny(place.orps) ? Status::Ok() : Outside();
}

Status MayAdminister(const Caller& caller) {
  if (!caller.signed_in()) return SignInFirst();
  return caller.everywhere() ? Status::Ok() : Status::Forbidden("only an admin may do this");
}

}  // namespace prosit
