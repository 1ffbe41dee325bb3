#pragma once
// JSON form of users: the API's bodies and the store's documents (never a password).

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/status.h"
#include "model/user.h"

namespace prosit {

Result<User> UserFromJson(std::string_view text);
nlohmann::json UserToJson(const User& u);

}  // namespace prosit
