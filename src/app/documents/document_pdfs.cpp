#include "app/documents/document_pdfs.h"

#include "app/accounts/permissions.h"
#include "documents/pdf_renderer.h"

namespace prosit {

Status MayReadRegionSummary(const Caller& caller, const Territory& territory,
                            const std::string& region_code) {
  if (!territory.FindRegion(region_code))
    return Status::NotFound("no region with code " + region_code);
  return MayReadScope(caller, territory, region_code, "", true);
}

Result<std::string> RegionSummaryPdf(const Caller& caller, const AnalysisBasis& basis,
                                     const MunicipalityShapes* shapes,
                                     const std::string& region_code, const std::string& today) {
  auto doc = RegionSummaryDocument(caller, basis, shapes, region_code, today);
  if (!doc.ok()) return doc.status();
  return RenderPdf(*doc);
}

int PdfPageCount(const std::string& pdf) {
  int pages = 0;
  const std::string key = "/Type /Page";
  for (size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1)) {
    char next = at + key.size() < pdf.size() ? pdf[at + key.size()] : ' ';
    pages += next != 's';  // "/Type /Pages" is the page tree
  }
  return pages;
}

Result<std::string> OrpLeafletPdf(const NetworkSnapshot& snap, const std::string& orp_code,
                                  const std::string& public_base_url, const std::string& today) {
  for (size_t cards = 3;; --cards) {
    auto doc = OrpLeafletDocument(snap, orp_code, {public_base_url, cards});
    if (!doc.ok()) return doc.status();
    doc->date = today;
    auto pdf = RenderPdf(*doc);
    // With one card each and still longer, the pages are what they are (the tests see it).
    if (!pdf.ok() || cards == 1 || PdfPageCount(*pdf) <= kLeafletMaxPages) return pdf;
  }
}

}  // namespace prosit
