#pragma once
// The calendar of an ORP's networking work as iCalendar: its meetings and the deadlines
// of its strategy's steps, each an all-day VEVENT with a UID stable per record, SEQUENCE
// from the record's version and LAST-MODIFIED from the change log — what a signed-in
// download and a subscribed feed (app/accounts/calendar_feeds.h) both serve.

#include <string>

#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "model/status.h"
#include "store/store.h"

namespace prosit {

// 403 unless the caller may read the ORP's internal records; 404 for an unknown ORP.
// `store` gives each record's last change (may be null: no LAST-MODIFIED); `now` is the
// DTSTAMP (ISO 8601 UTC).
Result<std::string> OrpCalendar(const Caller& caller, const NetworkSnapshot& snap, Store* store,
                                const std::string& orp, const std::string& now);

}  // namespace prosit
