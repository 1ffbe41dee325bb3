#pragma once
// The regions' names in the Czech locative with its preposition ("v Pardubickém kraji"),
// which titles need ("Síťování služeb pro děti a jejich rodiny v Pardubickém kraji") and
// which no rule derives from the nominative (Praha, Vysočina, "ve" before some consonants).

#include <string>

namespace prosit {

// "v Pardubickém kraji" for "CZ053"; empty for a code that is not one of the 14 regions.
std::string RegionLocative(const std::string& nuts3_code);

}  // namespace prosit
