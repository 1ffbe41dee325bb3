#pragma once
// Good practices and recommendations of an ORP, a region or the country, in the order
// they were recorded.

#include <string>

#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "model/status.h"

namespace prosit {

struct PracticeQuery {
  std::string region, orp;
  std::string scope;  // recommendations only: general | specific
  size_t offset = 0;
  size_t limit = 20;
};

FieldErrors CheckPracticeQuery(const PracticeQuery& q, const NetworkSnapshot& snap);
Result<std::string> ListGoodPractices(const Caller& caller, const NetworkSnapshot& snap,
                                      const PracticeQuery& q);
Result<std::string> ListRecommendations(const Caller& caller, const NetworkSnapshot& snap,
                                        const PracticeQuery& q);

}  // namespace prosit
