#include "app/accounts/request_credentials.h"

#include <strings.h>

namespace prosit {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    size_t semi = header.find(';');
    std::string_view pair = Trim(header.substr(0, semi));
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && Trim(pair.substr(0, eq)) == name) {
      std::string_view value = Trim(pair.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      return std::string(value);
    }
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

RequestCredentials CredentialsFromHeaders(const std::optional<std::string>& cookie,
                                          const std::optional<std::string>& authorization) {
  RequestCredentials c;
  if (cookie) c.session_token = CookieValue(*cookie, kSessionCookie);
  if (authorization) {
    std::string_view a = Trim(*authorization);
    if (a.size() > 7 && strncasecmp(a.data(), "Bearer ", 7) == 0)
      c.bearer_token = std::string(Trim(a.substr(7)));
    else
      c.bearer_token = std::string();  // some other scheme: present, and never valid
  }
  return c;
}

}  // namespace prosit
