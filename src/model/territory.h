#pragma once
// Territory: the fixed administrative frame of the network — regions (kraje),
// ORPs and municipalities (obce) with population and coordinates.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace prosit {

struct GeoPoint {
  double lat = 0;
  double lon = 0;
};

struct Region {
  std::string code;  // NUTS 3, e.g. "CZ053"
  std::string name;
};

struct Orp {
  std::string code;  // ČSÚ code, e.g. "5304"
  std::string ruian_code;
  std::string name;
  std::string region_code;
  std::string seat_municipality_code;
  GeoPoint seat;
  int64_t population = 0;  // 2020, sum of its municipalities
  int64_t census_population = 0;
  int64_t census_children_0_14 = 0;
};

struct Municipality {
  std::string code;  // 6 digits
  std::string name;
  std::string orp_code;
  std::string district_code;
  std::string region_code;
  std::string postcode;
  GeoPoint location;
  int64_t population = 0;
  double children_0_17 = 0;  // estimated (see ChildPopulationEstimate) or imported
  bool children_imported = false;
};

// Territory owns the three levels and answers lookups by code. Immutable once built.
class Territory {
 public:
  Territory() = default;
  Territory(std::vector<Region> regions, std::vector<Orp> orps,
            std::vector<Municipality> municipalities);

  const std::vector<Region>& regions() const { return regions_; }
  const std::vector<Orp>& orps() const { return orps_; }
  const std::vector<Municipality>& municipalities() const { return municipalities_; }

  const Region* FindRegion(const std::string& code) const;
  const Orp* FindOrp(const std::string& code) const;
  const Municipality* FindMunicipality(const std::string& code) const;
  // Indices into municipalities() of one ORP, in code order.
  const std::vector<size_t>& MunicipalitiesOfOrp(const std::string& orp_code) const;
  // The ORP codes of one region, in the order of orps().
  const std::vector<std::string>& OrpsOfRegion(const std::string& region_code) const;

 private:
  std::vector<Region> regions_;
  std::vector<Orp> orps_;
  std::vector<Municipality> municipalities_;
  std::unordered_map<std::string, size_t> region_index_, orp_index_, municipality_index_;
  std::unordered_map<std::string, std::vector<size_t>> orp_members_;
  std::unordered_map<std::string, std::vector<std::string>> region_orps_;
};

// The most children 0–17 a municipality of unknown population can have: more people than
// the largest town has (Praha, 1.3 million).
inline constexpr double kMaxChildrenOfUnknownTown = 2'000'000;

// Why `children` cannot be the number of children aged 0–17 of `m` ("is negative", "is
// more than the municipality's population (2345)"), or "" when it can.
std::string ChildCountProblem(double children, const Municipality& m);

// The estimate of children aged 0–17 (docs/design.md): the ORP's census share of 0–14-year-olds,
// scaled by 18/15 to cover 0–17, applied to each municipality's population.
double EstimateChildren0to17(const Orp& orp, int64_t municipality_population);

}  // namespace prosit
