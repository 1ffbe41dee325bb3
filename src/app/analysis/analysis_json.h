#pragma once
// The JSON pieces every analysis answer shares: numbers that are never NaN, model cells
// with their norms and explanations, services by name, and how the figures were made.

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "analysis/coverage.h"
#include "analysis/service_supply.h"
#include "app/analysis/analysis_basis.h"

namespace prosit {

// `v` rounded to `digits` decimals, or null when it is not a finite number.
nlohmann::json Round(double v, int digits);
template <typename T>
nlohmann::json OptionalNumber(const std::optional<T>& v, int digits) {
  return v ? Round(static_cast<double>(*v), digits) : nlohmann::json(nullptr);
}

// "relationships:3": how the API names a cell of the model.
std::string CellKey(const ModelCell& cell);
// The cell with its labels, norms and explanation.
nlohmann::json ModelCellJson(const ReferenceData& reference, const ModelCell& cell);
// A present service: card, name, type, form, its capacity share here, ORPs it serves.
nlohmann::json PresentServiceJson(const AnalysisBasis& basis, const PresentService& s);
// A cell's capacity by unit (never summed across units): amount, per 1,000 children and
// whether it falls short of the norm.
nlohmann::json CapacityByUnitJson(const ReferenceData& reference, const CellCoverage& c);
// A capacity unit's id with its Czech and English label.
nlohmann::json UnitLabelJson(const ReferenceData& reference, const std::string& unit);
// Per mode, whether no municipality can meet the cell's norm at all.
nlohmann::json NormUnmeetableJson(const std::array<bool, kTravelModes>& unmeetable);
// Where the travel times come from, the rules the figures follow, and the records they
// rest on by provenance (how many of them the demo invented).
nlohmann::json MethodJson(const AnalysisBasis& basis, const ProvenanceCounts& records);
// The cards of `ids` (repeats and hypothetical 0s left out) counted by provenance.
ProvenanceCounts CountCards(const ServiceLayout& layout, std::vector<int64_t> ids);
// The cards a supply of E2SFCA takes in: its sites' and its outreach territories'.
void AppendSupplyCards(const ServiceSupply& supply, std::vector<int64_t>& ids);

}  // namespace prosit
