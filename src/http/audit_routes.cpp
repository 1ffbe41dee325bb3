// Routes of the audit trail: the change log per record and per user, as JSON and CSV.
// Read only: no route changes or deletes the change log.

#include "app/accounts/audit_trail.h"
#include "http/route_helpers.h"

namespace prosit {

namespace {

AuditQuery ReadAuditQuery(QueryReader& qr) {
  AuditQuery q;
  q.entity = qr.Text("entity");
  q.id = qr.Int("id", 1, INT64_MAX);
  q.author = qr.Text("author");
  q.op = qr.Text("op");
  q.from = qr.Text("from");
  q.to = qr.Text("to");
  q.offset = static_cast<size_t>(qr.Int("offset", 0, 1'000'000'000).value_or(0));
  q.limit = static_cast<size_t>(qr.Int("limit", 1, 500).value_or(50));
  return q;
}

}  // namespace

void AddAuditRoutes(ApiRouter& router, ApiContext& ctx) {
  auto add = [&](const char* pattern, auto render, const char* content_type) {
    router.Add(
        "GET", pattern,
        [&ctx, render, content_type](const ApiRequest& r) {
          QueryReader qr(r);
          AuditQuery q = ReadAuditQuery(qr);
          return AnswerChecked(qr, CheckAuditQuery(q), [&] {
            ApiResponse resp =
                JsonOrError(render(r, r.caller, *ctx.keeper.Current(), ctx.store, q));
            if (resp.status == 200) resp.content_type = content_type;
            resp.headers.emplace_back("Cache-Control", "no-store");
            return resp;
          });
        },
        RouteOptions{.store_bound = true});
  };
  add(
      "/api/v1/audit",
      [](const ApiRequest&, const Caller& caller, const NetworkSnapshot& snap, Store& store,
         const AuditQuery& q) { return AuditTrailJson(caller, snap, store, q); },
      "application/json; charset=utf-8");
  // Czech unless ?lang=en, as the other CSV exports.
  add(
      "/api/v1/audit.csv",
      [](const ApiRequest& r, const Caller& caller, const NetworkSnapshot& snap, Store& store,
         const AuditQuery& q) -> Result<std::string> {
        auto lang = LangParam(r, Lang::kCs);
        if (!lang.ok()) return lang.status();
        return AuditTrailCsv(caller, snap, store, q, *lang);
      },
      "text/csv; charset=utf-8");
}

}  // namespace prosit
