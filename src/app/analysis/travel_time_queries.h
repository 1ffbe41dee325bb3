#pragma once
// Travel-time queries: the minutes between two municipalities exactly as the analyses
// use them (null beyond the cutoff), so a figure can be traced to its travel times.

#include <string>

#include "app/analysis/analysis_basis.h"

namespace prosit {

struct TravelTimeQuery {
  std::string from, to;  // municipality codes
};

FieldErrors CheckTravelTimeQuery(const TravelTimeQuery& q, const Territory& territory);
std::string TravelTimeJson(const AnalysisBasis& basis, const TravelTimeQuery& q);

}  // namespace prosit
