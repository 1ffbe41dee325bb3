#include "site/place_choice.h"

#include "app/public/situation_navigator.h"

namespace prosit {

std::string WhereText(const Territory& t, const Municipality& m) {
  std::string where;
  if (const Orp* o = t.FindOrp(m.orp_code)) where = "ORP " + o->name;
  if (const Region* g = t.FindRegion(m.region_code)) where += (where.empty() ? "" : ", ") + g->name;
  return where;
}

PlaceChoice ChoosePlace(const PublicSite& site, const PageRequest& request,
                        const std::string& typed,
                        const std::function<std::string(const Municipality&)>& url_of) {
  PlaceChoice out;
  if (typed.empty()) return out;
  const Territory& t = request.snap->frame->territory;
  HomeMatch match = FindHome(t, typed);
  if (match.municipality) {
    out.municipality = match.municipality;
    return out;
  }
  nlohmann::json choices = nlohmann::json::array();
  for (const Municipality* m : match.candidates)
    choices.push_back({{"url", url_of(*m)}, {"name", m->name}, {"where", WhereText(t, *m)}});
  out.data["has_choices"] = !choices.empty();
  out.data["notice"] =
      site.Text(choices.empty() ? "search_no_municipality" : "search_choose", request.lang);
  if (match.total > choices.size())
    out.data["more_choices"] = site.Text("search_more_choices", request.lang);
  out.data["choices"] = std::move(choices);
  return out;
}

}  // namespace prosit
