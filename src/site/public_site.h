#pragma once
// PublicSite: the public pages, rendered on the server from the current snapshot — the
// registry of pages (URL pattern in cs and en → handler), the templates and messages
// compiled in, the shared layout (header, language switch, footer, canonical and
// hreflang links), the hashed stylesheet and the cache of rendered answers per snapshot
// revision. Pages register themselves (catalog_pages.cpp, navigator_pages.cpp, …) from
// MakePublicSite (site_pages.h). Knows nothing of HTTP: src/http/public_site_routes.cpp
// serves it.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/analysis/analysis_basis.h"
#include "app/snapshot/snapshot_keeper.h"
#include "io/municipality_shapes.h"
#include "site/page_cache.h"
#include "site/public_urls.h"
#include "site/site_messages.h"

namespace prosit {

struct SiteContext {
  SnapshotKeeper& keeper;
  const MunicipalityShapes* shapes = nullptr;  // maps; none without them
  AnalysisBasisKeeper* analysis = nullptr;     // travel times, for "nearest first"
  // The base of absolute URLs (canonical, sitemap, QR codes), e.g. "https://prosit.example";
  // empty: "http://" and the request's Host.
  std::string public_url;
  size_t cache_bytes = 64u << 20;  // the rendered answers kept, at most
};

// One request of a page, taken apart.
struct PageRequest {
  Lang lang = Lang::kCs;
  std::string path;
  std::map<std::string, std::string> params;  // from the pattern, e.g. {"id": "7"}
  std::map<std::string, std::string> query;   // decoded
  std::shared_ptr<const NetworkSnapshot> snap;
  std::string base_url;  // scheme://host, without a trailing slash

  // A query parameter, "" when absent.
  std::string Query(std::string_view name) const;
};

// What a page handler answers: a template of the layout with its data, or a body of
// its own (sitemap, script, PDF), or a redirect.
struct Page {
  int status = 200;
  std::string template_name;  // templates/<name>.mustache, rendered inside the layout
  nlohmann::json data = nlohmann::json::object();
  std::string title;        // in the page's language
  std::string description;  // <meta name="description">
  // The path (with query) of this page in each language: canonical link, hreflang
  // alternates and the language switch. Empty: the request's path.
  std::string path_cs, path_en;
  nlohmann::json json_ld;  // schema.org, written into the head as a data block
  bool noindex = false;    // search results and the like: not for search engines
  bool compact = false;    // no header and footer (the widget in a frame)
  // Another site may frame it (the widget) / load it (the widget script).
  bool embeddable = false;
  bool cross_origin = false;
  std::optional<std::string> raw_body;  // served as it is, with content_type
  std::string content_type = "text/html; charset=utf-8";
  std::string cache_control;  // default: public, revalidated (no-cache)
  std::string location;       // a redirect's target (status 301/303)
  bool cacheable = true;      // false: rendered anew for every request

  static Page Raw(std::string body, std::string content_type);
  static Page Redirect(std::string location, int status = 303);
};

using PageHandler = std::function<Page(const PageRequest&)>;

// A rendered answer, as the cache keeps it and HTTP sends it.
struct SiteAnswer {
  int status = 200;
  std::string body;
  std::string content_type;
  std::string etag;  // strong, quoted; of the body
  std::string cache_control;
  std::string location;
  bool embeddable = false;
  bool cross_origin = false;
  bool cacheable = true;
};

class PublicSite {
 public:
  explicit PublicSite(SiteContext context);
  PublicSite(const PublicSite&) = delete;
  PublicSite& operator=(const PublicSite&) = delete;

  // A page at `pattern`'s Czech and English paths; the handler learns the language.
  void AddPage(const UrlPattern& pattern, PageHandler handler);
  // A page at one path in every language (sitemap, robots, the widget script).
  void AddPage(std::string_view path, PageHandler handler);

  // The answer to a GET of `path` (decoded) with `query`; `host` is the request's Host.
  // Unknown paths get the 404 page; a path that lacks only its trailing slash, a 301.
  std::shared_ptr<const SiteAnswer> Answer(std::string_view path,
                                           const std::map<std::string, std::string>& query,
                                           std::string_view host) const;

  // For the handlers.
  const SiteContext& context() const { return context_; }
  const SiteMessages& messages() const { return messages_; }
  const std::string& Text(std::string_view key, Lang lang) const {
    return messages_.Text(key, lang);
  }
  // The 404 page: the same for an unknown and an unpublished record.
  Page NotFound(const PageRequest& request) const;
  // Renders templates/<name>.mustache with `data` plus "m" (the messages), "lang" and
  // "urls" (the links every page has); escaping is on for {{…}}.
  std::string Render(std::string_view name, nlohmann::json data, Lang lang) const;
  bool HasTemplate(std::string_view name) const { return templates_.contains(name); }
  const std::string& stylesheet_url() const { return stylesheet_url_; }
  // Every template's text by name, for the test that each message it uses exists.
  static std::map<std::string, std::string_view> TemplateTexts();

 private:
  struct Route {
    UrlPattern pattern;  // cs == en for a page without a language
    PageHandler handler;
  };
  struct Template;
  std::shared_ptr<const SiteAnswer> Build(const PageRequest& request, const Page& page) const;
  std::string BaseUrl(std::string_view host) const;
  std::shared_ptr<const SiteAnswer> Dispatch(std::string_view path,
                                             const std::map<std::string, std::string>& query,
                                             const std::string& base_url,
                                             std::shared_ptr<const NetworkSnapshot> snap) const;

  SiteContext context_;
  const SiteMessages& messages_;
  std::map<std::string, std::shared_ptr<Template>, std::less<>> templates_;
  std::vector<Route> routes_;
  std::string stylesheet_, stylesheet_url_;
  mutable PageCache cache_;
};

// The JSON text of a schema.org (or any) document made safe inside <script>: "<", ">"
// and "&" as \u escapes, so that no "</script>" or "<!--" can end or bend the block.
std::string JsonForScript(const nlohmann::json& doc);

// The HTML escape of mustache's {{…}}, for text built outside a template.
std::string EscapeHtml(std::string_view text);

}  // namespace prosit
