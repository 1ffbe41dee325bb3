#include "http/public_site_routes.h"

#include "site/public_urls.h"

namespace prosit {

namespace {

// Whether If-None-Match (a list, or "*") names `etag`; weak tags compare by their value.
bool NoneMatchNames(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

bool IsPublicSiteRequest(std::string_view path) { return IsPublicPath(path); }

ApiResponse AnswerPublicPage(const PublicSite& site, const ApiRequest& request) {
  if (request.method != "GET" && request.method != "HEAD") {
    ApiResponse r = ApiResponse::Error(405, "method_not_allowed",
                                       request.method + " is not allowed here; use GET or HEAD");
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  auto page = site.Answer(request.path, request.query, request.host.value_or(""));
  ApiResponse r;
  r.status = page->status;
  r.content_type = page->content_type;
  r.embeddable = page->embeddable || page->cross_origin;
  r.headers.emplace_back("ETag", page->etag);
  r.headers.emplace_back("Cache-Control", page->cache_control);
  if (!page->location.empty()) r.headers.emplace_back("Location", page->location);
  if (page->cross_origin) r.headers.emplace_back("Access-Control-Allow-Origin", "*");
  if (r.status == 200 && request.if_none_match &&
      NoneMatchNames(*request.if_none_match, page->etag)) {
    r.status = 304;
    return r;
  }
  r.body = page->body;
  return r;
}

}  // namespace prosit
