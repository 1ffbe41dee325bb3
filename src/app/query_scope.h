#pragma once
// What every list of the API shares: checking its territory and date parameters,
// deciding whether a record's ORP lies in the territory asked for, and the page envelope.

#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/caller.h"
#include "model/status.h"
#include "model/territory.h"

namespace prosit {

// "unknown region code" / "unknown ORP code" for codes the territory does not have.
void CheckTerritoryParams(FieldErrors& e, const Territory& t, const std::string& region,
                          const std::string& orp);
// CheckTerritoryParams for a scope that is one ORP, one region or (unless `required`)
// the whole country: "name an ORP or a region, not both".
void CheckOneTerritory(FieldErrors& e, const Territory& t, const std::string& region,
                       const std::string& orp, bool required = false);
// "must be pt or car" / "must be step, gaussian, binary or inverse" for the analyses'
// travel mode and distance decay.
void CheckTravelModeParam(FieldErrors& e, const std::string& mode);
void CheckDecayParam(FieldErrors& e, const std::string& decay);
// "is not a date YYYY-MM-DD" for a non-empty parameter that is not one.
void CheckDateParam(FieldErrors& e, const char* field, const std::string& date);
// Whether `orp_code` lies in the ORP or region asked for (both empty: everywhere) and
// in the territory of the caller.
bool OrpInScope(const Territory& t, const std::string& orp_code, const std::string& region,
                const std::string& orp, const Caller& caller);

// The page envelope every list shares, around items already rendered as JSON.
std::string RenderPage(const std::vector<std::string_view>& items, size_t total, size_t offset,
                       size_t limit);

}  // namespace prosit
