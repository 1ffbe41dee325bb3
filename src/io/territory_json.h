#pragma once
// JSON forms of the territory for the API.

#include <nlohmann/json.hpp>
#include <string>

#include "model/territory.h"

namespace prosit {

std::string RegionsJson(const Territory& territory);
std::string OrpsJson(const Territory& territory);
// One item of those lists.
nlohmann::json OrpJson(const Territory& territory, const Orp& orp);
nlohmann::json MunicipalityJson(const Municipality& municipality);
// The municipalities of one ORP with population and estimated children.
std::string MunicipalitiesJson(const Territory& territory, const std::string& orp_code);

}  // namespace prosit
