#pragma once
// JSON forms of the territory for the API.

#include <string>

#include "model/territory.h"

namespace prosit {

std::string RegionsJson(const Territory& territory);
std::string OrpsJson(const Territory& territory);
// The municipalities of one ORP with population and estimated children.
std::string MunicipalitiesJson(const Territory& territory, const std::string& orp_code);

}  // namespace prosit
