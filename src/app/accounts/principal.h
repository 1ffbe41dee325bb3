#pragma once
// Principal: who makes a request, once a session cookie or an API token has been
// resolved to a user; what permission checks (src/app) look at.

#include <cstdint>
#include <string>

#include "model/user.h"

namespace prosit {

struct Principal {
  enum class Via { kSession, kApiToken };
  User user;
  Via via = Via::kSession;
  std::string scope = "write";  // a session may write; an API token as it was scoped
  std::string session_hash;     // via a session: its stored hash
  std::string csrf_hash;        // via a session: the hash of its CSRF token
  std::string csrf_token;       // via a session: the token itself, to tell the client again
  std::string expires;          // via a session: the absolute time-out
  int64_t token_id = 0;         // via an API token
  bool CanWrite() const { return scope == "write"; }
};

}  // namespace prosit
