#pragma once
// Reading one record of networking work by id, as the caller may: 404 when there is none,
// 401/403 when it lies outside what the caller may read (app/permissions.h).

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/permissions.h"

namespace prosit {

template <typename T>
Result<std::string> WorkRecordDocument(const Caller& caller, const NetworkSnapshot& snap,
                                       const std::map<int64_t, std::shared_ptr<const T>>& records,
                                       int64_t id, const std::string& what,
                                       nlohmann::json (*to_json)(const T&)) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, snap.frame->territory, "", "", false));
  auto it = records.find(id);
  if (it == records.end()) return Status::NotFound("no " + what + " " + std::to_string(id));
  PROSIT_RETURN_IF_ERROR(MayReadWork(caller, PlaceOf(*it->second, snap)));
  return to_json(*it->second).dump();
}

}  // namespace prosit
