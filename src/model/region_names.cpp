#include "model/region_names.h"

#include <array>
#include <utility>

namespace prosit {

namespace {

// The 14 regions by their NUTS 3 codes (the territory data's region_code).
constexpr std::array<std::pair<const char*, const char*>, 14> kLocatives = {{
    {"CZ010", "v hlavním městě Praze"},
    {"CZ020", "ve Středočeském kraji"},
    {"CZ031", "v Jihočeském kraji"},
    {"CZ032", "v Plzeňském kraji"},
    {"CZ041", "v Karlovarském kraji"},
    {"CZ042", "v Ústeckém kraji"},
    {"CZ051", "v Libereckém kraji"},
    {"CZ052", "v Královéhradeckém kraji"},
    {"CZ053", "v Pardubickém kraji"},
    {"CZ063", "v Kraji Vysočina"},
    {"CZ064", "v Jihomoravském kraji"},
    {"CZ071", "v Olomouckém kraji"},
    {"CZ072", "ve Zlínském kraji"},
    {"CZ080", "v Moravskoslezském kraji"},
}};

}  // namespace

std::string RegionLocative(const std::string& nuts3_code) {
  for (const auto& [code, locative] : kLocatives)
    if (nuts3_code == code) return locative;
  return "";
}

}  // namespace prosit
