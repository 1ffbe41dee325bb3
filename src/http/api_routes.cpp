#include "http/api_routes.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "app/catalog_queries.h"
#include "app/meeting_queries.h"
#include "app/monitoring_queries.h"
#include "app/need_queries.h"
#include "app/practice_queries.h"
#include "app/strategy_queries.h"
#include "app/tie_queries.h"
#include "io/meeting_json.h"
#include "io/need_json.h"
#include "io/network_json.h"
#include "io/practice_json.h"
#include "io/strategy_json.h"
#include "io/tie_json.h"
#include "model/validation.h"

namespace prosit {

using nlohmann::json;

namespace {

constexpr size_t kMaxPageSize = 200;
constexpr const char* kWho = "api";  // until accounts exist (issue 5), writes are by "api"

// Reads query parameters into typed values, collecting a message per bad one.
class QueryReader {
 public:
  explicit QueryReader(const ApiRequest& r) : r_(r) {}
  std::string Text(const char* key) const {
    auto it = r_.query.find(key);
    return it == r_.query.end() ? std::string() : it->second;
  }
  std::optional<int64_t> Int(const char* key, int64_t min, int64_t max) {
    auto it = r_.query.find(key);
    if (it == r_.query.end() || it->second.empty()) return std::nullopt;
    int64_t v = 0;
    const std::string& s = it->second;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v < min || v > max) {
      errors[key] =
          "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max);
      return std::nullopt;
    }
    return v;
  }
  std::optional<bool> Bool(const char* key) {
    std::string s = Text(key);
    if (s.empty()) return std::nullopt;
    if (s == "true" || s == "1") return true;
    if (s == "false" || s == "0") return false;
    errors[key] = "must be true or false";
    return std::nullopt;
  }
  void Page(size_t& offset, size_t& limit) {
    offset = static_cast<size_t>(Int("offset", 0, 1'000'000'000).value_or(0));
    limit = static_cast<size_t>(Int("limit", 1, kMaxPageSize).value_or(20));
  }
  FieldErrors errors;

 private:
  const ApiRequest& r_;
};

ApiResponse Invalid(const FieldErrors& errors) {
  return ApiResponse::Error(Status::Invalid("the query has invalid parameters", errors));
}

std::optional<int64_t> IdParam(const ApiRequest& r) {
  const std::string& s = r.params.at("id");
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

// The version named by If-Match: "3", W/"3" or 3.
Result<std::optional<int64_t>> IfMatchVersion(const ApiRequest& r) {
  if (!r.if_match) return std::optional<int64_t>();
  std::string s = *r.if_match;
  if (s.rfind("W/", 0) == 0) s = s.substr(2);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0)
    return Status::Malformed("If-Match must be an ETag this API gave out, like \"3\"");
  return std::optional<int64_t>(v);
}

// The body, once it is known not to be too large; the commands parse it.
Result<std::string_view> Body(const ApiRequest& r) {
  if (r.body.size() > kMaxBodyBytes)
    return Status::TooLarge("the body is larger than " + std::to_string(kMaxBodyBytes) + " bytes");
  return std::string_view(r.body);
}

// A stored document with its version as the ETag.
ApiResponse Document(const std::string& doc, int status = 200) {
  ApiResponse r = ApiResponse::Json(doc, status);
  json j = json::parse(doc, nullptr, false);
  if (j.is_object() && j.contains("version"))
    r.headers.emplace_back("ETag", "\"" + std::to_string(j["version"].get<int64_t>()) + "\"");
  if (status == 201 && j.is_object() && j.contains("id"))
    r.headers.emplace_back("Location", std::to_string(j["id"].get<int64_t>()));
  return r;
}

using CreateFn = Result<std::string> (NetworkCommands::*)(std::string_view, const std::string&);
using UpdateFn = Result<std::string> (NetworkCommands::*)(int64_t, std::string_view,
                                                          std::optional<int64_t>,
                                                          const std::string&);
using DeleteFn = Status (NetworkCommands::*)(int64_t, std::optional<int64_t>, const std::string&);

// The same four write routes serve actors and service cards.
void AddWriteRoutes(ApiRouter& router, ApiContext& ctx, const std::string& base, CreateFn create,
                    UpdateFn update, DeleteFn remove) {
  router.Add("POST", base, [&ctx, base, create](const ApiRequest& r) {
    auto body = Body(r);
    if (!body.ok()) return ApiResponse::Error(body.status());
    auto doc = (ctx.commands.*create)(*body, kWho);
    if (!doc.ok()) return ApiResponse::Error(doc.status());
    ApiResponse resp = Document(*doc, 201);
    for (auto& [k, v] : resp.headers)
      if (k == "Location") v = base + "/" + v;
    return resp;
  });
  router.Add("PUT", base + "/{id}", [&ctx, update](const ApiRequest& r) {
    auto id = IdParam(r);
    if (!id) return ApiResponse::Error(404, "not_found", "no such record");
    auto version = IfMatchVersion(r);
    if (!version.ok()) return ApiResponse::Error(version.status());
    auto body = Body(r);
    if (!body.ok()) return ApiResponse::Error(body.status());
    auto doc = (ctx.commands.*update)(*id, *body, *version, kWho);
    if (!doc.ok()) return ApiResponse::Error(doc.status());
    return Document(*doc);
  });
  router.Add("DELETE", base + "/{id}", [&ctx, remove](const ApiRequest& r) {
    auto id = IdParam(r);
    if (!id) return ApiResponse::Error(404, "not_found", "no such record");
    auto version = IfMatchVersion(r);
    if (!version.ok()) return ApiResponse::Error(version.status());
    Status s = (ctx.commands.*remove)(*id, *version, kWho);
    if (!s.ok()) return ApiResponse::Error(s);
    return ApiResponse{204, "", {}, {}};
  });
}

// The parameters both lists take: where, which sector, what text, which page.
template <typename Query>
void ReadCommonFilters(QueryReader& qr, Query& q) {
  q.region = qr.Text("region");
  q.orp = qr.Text("orp");
  q.municipality = qr.Text("municipality");
  q.sector = qr.Text("sector");
  q.text = qr.Text("q");
  qr.Page(q.offset, q.limit);
}

// 422 naming every bad parameter (malformed ones and unknown codes), else the list.
template <typename Render>
ApiResponse AnswerList(const QueryReader& qr, FieldErrors errors, Render render) {
  errors.insert(qr.errors.begin(), qr.errors.end());
  if (!errors.empty()) return Invalid(errors);
  return ApiResponse::Json(render());
}

ApiResponse SearchCards(ApiContext& ctx, const ApiRequest& r) {
  auto snap = ctx.keeper.Current();
  QueryReader qr(r);
  ServiceQuery q;
  ReadCommonFilters(qr, q);
  q.service_type = qr.Text("service_type");
  q.need_area = qr.Text("need_area");
  q.form = qr.Text("form");
  if (auto v = qr.Int("level", 0, 100)) q.level = static_cast<int>(*v);
  if (auto v = qr.Int("age", 0, 200)) q.age = static_cast<int>(*v);
  q.published = qr.Bool("published");
  q.actor_id = qr.Int("actor_id", 1, INT64_MAX);
  return AnswerList(qr, CheckServiceQuery(q, *snap), [&] { return SearchServiceCards(*snap, q); });
}

ApiResponse ListActorsRoute(ApiContext& ctx, const ApiRequest& r) {
  auto snap = ctx.keeper.Current();
  QueryReader qr(r);
  ActorQuery q;
  ReadCommonFilters(qr, q);
  q.actor_type = qr.Text("actor_type");
  return AnswerList(qr, CheckActorQuery(q, *snap), [&] { return ListActors(*snap, q); });
}

void AddTerritoryRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/regions", [&ctx](const ApiRequest&) {
    return ApiResponse::Json(ctx.keeper.Current()->frame->regions_json);
  });
  router.Add("GET", "/api/v1/orps", [&ctx](const ApiRequest&) {
    return ApiResponse::Json(ctx.keeper.Current()->frame->orps_json);
  });
  router.Add("GET", "/api/v1/orps/{code}/municipalities", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    auto it = snap->frame->municipalities_json.find(r.params.at("code"));
    if (it == snap->frame->municipalities_json.end())
      return ApiResponse::Error(404, "not_found", "no ORP with code " + r.params.at("code"));
    return ApiResponse::Json(it->second);
  });
  router.Add("GET", "/api/v1/reference/{name}", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    std::string name = r.params.at("name");
    for (char& c : name)
      if (c == '-') c = '_';
    auto it = snap->frame->reference_json.find(name);
    if (it == snap->frame->reference_json.end())
      return ApiResponse::Error(404, "not_found", "no reference list " + r.params.at("name"));
    return ApiResponse::Json(it->second);
  });
}

// GET of one record of networking work from its map in the snapshot.
template <typename T>
void AddGetById(ApiRouter& router, ApiContext& ctx, const std::string& pattern, std::string what,
                std::map<int64_t, std::shared_ptr<const T>> NetworkSnapshot::*records,
                nlohmann::json (*to_json)(const T&)) {
  router.Add("GET", pattern, [&ctx, what, records, to_json](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    const auto& map = (*snap).*records;
    auto id = IdParam(r);
    auto it = id ? map.find(*id) : map.end();
    if (it == map.end())
      return ApiResponse::Error(404, "not_found", "no " + what + " " + r.params.at("id"));
    return Document(to_json(*it->second).dump());
  });
}

void AddMeetingRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/meetings", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    MeetingQuery q;
    q.region = qr.Text("region");
    q.orp = qr.Text("orp");
    q.category = qr.Text("category");
    q.format = qr.Text("format");
    q.from = qr.Text("from");
    q.to = qr.Text("to");
    q.actor_id = qr.Int("actor_id", 1, INT64_MAX);
    qr.Page(q.offset, q.limit);
    return AnswerList(qr, CheckMeetingQuery(q, *snap), [&] { return ListMeetings(*snap, q); });
  });
  AddGetById(router, ctx, "/api/v1/meetings/{id}", "meeting", &NetworkSnapshot::meetings,
             MeetingToJson);
}

void AddNeedRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/needs", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    NeedQuery q;
    q.region = qr.Text("region");
    q.orp = qr.Text("orp");
    q.status = qr.Text("status");
    q.priority = qr.Text("priority");
    q.need_area = qr.Text("need_area");
    q.network_need = qr.Text("network_need");
    q.from = qr.Text("from");
    q.to = qr.Text("to");
    q.actor_id = qr.Int("actor_id", 1, INT64_MAX);
    q.meeting_id = qr.Int("meeting_id", 1, INT64_MAX);
    qr.Page(q.offset, q.limit);
    return AnswerList(qr, CheckNeedQuery(q, *snap), [&] { return ListNeeds(*snap, q); });
  });
  AddGetById(router, ctx, "/api/v1/needs/{id}", "need", &NetworkSnapshot::needs, NeedToJson);
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
    return AnswerList(qr, CheckTieQuery(q, *snap), [&] { return ListTies(*snap, q); });
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
                      [&] { return ListDerivedTies(*snap, q); });
  });
  AddGetById(router, ctx, "/api/v1/ties/{id}", "tie", &NetworkSnapshot::ties, TieToJson);
}

void AddStrategyRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/strategy", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    std::string orp = qr.Text("orp"), at = qr.Text("at");
    FieldErrors errors;
    if (!snap->frame->territory.FindOrp(orp)) errors["orp"] = "name the ORP whose strategy to show";
    if (!at.empty() && !IsIsoDate(at)) errors["at"] = "is not a date YYYY-MM-DD";
    if (!errors.empty()) return Invalid(errors);
    std::string today = ctx.clock.Today();
    if (at.empty() || at >= today)
      return ApiResponse::Json(StrategyJson(CurrentStrategy(*snap), orp, today, today));
    auto past = StrategyAsOf(ctx.store, at);
    if (!past.ok()) return ApiResponse::Error(past.status());
    return ApiResponse::Json(StrategyJson(*past, orp, at, at));
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
      return ListOverdueSteps(*snap, region, orp, ctx.clock.Today(), offset, limit);
    });
  });
  AddGetById(router, ctx, "/api/v1/themes/{id}", "theme", &NetworkSnapshot::themes, ThemeToJson);
  AddGetById(router, ctx, "/api/v1/goals/{id}", "goal", &NetworkSnapshot::goals, GoalToJson);
  AddGetById(router, ctx, "/api/v1/steps/{id}", "step", &NetworkSnapshot::steps, StepToJson);
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
      return AnswerList(qr, CheckPracticeQuery(q, *snap), [&] { return list(*snap, q); });
    });
  };
  add_list("/api/v1/good-practices", ListGoodPractices);
  add_list("/api/v1/recommendations", ListRecommendations);
  AddGetById(router, ctx, "/api/v1/good-practices/{id}", "good practice",
             &NetworkSnapshot::good_practices, GoodPracticeToJson);
  AddGetById(router, ctx, "/api/v1/recommendations/{id}", "recommendation",
             &NetworkSnapshot::recommendations, RecommendationToJson);
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
      ApiResponse resp = ApiResponse::Json(render(*snap, scope, ctx.clock.Today()));
      resp.content_type = content_type;
      return resp;
    });
  };
  add("/api/v1/monitoring", MonitoringJson, "application/json; charset=utf-8");
  add("/api/v1/monitoring.csv", MonitoringCsv, "text/csv; charset=utf-8");
}

void AddReadRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/actors",
             [&ctx](const ApiRequest& r) { return ListActorsRoute(ctx, r); });
  router.Add("GET", "/api/v1/actors/{id}", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    auto id = IdParam(r);
    const ActorEntry* e = id ? snap->FindActor(*id) : nullptr;
    if (!e) return ApiResponse::Error(404, "not_found", "no actor " + r.params.at("id"));
    return Document(ActorToJson(e->actor).dump());
  });
  router.Add("GET", "/api/v1/service-cards",
             [&ctx](const ApiRequest& r) { return SearchCards(ctx, r); });
  router.Add("GET", "/api/v1/service-cards/{id}", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    auto id = IdParam(r);
    const CardEntry* e = id ? snap->FindCard(*id) : nullptr;
    if (!e) return ApiResponse::Error(404, "not_found", "no service card " + r.params.at("id"));
    return Document(ServiceCardToJson(e->card).dump());
  });
}

}  // namespace

ApiRouter MakeApiRouter(ApiContext& ctx) {
  ApiRouter router;
  router.Add("GET", "/api/v1/health", [&ctx](const ApiRequest&) {
    auto snap = ctx.keeper.Current();
    Status lag = ctx.keeper.LastError();
    json j = {{"status", lag.ok() ? "ok" : "degraded"},
              {"seq", snap->seq},
              {"actors", snap->actors.size()},
              {"service_cards", snap->cards.size()}};
    if (!lag.ok()) j["problem"] = "the snapshot cannot catch up with the store; see the log";
    return ApiResponse::Json(j.dump(), lag.ok() ? 200 : 503);
  });
  router.Add("GET", "/api/v1/openapi.json",
             [](const ApiRequest&) { return ApiResponse::Json(OpenApiDocument()); });
  AddTerritoryRoutes(router, ctx);
  AddReadRoutes(router, ctx);
  AddWriteRoutes(router, ctx, "/api/v1/actors", &NetworkCommands::CreateActor,
                 &NetworkCommands::UpdateActor, &NetworkCommands::DeleteActor);
  AddWriteRoutes(router, ctx, "/api/v1/service-cards", &NetworkCommands::CreateServiceCard,
                 &NetworkCommands::UpdateServiceCard, &NetworkCommands::DeleteServiceCard);
  AddMeetingRoutes(router, ctx);
  AddWriteRoutes(router, ctx, "/api/v1/meetings", &NetworkCommands::CreateMeeting,
                 &NetworkCommands::UpdateMeeting, &NetworkCommands::DeleteMeeting);
  AddNeedRoutes(router, ctx);
  AddWriteRoutes(router, ctx, "/api/v1/needs", &NetworkCommands::CreateNeed,
                 &NetworkCommands::UpdateNeed, &NetworkCommands::DeleteNeed);
  AddTieRoutes(router, ctx);
  AddMonitoringRoutes(router, ctx);
  AddStrategyRoutes(router, ctx);
  AddPracticeRoutes(router, ctx);
  AddWriteRoutes(router, ctx, "/api/v1/good-practices", &NetworkCommands::CreateGoodPractice,
                 &NetworkCommands::UpdateGoodPractice, &NetworkCommands::DeleteGoodPractice);
  AddWriteRoutes(router, ctx, "/api/v1/recommendations", &NetworkCommands::CreateRecommendation,
                 &NetworkCommands::UpdateRecommendation, &NetworkCommands::DeleteRecommendation);
  AddWriteRoutes(router, ctx, "/api/v1/themes", &NetworkCommands::CreateTheme,
                 &NetworkCommands::UpdateTheme, &NetworkCommands::DeleteTheme);
  AddWriteRoutes(router, ctx, "/api/v1/goals", &NetworkCommands::CreateGoal,
                 &NetworkCommands::UpdateGoal, &NetworkCommands::DeleteGoal);
  AddWriteRoutes(router, ctx, "/api/v1/steps", &NetworkCommands::CreateStep,
                 &NetworkCommands::UpdateStep, &NetworkCommands::DeleteStep);
  AddWriteRoutes(router, ctx, "/api/v1/ties", &NetworkCommands::CreateTie,
                 &NetworkCommands::UpdateTie, &NetworkCommands::DeleteTie);
  return router;
}

}  // namespace prosit
