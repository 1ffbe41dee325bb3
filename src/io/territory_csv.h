#pragma once
// Reading the territory (data/territory/*.csv, see its SOURCES.md) and the optional
// CSV of exact child populations that overrides the estimate.

#include <map>
#include <string>

#include "model/status.h"
#include "model/territory.h"

namespace prosit {

// Parses orp.csv and municipalities.csv texts into a Territory with estimated children.
Result<Territory> ParseTerritory(const std::string& orp_csv, const std::string& municipalities_csv);

// Loads the two files from a folder.
Result<Territory> LoadTerritoryFolder(const std::string& folder);

// Parses "municipality_code,children_0_17" rows; every code must exist in `territory`
// and every count be possible (ChildCountProblem: finite, not negative, not more than the
// municipality's population). All-or-nothing: any bad row fails the lot, naming
// `source_name`, the line and the field.
Result<std::map<std::string, double>> ParseChildPopulation(
    const std::string& csv, const Territory& territory,
    const std::string& source_name = "children.csv");

}  // namespace prosit
