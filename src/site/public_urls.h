#pragma once
// The one table of the public site's URLs: each page's path pattern in Czech (canonical)
// and English, and the functions that build every link. Pages, templates, the sitemap
// and the tests take their URLs from here, never from a string of their own.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "io/label_catalog.h"

namespace prosit {

// A page's path in both languages; a segment "{name}" is a parameter.
struct UrlPattern {
  std::string_view cs;
  std::string_view en;
  std::string_view For(Lang lang) const { return lang == Lang::kEn ? en : cs; }
};

namespace public_urls {

inline constexpr UrlPattern kHome{"/verejne/", "/en/public/"};
// ?obec=<name or 6-digit code>&q=<text>&strana=<page from 1>
inline constexpr UrlPattern kSearch{"/verejne/hledat", "/en/public/search"};
inline constexpr UrlPattern kCard{"/verejne/sluzba/{id}", "/en/public/service/{id}"};
// The navigator (src/site/navigator_pages.cpp): situations, one situation with the form
// "Kde bydlíte?" (?obec=), the answer for a municipality and its one-page leaflet.
inline constexpr UrlPattern kSituations{"/verejne/situace/", "/en/public/situations/"};
inline constexpr UrlPattern kSituation{"/verejne/situace/{situation}",
                                       "/en/public/situations/{situation}"};
inline constexpr UrlPattern kAnswer{"/verejne/situace/{situation}/{municipality}",
                                    "/en/public/situations/{situation}/{municipality}"};
inline constexpr UrlPattern kLeaflet{
    "/verejne/situace/{situation}/{municipality}/letak.pdf",
    "/en/public/situations/{situation}/{municipality}/leaflet.pdf"};
// For professionals: who does what in an ORP, with #situace-<id> anchors.
inline constexpr UrlPattern kWhoDoesWhat{"/verejne/orp/{orp}/kdo-co-dela",
                                         "/en/public/orp/{orp}/who-does-what"};
// The widget a municipality's web site frames, and the guide to embedding it.
inline constexpr UrlPattern kEmbed{"/verejne/vlozit/{municipality}",
                                   "/en/public/embed/{municipality}"};
inline constexpr UrlPattern kEmbedGuide{"/verejne/vlozit", "/en/public/embed"};
// Without a language.
inline constexpr std::string_view kWidgetScript = "/verejne/widget.js";
inline constexpr std::string_view kSitemap = "/sitemap.xml";
inline constexpr std::string_view kRobots = "/robots.txt";
// The stylesheet's folder; its file name carries a hash of its content.
inline constexpr std::string_view kStylesheetPrefix = "/verejne/styl.";

// The query parameters of the search and of the navigator's form.
inline constexpr std::string_view kMunicipalityParam = "obec";
inline constexpr std::string_view kTextParam = "q";
inline constexpr std::string_view kPageParam = "strana";

}  // namespace public_urls

// The links. Every parameter is percent-encoded where it goes.
std::string HomeUrl(Lang lang);
// The search of a territory; an empty `text` or `municipality` is left out, `page` 1 too.
std::string SearchUrl(Lang lang, std::string_view municipality, std::string_view text = {},
                      int page = 1);
std::string CardUrl(Lang lang, int64_t card_id);
std::string SituationsUrl(Lang lang);
std::string SituationUrl(Lang lang, std::string_view situation_id);
std::string AnswerUrl(Lang lang, std::string_view situation_id, std::string_view municipality_code);
std::string LeafletUrl(Lang lang, std::string_view situation_id,
                       std::string_view municipality_code);
std::string WhoDoesWhatUrl(Lang lang, std::string_view orp_code);
std::string EmbedUrl(Lang lang, std::string_view municipality_code);
std::string EmbedGuideUrl(Lang lang);

// `pattern` with each "{name}" replaced by the percent-encoded params[name].
std::string FillPattern(std::string_view pattern, const std::map<std::string, std::string>& params);
// Whether `path` fits `pattern` segment by segment (a trailing slash counts); fills
// `params` with the decoded values of its parameters.
bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>* params = nullptr);

// Whether a request path belongs to the public site (its pages, assets, sitemap, robots).
bool IsPublicPath(std::string_view path);
// The language of a public path: English under /en/public, else Czech.
Lang LangOfPath(std::string_view path);

// Percent-encodes everything but unreserved characters (RFC 3986), for a path segment
// or a query value.
std::string PercentEncode(std::string_view text);

}  // namespace prosit
