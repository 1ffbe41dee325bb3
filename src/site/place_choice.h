#pragma once
// What a page that asks "Kde bydlíte?" shows for what a person typed: the
// municipality it names, or the municipalities to choose from (namesakes, or a
// part of a name), or a notice that none fits — the same on the search, the
// navigator's form and the embedding guide. The resolution itself is the
// navigator's one rule (FindHome).

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "site/public_site.h"

namespace prosit {

struct PlaceChoice {
  const Municipality* municipality = nullptr;  // the one meant, if known
  // For the template: "choices" [{url, name, where}], "has_choices",
  // "more_choices", "notice"; empty when the municipality is known or nothing
  // was typed.
  nlohmann::json data = nlohmann::json::object();
};

// `url_of` gives the link of a candidate (the same page with its code).
PlaceChoice ChoosePlace(const PublicSite& site, const PageRequest& request,
                        const std::string& typed,
                        const std::function<std::string(const Municipality&)>& url_of);

// "ORP Chrudim, Pardubický kraj": what tells namesakes apart.
std::string WhereText(const Territory& t, const Municipality& m);

}  // namespace prosit
