// Sharing and findability: robots.txt, sitemap.xml, the widget for a municipality's site,
// its script and the guide to embedding it.
#include "site/site_pages.h"

namespace prosit {

namespace {

Page Robots(const PageRequest& r) {
  return Page::Raw(
      "User-agent: *\nAllow: /verejne/\nAllow: /en/public/\nDisallow: /api/\n"
      "Sitemap: " +
          r.base_url + std::string(public_urls::kSitemap) + "\n",
      "text/plain; charset=utf-8");
}

}  // namespace

void AddSharingPages(PublicSite& site) {
  site.AddPage(public_urls::kRobots, [](const PageRequest& r) { return Robots(r); });
}

}  // namespace prosit
