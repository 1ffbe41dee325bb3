#pragma once
// CSRF protection: a state-changing request made with the session cookie must carry the
// session's CSRF token in the X-CSRF-Token header. A browser sends the cookie on its own,
// but only our pages can read the token (from the sign-in answer or GET
// /api/v1/session). Requests with an API token carry no ambient authority and need none.

#include <optional>
#include <string>

#include "app/accounts/principal.h"
#include "model/status.h"

namespace prosit {

inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// OK for safe methods (GET, HEAD, OPTIONS), API tokens, and a matching header;
// Forbidden otherwise.
Status CheckCsrf(const Principal& principal, const std::string& method,
                 const std::optional<std::string>& header);

}  // namespace prosit
