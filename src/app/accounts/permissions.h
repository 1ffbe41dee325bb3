#pragma once
// Permissions: who may read and change what (docs/permissions.md). A record lies in the
// ORPs its RecordPlace names (PlaceOf, from the registry of record kinds); a caller may
// touch it when one of them is in its territory and its role allows the kind of record
// (the kind's AccessRule). Each check answers OK, Unauthenticated (401:
// sign in first) or Forbidden (403).

#include <cstdint>
#include <string>
#include <vector>

#include "app/accounts/caller.h"
#include "app/records/record_kinds.h"
#include "app/snapshot/network_snapshot.h"
#include "model/status.h"
#include "store/store.h"

namespace prosit {

enum class WriteOp { kCreate, kUpdate, kDelete };

// Internal records of networking work (meetings, needs, ties, the strategy, practices,
// recommendations): read by viewers, networkers and coordinators inside, admins.
Status MayReadWork(const Caller& caller, const RecordPlace& place);
// A scope named by a list or an analysis (an ORP, a region, or neither: the whole
// country) must lie wholly inside; for lists, an empty scope is narrowed to the
// territory instead (see `whole_country_needed`).
Status MayReadScope(const Caller& caller, const Territory& territory, const std::string& region,
                    const std::string& orp, bool whole_country_needed);
// A service card shows when published, else to those who may edit or read it inside.
bool SeesCard(const Caller& caller, const ServiceCard& card, const std::vector<std::string>& orps);
// SeesCard for a card as stored: its ORPs those of the snapshot's entry when it has one,
// else where it is delivered and what it serves.
bool SeesCard(const Caller& caller, const ServiceCard& card, const NetworkSnapshot& snap);
// A confidential address (street, point, municipality) shows to those who may change the
// card or read internal records where it lies: admins, the editors of its actor and
// coordinators, networkers and viewers of one of `place.orps`.
bool SeesPlace(const Caller& caller, const RecordPlace& place);

// Whether the caller may read the record of `kind` with `id` in the snapshot; a record
// it may not read is, to the caller, one that does not exist (docs/permissions.md).
enum class Visibility { kMissing, kHidden, kReadable };
Visibility VisibilityOf(const Caller& caller, const NetworkSnapshot& snap, EntityKind kind,
                        int64_t id);

// Non-public contacts and actors' notes show to signed-in callers only.
inline bool SeesPersonalData(const Caller& caller) { return caller.signed_in(); }

// Signed in, not a viewer, not a read-only token: checked before anything is parsed.
Status MayWriteAny(const Caller& caller);
Status MayWriteActor(const Caller& caller, const RecordPlace& place, WriteOp op);
Status MayWriteCard(const Caller& caller, const RecordPlace& place);
// Inside; a region-level record (place.region) only by its region's coordinator.
Status MayWriteWork(const Caller& caller, const RecordPlace& place);
// Users, the whole audit trail, personal-data export and erasure.
Status MayAdminister(const Caller& caller);
// Publishing a version of the reference model: a methodologist or an admin.
Status MayEditModel(const Caller& caller);

// Whether the caller may read a record of any registry kind, by its kind's rule.
template <typename T>
bool MayReadRecord(const Caller& caller, const T& record, const NetworkSnapshot& snap) {
  constexpr AccessRule access = RecordKind<T>::kAccess;
  if constexpr (access == AccessRule::kActor) return true;
  if constexpr (access == AccessRule::kCard) return SeesCard(caller, record, snap);
  if constexpr (access == AccessRule::kWork) return MayReadWork(caller, PlaceOf(record, snap)).ok();
}

// Whether the caller may write a record of any registry kind as it is (or will be).
template <typename T>
Status MayWriteRecord(const Caller& caller, const T& record, const NetworkSnapshot& snap,
                      WriteOp op) {
  constexpr AccessRule access = RecordKind<T>::kAccess;
  if constexpr (access == AccessRule::kActor)
    return MayWriteActor(caller, PlaceOf(record, snap), op);
  if constexpr (access == AccessRule::kCard) return MayWriteCard(caller, PlaceOf(record, snap));
  if constexpr (access == AccessRule::kWork) return MayWriteWork(caller, PlaceOf(record, snap));
}

}  // namespace prosit
