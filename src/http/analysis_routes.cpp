// Routes of the analyses of the service network: coverage of the optimal model, spatial
// accessibility, what-if planning and the ranking of seats for a new service.

#include "app/analysis/accessibility_queries.h"
#include "app/analysis/coverage_queries.h"
#include "app/analysis/travel_time_queries.h"
#include "app/analysis/what_if_queries.h"
#include "http/route_helpers.h"

namespace prosit {

namespace {

// The snapshot an analysis reads and the frame of the model version it judges by: the
// current one, or the version named by ?model_version= (unknown: a field error).
struct AnalysisInput {
  std::shared_ptr<const NetworkSnapshot> snap;
  std::shared_ptr<const Frame> frame;
  Status failure;  // reading a past version failed (not a bad parameter)
};

AnalysisInput InputOf(ApiContext& ctx, QueryReader& qr) {
  AnalysisInput in{ctx.keeper.Current(), nullptr, Status::Ok()};
  in.frame = in.snap->frame;
  std::optional<int64_t> version = qr.Int("model_version", 1, INT64_MAX);
  if (!version) return in;
  auto frame = ctx.model_frames->Of(ctx.store, in.snap->frame, *version);
  if (frame.ok())
    in.frame = *frame;
  else if (frame.status().code() == StatusCode::kNotFound)
    qr.errors["model_version"] = "no model version " + std::to_string(*version);
  else
    in.failure = frame.status();
  return in;
}

// Runs `answer` on the analysis basis of the snapshot judged by the input's model
// version; 503 while the travel times cannot be had (a routing server down, say).
template <typename Answer>
ApiResponse WithBasis(ApiContext& ctx, const AnalysisInput& in, Answer answer) {
  if (!in.failure.ok()) return ApiResponse::Error(in.failure);
  auto basis = ctx.analysis.Basis(in.snap, in.frame);
  if (!basis.ok())
    return ApiResponse::Error(503, "analysis_unavailable",
                              "travel times are not available: " + basis.status().message());
  return answer(**basis);
}

// 422 naming every bad parameter (malformed ones and those the check refuses), else the
// answer on the basis.
template <typename Answer>
ApiResponse AnswerOnBasis(ApiContext& ctx, const AnalysisInput& in, const QueryReader& qr,
                          FieldErrors errors, Answer answer) {
  return AnswerChecked(qr, std::move(errors), [&] { return WithBasis(ctx, in, answer); });
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
    AnalysisInput in = InputOf(ctx, qr);
    return AnswerOnBasis(
        ctx, in, qr, CheckCoverageQuery(q, in.frame->territory),
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
    AnalysisInput in = InputOf(ctx, qr);
    FieldErrors e = CheckAccessibilityQuery(q, *in.frame);
    return AnswerOnBasis(ctx, in, qr, e, [&](const AnalysisBasis& b) {
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
    QueryReader qr(r);
    AnalysisInput in = InputOf(ctx, qr);
    if (!qr.errors.empty()) return Invalid(qr.errors);
    return WithBasis(ctx, in, [&](const AnalysisBasis& b) {
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
    AnalysisInput in = InputOf(ctx, qr);
    FieldErrors e = CheckCandidateQuery(q, *in.frame);
    return AnswerOnBasis(ctx, in, qr, e, [&](const AnalysisBasis& b) {
      return JsonOrError(CandidatesJson(r.caller, b, q));
    });
  });
}

void AddTravelTimeRoute(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/analysis/travel-times", [&ctx](const ApiRequest& r) {
    QueryReader qr(r);
    TravelTimeQuery q{qr.Text("from"), qr.Text("to")};
    AnalysisInput in{ctx.keeper.Current(), nullptr, Status::Ok()};  // no model in it
    in.frame = in.snap->frame;
    FieldErrors e = CheckTravelTimeQuery(q, in.frame->territory);
    return AnswerOnBasis(ctx, in, qr, e, [&](const AnalysisBasis& b) {
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
