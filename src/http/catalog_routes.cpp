// Routes of the territory, the reference data, and the reads of actors and service cards
// (their writes are the registry's: AddRecordRoutes).

#include "app/catalog/catalog_queries.h"
#include "app/catalog/territory_queries.h"
#include "http/list_filters.h"
#include "http/route_helpers.h"
#include "io/label_catalog.h"

namespace prosit {

namespace {

ApiResponse SearchCards(ApiContext& ctx, const ApiRequest& r) {
  auto snap = ctx.keeper.Current();
  QueryReader qr(r);
  ServiceQuery q = ReadServiceFilters(qr);
  std::string before = qr.Text("verified_before");
  FieldErrors errors = CheckServiceQuery(q, *snap);
  errors.merge(CheckVerifiedBefore(before));
  return AnswerList(qr, std::move(errors), [&] {
    return before.empty() ? SearchServiceCards(r.caller, *snap, q)
                          : SearchUnverifiedCards(r.caller, *snap, q, before);
  });
}

ApiResponse ListActorsRoute(ApiContext& ctx, const ApiRequest& r) {
  auto snap = ctx.keeper.Current();
  QueryReader qr(r);
  ActorQuery q = ReadActorFilters(qr);
  return AnswerList(qr, CheckActorQuery(q, *snap), [&] { return ListActors(r.caller, *snap, q); });
}

// The boundaries of the municipalities of the country, a region or an ORP (TopoJSON),
// each with its name and ORP; cached by the client and revalidated by ETag.
ApiResponse MunicipalityShapesRoute(ApiContext& ctx, const ApiRequest& r) {
  QueryReader qr(r);
  PlaceQuery q{"", qr.Text("region"), qr.Text("orp")};
  auto snap = ctx.keeper.Current();
  const Territory& t = snap->frame->territory;
  return AnswerChecked(qr, CheckPlaceQuery(q, t), [&] {
    if (!ctx.shapes)
      return ApiResponse::Error(404, "not_found",
                                "this server has no municipality boundaries "
                                "(data/territory/municipalities.topo.json)");
    std::vector<std::string> codes;
    std::string key;
    auto add_orp = [&](const std::string& orp) {
      for (size_t i : t.MunicipalitiesOfOrp(orp)) codes.push_back(t.municipalities()[i].code);
    };
    if (!q.orp.empty()) {
      key = "orp:" + q.orp;
      add_orp(q.orp);
    } else if (!q.region.empty()) {
      key = "region:" + q.region;
      for (const auto& orp : t.OrpsOfRegion(q.region)) add_orp(orp);
    }
    // A region and an ORP outside it name nothing; the ORP wins as the narrower place.
    auto doc = ctx.shapes->Select(key, codes, [&t](const std::string& code) {
      const Municipality* m = t.FindMunicipality(code);
      if (!m) return nlohmann::json::object();
      return nlohmann::json{{"name", m->name}, {"orp_code", m->orp_code}};
    });
    bool fresh = r.if_none_match && *r.if_none_match == doc->etag;
    ApiResponse resp = fresh ? ApiResponse::Json("", 304) : ApiResponse::Json(doc->body);
    resp.headers.emplace_back("ETag", doc->etag);
    // Public data that changes only with a new file: an hour, then revalidated.
    resp.headers.emplace_back("Cache-Control", "public, max-age=3600");
    return resp;
  });
}

void AddTerritoryRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/territory/municipalities.topo.json",
             [&ctx](const ApiRequest& r) { return MunicipalityShapesRoute(ctx, r); });
  router.Add("GET", "/api/v1/regions", [&ctx](const ApiRequest&) {
    return ApiResponse::Json(ctx.keeper.Current()->frame->regions_json);
  });
  router.Add("GET", "/api/v1/orps", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    if (r.query.empty()) return ApiResponse::Json(snap->frame->orps_json);
    QueryReader qr(r);
    PlaceQuery q{qr.Text("q"), qr.Text("region"), ""};
    const Territory& t = snap->frame->territory;
    return AnswerList(qr, CheckPlaceQuery(q, t), [&] { return FindOrps(t, q); });
  });
  router.Add("GET", "/api/v1/municipalities", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    QueryReader qr(r);
    PlaceQuery q{qr.Text("q"), qr.Text("region"), qr.Text("orp")};
    qr.Page(q.offset, q.limit);
    const Territory& t = snap->frame->territory;
    return AnswerList(qr, CheckPlaceQuery(q, t), [&] { return FindMunicipalities(t, q); });
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

// Every label a person reads in one language: the catalog's (enumerations of the code,
// roles, record kinds, error codes, field names) and the reference data's, which carries
// its own labels (data/reference/).
nlohmann::json LabelsOf(const ReferenceData& ref, Lang lang) {
  nlohmann::json out = LabelCatalog::BuiltIn().ToJson(lang);
  out["lang"] = LangName(lang);
  auto pick = [lang](const Label& l) { return lang == Lang::kCs ? l.cs : l.en; };
  nlohmann::json& r = out["reference"];
  r = nlohmann::json::object();
  auto add = [&](const char* group, const auto& items) {
    r[group] = nlohmann::json::object();
    for (const auto& item : items) r[group][item.id] = pick(item.label);
  };
  add("need_areas", ref.need_areas);
  add("sectors", ref.sectors);
  add("actor_types", ref.actor_types);
  add("service_types", ref.service_types);
  add("capacity_units", ref.capacity_units);
  add("meeting_categories", ref.meeting_categories);
  add("network_need_categories", ref.network_need_categories);
  add("model_situations", ref.situations);
  r["support_levels"] = nlohmann::json::object();
  for (const auto& level : ref.support_levels)
    r["support_levels"][std::to_string(level.level)] = pick(level.label);
  return out;
}

void AddLabelRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/labels", [&ctx](const ApiRequest& r) {
    auto lang = LangParam(r, Lang::kCs);
    if (!lang.ok()) return ApiResponse::Error(lang.status());
    auto snap = ctx.keeper.Current();
    ApiResponse resp = ApiResponse::Json(LabelsOf(snap->frame->reference, *lang).dump());
    resp.headers.emplace_back("Content-Language", LangName(*lang));
    return resp;
  });
}

void AddReadRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/actors",
             [&ctx](const ApiRequest& r) { return ListActorsRoute(ctx, r); });
  router.Add("GET", "/api/v1/actors/{id}", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    auto id = IdParam(r);
    if (!id) return ApiResponse::Error(404, "not_found", "no actor " + r.params.at("id"));
    auto doc = ActorDocument(r.caller, *snap, *id);
    if (!doc.ok()) return ApiResponse::Error(doc.status());
    ApiResponse resp = Document(*doc);
    resp.headers.emplace_back("Allow", ActorMethods(r.caller, *snap, *id));
    return resp;
  });
  router.Add("GET", "/api/v1/service-cards",
             [&ctx](const ApiRequest& r) { return SearchCards(ctx, r); });
  router.Add("GET", "/api/v1/service-cards/{id}", [&ctx](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    auto id = IdParam(r);
    if (!id) return ApiResponse::Error(404, "not_found", "no service card " + r.params.at("id"));
    auto doc = CardDocument(r.caller, *snap, *id);
    if (!doc.ok()) return ApiResponse::Error(doc.status());
    ApiResponse resp = Document(*doc);
    resp.headers.emplace_back("Allow", CardMethods(r.caller, *snap, *id));
    return resp;
  });
}

}  // namespace

void AddCatalogRoutes(ApiRouter& router, ApiContext& ctx) {
  AddTerritoryRoutes(router, ctx);
  AddLabelRoutes(router, ctx);
  AddReadRoutes(router, ctx);
}

}  // namespace prosit
