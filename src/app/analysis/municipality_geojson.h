#pragma once
// The municipalities of an ORP, a region or the country as GeoJSON polygons with their
// analysis results as properties: children, per model cell and travel mode whether the
// municipality reaches the cell within its norm (and in how many minutes), the cells it
// does not reach by the judged mode (a white spot when any), the white spots of its ORP,
// and with a cell named its E2SFCA access per capacity unit. The same figures the
// coverage and accessibility answers give.

#include <string>

#include "app/accounts/caller.h"
#include "app/analysis/analysis_basis.h"
#include "io/municipality_shapes.h"

namespace prosit {

struct MunicipalityMapQuery {
  std::string region, orp;  // both empty: the whole country
  std::string mode = "pt";  // the mode white spots are judged by
  std::string cell;         // "need_area:level": add its E2SFCA access
};

FieldErrors CheckMunicipalityMapQuery(const MunicipalityMapQuery& q, const Frame& frame);
// The scope must lie wholly inside the caller's territory.
Result<std::string> MunicipalitiesGeoJson(const Caller& caller, const AnalysisBasis& basis,
                                          const MunicipalityShapes& shapes,
                                          const MunicipalityMapQuery& q);

}  // namespace prosit
