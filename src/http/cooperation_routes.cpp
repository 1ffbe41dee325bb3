// Routes of the analysis of the cooperation network between actors.

#include "app/analysis/cooperation_queries.h"
#include "http/list_filters.h"
#include "http/route_helpers.h"

namespace prosit {

void AddCooperationRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/analysis/network", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    CooperationQuery q = ReadCooperationScope(qr);
    if (!qr.Text("sort").empty()) q.sort = qr.Text("sort");
    q.offset = static_cast<size_t>(qr.Int("offset", 0, 1'000'000'000).value_or(0));
    q.limit = static_cast<size_t>(qr.Int("limit", 0, 10'000).value_or(500));
    return AnswerChecked(qr, CheckCooperationQuery(q, *snap), [&] {
      return JsonOrError(CooperationNetworkJson(r.caller, *snap, q, ctx.clock.Today()));
    });
  });
  router.Add("GET", "/api/v1/analysis/network/changes", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    CooperationChangesQuery q;
    q.region = qr.Text("region");
    q.orp = qr.Text("orp");
    if (!qr.Text("ties").empty()) q.ties = qr.Text("ties");
    q.from = qr.Text("from");
    q.to = qr.Text("to");
    return AnswerChecked(qr, CheckCooperationChanges(q, *snap), [&] {
      return JsonOrError(CooperationChangesJson(r.caller, *snap, q, ctx.clock.Today()));
    });
  });
}

}  // namespace prosit
