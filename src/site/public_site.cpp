#include "site/public_site.h"

#include <xxhash.h>

#include <cstdio>
#include <kainjow/mustache.hpp>

#include "site/site_files.h"

namespace prosit {

namespace mustache = kainjow::mustache;

namespace {

constexpr std::string_view kTemplatePrefix = "templates/";
constexpr std::string_view kTemplateSuffix = ".mustache";
constexpr std::string_view kStylesheetFile = "assets/site.css";
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
// Public pages may be kept by browsers and proxies, but asked again each time: the ETag
// makes that a 304 while the data have not changed.
constexpr std::string_view kRevalidate = "public, no-cache";

mustache::data ToMustache(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data d{mustache::data::type::object};
      for (const auto& [k, v] : j.items()) d.set(k, ToMustache(v));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mustache::data d{mustache::data::type::list};
      for (const auto& v : j) d.push_back(ToMustache(v));
      return d;
    }
    case nlohmann::json::value_t::string: {
      const auto& s = j.get_ref<const std::string&>();
      // An empty text is false, so that {{#text}}…{{/text}} leaves out what is empty.
      return s.empty() ? mustache::data(false) : mustache::data(s);
    }
    case nlohmann::json::value_t::boolean:
      return mustache::data(j.get<bool>());
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return mustache::data(false);
    default:
      return mustache::data(j.dump());
  }
}

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// A Host header fit to stand in links: a name or address and a port, nothing else.
bool IsPlainHost(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  for (char c : host)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' &&
        c != '[' && c != ']')
      return false;
  return true;
}

std::string QueryString(const std::map<std::string, std::string>& query) {
  std::string out;
  for (const auto& [k, v] : query) {
    out += out.empty() ? '?' : '&';
    out += PercentEncode(k) + "=" + PercentEncode(v);
  }
  return out;
}

}  // namespace

// A parsed template; rendering one is not const in kainjow's API, hence the lock.
struct PublicSite::Template {
  explicit Template(const std::string& text) : parsed(text) {}
  mustache::mustache parsed;
  std::mutex mu;
};

std::string PageRequest::Query(std::string_view name) const {
  auto it = query.find(std::string(name));
  return it == query.end() ? std::string() : it->second;
}

Page Page::Raw(std::string body, std::string content_type) {
  Page p;
  p.raw_body = std::move(body);
  p.content_type = std::move(content_type);
  return p;
}

Page Page::Redirect(std::string location, int status) {
  Page p;
  p.status = status;
  p.location = std::move(location);
  return p;
}

std::string EscapeHtml(std::string_view text) { return mustache::html_escape(std::string(text)); }

std::string JsonForScript(const nlohmann::json& doc) {
  std::string text = doc.dump();
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::map<std::string, std::string_view> PublicSite::TemplateTexts() {
  std::map<std::string, std::string_view> out;
  for (const auto& [name, text] : SiteFiles()) {
    if (!name.starts_with(kTemplatePrefix) || !name.ends_with(kTemplateSuffix)) continue;
    std::string_view bare = name.substr(kTemplatePrefix.size());
    out[std::string(bare.substr(0, bare.size() - kTemplateSuffix.size()))] = text;
  }
  return out;
}

PublicSite::PublicSite(SiteContext context)
    : context_(std::move(context)),
      messages_(SiteMessages::BuiltIn()),
      cache_(context_.cache_bytes) {
  for (const auto& [name, text] : TemplateTexts()) {
    auto t = std::make_shared<Template>(std::string(text));
    if (!t->parsed.is_valid())
      throw std::logic_error("site template " + name + ": " + t->parsed.error_message());
    templates_[name] = std::move(t);
  }
  auto css = SiteFiles().find(kStylesheetFile);
  if (css != SiteFiles().end()) stylesheet_ = std::string(css->second);
  stylesheet_url_ = std::string(public_urls::kStylesheetPrefix) +
                    Hex64(XXH3_64bits(stylesheet_.data(), stylesheet_.size())) + ".css";
}

void PublicSite::AddPage(const UrlPattern& pattern, PageHandler handler) {
  routes_.push_back({pattern, std::move(handler)});
}

void PublicSite::AddPage(std::string_view path, PageHandler handler) {
  routes_.push_back({UrlPattern{path, path}, std::move(handler)});
}

std::string PublicSite::Render(std::string_view name, nlohmann::json data, Lang lang) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::logic_error("no site template " + std::string(name));
  data["m"] = messages_.All(lang);
  data["lang"] = LangName(lang);
  data["urls"] = {{"home", HomeUrl(lang)},
                  {"search", std::string(public_urls::kSearch.For(lang))},
                  {"situations", SituationsUrl(lang)},
                  {"embed_guide", EmbedGuideUrl(lang)}};
  mustache::data d = ToMustache(data);
  std::lock_guard lock(it->second->mu);
  std::string out = it->second->parsed.render(d);
  if (!it->second->parsed.is_valid())
    throw std::logic_error("site template " + std::string(name) + ": " +
                           it->second->parsed.error_message());
  return out;
}

Page PublicSite::NotFound(const PageRequest& request) const {
  Page p;
  p.status = 404;
  p.template_name = "not_found";
  p.title = Text("not_found_title", request.lang);
  p.noindex = true;
  p.path_cs = HomeUrl(Lang::kCs);
  p.path_en = HomeUrl(Lang::kEn);
  p.cacheable = false;
  return p;
}

std::string PublicSite::BaseUrl(std::string_view host) const {
  std::string base = context_.public_url;
  if (base.empty()) base = "http://" + std::string(IsPlainHost(host) ? host : "localhost");
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

std::shared_ptr<const SiteAnswer> PublicSite::Answer(
    std::string_view path, const std::map<std::string, std::string>& query,
    std::string_view host) const {
  auto snap = context_.keeper.Current();
  SiteRevision revision{snap->seq, snap->frame->model_version};
  std::string base = BaseUrl(host);
  std::string key = base;
  key += path;
  key += QueryString(query);
  if (auto hit = cache_.Find(revision, key)) return hit;
  auto answer = Dispatch(path, query, base, std::move(snap));
  if (answer->cacheable) cache_.Put(revision, key, answer);
  return answer;
}

std::shared_ptr<const SiteAnswer> PublicSite::Dispatch(
    std::string_view path, const std::map<std::string, std::string>& query,
    const std::string& base_url, std::shared_ptr<const NetworkSnapshot> snap) const {
  PageRequest request;
  request.lang = LangOfPath(path);
  request.path = std::string(path);
  request.query = query;
  request.snap = std::move(snap);
  request.base_url = base_url;
  if (path == stylesheet_url_) {
    Page css = Page::Raw(stylesheet_, "text/css; charset=utf-8");
    css.cache_control = kImmutable;
    return Build(request, css);
  }
  for (const Route& route : routes_) {
    for (Lang lang : {Lang::kCs, Lang::kEn}) {
      std::map<std::string, std::string> params;
      if (!MatchPattern(route.pattern.For(lang), path, &params)) continue;
      if (route.pattern.cs != route.pattern.en) request.lang = lang;
      request.params = std::move(params);
      Page page = route.handler(request);
      if (page.path_cs.empty() && page.path_en.empty() && page.template_name.size()) {
        std::string qs = QueryString(query);
        page.path_cs = FillPattern(route.pattern.cs, request.params) + qs;
        page.path_en = FillPattern(route.pattern.en, request.params) + qs;
      }
      return Build(request, page);
    }
  }
  // "/verejne/hledat/" or "/verejne": the page is one slash away.
  std::string other(path);
  if (other.ends_with('/'))
    other.pop_back();
  else
    other.push_back('/');
  for (const Route& route : routes_)
    for (Lang lang : {Lang::kCs, Lang::kEn})
      if (other.size() > 1 && MatchPattern(route.pattern.For(lang), other))
        return Build(request, Page::Redirect(other + QueryString(query), 301));
  return Build(request, NotFound(request));
}

std::shared_ptr<const SiteAnswer> PublicSite::Build(const PageRequest& request,
                                                    const Page& page) const {
  auto a = std::make_shared<SiteAnswer>();
  a->status = page.status;
  a->content_type = page.content_type;
  a->location = page.location;
  a->embeddable = page.embeddable;
  a->cross_origin = page.cross_origin;
  a->cache_control = page.cache_control.empty() ? std::string(kRevalidate) : page.cache_control;
  a->cacheable = page.cacheable && page.status < 400;
  if (!page.location.empty()) {
    a->content_type = "text/plain; charset=utf-8";
    a->body = page.location + "\n";
  } else if (page.raw_body) {
    a->body = *page.raw_body;
  } else {
    Lang lang = request.lang;
    const std::string& own = lang == Lang::kEn ? page.path_en : page.path_cs;
    const std::string& other = lang == Lang::kEn ? page.path_cs : page.path_en;
    nlohmann::json layout = {
        {"title", page.title},
        {"description", page.description},
        {"canonical", request.base_url + (own.empty() ? request.path : own)},
        {"alternate_cs", page.path_cs.empty() ? "" : request.base_url + page.path_cs},
        {"alternate_en", page.path_en.empty() ? "" : request.base_url + page.path_en},
        {"other_lang_url", other},
        {"other_lang_code", lang == Lang::kEn ? "cs" : "en"},
        {"stylesheet", stylesheet_url_},
        {"noindex", page.noindex},
        {"compact", page.compact},
        {"json_ld", page.json_ld.is_null() ? "" : JsonForScript(page.json_ld)},
        {"content", Render(page.template_name, page.data, lang)}};
    a->body = Render("layout", std::move(layout), lang);
  }
  a->etag = "\"" + Hex64(XXH3_64bits(a->body.data(), a->body.size())) + "\"";
  return a;
}

}  // namespace prosit
