#pragma once
// Territory queries: finding a municipality by its name as a person types it (case and
// diacritics ignored: "usti nad orl" finds Ústí nad Orlicí), and the ORPs of a region or
// by name. Names repeat across the country (two Hlinsko), so each answer names the ORP
// and region too.

#include <string>
#include <vector>

#include "model/status.h"
#include "model/territory.h"

namespace prosit {

struct PlaceQuery {
  std::string text;  // q: words each starting a word of the name
  std::string region, orp;
  size_t offset = 0, limit = 20;
};

// Unknown region or ORP codes, a text too long to be a name.
FieldErrors CheckPlaceQuery(const PlaceQuery& q, const Territory& t);
// Municipalities whose name matches (or whose code is the text), those starting with the
// whole query first, then the most populous (the one a person most likely means).
std::vector<const Municipality*> MatchingMunicipalities(const Territory& t, const PlaceQuery& q);
// The same as a page.
std::string FindMunicipalities(const Territory& t, const PlaceQuery& q);
// ORPs of the region and matching the text, in the territory's order, as {items, total}.
std::string FindOrps(const Territory& t, const PlaceQuery& q);

}  // namespace prosit
