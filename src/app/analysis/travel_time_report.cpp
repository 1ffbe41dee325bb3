#include "app/analysis/travel_time_report.h"

#include <cstdio>
#include <set>

#include "io/csv_reader.h"
#include "routing/matrix_travel.h"

namespace prosit {

namespace {

TravelTimeRequest ReportRequest() { return {kReportCutoffMinutes, kReportCutoffMinutes}; }

// Times within `part` of `whole`: a matrix is checked against the whole, then read for the
// part only (its other pairs are not errors, just elsewhere).
Result<TravelTimes> ComputeOnPart(const TravelTimeProvider& provider, const Territory& whole,
                                  const Territory& part) {
  const auto* matrix = dynamic_cast<const MatrixTravel*>(&provider);
  if (!matrix) return provider.Compute(part, ReportRequest());
  auto check = ResolveTravelMatrix(matrix->matrix(), whole);
  if (!check.ok()) return check.status();
  return matrix->Compute(part, ReportRequest(), CodesOutside::kSkip);
}

std::vector<TravelMode> Modes(std::optional<TravelMode> mode) {
  if (mode) return {*mode};
  return {std::begin(kAllTravelModes), std::end(kAllTravelModes)};
}

}  // namespace

Territory SubTerritory(const Territory& territory, const std::vector<std::string>& codes) {
  std::vector<Municipality> places;
  std::set<std::string> orp_codes, region_codes, seen;
  for (const std::string& code : codes) {
    const Municipality* m = territory.FindMunicipality(code);
    if (!m || !seen.insert(code).second) continue;
    places.push_back(*m);
    orp_codes.insert(m->orp_code);
    region_codes.insert(m->region_code);
  }
  std::vector<Orp> orps;
  for (const Orp& o : territory.orps())
    if (orp_codes.count(o.code)) orps.push_back(o);
  std::vector<Region> regions;
  for (const Region& r : territory.regions())
    if (region_codes.count(r.code)) regions.push_back(r);
  return Territory(std::move(regions), std::move(orps), std::move(places));
}

Result<std::string> TravelBetween(const TravelTimeProvider& provider, const Territory& territory,
                                  const std::string& from_code, const std::string& to_code,
                                  std::optional<TravelMode> mode) {
  for (const std::string* code : {&from_code, &to_code})
    if (!territory.FindMunicipality(*code))
      return Status::NotFound("no municipality with code '" + *code + "'");
  Territory pair = SubTerritory(territory, {from_code, to_code});
  auto times = ComputeOnPart(provider, territory, pair);
  if (!times.ok()) return times.status();
  uint32_t from = 0, to = from_code == to_code ? 0 : 1;
  const auto& places = pair.municipalities();
  std::string out =
      places[from].name + " (" + from_code + ") -> " + places[to].name + " (" + to_code + ")\n";
  const auto* matrix = dynamic_cast<const MatrixTravel*>(&provider);
  for (TravelMode m : Modes(mode)) {
    out += std::string(ToString(m)) + ": ";
    if (auto minutes = times->Minutes(m, from, to)) {
      char text[32];
      std::snprintf(text, sizeof text, "%.1f min", *minutes);
      out += text;
    } else {
      out += "unreachable";
      if (matrix) out += " (" + matrix->Explain(m, from_code, to_code) + ")";
    }
    out += "\n";
  }
  return out + "source: " + times->source() + "\n";
}

Result<std::vector<TravelMatrixRow>> TravelMatrixOfOrp(const TravelTimeProvider& provider,
                                                       const Territory& territory,
                                                       const std::string& orp_code,
                                                       std::optional<TravelMode> mode) {
  if (!territory.FindOrp(orp_code)) return Status::NotFound("no ORP with code '" + orp_code + "'");
  std::vector<std::string> codes;
  for (size_t i : territory.MunicipalitiesOfOrp(orp_code))
    codes.push_back(territory.municipalities()[i].code);
  Territory orp = SubTerritory(territory, codes);
  auto times = ComputeOnPart(provider, territory, orp);
  if (!times.ok()) return times.status();
  const auto& places = orp.municipalities();
  std::vector<TravelMatrixRow> rows;
  for (TravelMode m : Modes(mode))
    for (uint32_t i = 0; i < places.size(); ++i)
      for (uint32_t j = 0; j < places.size(); ++j) {
        TravelMatrixRow r;
        r.origin = ParseMunicipalityCode(places[i].code).value_or(0);
        r.destination = ParseMunicipalityCode(places[j].code).value_or(0);
        r.mode = m;
        r.minutes = times->Minutes(m, i, j);
        rows.push_back(r);
      }
  return rows;
}

Result<std::string> CheckTravelMatrixFile(const std::string& path, const Territory& territory) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  auto matrix = ParseTravelMatrix(*text, path);
  if (!matrix.ok()) return matrix.status();
  auto resolved = ResolveTravelMatrix(*matrix, territory);
  if (!resolved.ok()) return resolved.status();
  std::string out = path + ": good;";
  for (TravelMode m : kAllTravelModes)
    out += std::string(m == TravelMode::kCar ? " " : ", ") + ToString(m) + ": " +
           std::to_string(matrix->Reachable(m)) + " pairs, " +
           std::to_string(matrix->Unreachable(m)) + " marked unreachable";
  out += "; " + std::to_string(matrix->duplicates) + " repeated row(s), the shortest kept\n";
  return out;
}

}  // namespace prosit
