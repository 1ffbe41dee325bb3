#include "app/query_scope.h"

#include "model/validation.h"

namespace prosit {

void CheckTerritoryParams(FieldErrors& e, const Territory& t, const std::string& region,
                          const std::string& orp) {
  if (!region.empty() && !t.FindRegion(region)) e["region"] = "unknown region code";
  if (!orp.empty() && !t.FindOrp(orp)) e["orp"] = "unknown ORP code";
}

void CheckDateParam(FieldErrors& e, const char* field, const std::string& date) {
  if (!date.empty() && !IsIsoDate(date)) e[field] = "is not a date YYYY-MM-DD";
}

bool OrpInScope(const Territory& t, const std::string& orp_code, const std::string& region,
                const std::string& orp) {
  if (!orp.empty() && orp_code != orp) return false;
  if (region.empty()) return true;
  const Orp* o = t.FindOrp(orp_code);
  return o && o->region_code == region;
}

}  // namespace prosit
