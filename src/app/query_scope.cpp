#include "app/query_scope.h"

#include "analysis/accessibility.h"
#include "model/validation.h"

namespace prosit {

void CheckTerritoryParams(FieldErrors& e, const Territory& t, const std::string& region,
                          const std::string& orp) {
  if (!region.empty() && !t.FindRegion(region)) e["region"] = "unknown region code";
  if (!orp.empty() && !t.FindOrp(orp)) e["orp"] = "unknown ORP code";
}

void CheckOneTerritory(FieldErrors& e, const Territory& t, const std::string& region,
                       const std::string& orp, bool required) {
  CheckTerritoryParams(e, t, region, orp);
  if (required && region.empty() && orp.empty()) e["orp"] = "name an ORP or a region";
  if (!region.empty() && !orp.empty()) e["orp"] = "name an ORP or a region, not both";
}

void CheckTravelModeParam(FieldErrors& e, const std::string& mode) {
  if (!ParseTravelMode(mode)) e["mode"] = "must be pt or car";
}

void CheckDecayParam(FieldErrors& e, const std::string& decay) {
  if (!ParseDistanceDecay(decay)) e["decay"] = "must be step, gaussian, binary or inverse";
}

void CheckDateParam(FieldErrors& e, const char* field, const std::string& date) {
  if (!date.empty() && !IsIsoDate(date)) e[field] = "is not a date YYYY-MM-DD";
}

bool OrpInScope(const Territory& t, const std::string& orp_code, const std::string& region,
                const std::string& orp, const Caller& caller) {
  if (t.FindRegion(orp_code)) {  // a region-level record: in its region's lists, not an ORP's
    if (!orp.empty() || (!region.empty() && region != orp_code)) return false;
    return caller.CoversAny(t.OrpsOfRegion(orp_code));
  }
  if (!orp.empty() && orp_code != orp) return false;
  if (!caller.Covers(orp_code)) return false;
  if (region.empty()) return true;
  const Orp* o = t.FindOrp(orp_code);
  return o && o->region_code == region;
}

std::string RenderPage(const std::vector<std::string_view>& items, size_t total, size_t offset,
                       size_t limit) {
  std::string out = "{\"items\":[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += items[i];
  }
  out += "],\"total\":" + std::to_string(total) + ",\"offset\":" + std::to_string(offset) +
         ",\"limit\":" + std::to_string(limit) + "}";
  return out;
}

}  // namespace prosit
