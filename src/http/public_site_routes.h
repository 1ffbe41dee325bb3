#pragma once
// The public pages over HTTP: a thin adapter from a request under /verejne, /en/public,
// /sitemap.xml or /robots.txt to site/PublicSite. GET and HEAD only (405 with Allow for
// the rest), a 304 when If-None-Match names the page's ETag; the server adds the
// security headers (those of an embeddable answer for the widget and its script).

#include <string_view>

#include "http/api_request.h"
#include "http/api_response.h"
#include "site/public_site.h"

namespace prosit {

// Whether the public site answers requests of this path (decoded, without the query).
bool IsPublicSiteRequest(std::string_view path);

// The answer to a request of a public page; a HEAD's body is the GET's, which the
// server does not send.
ApiResponse AnswerPublicPage(const PublicSite& site, const ApiRequest& request);

}  // namespace prosit
