#include "http/api_routes.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "http/route_helpers.h"

namespace prosit {

ApiRouter MakeApiRouter(ApiContext& ctx) {
  ApiRouter router;
  router.Add("GET", "/api/v1/health", [&ctx](const ApiRequest&) {
    auto snap = ctx.keeper.Current();
    Status lag = ctx.keeper.LastError();
    nlohmann::json j = {{"status", lag.ok() ? "ok" : "degraded"},
                        {"seq", snap->seq},
                        {"actors", snap->actors.size()},
                        {"service_cards", snap->cards.size()},
                        {"travel_times", TravelTimesStateName(ctx.analysis.State())}};
    if (!lag.ok()) j["problem"] = "the snapshot cannot catch up with the store; see the log";
    return ApiResponse::Json(j.dump(), lag.ok() ? 200 : 503);
  });
  router.Add("GET", "/api/v1/openapi.json",
             [](const ApiRequest&) { return ApiResponse::Json(OpenApiDocument()); });
  AddExportRoutes(router, ctx);
  AddOpenFormatRoutes(router, ctx);  // before the catalog: /service-cards.geojson
  AddCatalogRoutes(router, ctx);
  AddWorkRoutes(router, ctx);
  AddRecordRoutes(router, ctx);  // after AddWorkRoutes: /ties/derived before /ties/{id}
  AddAnalysisRoutes(router, ctx);
  AddCooperationRoutes(router, ctx);
  AddAccountRoutes(router, ctx);
  AddAuditRoutes(router, ctx);
  AddPersonalDataRoutes(router, ctx);
  AddModelRoutes(router, ctx);
  AddDocumentRoutes(router, ctx);
  AddRegionLeafletRoutes(router, ctx);
  AddNavigatorRoutes(router, ctx);
  // The served contract is the enforced one: a query parameter it does not name is a 400.
  Status contract = router.ApplyQueryContract(OpenApiDocument());
  if (!contract.ok()) throw std::logic_error(contract.ToString());
  router.SetAccessResolver([&ctx](const ApiRequest& r) -> Result<Caller> {
    if (!ctx.accounts) return Caller::Public();
    return ctx.accounts->AccessFor(CredentialsFromHeaders(r.cookie, r.authorization), r.method,
                                   r.csrf_token, ctx.keeper.Current()->frame->territory);
  });
  return router;
}

}  // namespace prosit
