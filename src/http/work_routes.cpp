// Lists of the networker's records: meetings, needs, ties, the strategy, good practices,
// recommendations, and the monitoring table (one record by id and the writes are the
// registry's: AddRecordRoutes).

#include "app/networking/meeting_queries.h"
#include "app/networking/monitoring_queries.h"
#include "app/networking/need_queries.h"
#include "app/networking/practice_queries.h"
#include "app/networking/profile_queries.h"
#include "app/networking/strategy_queries.h"
#include "app/networking/tie_queries.h"
#include "http/list_filters.h"
#include "http/route_helpers.h"

namespace prosit {

namespace {

void AddMeetingRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/meetings", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    MeetingQuery q = ReadMeetingFilters(qr);
    return AnswerList(qr, CheckMeetingQuery(q, *snap),
                      [&] { return ListMeetings(r.caller, *snap, q); });
  });
}

void AddNeedRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/needs", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    NeedQuery q = ReadNeedFilters(qr);
    return AnswerList(qr, CheckNeedQuery(q, *snap), [&] { return ListNeeds(r.caller, *snap, q); });
  });
}

void AddTieRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/ties", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    TieQuery q;
    q.region = qr.Text("region");
    q.orp = qr.Text("orp");
    q.type = qr.Text("type");
    q.at = qr.Text("at");
    q.actor_id = qr.Int("actor_id", 1, INT64_MAX);
    qr.Page(q.offset, q.limit);
    return AnswerList(qr, CheckTieQuery(q, *snap), [&] { return ListTies(r.caller, *snap, q); });
  });
  // Before /ties/{id}, which would take "derived" for an id.
  router.Add("GET", "/api/v1/ties/derived", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    DerivedTieQuery q;
    q.region = qr.Text("region");
    q.orp = qr.Text("orp");
    q.from = qr.Text("from");
    q.to = qr.Text("to");
    qr.Page(q.offset, q.limit);
    return AnswerList(qr, CheckDerivedTieQuery(q, *snap),
                      [&] { return ListDerivedTies(r.caller, *snap, q); });
  });
}

// The strategy of an ORP (?orp=) or the region-level strategy of a region (?region=).
std::string StrategyOf(QueryReader& qr) {
  std::string region = qr.Text("region"), orp = qr.Text("orp");
  return region.empty() ? orp : orp.empty() ? region : "";
}

void AddStrategyRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/strategy", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    return JsonOrError(StrategyDocument(r.caller, *snap, ctx.store, StrategyOf(qr), qr.Text("at"),
                                        ctx.clock.Today()));
  });
  router.Add("GET", "/api/v1/strategy/changes", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    return JsonOrError(StrategyChangesDocument(r.caller, *snap, ctx.store, StrategyOf(qr),
                                               qr.Text("from"), qr.Text("to"), ctx.clock.Today()));
  });
  router.Add("GET", "/api/v1/strategy/overdue", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    std::string region = qr.Text("region"), orp = qr.Text("orp");
    size_t offset = 0, limit = 20;
    qr.Page(offset, limit);
    FieldErrors errors;
    if (!region.empty() && !snap->frame->territory.FindRegion(region))
      errors["region"] = "unknown region code";
    if (!orp.empty() && !snap->frame->territory.FindOrp(orp)) errors["orp"] = "unknown ORP code";
    return AnswerList(qr, errors, [&] {
      return ListOverdueSteps(r.caller, *snap, region, orp, ctx.clock.Today(), offset, limit);
    });
  });
}

void AddPracticeRoutes(ApiRouter& router, ApiContext& ctx) {
  auto add_list = [&](const char* pattern, auto list) {
    router.Add("GET", pattern, [&ctx, list](const ApiRequest& r) {
      auto snap = ctx.keeper.Current();
      QueryReader qr(r);
      PracticeQuery q;
      q.region = qr.Text("region");
      q.orp = qr.Text("orp");
      q.scope = qr.Text("scope");
      qr.Page(q.offset, q.limit);
      return AnswerList(qr, CheckPracticeQuery(q, *snap), [&] { return list(r.caller, *snap, q); });
    });
  };
  add_list("/api/v1/good-practices", ListGoodPractices);
  add_list("/api/v1/recommendations", ListRecommendations);
}

// The ORP profile and the participation register.
void AddProfileRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/orps/{code}", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    return JsonOrError(OrpProfileJson(r.caller, *snap, r.params.at("code"), ctx.clock.Today()));
  });
  router.Add("GET", "/api/v1/participations", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    ParticipationQuery q;
    q.region = qr.Text("region");
    q.orp = qr.Text("orp");
    qr.Page(q.offset, q.limit);
    return AnswerList(qr, CheckParticipationQuery(q, *snap),
                      [&] { return ListParticipations(r.caller, *snap, q); });
  });
  // The ORP's chapter texts of its analysis, newest first (the editor finds its record here).
  router.Add("GET", "/api/v1/analysis-texts", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    ParticipationQuery q;
    q.region = qr.Text("region");
    q.orp = qr.Text("orp");
    qr.Page(q.offset, q.limit);
    return AnswerList(qr, CheckParticipationQuery(q, *snap),
                      [&] { return ListAnalysisTexts(r.caller, *snap, q); });
  });
}

// The monitoring table as JSON or CSV: the same scope, two renderings.
void AddMonitoringRoutes(ApiRouter& router, ApiContext& ctx) {
  auto add = [&](const char* pattern, auto render, const char* content_type) {
    router.Add("GET", pattern, [&ctx, render, content_type](const ApiRequest& r) {
      auto snap = ctx.keeper.Current();
      QueryReader qr(r);
      MonitoringScope scope{qr.Text("from"), qr.Text("to"), qr.Text("region"), qr.Text("orp")};
      FieldErrors errors = CheckMonitoringScope(scope, *snap);
      if (!errors.empty()) return Invalid(errors);
      ApiResponse resp = JsonOrError(render(r.caller, *snap, ctx.store, scope, ctx.clock.Today()));
      if (resp.status == 200) resp.content_type = content_type;
      return resp;
    });
  };
  add("/api/v1/monitoring", MonitoringJson, "application/json; charset=utf-8");
  // Czech unless ?lang=en: partners open it in Czech Excel.
  router.Add("GET", "/api/v1/monitoring.csv", [&ctx](const ApiRequest& r) {
    auto lang = LangParam(r, Lang::kCs);
    if (!lang.ok()) return ApiResponse::Error(lang.status());
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    MonitoringScope scope{qr.Text("from"), qr.Text("to"), qr.Text("region"), qr.Text("orp")};
    FieldErrors errors = CheckMonitoringScope(scope, *snap);
    if (!errors.empty()) return Invalid(errors);
    ApiResponse resp =
        JsonOrError(MonitoringCsv(r.caller, *snap, ctx.store, scope, ctx.clock.Today(), *lang));
    if (resp.status == 200) resp.content_type = "text/csv; charset=utf-8";
    return resp;
  });
}

}  // namespace

void AddWorkRoutes(ApiRouter& router, ApiContext& ctx) {
  AddMeetingRoutes(router, ctx);
  AddNeedRoutes(router, ctx);
  AddTieRoutes(router, ctx);
  AddStrategyRoutes(router, ctx);
  AddPracticeRoutes(router, ctx);
  AddMonitoringRoutes(router, ctx);
  AddProfileRoutes(router, ctx);
}

}  // namespace prosit
