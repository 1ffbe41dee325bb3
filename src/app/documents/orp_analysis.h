#pragma once
// The ORP analysis "Analýza místní sítě služeb a návrh její optimální podoby" as a
// Document: the chapters of the seeds' analyses, each with the networker's own text for it
// (the newest AnalysisText of the ORP) beside the figures computed from the snapshot by
// the same use cases the API answers with (the ORP profile, coverage, the cooperation
// network). Who may read the ORP's internal records may have it.

#include <string>

#include "app/accounts/caller.h"
#include "app/analysis/analysis_basis.h"
#include "documents/document.h"
#include "io/label_catalog.h"
#include "io/municipality_shapes.h"
#include "model/status.h"

namespace prosit {

struct OrpAnalysisRequest {
  std::string orp_code;
  Lang lang = Lang::kCs;
  std::string today;  // ISO date the document reflects
};

// `shapes` may be null: the map is then left out with a note.
Result<Document> OrpAnalysisDocument(const Caller& caller, const AnalysisBasis& basis,
                                     const MunicipalityShapes* shapes,
                                     const OrpAnalysisRequest& request);

// The file name without extension, ASCII only: "analyza-site-5304-chrudim".
std::string OrpAnalysisFileStem(const Territory& territory, const std::string& orp_code);

}  // namespace prosit
