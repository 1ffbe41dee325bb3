#pragma once
// The public site with all of its pages: each area registers its own pages here.

#include <memory>

#include "site/public_site.h"

namespace prosit {

// The catalog: home, search, card page (catalog_pages.cpp).
void AddCatalogPages(PublicSite& site);
// Sharing and findability: the widget and its script, the embedding guide, sitemap.xml
// and robots.txt (sharing_pages.cpp).
void AddSharingPages(PublicSite& site);

// The situation navigator: situations, one situation with "Kde bydlíte?", the answer,
// its leaflet, and "kdo co dělá" of an ORP (navigator_pages.cpp).
void AddNavigatorPages(PublicSite& site);

// A site with every page registered.
std::unique_ptr<PublicSite> MakePublicSite(SiteContext context);

}  // namespace prosit
