#include "app/accounts/credential_cache.h"

#include <iterator>

namespace prosit {

std::optional<Principal> CredentialCache::Find(const std::string& token_hash, int64_t now) const {
  if (lifetime_ <= 0) return std::nullopt;
  std::lock_guard lock(mu_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end() || now - it->second.verified_at >= lifetime_) return std::nullopt;
  return it->second.principal;
}

void CredentialCache::Remember(const std::string& token_hash, const Principal& principal,
                               int64_t now) {
  if (lifetime_ <= 0) return;
  std::lock_guard lock(mu_);
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[token_hash] = {principal, now};
}

void CredentialCache::Forget(const std::string& token_hash) {
  std::lock_guard lock(mu_);
  entries_.erase(token_hash);
}

void CredentialCache::ForgetUser(int64_t user_id) {
  std::lock_guard lock(mu_);
  for (auto it = entries_.begin(); it != entries_.end();)
    it = it->second.principal.user.id == user_id ? entries_.erase(it) : std::next(it);
}

}  // namespace prosit
