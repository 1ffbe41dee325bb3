#pragma once
// What-if queries: the coverage, white spots and accessibility a hypothetical change of
// services would bring, computed over the real network without saving anything; and
// the ranking of municipalities as seats of a new service of a type.

#include <string>

#include "app/accounts/caller.h"
#include "app/analysis/analysis_basis.h"
#include "io/what_if_json.h"

namespace prosit {

// Checks the request against the network (types, municipalities, territories, cards)
// and lays it out as a change; 422 naming each bad field. The services added must lie in
// municipalities inside the caller's territory, the cards removed inside it.
Result<ServiceChange> MakeServiceChange(const Caller& caller, const AnalysisBasis& basis,
                                        const WhatIfRequest& request);
// Before and after, for the ORPs and model cells the change touches.
std::string WhatIfJson(const AnalysisBasis& basis, const WhatIfRequest& request,
                       const ServiceChange& change);

struct CandidateQuery {
  std::string region, orp;  // where to look; one of them is required
  std::string service_type;
  std::string mode = "pt";
  size_t limit = 10;
};

FieldErrors CheckCandidateQuery(const CandidateQuery& q, const Frame& frame);
// The scope must lie wholly inside the caller's territory.
Result<std::string> CandidatesJson(const Caller& caller, const AnalysisBasis& basis,
                                   const CandidateQuery& q);

}  // namespace prosit
