#pragma once
// CatchmentCache: E2SFCA's step 1 (analysis/accessibility.h CatchmentDemand) per mode and
// catchment, computed on first use and shared by every model cell, snapshot and what-if
// — it depends on the children and the travel times only, not on the services.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "analysis/accessibility.h"

namespace prosit {

class CatchmentCache {
 public:
  CatchmentCache(std::vector<double> demand, std::shared_ptr<const TravelTimes> times)
      : demand_(std::move(demand)), times_(std::move(times)) {}

  std::shared_ptr<const CatchmentDemand> Get(TravelMode mode, const Catchment& catchment);

 private:
  // A bound on memory: the norms give a handful of catchments; arbitrary max_minutes
  // could ask for many, so past this the cache starts again.
  static constexpr size_t kMaxEntries = 16;

  const std::vector<double> demand_;
  const std::shared_ptr<const TravelTimes> times_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const CatchmentDemand>> entries_;
};

}  // namespace prosit
