#include "app/accounts/csrf.h"

#include "app/accounts/secret_tokens.h"

namespace prosit {

Status CheckCsrf(const Principal& principal, const std::string& method,
                 const std::optional<std::string>& header) {
  if (method == "GET" || method == "HEAD" || method == "OPTIONS") return Status::Ok();
  if (principal.via == Principal::Via::kApiToken) return Status::Ok();
  if (header && !header->empty() && !principal.csrf_hash.empty() &&
      SecretsEqual(HashToken(*header), principal.csrf_hash))
    return Status::Ok();
  return Status::Forbidden(
      "a change made with the session cookie needs the session's CSRF token in the "
      "X-CSRF-Token header");
}

}  // namespace prosit
