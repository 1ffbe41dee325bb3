// The catalog's pages: home with the search form, the search of a territory's published
// cards and the card page. Every card shown comes from the catalog's use cases as an
// anonymous caller sees them (app/catalog): published cards only, public contacts only,
// a confidential address coarsened to its ORP.
#include "site/site_pages.h"

namespace prosit {

namespace {

// The search form, filled with what was asked.
std::string SearchForm(const PublicSite& site, Lang lang, const std::string& municipality,
                       const std::string& text) {
  return site.Render("search_form", {{"form", {{"obec", municipality}, {"q", text}}}}, lang);
}

Page Home(const PublicSite& site, const PageRequest& r) {
  Page p;
  p.template_name = "home";
  p.title = site.Text("home_title", r.lang);
  p.description = site.Text("home_description", r.lang);
  p.data["search_form"] = SearchForm(site, r.lang, "", "");
  return p;
}

}  // namespace

void AddCatalogPages(PublicSite& site) {
  namespace pu = public_urls;
  site.AddPage(pu::kHome, [&site](const PageRequest& r) { return Home(site, r); });
}

}  // namespace prosit
