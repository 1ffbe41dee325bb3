#pragma once
// JSON form of needs: the API's bodies and the store's documents.

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/need.h"
#include "model/status.h"

namespace prosit {

Result<Need> NeedFromJson(std::string_view text, Need* partial = nullptr);
nlohmann::json NeedToJson(const Need& n);

}  // namespace prosit
