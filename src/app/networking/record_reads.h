#pragma once
// Reading one record of networking work by id, as the caller may: 401/403 when the caller's
// role reads no such records, 404 when there is none or it lies outside what the caller
// may read — the same answer, so that nobody learns which records exist elsewhere.

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/accounts/permissions.h"

namespace prosit {

// `records` is one of the snapshot's maps; `to_json` renders a record of it (a function of
// const T& to nlohmann::json).
template <typename Map, typename ToJson>
Result<std::string> WorkRecordDocument(const Caller& caller, const NetworkSnapshot& snap,
                                       const Map& records, int64_t id, const std::string& what,
                                       ToJson to_json) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, snap.frame->territory, "", "", false));
  auto it = records.find(id);
  if (it == records.end() || !MayReadWork(caller, PlaceOf(*it->second, snap)).ok())
    return Status::NotFound("no " + what + " " + std::to_string(id));
  return to_json(*it->second).dump();
}

}  // namespace prosit
