#pragma once
// Czech names for generated data: e-mail slugs, region names in the genitive, street
// names and obviously generic names of private persons (no real people).

#include <string>
#include <string_view>

namespace prosit {

// ASCII slug of a Czech name for e-mail domains: "Základní škola Hlinsko" →
// "zakladni-skola-hlinsko".
std::string Slug(std::string_view utf8, size_t max_len = 48);

// "Pardubický kraj" → "Pardubického kraje"; "Kraj Vysočina" → "Kraje Vysočina".
std::string RegionGenitive(const std::string& region_name);

// The i-th of a fixed list of common street names (wraps around).
const char* StreetName(size_t i);
size_t StreetNameCount();

// A generic doctor's name from common first names and surnames, e.g. "MUDr. Jana Nováková".
std::string GenericDoctorName(size_t first, size_t last, bool female);

// A generic name of a professional without a title, e.g. "Jana Nováková".
std::string GenericPersonName(size_t first, size_t last, bool female);
// A generic name of a sports or leisure club in `town`, the i-th pattern (wraps around).
std::string ClubName(size_t i, const std::string& town);

}  // namespace prosit
