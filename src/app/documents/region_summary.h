#pragma once
// The regional summary, "Síťování služeb pro děti a jejich rodiny v … kraji": the
// region's ORPs side by side (from the ORP profile and the coverage of the optimal
// model, the same figures the API answers), white spots across the region on a map,
// the needs and themes its ORPs share, the region's own records (themes, needs and
// meetings kept at the region's level) and the recommendations — assembled as a
// Document for the renderers.

#include <string>

#include "app/accounts/caller.h"
#include "app/analysis/analysis_basis.h"
#include "documents/document.h"
#include "io/municipality_shapes.h"
#include "model/status.h"

namespace prosit {

// The section headings, in order (the tests look for each).
inline constexpr const char* kRegionSummaryHeadings[] = {
    "ORP kraje vedle sebe",     "Bílá místa v kraji", "Společné potřeby a témata",
    "Síťování na úrovni kraje", "Doporučení",         "Zdroje a metoda"};

// The summary of region `region_code` (NUTS 3) on `today`; read as the region's internal
// records are (its coordinator, its ORPs' networkers, an admin). `shapes` may be null:
// the map is then left out with a note.
Result<Document> RegionSummaryDocument(const Caller& caller, const AnalysisBasis& basis,
                                       const MunicipalityShapes* shapes,
                                       const std::string& region_code, const std::string& today);

}  // namespace prosit
