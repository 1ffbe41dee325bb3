#pragma once
// Need queries: the needs found in an ORP, a region or the country, newest first,
// answered from the snapshot.

#include <optional>
#include <string>

#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "model/status.h"

namespace prosit {

struct NeedQuery {
  std::string region, orp;
  std::string status, priority;
  std::string need_area, network_need;
  std::string from, to;               // ISO dates of finding, inclusive
  std::optional<int64_t> actor_id;    // voiced by this actor
  std::optional<int64_t> meeting_id;  // came up at this meeting
  size_t offset = 0;
  size_t limit = 20;
};

FieldErrors CheckNeedQuery(const NeedQuery& q, const NetworkSnapshot& snap);
// {"items": [needs], "total", "offset", "limit"}, newest first.
Result<std::string> ListNeeds(const Caller& caller, const NetworkSnapshot& snap,
                              const NeedQuery& q);

}  // namespace prosit
