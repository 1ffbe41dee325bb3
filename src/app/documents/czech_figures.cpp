#include "app/documents/czech_figures.h"

#include <cmath>

namespace prosit {

namespace {
constexpr const char* kNbsp = "\u00A0";  // keeps "12 345" and "87 %" on one line
}

std::string CzechCount(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += kNbsp;
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string CzechPercent(std::optional<double> share) {
  if (!share) return "–";
  return std::to_string(static_cast<int64_t>(std::lround(*share * 100))) + kNbsp + "%";
}

}  // namespace prosit
