// Routes of the analyses of the service network: coverage of the optimal model, spatial
// accessibility, what-if planning and the ranking of seats for a new service.

#include "app/analysis/accessibility_queries.h"
#include "app/analysis/coverage_queries.h"
#include "app/analysis/travel_time_queries.h"
#include "app/analysis/what_if_queries.h"
#include "http/route_helpers.h"

namespace prosit {

namespace {

// Runs `answer` on the analysis basis of the current snapshot; 503 while the travel
// times cannot be had (a routing server down, say).
template <typename Answer>
ApiResponse WithBasis(ApiContext& ctx, Answer answer) {
  auto basis = ctx.analysis.Basis(ctx.keeper.Current());
  if (!basis.ok())
    return ApiResponse::Error(503, "analysis_unavailable",
                              "travel times are not available: " + basis.status().message());
  return answer(**basis);
}

// 422 naming every bad parameter (malformed ones and those the check refuses), else the
// answer on the basis.
template <typename Answer>
ApiResponse AnswerOnBasis(ApiContext& ctx, const QueryReader& qr, FieldErrors errors,
                          Answer answer) {
  return AnswerChecked(qr, std::move(errors), [&] { return WithBasis(ctx, answer); });
}

// A parameter with a default: kept unless given (given empty, the check refuses it).
void ReadIfGiven(const ApiRequest& r, const char* key, std::string& out) {
  if (auto it = r.query.find(key); it != r.query.end()) out = it->second;
}

void AddCoverageRoute(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/analysis/coverage", [&ctx](const ApiRequest& r) {
    QueryReader qr(r);
    CoverageQuery q;
    q.region = qr.Text("region");
    q.orp = qr.Text("orp");
    ReadIfGiven(r, "mode", q.mode);
    return AnswerOnBasis(
        ctx, qr, CheckCoverageQuery(q, ctx.keeper.Current()->frame->territory),
        [&](const AnalysisBasis& b) { return JsonOrError(CoverageJson(r.caller, b, q)); });
  });
}

void AddAccessibilityRoute(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/analysis/accessibility", [&ctx](const ApiRequest& r) {
    QueryReader qr(r);
    AccessibilityQuery q;
    q.region = qr.Text("region");
    q.orp = qr.Text("orp");
    q.cell = qr.Text("cell");
    q.service_type = qr.Text("service_type");
    ReadIfGiven(r, "mode", q.mode);
    ReadIfGiven(r, "decay", q.decay);
    q.max_minutes = qr.Int("max_minutes", 1, 90);
    FieldErrors e = CheckAccessibilityQuery(q, *ctx.keeper.Current()->frame);
    return AnswerOnBasis(ctx, qr, e, [&](const AnalysisBasis& b) {
      FieldErrors reach = CheckCatchmentReach(b, q);
      if (!reach.empty()) return Invalid(reach);
      return JsonOrError(AccessibilityJson(r.caller, b, q));
    });
  });
}

void AddWhatIfRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/analysis/what-if", [&ctx](const ApiRequest& r) {
    auto body = Body(r);
    if (!body.ok()) return ApiResponse::Error(body.status());
    auto request = ReadWhatIfRequest(*body);
    if (!request.ok()) return ApiResponse::Error(request.status());
    return WithBasis(ctx, [&](const AnalysisBasis& b) {
      auto change = MakeServiceChange(r.caller, b, *request);
      if (!change.ok()) return ApiResponse::Error(change.status());
      return ApiResponse::Json(WhatIfJson(b, *request, *change));
    });
  });
  router.Add("GET", "/api/v1/analysis/candidates", [&ctx](const ApiRequest& r) {
    QueryReader qr(r);
    CandidateQuery q;
    q.region = qr.Text("region");
    q.orp = qr.Text("orp");
    q.service_type = qr.Text("service_type");
    ReadIfGiven(r, "mode", q.mode);
    q.limit = static_cast<size_t>(qr.Int("limit", 1, kMaxPageSize).value_or(10));
    FieldErrors e = CheckCandidateQuery(q, *ctx.keeper.Current()->frame);
    return AnswerOnBasis(ctx, qr, e, [&](const AnalysisBasis& b) {
      return JsonOrError(CandidatesJson(r.caller, b, q));
    });
  });
}

void AddTravelTimeRoute(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/analysis/travel-times", [&ctx](const ApiRequest& r) {
    QueryReader qr(r);
    TravelTimeQuery q{qr.Text("from"), qr.Text("to")};
    FieldErrors e = CheckTravelTimeQuery(q, ctx.keeper.Current()->frame->territory);
    return AnswerOnBasis(ctx, qr, e, [&](const AnalysisBasis& b) {
      return ApiResponse::Json(TravelTimeJson(b, q));
    });
  });
}

}  // namespace

void AddAnalysisRoutes(ApiRouter& router, ApiContext& ctx) {
  AddTravelTimeRoute(router, ctx);
  AddCoverageRoute(router, ctx);
  AddAccessibilityRoute(router, ctx);
  AddWhatIfRoutes(router, ctx);
}

}  // namespace prosit
