#include "site/public_urls.h"

#include <cctype>

namespace prosit {

namespace pu = public_urls;

namespace {

std::string Fill1(const UrlPattern& p, Lang lang, const char* name, std::string_view value) {
  return FillPattern(p.For(lang), {{name, std::string(value)}});
}

// The next segment of `s` from `pos` (which is just after a '/'); false past the end.
bool NextSegment(std::string_view s, size_t& pos, std::string_view& segment) {
  if (pos > s.size()) return false;
  size_t end = s.find('/', pos);
  if (end == std::string_view::npos) end = s.size();
  segment = s.substr(pos, end - pos);
  pos = end + 1;
  return true;
}

}  // namespace

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string FillPattern(std::string_view pattern,
                        const std::map<std::string, std::string>& params) {
  std::string out;
  out.reserve(pattern.size() + 16);
  size_t i = 0;
  while (i < pattern.size()) {
    size_t open = pattern.find('{', i);
    if (open == std::string_view::npos) break;
    size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(i, open - i));
    auto it = params.find(std::string(pattern.substr(open + 1, close - open - 1)));
    if (it != params.end()) out += PercentEncode(it->second);
    i = close + 1;
  }
  out.append(pattern.substr(i));
  return out;
}

bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>* params) {
  if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/')
    return false;
  size_t pp = 1, xp = 1;
  std::string_view ps, xs;
  for (;;) {
    bool more_pattern = NextSegment(pattern, pp, ps), more_path = NextSegment(path, xp, xs);
    if (more_pattern != more_path) return false;
    if (!more_pattern) return true;
    bool parameter = ps.size() > 2 && ps.front() == '{' && ps.back() == '}';
    if (!parameter) {
      if (ps != xs) return false;
      continue;
    }
    if (xs.empty()) return false;
    if (params) (*params)[std::string(ps.substr(1, ps.size() - 2))] = std::string(xs);
  }
}

std::string HomeUrl(Lang lang) { return std::string(pu::kHome.For(lang)); }

std::string SearchUrl(Lang lang, std::string_view municipality, std::string_view text, int page) {
  std::string url(pu::kSearch.For(lang));
  char sep = '?';
  auto add = [&](std::string_view name, std::string_view value) {
    url += sep;
    url += name;
    url += '=';
    url += PercentEncode(value);
    sep = '&';
  };
  if (!municipality.empty()) add(pu::kMunicipalityParam, municipality);
  if (!text.empty()) add(pu::kTextParam, text);
  if (page > 1) add(pu::kPageParam, std::to_string(page));
  return url;
}

std::string CardUrl(Lang lang, int64_t card_id) {
  return Fill1(pu::kCard, lang, "id", std::to_string(card_id));
}

std::string SituationsUrl(Lang lang) { return std::string(pu::kSituations.For(lang)); }

std::string SituationUrl(Lang lang, std::string_view situation_id) {
  return Fill1(pu::kSituation, lang, "situation", situation_id);
}

std::string AnswerUrl(Lang lang, std::string_view situation_id,
                      std::string_view municipality_code) {
  return FillPattern(pu::kAnswer.For(lang), {{"situation", std::string(situation_id)},
                                             {"municipality", std::string(municipality_code)}});
}

std::string LeafletUrl(Lang lang, std::string_view situation_id,
                       std::string_view municipality_code) {
  return FillPattern(pu::kLeaflet.For(lang), {{"situation", std::string(situation_id)},
                                              {"municipality", std::string(municipality_code)}});
}

std::string WhoDoesWhatUrl(Lang lang, std::string_view orp_code) {
  return Fill1(pu::kWhoDoesWhat, lang, "orp", orp_code);
}

std::string EmbedUrl(Lang lang, std::string_view municipality_code) {
  return Fill1(pu::kEmbed, lang, "municipality", municipality_code);
}

std::string EmbedGuideUrl(Lang lang) { return std::string(pu::kEmbedGuide.For(lang)); }

bool IsPublicPath(std::string_view path) {
  for (std::string_view root : {std::string_view("/verejne"), std::string_view("/en/public")})
    if (path == root || (path.starts_with(root) && path[root.size()] == '/')) return true;
  return path == pu::kSitemap || path == pu::kRobots;
}

Lang LangOfPath(std::string_view path) {
  return path == "/en/public" || path.starts_with("/en/public/") ? Lang::kEn : Lang::kCs;
}

}  // namespace prosit
