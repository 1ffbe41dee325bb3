#pragma once
// The JSON pieces every analysis answer shares: numbers that are never NaN, model cells
// with their norms and explanations, services by name, and how the figures were made.

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "analysis/coverage.h"
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
// Where the travel times come from and the rules the figures follow.
nlohmann::json MethodJson(const AnalysisBasis& basis);

}  // namespace prosit
