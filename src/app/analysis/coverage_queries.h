#pragma once
// Coverage queries: the optimal model against the real network for an ORP (every cell,
// its services, capacity and travel times, each municipality's gaps), or summed up for
// a region or the whole country — as JSON for the API.

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/coverage.h"
#include "app/accounts/caller.h"
#include "app/analysis/analysis_basis.h"

namespace prosit {

struct CoverageQuery {
  std::string region, orp;  // both empty: the whole country
  std::string mode = "pt";  // the mode the status is judged by
};

FieldErrors CheckCoverageQuery(const CoverageQuery& q, const Territory& territory);

// One ORP in full detail; a region or the country as a summary per cell and per ORP.
// `change` lays hypothetical services over the real ones (may be null).
// The scope must lie wholly inside the caller's territory.
Result<std::string> CoverageJson(const Caller& caller, const AnalysisBasis& basis,
                                 const CoverageQuery& q);

// The coverage of every ORP of the query's scope.
std::vector<OrpCoverage> CoverScope(const AnalysisBasis& basis, const CoverageQuery& q,
                                    const ServiceChange* change = nullptr);

// The cells of an ORP that are white spots (missing) and strong spots, as cell keys.
nlohmann::json WhiteSpotsJson(const OrpCoverage& c);
nlohmann::json StrongSpotsJson(const OrpCoverage& c);

// The JSON of one ORP's coverage (also used by what-if to show the changed ORPs).
nlohmann::json OrpCoverageJson(const AnalysisBasis& basis, const OrpCoverage& c,
                               TravelMode judged_by);

}  // namespace prosit
