#pragma once
// Personal data of contact persons (GDPR): everything prosit holds about one person —
// the contacts of actors and service cards that name them, now and in the change log —
// and its erasure, which removes the contacts from the records (logged as updates) and
// overwrites their values in past change-log documents, so that the audit trail keeps
// every change but no longer the person. Admins only.

#include <string>

#include "app/accounts/caller.h"
#include "app/snapshot/snapshot_keeper.h"
#include "model/contact.h"
#include "store/store.h"

namespace prosit {

// Who the data is about; each given field must match (case, accents, spacing and the
// +420 prefix of phone numbers ignored).
struct PersonQuery {
  std::string name, email, phone;
};

inline constexpr const char* kErased = "[erased]";

FieldErrors CheckPersonQuery(const PersonQuery& q);
bool ContactMatches(const Contact& contact, const PersonQuery& q);

// {"person", "contacts": [{"entity", "id", "record", "contact"}], "history": [{"seq", "at",
// "author", "entity", "id", "op"}]}
Result<std::string> PersonalDataJson(const Caller& caller, const NetworkSnapshot& snap,
                                     Store& store, const PersonQuery& q);
// {"erased_contacts", "records": [{"entity", "id"}], "history_rows"}; all in one
// transaction, then the snapshot catches up.
Result<std::string> ErasePersonalData(const Caller& caller, SnapshotKeeper& keeper, Store& store,
                                      const std::string& now, const PersonQuery& q);

}  // namespace prosit
