#pragma once
// Figures as a Czech document prints them: thousands grouped by a non-breaking space
// ("12 345"), percentages with a decimal comma ("87,5 %"), and a dash where there is no
// figure.

#include <cstdint>
#include <optional>
#include <string>

namespace prosit {

std::string CzechCount(int64_t n);
// A share of 0..1 as a whole percentage ("87 %"), or "–" without one.
std::string CzechPercent(std::optional<double> share);

}  // namespace prosit
