#pragma once
// Summaries of repeated timings, the same for every benchmark.

#include <algorithm>
#include <chrono>
#include <vector>

namespace prosit::bench {

// The p-quantile (0 ≤ p < 1) of the timings, by rank; p = 0.5 is the median.
inline double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

inline double Median(std::vector<double> v) { return Percentile(std::move(v), 0.5); }

// Milliseconds from `since` to now on the steady clock.
inline double Ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
      .count();
}

}  // namespace prosit::bench
