// Sharing and findability: robots.txt, sitemap.xml, the widget for a
// municipality's site, its script and the guide to embedding it.
#include <set>

#include "site/place_choice.h"
#include "site/site_files.h"
#include "site/site_pages.h"

namespace prosit {

namespace {

namespace pu = public_urls;

// A sitemap holds at most 50,000 URLs (sitemaps.org); pages come in both
// languages.
constexpr size_t kPagesPerSitemap = 20'000;

Page Robots(const PageRequest& r) {
  return Page::Raw(
      "User-agent: *\nAllow: /verejne/\nAllow: /en/public/\nDisallow: /api/\n"
      "Sitemap: " +
          r.base_url + std::string(pu::kSitemap) + "\n",
      "text/plain; charset=utf-8");
}

// The public pages worth finding, each by its Czech and English path: home, the
// guide, the situations, every published card and the ORPs whose published
// cards say who does what. Search results, answers and widgets are not: they
// are endless combinations.
std::vector<std::pair<std::string, std::string>> FindablePages(const NetworkSnapshot& snap) {
  std::vector<std::pair<std::string, std::string>> pages;
  auto both = [&](auto url, auto... args) {
    pages.emplace_back(url(Lang::kCs, args...), url(Lang::kEn, args...));
  };
  both(HomeUrl);
  both(EmbedGuideUrl);
  both(SituationsUrl);
  for (const ModelSituation& s : snap.frame->reference.situations)
    both([](Lang l, const std::string& id) { return SituationUrl(l, id); }, s.id);
  std::set<std::string> orps;
  for (const auto& [id, e] : snap.cards) {
    if (!e->card.published) continue;
    both([](Lang l, int64_t card) { return CardUrl(l, card); }, id);
    orps.insert(e->searchable.orps.begin(), e->searchable.orps.end());
  }
  for (const std::string& orp : orps)
    both([](Lang l, const std::string& code) { return WhoDoesWhatUrl(l, code); }, orp);
  return pages;
}

Page Sitemap(const PageRequest& r) {
  auto pages = FindablePages(*r.snap);
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  size_t parts = (pages.size() + kPagesPerSitemap - 1) / kPagesPerSitemap;
  std::string part_text = r.Query("cast");
  if (parts > 1 && part_text.empty()) {
    // Too many for one file: an index of the parts.
    xml +=
        "<sitemapindex "
        "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (size_t i = 1; i <= parts; ++i)
      xml += "<sitemap><loc>" + r.base_url + std::string(pu::kSitemap) +
             "?cast=" + std::to_string(i) + "</loc></sitemap>\n";
    xml += "</sitemapindex>\n";
    return Page::Raw(std::move(xml), "application/xml; charset=utf-8");
  }
  size_t part = 1;
  if (!part_text.empty()) {
    part = static_cast<size_t>(std::atoi(part_text.c_str()));
    if (part < 1 || part > std::max<size_t>(parts, 1) || std::to_string(part) != part_text) {
      Page missing = Page::Raw("no such part of the sitemap\n", "text/plain; charset=utf-8");
      missing.status = 404;
      return missing;
    }
  }
  xml +=
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  size_t begin = (part - 1) * kPagesPerSitemap;
  size_t end = std::min(pages.size(), begin + kPagesPerSitemap);
  for (size_t i = begin; i < end; ++i) {
    std::string cs = EscapeHtml(r.base_url + pages[i].first);
    std::string en = EscapeHtml(r.base_url + pages[i].second);
    std::string alternates = "<xhtml:link rel=\"alternate\" hreflang=\"cs\" href=\"" + cs +
                             "\"/><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"" + en +
                             "\"/>";
    xml += "<url><loc>" + cs + "</loc>" + alternates + "</url>\n";
    xml += "<url><loc>" + en + "</loc>" + alternates + "</url>\n";
  }
  xml += "</urlset>\n";
  return Page::Raw(std::move(xml), "application/xml; charset=utf-8");
}

// The script, with the paths of the URL table and the frame's titles filled in.
Page WidgetScript(const PublicSite& site) {
  std::string js(SiteFiles().at("assets/widget.js"));
  auto fill = [&js](std::string_view placeholder, const std::string& value) {
    for (size_t at = js.find(placeholder); at != std::string::npos; at = js.find(placeholder, at))
      js.replace(at, placeholder.size(), value), at += value.size();
  };
  fill("__EMBED_CS__", EmbedUrl(Lang::kCs, ""));
  fill("__EMBED_EN__", EmbedUrl(Lang::kEn, ""));
  fill("__TITLE_CS__", site.Text("site_name", Lang::kCs));
  fill("__TITLE_EN__", site.Text("site_name", Lang::kEn));
  Page p = Page::Raw(std::move(js), "text/javascript; charset=utf-8");
  p.cross_origin = true;
  p.cache_control = "public, max-age=3600";
  return p;
}

// The widget: the municipality's search and its situations, compact, for a
// frame.
Page Widget(const PublicSite& site, const PageRequest& r) {
  const Municipality* m = r.snap->frame->territory.FindMunicipality(r.params.at("municipality"));
  if (!m) return site.NotFound(r);
  Page p;
  p.template_name = "embed";
  p.compact = true;
  p.embeddable = true;
  p.noindex = true;
  p.title = site.Text("embed_title", r.lang) + " " + m->name;
  nlohmann::json situations = nlohmann::json::array();
  for (const ModelSituation& s : r.snap->frame->reference.situations)
    situations.push_back({{"url", AnswerUrl(r.lang, s.id, m->code)},
                          {"label", r.lang == Lang::kEn ? s.label.en : s.label.cs}});
  p.data = {{"heading", p.title},
            {"code", m->code},
            {"search_action", std::string(pu::kSearch.For(r.lang))},
            {"situations", situations},
            {"has_situations", !situations.empty()},
            {"all_url", SearchUrl(r.lang, m->code)},
            {"all_text", site.Text("embed_all_services", r.lang) + " " + m->name}};
  return p;
}

// How to embed the widget, with the code for the municipality asked for.
Page EmbedGuide(const PublicSite& site, const PageRequest& r) {
  std::string typed = r.Query(pu::kMunicipalityParam);
  Page p;
  p.template_name = "embed_guide";
  p.title = site.Text("guide_heading", r.lang);
  p.description = site.Text("guide_lead", r.lang);
  p.data = {{"guide_url", EmbedGuideUrl(r.lang)}, {"typed", typed}};
  if (typed.empty()) return p;
  p.noindex = true;
  PlaceChoice choice = ChoosePlace(site, r, typed, [&](const Municipality& m) {
    return EmbedGuideUrl(r.lang) + "?" + std::string(pu::kMunicipalityParam) + "=" + m.code;
  });
  if (!choice.municipality) {
    p.data.update(choice.data);
    return p;
  }
  const Municipality& m = *choice.municipality;
  std::string widget = r.base_url + EmbedUrl(r.lang, m.code);
  std::string script = "<script src=\"" + r.base_url + std::string(pu::kWidgetScript) +
                       "\" data-obec=\"" + m.code + "\"" +
                       (r.lang == Lang::kEn ? " data-lang=\"en\"" : "") + " async></script>";
  std::string iframe = "<iframe src=\"" + widget + "\" title=\"" + site.Text("site_name", r.lang) +
                       "\" width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>";
  p.data["municipality"] = m.name;
  p.data["script_snippet"] = script;
  p.data["iframe_snippet"] = iframe;
  p.data["widget_url"] = EmbedUrl(r.lang, m.code);
  return p;
}

}  // namespace

void AddSharingPages(PublicSite& site) {
  site.AddPage(pu::kRobots, [](const PageRequest& r) { return Robots(r); });
  site.AddPage(pu::kSitemap, [](const PageRequest& r) { return Sitemap(r); });
  site.AddPage(pu::kWidgetScript, [&site](const PageRequest&) { return WidgetScript(site); });
  site.AddPage(pu::kEmbed, [&site](const PageRequest& r) { return Widget(site, r); });
  site.AddPage(pu::kEmbedGuide, [&site](const PageRequest& r) { return EmbedGuide(site, r); });
}

}  // namespace prosit
