#pragma once
// RequestCredentials: what a request presents to say who it is — the session cookie or
// an "Authorization: Bearer" API token — taken out of its headers.

#include <optional>
#include <string>
#include <string_view>

namespace prosit {

inline constexpr const char* kSessionCookie = "prosit_session";
// Marks a browser that has signed in before, for login throttling only (it grants nothing).
inline constexpr const char* kDeviceCookie = "prosit_device";

struct RequestCredentials {
  std::optional<std::string> session_token;  // the prosit_session cookie
  std::optional<std::string> bearer_token;   // Authorization: Bearer …
};

// Reads the Cookie and Authorization headers (either may be absent).
RequestCredentials CredentialsFromHeaders(const std::optional<std::string>& cookie,
                                          const std::optional<std::string>& authorization);

// The value of one cookie in a Cookie header, if present.
std::optional<std::string> CookieValue(std::string_view header, std::string_view name);

}  // namespace prosit
