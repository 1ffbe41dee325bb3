#pragma once
// Setting up and checking a database: the schema, the territory and the reference data
// from the data folder, and a full consistency check.

#include <string>
#include <vector>

#include "store/store.h"

namespace prosit {

// Migrates the schema and loads data/territory and data/reference (all or nothing for
// each). Safe to run again: the territory is replaced, and a changed reference model
// becomes a new model version.
Status InitDatabase(Store& store, const std::string& data_dir, const Author& author);

// True when the territory has been loaded.
Result<bool> IsInitialised(Store& store);

// The store's own checks plus every record against the rules and references.
Result<std::vector<std::string>> CheckDatabase(Store& store, const std::string& today);

}  // namespace prosit
