// Spreadsheets of the lists (XLSX, Czech headers unless ?lang=en), the import template of
// service cards (XLSX, CSV), the import of cards, and the cooperation network of an ORP
// as a Kumu workbook. Each export takes the filters of its JSON list and calls its use
// case (src/app/exports), so it has the same rows and the same permission scope.

#include "app/exports/card_import.h"
#include "app/exports/spreadsheet_exports.h"
#include "http/list_filters.h"
#include "http/route_helpers.h"
#include "io/xlsx_writer.h"

namespace prosit {

namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

ApiResponse FileAnswer(std::string bytes, const char* type, const std::string& filename) {
  ApiResponse resp;
  resp.body = std::move(bytes);
  resp.content_type = type;
  resp.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return resp;
}

ApiResponse XlsxAnswer(const Result<Workbook>& book, const std::string& filename) {
  if (!book.ok()) return ApiResponse::Error(book.status());
  auto bytes = WriteXlsx(*book);
  if (!bytes.ok()) return ApiResponse::Error(bytes.status());
  return FileAnswer(std::move(*bytes), kXlsxType, filename);
}

// The export of a list: the language, the list's filters checked, then the workbook.
template <typename Make>
void AddXlsx(ApiRouter& router, ApiContext& ctx, const char* pattern, std::string filename,
             Make make) {
  RouteOptions slow;
  slow.offloaded = true;  // 60,000 cards take seconds: off the I/O threads
  router.Add(
      "GET", pattern,
      [&ctx, make, filename](const ApiRequest& r) {
        auto lang = LangParam(r, Lang::kCs);
        if (!lang.ok()) return ApiResponse::Error(lang.status());
        auto snap = ctx.keeper.Current();
        QueryReader qr(r);
        return make(r, *snap, qr, *lang, filename);
      },
      slow);
}

void AddListExports(ApiRouter& router, ApiContext& ctx) {
  AddXlsx(router, ctx, "/api/v1/service-cards.xlsx", "karty-sluzeb.xlsx",
          [](const ApiRequest& r, const NetworkSnapshot& snap, QueryReader& qr, Lang lang,
             const std::string& file) {
            ServiceQuery q = ReadServiceFilters(qr);
            return AnswerChecked(qr, CheckServiceQuery(q, snap), [&] {
              return XlsxAnswer(ServiceCardsWorkbook(r.caller, snap, q, lang), file);
            });
          });
  AddXlsx(router, ctx, "/api/v1/actors.xlsx", "akteri.xlsx",
          [](const ApiRequest& r, const NetworkSnapshot& snap, QueryReader& qr, Lang lang,
             const std::string& file) {
            ActorQuery q = ReadActorFilters(qr);
            return AnswerChecked(qr, CheckActorQuery(q, snap), [&] {
              return XlsxAnswer(ActorsWorkbook(r.caller, snap, q, lang), file);
            });
          });
  AddXlsx(router, ctx, "/api/v1/meetings.xlsx", "setkani.xlsx",
          [](const ApiRequest& r, const NetworkSnapshot& snap, QueryReader& qr, Lang lang,
             const std::string& file) {
            MeetingQuery q = ReadMeetingFilters(qr);
            return AnswerChecked(qr, CheckMeetingQuery(q, snap), [&] {
              return XlsxAnswer(MeetingsWorkbook(r.caller, snap, q, lang), file);
            });
          });
  AddXlsx(router, ctx, "/api/v1/needs.xlsx", "potreby.xlsx",
          [](const ApiRequest& r, const NetworkSnapshot& snap, QueryReader& qr, Lang lang,
             const std::string& file) {
            NeedQuery q = ReadNeedFilters(qr);
            return AnswerChecked(qr, CheckNeedQuery(q, snap), [&] {
              return XlsxAnswer(NeedsWorkbook(r.caller, snap, q, lang), file);
            });
          });
  AddXlsx(router, ctx, "/api/v1/strategy.xlsx", "strategie.xlsx",
          [&ctx](const ApiRequest& r, const NetworkSnapshot& snap, QueryReader& qr, Lang lang,
                 const std::string& file) {
            std::string region = qr.Text("region"), orp = qr.Text("orp");
            std::string place = region.empty() ? orp : orp.empty() ? region : "";
            return XlsxAnswer(StrategyWorkbook(r.caller, snap, ctx.store, place, qr.Text("at"),
                                               ctx.clock.Today(), lang),
                              file);
          });
  AddXlsx(
      router, ctx, "/api/v1/monitoring.xlsx", "sitovani-v-cislech.xlsx",
      [&ctx](const ApiRequest& r, const NetworkSnapshot& snap, QueryReader& qr, Lang lang,
             const std::string& file) {
        MonitoringScope scope{qr.Text("from"), qr.Text("to"), qr.Text("region"), qr.Text("orp")};
        FieldErrors errors = CheckMonitoringScope(scope, snap);
        if (!errors.empty()) return Invalid(errors);
        return XlsxAnswer(
            MonitoringWorkbook(r.caller, snap, ctx.store, scope, ctx.clock.Today(), lang), file);
      });
  AddXlsx(router, ctx, "/api/v1/orps/{code}/cooperation.kumu.xlsx", "spoluprace-kumu.xlsx",
          [&ctx](const ApiRequest& r, const NetworkSnapshot& snap, QueryReader&, Lang lang,
                 const std::string& file) {
            const std::string& code = r.params.at("code");
            if (!snap.frame->territory.FindOrp(code))
              return ApiResponse::Error(404, "not_found", "no ORP with code " + code);
            return XlsxAnswer(KumuWorkbook(r.caller, snap, code, ctx.clock.Today(), lang),
                              "spoluprace-" + code + "-kumu.xlsx");
          });
}

void AddCardImport(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/service-cards/import-template.xlsx", [&ctx](const ApiRequest& r) {
    auto lang = LangParam(r, Lang::kCs);
    if (!lang.ok()) return ApiResponse::Error(lang.status());
    return XlsxAnswer(CardImportTemplate(*ctx.keeper.Current(), *lang),
                      "sablona-karet-sluzeb.xlsx");
  });
  router.Add("GET", "/api/v1/service-cards/import-template.csv", [&ctx](const ApiRequest& r) {
    auto lang = LangParam(r, Lang::kCs);
    if (!lang.ok()) return ApiResponse::Error(lang.status());
    Workbook book = CardImportTemplate(*ctx.keeper.Current(), *lang);
    return FileAnswer(SheetToCsv(book.sheets.front()), "text/csv; charset=utf-8",
                      "sablona-karet-sluzeb.csv");
  });
  RouteOptions options;
  options.any_media_type = true;
  router.Add(
      "POST", "/api/v1/service-cards/import",
      [&ctx](const ApiRequest& r) {
        auto lang = LangParam(r, Lang::kCs);
        if (!lang.ok()) return ApiResponse::Error(lang.status());
        QueryReader qr(r);
        bool dry_run = qr.Bool("dry_run").value_or(false);
        if (!qr.errors.empty()) return Invalid(qr.errors);
        if (!r.caller.signed_in())
          return ApiResponse::Error(Status::Unauthenticated("sign in to import service cards"));
        auto body = Body(r);
        if (!body.ok()) return ApiResponse::Error(body.status());
        std::string type = r.content_type.value_or("");
        type = type.substr(0, type.find(';'));
        Result<ImportSheet> sheet = Status::Malformed("");
        if (type == kXlsxType)
          sheet = ImportSheetFromXlsx(*body);
        else if (type == "text/csv")
          sheet = ImportSheetFromCsv(*body);
        else
          return ApiResponse::Error(415, "unsupported_media_type",
                                    std::string("send the cards as text/csv or as ") + kXlsxType);
        if (!sheet.ok()) return ApiResponse::Error(sheet.status());
        auto snap = ctx.keeper.Current();
        auto report =
            ImportCards(r.caller, *snap, ctx.store, *sheet, dry_run, ctx.clock.now(), *lang);
        if (!report.ok()) return ApiResponse::Error(report.status());
        if (!report->bad_cells.empty()) {
          // The error form, with every bad cell beside the fields' summary.
          FieldErrors fields;
          for (const auto& b : report->bad_cells)
            fields[b.sheet + "!" + b.column + std::to_string(b.row)] = b.header + ": " + b.expected;
          ApiResponse resp =
              ApiResponse::Error(422, "validation_failed",
                                 std::to_string(report->bad_cells.size()) +
                                     " cells of the file are not valid; nothing was written",
                                 fields);
          auto doc = nlohmann::json::parse(resp.body);
          doc["error"]["cells"] = nlohmann::json::parse(CardImportReportJson(*report))["cells"];
          resp.body = doc.dump();
          return resp;
        }
        if (!dry_run) ctx.keeper.CatchUp();
        return ApiResponse::Json(CardImportReportJson(*report), dry_run ? 200 : 201);
      },
      options);
}

}  // namespace

void AddExportRoutes(ApiRouter& router, ApiContext& ctx) {
  AddCardImport(router, ctx);
  AddListExports(router, ctx);
}

}  // namespace prosit
