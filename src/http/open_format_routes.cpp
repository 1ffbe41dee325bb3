// Routes of the open formats partners read: GeoJSON of the service cards and of the
// municipalities with their analysis results, GraphML of the cooperation network, and
// iCalendar of an ORP's meetings and step deadlines (a signed-in download and per-ORP
// feeds that a calendar client fetches by a secret token).

#include <nlohmann/json.hpp>

#include "app/accounts/csrf.h"
#include "app/analysis/cooperation_queries.h"
#include "app/analysis/municipality_geojson.h"
#include "app/catalog/catalog_geojson.h"
#include "app/catalog/catalog_queries.h"
#include "app/networking/calendar_queries.h"
#include "http/list_filters.h"
#include "http/route_helpers.h"

namespace prosit {

namespace {

using nlohmann::json;

constexpr RouteOptions kStoreBound{.store_bound = true};

// A file of another media type, or the error that stands in for it.
ApiResponse FileOrError(const Result<std::string>& doc, const char* content_type,
                        const std::string& filename) {
  if (!doc.ok()) return ApiResponse::Error(doc.status());
  ApiResponse resp = ApiResponse::Json(*doc);
  resp.content_type = content_type;
  resp.headers.emplace_back("Content-Disposition", "inline; filename=\"" + filename + "\"");
  return resp;
}

constexpr const char* kGeoJson = "application/geo+json";
constexpr const char* kGraphml = "application/graphml+xml; charset=utf-8";
constexpr const char* kCalendar = "text/calendar; charset=utf-8";

void AddGeoJsonRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/service-cards.geojson", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    ServiceQuery q = ReadServiceFilters(qr);  // the list's; the page does not apply to a map
    return AnswerChecked(qr, CheckServiceQuery(q, *snap), [&] {
      return FileOrError(ServiceCardsGeoJson(r.caller, *snap, q), kGeoJson,
                         "service-cards.geojson");
    });
  });
  router.Add("GET", "/api/v1/analysis/municipalities.geojson", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    MunicipalityMapQuery q;
    q.region = qr.Text("region");
    q.orp = qr.Text("orp");
    q.cell = qr.Text("cell");
    if (auto it = r.query.find("mode"); it != r.query.end()) q.mode = it->second;
    return AnswerChecked(qr, CheckMunicipalityMapQuery(q, *snap->frame), [&] {
      if (!ctx.shapes)
        return ApiResponse::Error(404, "not_found",
                                  "this server has no municipality boundaries "
                                  "(data/territory/municipalities.topo.json)");
      auto basis = ctx.analysis.Basis(snap, snap->frame);
      if (!basis.ok())
        return ApiResponse::Error(503, "analysis_unavailable",
                                  "travel times are not available: " + basis.status().message());
      return FileOrError(MunicipalitiesGeoJson(r.caller, **basis, *ctx.shapes, q), kGeoJson,
                         "municipalities.geojson");
    });
  });
}

void AddGraphmlRoute(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/analysis/cooperation.graphml", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    CooperationQuery q = ReadCooperationScope(qr);
    return AnswerChecked(qr, CheckCooperationQuery(q, *snap), [&] {
      return FileOrError(CooperationGraphml(r.caller, *snap, q, ctx.clock.Today()), kGraphml,
                         "cooperation-" + (q.orp.empty() ? q.region : q.orp) + ".graphml");
    });
  });
}

json FeedJson(const CalendarFeedRecord& f) {
  return {{"id", f.id},
          {"orp", f.orp_code},
          {"name", f.name},
          {"created", f.created},
          {"last_used", f.last_used ? json(*f.last_used) : json(nullptr)},
          {"revoked", f.revoked ? json(*f.revoked) : json(nullptr)}};
}

// The signed-in principal, or 401 (503 without sign-in on this server).
Result<Principal> SignedPrincipal(ApiContext& ctx, const ApiRequest& r, bool change) {
  if (!ctx.accounts) return Status::Busy("sign-in is not available on this server");
  auto p = ctx.accounts->Authenticate(CredentialsFromHeaders(r.cookie, r.authorization));
  if (!p) return Status::Unauthenticated("sign in first");
  if (change) PROSIT_RETURN_IF_ERROR(CheckCsrf(*p, r.method, r.csrf_token));
  return std::move(*p);
}

void AddCalendarRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add(
      "GET", "/api/v1/orps/{code}/calendar.ics",
      [&ctx](const ApiRequest& r) {
        auto snap = ctx.keeper.Current();
        const std::string& code = r.params.at("code");
        return FileOrError(OrpCalendar(r.caller, *snap, &ctx.store, code, ctx.clock.now()),
                           kCalendar, "prosit-" + code + ".ics");
      },
      kStoreBound);
  // No sign-in: the secret in the URL is the credential, read with its user's rights now.
  router.Add(
      "GET", "/api/v1/calendar/{token}.ics",
      [&ctx](const ApiRequest& r) {
        if (!ctx.accounts) return ApiResponse::Error(404, "not_found", "no such calendar feed");
        auto snap = ctx.keeper.Current();
        auto reader =
            ctx.accounts->CalendarFeedReader(r.params.at("token"), snap->frame->territory);
        if (!reader.ok()) return ApiResponse::Error(reader.status());
        auto cal =
            OrpCalendar(reader->caller, *snap, &ctx.store, reader->orp_code, ctx.clock.now());
        // A user who lost the ORP: the feed is gone to the client, not forbidden.
        if (!cal.ok() && cal.status().code() == StatusCode::kForbidden)
          return ApiResponse::Error(404, "not_found", "no such calendar feed");
        ApiResponse resp = FileOrError(cal, kCalendar, "prosit-" + reader->orp_code + ".ics");
        resp.headers.emplace_back("Cache-Control", "private, no-store");
        return resp;
      },
      kStoreBound);
  router.Add("POST", "/api/v1/calendar-feeds", [&ctx](const ApiRequest& r) {
    auto p = SignedPrincipal(ctx, r, true);
    if (!p.ok()) return ApiResponse::Error(p.status());
    auto body = Body(r);
    if (!body.ok()) return ApiResponse::Error(body.status());
    json in = json::parse(*body, nullptr, false);
    if (in.is_discarded() || !in.is_object())
      return ApiResponse::Error(Status::Malformed("the body must be a JSON object"));
    FieldErrors e;
    for (const auto& [key, value] : in.items())
      if (key != "orp" && key != "name")
        e[key] = "unknown field";
      else if (!value.is_string())
        e[key] = "must be a string";
    auto snap = ctx.keeper.Current();
    if (!in.contains("orp"))
      e["orp"] = "required";
    else if (in["orp"].is_string() && !snap->frame->territory.FindOrp(in["orp"]))
      e["orp"] = "unknown ORP code";
    if (!e.empty()) return Invalid(e);
    auto f = ctx.accounts->CreateCalendarFeed(*p, in["orp"], in.value("name", ""),
                                              snap->frame->territory);
    if (!f.ok()) return ApiResponse::Error(f.status());
    std::string path = "/api/v1/calendar/" + f->token + ".ics";
    json j = {{"id", f->id},           {"orp", f->orp_code}, {"name", f->name},
              {"created", f->created}, {"path", path},       {"token", f->token}};
    ApiResponse resp = ApiResponse::Json(j.dump(), 201);
    resp.headers.emplace_back("Cache-Control", "no-store");
    return resp;
  });
  router.Add("GET", "/api/v1/calendar-feeds", [&ctx](const ApiRequest& r) {
    auto p = SignedPrincipal(ctx, r, false);
    if (!p.ok()) return ApiResponse::Error(p.status());
    auto feeds = ctx.accounts->CalendarFeedsOf(*p);
    if (!feeds.ok()) return ApiResponse::Error(feeds.status());
    json items = json::array();
    for (const CalendarFeedRecord& f : *feeds) items.push_back(FeedJson(f));
    return ApiResponse::Json(json{{"items", items}}.dump());
  });
  router.Add("DELETE", "/api/v1/calendar-feeds/{id}", [&ctx](const ApiRequest& r) {
    auto p = SignedPrincipal(ctx, r, true);
    if (!p.ok()) return ApiResponse::Error(p.status());
    auto id = IdParam(r);
    if (!id) return ApiResponse::Error(404, "not_found", "no such calendar feed");
    Status s = ctx.accounts->RevokeCalendarFeed(*p, *id);
    return s.ok() ? ApiResponse{204, "", {}, {}} : ApiResponse::Error(s);
  });
}

}  // namespace

void AddOpenFormatRoutes(ApiRouter& router, ApiContext& ctx) {
  AddGeoJsonRoutes(router, ctx);
  AddGraphmlRoute(router, ctx);
  AddCalendarRoutes(router, ctx);
}

}  // namespace prosit
