// Routes of the regional summary (GET /regions/{code}/report.pdf, for those who read the
// region's internal records) and the public leaflet of an ORP (GET /orps/{code}/leaflet.pdf,
// no sign-in, cached by the snapshot's revision).

#include <cstdio>

#include "app/documents/document_pdfs.h"
#include "http/route_helpers.h"

namespace prosit {

namespace {

ApiResponse Pdf(Result<std::string> bytes, const std::string& file_name) {
  if (!bytes.ok()) return ApiResponse::Error(bytes.status());
  ApiResponse resp = ApiResponse::Json(std::move(*bytes));
  resp.content_type = "application/pdf";
  resp.headers.emplace_back("Content-Disposition", "inline; filename=\"" + file_name + "\"");
  return resp;
}

// The base of the public pages' URLs: the server's --public-url, else this request's host
// (behind a proxy, set --public-url: the Host a proxy forwards may not be the public one).
std::string PublicBase(const ApiContext& ctx, const ApiRequest& r) {
  if (!ctx.public_url.empty()) return ctx.public_url;
  return "http://" + r.host.value_or("localhost");
}

// The snapshot's revision and the day (the leaflet is dated), with an FNV-1a of the base
// so that two public URLs never share a cached leaflet.
std::string LeafletEtag(int64_t seq, const std::string& today, const std::string& code,
                        const std::string& base) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : base) h = (h ^ c) * 1099511628211ull;
  char buf[128];
  std::snprintf(buf, sizeof buf, "\"leaflet-%s-%lld-%s-%016llx\"", code.c_str(),
                static_cast<long long>(seq), today.c_str(), static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

void AddRegionLeafletRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/regions/{code}/report.pdf", [&ctx](const ApiRequest& r) {
    const std::string& code = r.params.at("code");
    auto snap = ctx.keeper.Current();
    Status may = MayReadRegionSummary(r.caller, snap->frame->territory, code);
    if (!may.ok()) return ApiResponse::Error(may);
    auto basis = ctx.analysis.Basis(snap);
    if (!basis.ok())
      return ApiResponse::Error(503, "analysis_unavailable",
                                "travel times are not available: " + basis.status().message());
    ApiResponse resp = Pdf(RegionSummaryPdf(r.caller, **basis, ctx.shapes, code, ctx.clock.Today()),
                           "souhrn-kraje-" + code + ".pdf");
    resp.headers.emplace_back("Cache-Control", "private, no-store");
    return resp;
  });
  router.Add("GET", "/api/v1/orps/{code}/leaflet.pdf", [&ctx](const ApiRequest& r) {
    const std::string& code = r.params.at("code");
    auto snap = ctx.keeper.Current();
    if (!snap->frame->territory.FindOrp(code))
      return ApiResponse::Error(Status::NotFound("no ORP with code " + code));
    std::string base = PublicBase(ctx, r);
    std::string today = ctx.clock.Today();
    std::string etag = LeafletEtag(snap->seq, today, code, base);
    ApiResponse resp;
    if (r.if_none_match && *r.if_none_match == etag) {
      resp = ApiResponse::Json("", 304);
    } else {
      resp = Pdf(OrpLeafletPdf(*snap, code, base, today), "letak-orp-" + code + ".pdf");
      if (resp.status != 200) return resp;
    }
    resp.headers.emplace_back("ETag", etag);
    // Public: any cache may keep it a few minutes, then revalidate.
    resp.headers.emplace_back("Cache-Control", "public, max-age=300");
    return resp;
  });
}

}  // namespace prosit
