#include "site/site_pages.h"

namespace prosit {

std::unique_ptr<PublicSite> MakePublicSite(SiteContext context) {
  auto site = std::make_unique<PublicSite>(std::move(context));
  AddCatalogPages(*site);
  AddSharingPages(*site);
  AddNavigatorPages(*site);
  return site;
}

}  // namespace prosit
