// Routes of the reference model's versions: the current model, the list of versions, one
// version, and publishing a new one. Thin: the rules are in app/catalog/model_versions.h.

#include <charconv>

#include "app/catalog/model_versions.h"
#include "http/route_helpers.h"

namespace prosit {

namespace {

ApiResponse VersionRoute(ApiContext& ctx, const ApiRequest& r, int64_t number) {
  auto version = ctx.store.LoadModelVersion(number);
  if (!version.ok()) return ApiResponse::Error(version.status());
  if (!version->has_value())
    return ApiResponse::Error(404, "not_found",
                              number ? "no model version " + std::to_string(number)
                                     : "no model has been published: run prosit init");
  return ApiResponse::Json(ModelVersionJson(r.caller, **version, true));
}

}  // namespace

void AddModelRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/model",
             [&ctx](const ApiRequest& r) { return VersionRoute(ctx, r, 0); });
  router.Add("GET", "/api/v1/model/versions", [&ctx](const ApiRequest& r) {
    auto versions = ctx.store.ListModelVersions();
    if (!versions.ok()) return ApiResponse::Error(versions.status());
    return ApiResponse::Json(ModelVersionListJson(r.caller, *versions));
  });
  router.Add("GET", "/api/v1/model/versions/{n}", [&ctx](const ApiRequest& r) {
    const std::string& text = r.params.at("n");
    int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n <= 0)
      return ApiResponse::Error(404, "not_found", "no model version " + text);
    return VersionRoute(ctx, r, n);
  });
  router.Add("POST", "/api/v1/model/versions", [&ctx](const ApiRequest& r) {
    auto body = Body(r);
    if (!body.ok()) return ApiResponse::Error(body.status());
    auto number = PublishModel(r.caller, ctx.store, *ctx.keeper.Current(), *body, ctx.clock.now(),
                               ctx.clock.Today());
    if (!number.ok()) return ApiResponse::Error(number.status());
    // The analyses that follow judge by the new version (followers: from the change log).
    Status caught_up = ctx.keeper.CatchUp();
    if (!caught_up.ok()) return ApiResponse::Error(caught_up);
    auto version = ctx.store.LoadModelVersion(*number);
    if (!version.ok()) return ApiResponse::Error(version.status());
    ApiResponse res = ApiResponse::Json(ModelVersionJson(r.caller, **version, false), 201);
    res.headers.emplace_back("Location", "/api/v1/model/versions/" + std::to_string(*number));
    return res;
  });
}

}  // namespace prosit
