#include "app/accounts/permissions.h"

#include <algorithm>

namespace prosit {

namespace {

const Status& SignInFirst() {
  static const Status s = Status::Unauthenticated("sign in first");
  return s;
}

Status Outside() { return Status::Forbidden("the record lies outside your territory"); }

// Signed in, with a role that may work with the network's internal records.
Status MayWorkInternally(const Caller& caller) {
  if (!caller.signed_in()) return SignInFirst();
  if (caller.role() == Role::kActorEditor)
    return Status::Forbidden("an actor editor works with its own actor's service cards only");
  return Status::Ok();
}

// A region-level record is the region's coordinator's: a networker of one of its ORPs
// reads it but does not write it.
Status MayWriteRegion(const Caller& caller, const RecordPlace& place) {
  if (caller.everywhere()) return Status::Ok();
  bool whole = std::all_of(place.orps.begin(), place.orps.end(),
                           [&](const std::string& o) { return caller.Covers(o); });
  if (caller.role() == Role::kRegionalCoordinator && whole) return Status::Ok();
  return Status::Forbidden("a record of the region " + place.region +
                           " is written by the region's coordinator");
}

}  // namespace

Status MayWriteAny(const Caller& caller) {
  if (!caller.signed_in()) return SignInFirst();
  if (!caller.may_write())
    return Status::Forbidden(caller.role() == Role::kViewer ? "a viewer writes nothing"
                             : caller.role() == Role::kMethodologist
                                 ? "a methodologist edits the model, not the records"
                                 : "this API token may only read");
  return Status::Ok();
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

Visibility VisibilityOf(const Caller& caller, const NetworkSnapshot& snap, EntityKind kind,
                        int64_t id) {
  Visibility v = caller.everywhere() ? Visibility::kReadable : Visibility::kHidden;
  VisitRecordKind(kind, [&]<typename T>() {
    const T* record = RecordKind<T>::Find(snap, id);
    if (!record)
      v = Visibility::kMissing;
    else
      v = MayReadRecord(caller, *record, snap) ? Visibility::kReadable : Visibility::kHidden;
  });
  return v;
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
  if (!place.region.empty()) return MayWriteRegion(caller, place);
  return caller.CoversAny(place.orps) ? Status::Ok() : Outside();
}

Status MayAdminister(const Caller& caller) {
  if (!caller.signed_in()) return SignInFirst();
  return caller.administers() ? Status::Ok() : Status::Forbidden("only an admin may do this");
}

Status MayEditModel(const Caller& caller) {
  if (!caller.signed_in()) return SignInFirst();
  if (caller.may_edit_model()) return Status::Ok();
  bool role_may = caller.role() == Role::kAdmin || caller.role() == Role::kMethodologist;
  return Status::Forbidden(role_may ? "this API token may only read"
                                    : "only a methodologist or an admin edits the model");
}

}  // namespace prosit
