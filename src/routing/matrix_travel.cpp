#include "routing/matrix_travel.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <tuple>

#include "io/csv_reader.h"

namespace prosit {

namespace {

const char* ModeName(TravelMode mode) {
  return mode == TravelMode::kCar ? "car" : "public transport";
}

}  // namespace

Result<std::unique_ptr<MatrixTravel>> MatrixTravel::Open(const std::string& path,
                                                         GreatCircleOptions fallback) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  auto matrix = ParseTravelMatrix(*text, path);
  if (!matrix.ok()) return matrix.status();
  return std::make_unique<MatrixTravel>(std::move(*matrix), fallback);
}

MatrixTravel::MatrixTravel(TravelMatrix matrix, GreatCircleOptions fallback)
    : matrix_(std::move(matrix)), fallback_(fallback) {
  for (const TravelMatrixRow& r : matrix_.rows)
    ++(r.minutes ? reachable_ : unreachable_)[static_cast<int>(r.mode)];
}

std::string MatrixTravel::Describe() const {
  std::string text = "imported matrix " + matrix_.source + ":";
  for (TravelMode mode : kAllTravelModes) {
    int m = static_cast<int>(mode);
    text += mode == TravelMode::kCar ? " " : "; ";
    if (reachable_[m] + unreachable_[m] == 0) {
      text += std::string(ModeName(mode)) + " not in the file, from the " + fallback_.Describe();
      continue;
    }
    text += std::to_string(reachable_[m]) + " pairs (" + ToString(mode) + ")";
    if (unreachable_[m] > 0) text += ", " + std::to_string(unreachable_[m]) + " marked unreachable";
  }
  char self[160];
  std::snprintf(self, sizeof self,
                "; pairs not listed are unreachable; a municipality not listed with itself "
                "reaches itself in %.0f min by car, %.0f min by public transport",
                fallback_.Minutes(TravelMode::kCar, 0),
                fallback_.Minutes(TravelMode::kPublicTransport, 0));
  return text + self;
}

Result<TravelTimes> MatrixTravel::Compute(const Territory& territory,
                                          const TravelTimeRequest& request) const {
  return Compute(territory, request, CodesOutside::kReject);
}

Result<TravelTimes> MatrixTravel::Compute(const Territory& territory,
                                          const TravelTimeRequest& request,
                                          CodesOutside outside) const {
  auto resolved = ResolveTravelMatrix(matrix_, territory, outside);
  if (!resolved.ok()) return resolved.status();
  const size_t n = territory.municipalities().size();
  TravelTimesBuilder b(n);
  b.SetCutoff(TravelMode::kCar, request.cutoff_car);
  b.SetCutoff(TravelMode::kPublicTransport, request.cutoff_pt);
  std::optional<TravelTimes> estimate;  // only when a mode is not in the file
  for (TravelMode mode : kAllTravelModes) {
    const auto& pairs = resolved->of(mode);
    if (pairs.reachable.empty() && pairs.unreachable.empty()) {
      if (!estimate) {
        auto e = fallback_.Compute(territory, request);
        if (!e.ok()) return e.status();
        estimate = std::move(*e);
      }
      for (uint32_t i = 0; i < n; ++i)
        for (const TravelLeg& leg : estimate->From(mode, i)) b.Add(mode, i, leg.place, leg.minutes);
      continue;
    }
    std::vector<bool> self_listed(n, false);
    for (const auto* list : {&pairs.reachable, &pairs.unreachable})
      for (const auto& p : *list)
        if (p.from == p.to) self_listed[p.from] = true;
    for (const auto& p : pairs.reachable) b.Add(mode, p.from, p.to, p.minutes);
    float self_minutes = static_cast<float>(fallback_.Minutes(mode, 0));
    for (uint32_t i = 0; i < n; ++i)
      if (!self_listed[i]) b.Add(mode, i, i, self_minutes);
  }
  return std::move(b).Build(Describe());
}

std::string MatrixTravel::Explain(TravelMode mode, const std::string& origin_code,
                                  const std::string& destination_code) const {
  auto from = ParseMunicipalityCode(origin_code), to = ParseMunicipalityCode(destination_code);
  if (!from || !to) return "not a municipality code";
  if (reachable_[static_cast<int>(mode)] + unreachable_[static_cast<int>(mode)] == 0)
    return std::string(ModeName(mode)) + " not in " + matrix_.source + ": built-in estimate";
  TravelMatrixRow key{*from, *to, mode, std::nullopt, 0};
  auto order = [](const TravelMatrixRow& a, const TravelMatrixRow& b) {
    return std::tie(a.mode, a.origin, a.destination) < std::tie(b.mode, b.origin, b.destination);
  };
  auto it = std::lower_bound(matrix_.rows.begin(), matrix_.rows.end(), key, order);
  bool found = it != matrix_.rows.end() && !order(key, *it);
  std::string where = matrix_.source + ":" + (found ? std::to_string(it->line) : "");
  if (found && it->minutes) {
    char text[64];
    std::snprintf(text, sizeof text, "%.1f min, ", *it->minutes);
    return text + where;
  }
  if (found) return "marked unreachable at " + where;
  if (*from == *to) return "not in " + matrix_.source + ": the built-in access time";
  return "not in " + matrix_.source + ": unreachable";
}

}  // namespace prosit
