#pragma once
// Accessibility queries: E2SFCA over the whole country (catchments cross borders) for a
// model cell or a service type, reported per municipality of an ORP and as the
// child-weighted mean per ORP of a region or the country; without a cell or type, the
// mean of every model cell per ORP.

#include <optional>
#include <string>

#include "analysis/service_supply.h"
#include "app/accounts/caller.h"
#include "app/analysis/analysis_basis.h"

namespace prosit {

struct AccessibilityQuery {
  std::string region, orp;
  std::string cell;          // "need_area:level"
  std::string service_type;  // instead of a cell
  std::string mode = "pt";
  std::string decay = "step";
  std::optional<int64_t> max_minutes;  // instead of the norm's
};

// The model cell of a key "need_area:level", or null.
const ModelCell* FindCell(const ReferenceData& ref, const std::string& key);
FieldErrors CheckAccessibilityQuery(const AccessibilityQuery& q, const Frame& frame);
// The catchment asked for must lie within the travel times' cutoff.
FieldErrors CheckCatchmentReach(const AnalysisBasis& basis, const AccessibilityQuery& q);
// The scope must lie wholly inside the caller's territory.
Result<std::string> AccessibilityJson(const Caller& caller, const AnalysisBasis& basis,
                                      const AccessibilityQuery& q);

std::vector<uint32_t> TypeIndices(const ServiceLayout& layout, const std::vector<std::string>& ids);
// E2SFCA of one set of types over the whole country.
AccessibilityResult RunAccessibility(const AnalysisBasis& basis, const ServiceSupply& supply,
                                     TravelMode mode, const Catchment& catchment);

// E2SFCA of a model cell over the whole country under its norm's catchment, one run per
// capacity unit (never mixed), with the supply each read; `change` lays a what-if over
// the services (may be null). `units`: those to compute, or null for every unit in which
// the cell's services state a capacity.
struct UnitAccess {
  ServiceSupply supply;
  AccessibilityResult result;
};
struct CellAccess {
  Catchment catchment;
  std::vector<UnitAccess> units;  // by unit id
  std::vector<int64_t> without_capacity;
};
CellAccess AccessOfCell(const AnalysisBasis& basis, const ModelCell& cell, TravelMode mode,
                        DistanceDecay decay, const ServiceChange* change = nullptr,
                        const std::vector<std::string>* units = nullptr);

}  // namespace prosit
