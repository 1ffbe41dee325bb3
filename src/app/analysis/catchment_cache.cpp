#include "app/analysis/catchment_cache.h"

#include <cstdio>

namespace prosit {

namespace {

std::string Key(TravelMode mode, const Catchment& c) {
  std::string key = ToString(mode);
  char part[64];
  std::snprintf(part, sizeof part, "/%.9g/%s", c.max_minutes, ToString(c.decay));
  key += part;
  for (auto [share, weight] : c.steps) {
    std::snprintf(part, sizeof part, "/%.9g:%.9g", share, weight);
    key += part;
  }
  return key;
}

}  // namespace

std::shared_ptr<const CatchmentDemand> CatchmentCache::Get(TravelMode mode,
                                                           const Catchment& catchment) {
  std::string key = Key(mode, catchment);
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it != entries_.end()) return it->second;
  if (entries_.size() >= kMaxEntries) entries_.clear();
  auto made = std::make_shared<const CatchmentDemand>(demand_, *times_, mode, catchment);
  entries_.emplace(key, made);
  return made;
}

}  // namespace prosit
