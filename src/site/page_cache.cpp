#include "site/page_cache.h"

#include "site/public_site.h"

namespace prosit {

namespace {

// What an entry costs: its body and headers, and the bookkeeping around them.
size_t Cost(const std::string& key, const SiteAnswer& a) {
  return key.size() * 2 + a.body.size() + a.etag.size() + a.content_type.size() +
         a.location.size() + 128;
}

}  // namespace

bool PageCache::SwitchTo(const SiteRevision& revision) {
  if (revision == revision_) return true;
  if (revision < revision_) return false;  // rendered from a snapshot already replaced
  order_.clear();
  by_key_.clear();
  bytes_ = 0;
  revision_ = revision;
  return true;
}

std::shared_ptr<const SiteAnswer> PageCache::Find(const SiteRevision& revision,
                                                  const std::string& key) {
  std::lock_guard lock(mu_);
  if (revision != revision_) return nullptr;
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->answer;
}

void PageCache::Put(const SiteRevision& revision, const std::string& key,
                    std::shared_ptr<const SiteAnswer> answer) {
  size_t cost = Cost(key, *answer);
  if (cost > max_bytes_) return;
  std::lock_guard lock(mu_);
  if (!SwitchTo(revision)) return;
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    bytes_ -= it->second->bytes;
    order_.erase(it->second);
    by_key_.erase(it);
  }
  order_.push_front({key, std::move(answer), cost});
  by_key_[key] = order_.begin();
  bytes_ += cost;
  while (bytes_ > max_bytes_ && !order_.empty()) {
    bytes_ -= order_.back().bytes;
    by_key_.erase(order_.back().key);
    order_.pop_back();
  }
}

size_t PageCache::bytes() const {
  std::lock_guard lock(mu_);
  return bytes_;
}

size_t PageCache::size() const {
  std::lock_guard lock(mu_);
  return order_.size();
}

}  // namespace prosit
