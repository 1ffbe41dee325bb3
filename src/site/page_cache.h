#pragma once
// PageCache: the public site's rendered answers for one snapshot revision, least recently
// used first out once their bodies pass a byte budget. A new revision empties it, so a
// page never outlives the data it shows. Thread-safe.

#include <compare>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace prosit {

struct SiteAnswer;

// A snapshot's place in the change log and the model version it reads; it only grows.
struct SiteRevision {
  int64_t seq = -1;
  int64_t model_version = 0;
  auto operator<=>(const SiteRevision&) const = default;
};

class PageCache {
 public:
  explicit PageCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The answer kept for `key` at `revision`, or nullptr.
  std::shared_ptr<const SiteAnswer> Find(const SiteRevision& revision, const std::string& key);
  // Keeps `answer` for `key` at `revision` (dropping everything of an older revision),
  // unless it alone is larger than the budget or a newer revision is already kept.
  void Put(const SiteRevision& revision, const std::string& key,
           std::shared_ptr<const SiteAnswer> answer);

  size_t bytes() const;
  size_t size() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const SiteAnswer> answer;
    size_t bytes = 0;
  };
  bool SwitchTo(const SiteRevision& revision);  // holds mu_; false: older

  mutable std::mutex mu_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  SiteRevision revision_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace prosit
