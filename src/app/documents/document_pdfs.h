#pragma once
// The regional summary and the public leaflet as PDF bytes: the Documents of
// region_summary.h and public_leaflet.h laid out by the PDF renderer. The leaflet is fitted
// to two A4 pages by listing fewer services per situation until it fits.

#include <string>

#include "app/documents/public_leaflet.h"
#include "app/documents/region_summary.h"

namespace prosit {

// Whether the caller may have the region's summary (checked before the analysis basis,
// which may still be computing, is asked for).
Status MayReadRegionSummary(const Caller& caller, const Territory& territory,
                            const std::string& region_code);

Result<std::string> RegionSummaryPdf(const Caller& caller, const AnalysisBasis& basis,
                                     const MunicipalityShapes* shapes,
                                     const std::string& region_code, const std::string& today);

// At most this many pages; the leaflet is printed on both sides of one sheet.
inline constexpr int kLeafletMaxPages = 2;

// The leaflet with as many cards per situation (3, 2, then 1) as fit in two pages.
Result<std::string> OrpLeafletPdf(const NetworkSnapshot& snap, const std::string& orp_code,
                                  const std::string& public_base_url, const std::string& today);

// The pages of a PDF as cairo writes it (one uncompressed "/Type /Page" dictionary each).
int PdfPageCount(const std::string& pdf);

}  // namespace prosit
