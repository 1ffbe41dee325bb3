#pragma once
// JSON form of meetings: the API's bodies and the store's documents.

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/meeting.h"
#include "model/status.h"

namespace prosit {

Result<Meeting> MeetingFromJson(std::string_view text, Meeting* partial = nullptr);
nlohmann::json MeetingToJson(const Meeting& m);

}  // namespace prosit
