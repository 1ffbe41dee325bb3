#pragma once
// What every route module shares: reading query parameters, ids and If-Match, answering
// documents and lists, and the write routes every kind of record has.

#include <charconv>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "app/networking/record_names.h"
#include "app/networking/record_reads.h"
#include "http/api_routes.h"
#include "io/label_catalog.h"

namespace prosit {

constexpr size_t kMaxPageSize = 200;

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

// The language `lang=` names (cs or en), `fallback` without one; a 400 for another.
Result<Lang> LangParam(const ApiRequest& r, Lang fallback);
// 422 naming every bad query parameter.
ApiResponse Invalid(const FieldErrors& errors);
// The {id} of the route, if it is a positive integer.
std::optional<int64_t> IdParam(const ApiRequest& r);
// The version named by If-Match: "3", W/"3" or 3.
Result<std::optional<int64_t>> IfMatchVersion(const ApiRequest& r);
// The body, once it is known not to be too large; the commands parse it.
Result<std::string_view> Body(const ApiRequest& r);
// A stored document with its version as the ETag (and its Location when created).
ApiResponse Document(const std::string& doc, int status = 200);

// POST on the kind's collection, PUT, PATCH (a JSON Merge Patch) and DELETE on
// collection/{id}: the same for every kind of the registry of record kinds.
void AddWriteRoutes(ApiRouter& router, ApiContext& ctx, const RecordKindInfo& kind);
// The write routes of every kind of the registry, and GET by id of its records of
// networking work (actors and cards have reads of their own, in catalog_routes.cpp).
void AddRecordRoutes(ApiRouter& router, ApiContext& ctx);

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

// 422 naming every bad parameter (malformed ones and those the check refuses), else
// what `respond` answers.
template <typename Respond>
ApiResponse AnswerChecked(const QueryReader& qr, FieldErrors errors, Respond respond) {
  errors.insert(qr.errors.begin(), qr.errors.end());
  if (!errors.empty()) return Invalid(errors);
  return respond();
}

// A JSON answer, or the error that stands in for it.
inline ApiResponse JsonOrError(std::string doc) { return ApiResponse::Json(std::move(doc)); }
inline ApiResponse JsonOrError(const Result<std::string>& doc) {
  return doc.ok() ? ApiResponse::Json(*doc) : ApiResponse::Error(doc.status());
}

// 422 naming every bad parameter (malformed ones and unknown codes), else the list (or
// why the caller may not have it).
template <typename Render>
ApiResponse AnswerList(const QueryReader& qr, FieldErrors errors, Render render) {
  return AnswerChecked(qr, std::move(errors), [&] { return JsonOrError(render()); });
}

// GET of one record of networking work from its map in the snapshot.
template <typename T, typename Map>
void AddGetById(ApiRouter& router, ApiContext& ctx, const std::string& pattern, std::string what,
                Map NetworkSnapshot::*records, nlohmann::json (*to_json)(const T&)) {
  router.Add("GET", pattern, [&ctx, what, records, to_json](const ApiRequest& r) {
    auto snap = ctx.keeper.Current();
    auto id = IdParam(r);
    if (!id) return ApiResponse::Error(404, "not_found", "no " + what + " " + r.params.at("id"));
    auto doc =
        WorkRecordDocument(r.caller, *snap, (*snap).*records, *id, what, [&](const T& record) {
          nlohmann::json j = to_json(record);
          AddNames(r.caller, *snap, record, j);
          return j;
        });
    return doc.ok() ? Document(*doc) : ApiResponse::Error(doc.status());
  });
}

// The route modules.
void AddCatalogRoutes(ApiRouter& router, ApiContext& ctx);   // territory, reference, actors, cards
void AddWorkRoutes(ApiRouter& router, ApiContext& ctx);      // the networker's records
// Spreadsheets (XLSX, CSV), the Kumu workbook and the import of cards; before the
// catalog's routes, whose /service-cards/{id} would take "import-template.xlsx".
void AddExportRoutes(ApiRouter& router, ApiContext& ctx);
void AddAnalysisRoutes(ApiRouter& router, ApiContext& ctx);  // coverage, accessibility, what-if
void AddCooperationRoutes(ApiRouter& router, ApiContext& ctx);   // the cooperation network
void AddAccountRoutes(ApiRouter& router, ApiContext& ctx);       // sign-in, users, API tokens
void AddAuditRoutes(ApiRouter& router, ApiContext& ctx);         // the change log, read only
void AddPersonalDataRoutes(ApiRouter& router, ApiContext& ctx);  // GDPR export and erasure
void AddModelRoutes(ApiRouter& router, ApiContext& ctx);         // the reference model's versions
void AddDocumentRoutes(ApiRouter& router, ApiContext& ctx);      // the ORP analysis PDF/ODT/DOCX
void AddRegionLeafletRoutes(ApiRouter& router, ApiContext& ctx);  // regional summary, leaflet
void AddOpenFormatRoutes(ApiRouter& router, ApiContext& ctx);    // GeoJSON, GraphML, iCalendar
void AddNavigatorRoutes(ApiRouter& router, ApiContext& ctx);     // situations, who does what

}  // namespace prosit
