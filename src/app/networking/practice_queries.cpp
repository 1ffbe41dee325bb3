#include "app/networking/practice_queries.h"

#include "app/accounts/permissions.h"
#include "app/networking/record_names.h"
#include "app/query_scope.h"
#include "io/practice_json.h"
#include "model/validation.h"

namespace prosit {

namespace {

// The records of a territory that `keep` accepts, rendered one page at a time.
template <typename T, typename Keep>
Result<std::string> ListOfTerritory(const Caller& caller, const NetworkSnapshot& snap,
                                    const std::map<int64_t, std::shared_ptr<const T>>& records,
                                    const PracticeQuery& q, Keep keep) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, snap.frame->territory, q.region, q.orp, false));
  std::vector<std::string> rendered;
  size_t total = 0;
  for (const auto& [id, r] : records) {
    if (!OrpInScope(snap.frame->territory, r->orp_code, q.region, q.orp, caller)) continue;
    if (!keep(*r)) continue;
    if (total >= q.offset && rendered.size() < q.limit)
      rendered.push_back(JsonWithNames(caller, snap, *r).dump());
    ++total;
  }
  return RenderPage({rendered.begin(), rendered.end()}, total, q.offset, q.limit);
}

}  // namespace

FieldErrors CheckPracticeQuery(const PracticeQuery& q, const NetworkSnapshot& snap) {
  FieldErrors e;
  const Territory& t = snap.frame->territory;
  CheckTerritoryParams(e, t, q.region, q.orp);
  if (!q.scope.empty() && !OneOf(q.scope, kRecommendationScopes))
    e["scope"] = "must be general or specific";
  return e;
}

Result<std::string> ListGoodPractices(const Caller& caller, const NetworkSnapshot& snap,
                                      const PracticeQuery& q) {
  return ListOfTerritory(caller, snap, snap.good_practices, q,
                         [](const GoodPractice&) { return true; });
}

Result<std::string> ListRecommendations(const Caller& caller, const NetworkSnapshot& snap,
                                        const PracticeQuery& q) {
  return ListOfTerritory(caller, snap, snap.recommendations, q, [&](const Recommendation& r) {
    return q.scope.empty() || r.scope == q.scope;
  });
}

}  // namespace prosit
