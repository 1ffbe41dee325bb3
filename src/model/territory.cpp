#include "model/territory.h"

#include <cmath>

namespace prosit {

Territory::Territory(std::vector<Region> regions, std::vector<Orp> orps,
                     std::vector<Municipality> municipalities)
    : regions_(std::move(regions)),
      orps_(std::move(orps)),
      municipalities_(std::move(municipalities)) {
  for (size_t i = 0; i < regions_.size(); ++i) region_index_[regions_[i].code] = i;
  for (size_t i = 0; i < orps_.size(); ++i) {
    orp_index_[orps_[i].code] = i;
    region_orps_[orps_[i].region_code].push_back(orps_[i].code);
  }
  for (size_t i = 0; i < municipalities_.size(); ++i) {
    municipality_index_[municipalities_[i].code] = i;
    orp_members_[municipalities_[i].orp_code].push_back(i);
  }
}

template <typename T>
static const T* Lookup(const std::vector<T>& items,
                       const std::unordered_map<std::string, size_t>& index,
                       const std::string& code) {
  auto it = index.find(code);
  return it == index.end() ? nullptr : &items[it->second];
}

const Region* Territory::FindRegion(const std::string& code) const {
  return Lookup(regions_, region_index_, code);
}
const Orp* Territory::FindOrp(const std::string& code) const {
  return Lookup(orps_, orp_index_, code);
}
const Municipality* Territory::FindMunicipality(const std::string& code) const {
  return Lookup(municipalities_, municipality_index_, code);
}

const std::vector<size_t>& Territory::MunicipalitiesOfOrp(const std::string& orp_code) const {
  static const std::vector<size_t> kNone;
  auto it = orp_members_.find(orp_code);
  return it == orp_members_.end() ? kNone : it->second;
}

const std::vector<std::string>& Territory::OrpsOfRegion(const std::string& region_code) const {
  static const std::vector<std::string> kNone;
  auto it = region_orps_.find(region_code);
  return it == region_orps_.end() ? kNone : it->second;
}

double EstimateChildren0to17(const Orp& orp, int64_t municipality_population) {
  if (orp.census_population <= 0) return 0;
  double share_0_14 =
      static_cast<double>(orp.census_children_0_14) / static_cast<double>(orp.census_population);
  return share_0_14 * (18.0 / 15.0) * static_cast<double>(municipality_population);
}

std::string ChildCountProblem(double children, const Municipality& m) {
  if (!std::isfinite(children)) return "is not a finite number";
  if (children < 0) return "is negative";
  // Children are a part of the population: more is a typo or a broken computation.
  if (m.population > 0 && children > static_cast<double>(m.population))
    return "is more than the municipality's population (" + std::to_string(m.population) + ")";
  if (children > kMaxChildrenOfUnknownTown) return "is more than any municipality's population";
  return "";
}

}  // namespace prosit
