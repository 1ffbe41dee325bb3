#pragma once
// CredentialCache: who the recently verified session cookies and API tokens stand for,
// kept a few seconds, so that an integration sending many requests does not cost two
// store reads (token, user) each. Sign-out, revocation and password changes forget their
// entries at once in this instance; other instances notice within the cache's lifetime.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/accounts/principal.h"

namespace prosit {

class CredentialCache {
 public:
  explicit CredentialCache(int64_t lifetime_seconds) : lifetime_(lifetime_seconds) {}

  // The principal verified for `token_hash` at most the lifetime ago.
  std::optional<Principal> Find(const std::string& token_hash, int64_t now) const;
  void Remember(const std::string& token_hash, const Principal& principal, int64_t now);
  void Forget(const std::string& token_hash);
  // Every entry of one user: their sessions and tokens.
  void ForgetUser(int64_t user_id);

 private:
  struct Entry {
    Principal principal;
    int64_t verified_at = 0;
  };
  static constexpr size_t kMaxEntries = 10'000;  // beyond this it starts afresh
  int64_t lifetime_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace prosit
