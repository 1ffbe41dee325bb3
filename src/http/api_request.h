#pragma once
// ApiRequest: the parts of an HTTP request a route handler needs, already taken apart.

#include <map>
#include <optional>
#include <string>

namespace prosit {

struct ApiRequest {
  std::string method;  // "GET", "POST", …
  std::string path;
  std::map<std::string, std::string> query;   // decoded
  std::map<std::string, std::string> params;  // from the route pattern, e.g. {"id": "7"}
  std::optional<std::string> if_match;
  std::string body;
};

}  // namespace prosit
