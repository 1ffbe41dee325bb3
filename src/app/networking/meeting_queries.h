#pragma once
// Meeting queries: the record of meetings of an ORP, a region or the country, newest
// first, answered from the snapshot.

#include <optional>
#include <string>

#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "model/status.h"

namespace prosit {

struct MeetingQuery {
  std::string region, orp;
  std::string category, format;
  std::string from, to;             // ISO dates, inclusive; empty: open
  std::optional<int64_t> actor_id;  // meetings this actor took part in
  std::optional<bool> has_record;   // notes or outputs say something (HasRecord) or not
  std::string text;                 // words that begin words of the topic, notes or outputs
  size_t offset = 0;
  size_t limit = 20;
};

FieldErrors CheckMeetingQuery(const MeetingQuery& q, const NetworkSnapshot& snap);
// {"items": [meetings], "total", "offset", "limit"}, newest first; only those inside the
// caller's territory.
Result<std::string> ListMeetings(const Caller& caller, const NetworkSnapshot& snap,
                                 const MeetingQuery& q);

}  // namespace prosit
