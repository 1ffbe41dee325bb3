// Routes of the documents prosit assembles: the ORP analysis as PDF, ODT or DOCX — one
// route over the formats, each a renderer of the same Document.

#include "app/documents/orp_analysis.h"
#include "documents/docx_writer.h"
#include "documents/odt_writer.h"
#include "documents/pdf_renderer.h"
#include "http/route_helpers.h"

namespace prosit {

namespace {

struct DocumentFormat {
  const char* extension;
  const char* content_type;
  Result<std::string> (*render)(const struct Document&);  // `Document` alone is a helper here
};

constexpr DocumentFormat kFormats[] = {
    {"pdf", "application/pdf", RenderPdf},
    {"odt", "application/vnd.oasis.opendocument.text", WriteOdt},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", WriteDocx},
};

ApiResponse OrpAnalysisFile(ApiContext& ctx, const ApiRequest& r, const DocumentFormat& format) {
  auto lang = LangParam(r, Lang::kCs);
  if (!lang.ok()) return ApiResponse::Error(lang.status());
  auto snap = ctx.keeper.Current();
  const std::string& code = r.params.at("code");
  if (!snap->frame->territory.FindOrp(code))
    return ApiResponse::Error(Status::NotFound("no ORP with code " + code));
  auto basis = ctx.analysis.Basis(snap);
  if (!basis.ok())
    return ApiResponse::Error(503, "analysis_unavailable",
                              "travel times are not available: " + basis.status().message());
  auto doc = OrpAnalysisDocument(r.caller, **basis, ctx.shapes, {code, *lang, ctx.clock.Today()});
  if (!doc.ok()) return ApiResponse::Error(doc.status());
  auto bytes = format.render(*doc);
  if (!bytes.ok()) return ApiResponse::Error(bytes.status());
  ApiResponse resp;
  resp.body = std::move(*bytes);
  resp.content_type = format.content_type;
  const std::string file =
      OrpAnalysisFileStem(snap->frame->territory, code) + "." + format.extension;
  resp.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  return resp;
}

}  // namespace

void AddDocumentRoutes(ApiRouter& router, ApiContext& ctx) {
  for (const DocumentFormat& f : kFormats)
    router.Add("GET", std::string("/api/v1/orps/{code}/report.") + f.extension,
               [&ctx, &f](const ApiRequest& r) { return OrpAnalysisFile(ctx, r, f); });
}

}  // namespace prosit
