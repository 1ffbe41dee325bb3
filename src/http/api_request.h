#pragma once
// ApiRequest: the parts of an HTTP request a route handler needs, already taken apart.

#include <map>
#include <optional>
#include <string>

#include "app/accounts/caller.h"

namespace prosit {

struct ApiRequest {
  std::string method;  // "GET", "POST", …
  std::string path;
  std::map<std::string, std::string> query;   // decoded
  std::map<std::string, std::string> params;  // from the route pattern, e.g. {"id": "7"}
  std::optional<std::string> if_match;
  std::optional<std::string> if_none_match;  // a cached answer's ETag (GET)
  std::optional<std::string> host;           // Host: where the client reached the server
  std::optional<std::string> content_type;   // Content-Type
  // Accept-Language: the language of error messages (English unless it prefers Czech).
  std::optional<std::string> accept_language;
  std::string body;
  // Who is asking: the headers that carry credentials, and the peer's address.
  std::optional<std::string> cookie;         // Cookie
  std::optional<std::string> authorization;  // Authorization
  std::optional<std::string> csrf_token;     // X-CSRF-Token
  std::string remote_address;
  // Who asks, resolved by the router from the credentials before the handler runs.
  Caller caller = Caller::Public();
};

}  // namespace prosit
