#pragma once
// JSON form of declared cooperation ties: the API's bodies and the store's documents.

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/status.h"
#include "model/tie.h"

namespace prosit {

Result<Tie> TieFromJson(std::string_view text, Tie* partial = nullptr);
nlohmann::json TieToJson(const Tie& t);

}  // namespace prosit
