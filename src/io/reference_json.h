#pragma once
// Reading the reference data (data/reference/*.json, see its README) into
// ReferenceData, checking that every id one file names exists in the others.

#include <map>
#include <string>

#include "model/reference_data.h"
#include "model/status.h"

namespace prosit {

// The reference documents by name ("service_types", "optimal_model", …), as JSON text.
using ReferenceDocuments = std::map<std::string, std::string>;

// The names of the documents, in load order.
const std::vector<std::string>& ReferenceDocumentNames();

// Reads `<folder>/<name>.json` for every document name.
Result<ReferenceDocuments> ReadReferenceFolder(const std::string& folder);

// Parses and cross-checks the documents; errors name the document and the item.
Result<ReferenceData> ParseReferenceData(const ReferenceDocuments& docs);

}  // namespace prosit
