#pragma once
// Tie queries: declared cooperation ties, and ties derived from co-attendance at
// meetings (two actors at the same meeting), kept apart from each other.

#include <optional>
#include <string>

#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "model/status.h"

namespace prosit {

struct TieQuery {
  std::string region, orp;  // ties with at least one actor seated there
  std::string type;
  std::string at;  // ISO date: only ties in force that day
  std::optional<int64_t> actor_id;
  size_t offset = 0;
  size_t limit = 20;
};

struct DerivedTieQuery {
  std::string region, orp;  // meetings of that territory
  std::string from, to;     // meetings in that period
  size_t offset = 0;
  size_t limit = 20;
};

FieldErrors CheckTieQuery(const TieQuery& q, const NetworkSnapshot& snap);
FieldErrors CheckDerivedTieQuery(const DerivedTieQuery& q, const NetworkSnapshot& snap);
// {"items": [ties], "total", "offset", "limit"} in id order.
Result<std::string> ListTies(const Caller& caller, const NetworkSnapshot& snap, const TieQuery& q);
// {"items": [{"actor_a", "actor_b", "meetings", "last_date"}], …}: actor pairs (a < b)
// by how many meetings they shared, most first.
Result<std::string> ListDerivedTies(const Caller& caller, const NetworkSnapshot& snap,
                                    const DerivedTieQuery& q);

}  // namespace prosit
