// Routes of the situation navigator (app/public/situation_navigator.h), public: the
// situations, the services for a situation where a person lives, and "kdo co dělá" in an
// ORP for professionals.

#include "app/public/situation_navigator.h"
#include "http/route_helpers.h"

namespace prosit {

namespace {

// Public answers that follow the snapshot: a few minutes in any cache, then revalidated.
ApiResponse PublicJson(std::string body) {
  ApiResponse resp = ApiResponse::Json(std::move(body));
  resp.headers.emplace_back("Cache-Control", "public, max-age=300");
  return resp;
}

ApiResponse SituationServices(ApiContext& ctx, const ApiRequest& r) {
  auto snap = ctx.keeper.Current();
  const std::string& id = r.params.at("id");
  const ModelSituation* situation = FindSituation(snap->frame->reference, id);
  if (!situation) return ApiResponse::Error(Status::NotFound("no situation " + id));
  QueryReader qr(r);
  std::string code = qr.Text("municipality");
  FieldErrors errors;
  if (code.empty())
    errors["municipality"] = "is required";
  else if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos)
    errors["municipality"] = "must be a 6-digit municipality code";
  else if (!snap->frame->territory.FindMunicipality(code))
    errors["municipality"] = "unknown municipality code";
  return AnswerChecked(qr, std::move(errors), [&] {
    const Municipality& home = *snap->frame->territory.FindMunicipality(code);
    CarMinutes travel = CarMinutes::For(ctx.analysis, snap);
    return PublicJson(NavigatorAnswerJson(*snap, Navigate(*snap, *situation, home, travel)));
  });
}

}  // namespace

void AddNavigatorRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/situations", [&ctx](const ApiRequest&) {
    return PublicJson(SituationsJson(ctx.keeper.Current()->frame->reference));
  });
  router.Add("GET", "/api/v1/situations/{id}/services",
             [&ctx](const ApiRequest& r) { return SituationServices(ctx, r); });
  router.Add("GET", "/api/v1/orps/{code}/who-does-what", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    auto answer = FindWhoDoesWhat(*snap, r.params.at("code"));
    if (!answer.ok()) return ApiResponse::Error(answer.status());
    return PublicJson(WhoDoesWhatJson(*snap, *answer));
  });
}

}  // namespace prosit
