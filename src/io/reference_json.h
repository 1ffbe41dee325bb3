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

// Parses and cross-checks the documents; errors name the document and the item. Every
// stored version, however old, must pass this.
Result<ReferenceData> ParseReferenceData(const ReferenceDocuments& docs);

// The rules a model must meet to become a new version (published, or loaded by init) beyond
// ParseReferenceData's: each situation is worded in both languages, names the service types
// that help and for whom it is written, and its types meet its need areas. Older stored
// versions predate these rules, so reading them does not check them. Fields as
// "model_situations[i].service_types", each message starting with the situation's id.
FieldErrors PublicationProblems(const ReferenceData& ref);

}  // namespace prosit
