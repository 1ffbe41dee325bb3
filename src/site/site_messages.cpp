#include "site/site_messages.h"

#include <cstdlib>

#include "site/site_files.h"

namespace prosit {

size_t PluralFormIndex(Lang lang, int64_t n) {
  int64_t a = std::llabs(n);
  if (lang == Lang::kEn) return a == 1 ? 0 : 1;
  if (a == 1) return 0;
  return a >= 2 && a <= 4 ? 1 : 2;
}

Result<SiteMessages> SiteMessages::Parse(const std::map<std::string, std::string_view>& files) {
  SiteMessages m;
  for (const auto& [file, text] : files) {
    auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
      return Status::Invalid("site messages " + file + ": not a JSON object");
    for (const auto& [key, forms] : doc.items()) {
      if (m.cs_map_.contains(key))
        return Status::Invalid("site messages " + file + ": the key " + key +
                               " is in another catalog too");
      if (!forms.is_object() || !forms.contains("cs") || !forms.contains("en") ||
          !forms["cs"].is_string() || !forms["en"].is_string() ||
          forms["cs"].get<std::string>().empty() || forms["en"].get<std::string>().empty())
        return Status::Invalid("site messages " + file + ": " + key +
                               " needs a text in \"cs\" and in \"en\"");
      m.cs_map_[key] = forms["cs"].get<std::string>();
      m.en_map_[key] = forms["en"].get<std::string>();
      m.cs_[key] = m.cs_map_[key];
      m.en_[key] = m.en_map_[key];
    }
  }
  return m;
}

const SiteMessages& SiteMessages::BuiltIn() {
  static const SiteMessages kMessages = [] {
    std::map<std::string, std::string_view> files;
    for (const auto& [name, text] : SiteFiles())
      if (name.starts_with("messages/")) files[std::string(name)] = text;
    auto parsed = Parse(files);
    // The catalogs are part of the source; the unit tests parse them before any release.
    if (!parsed.ok()) std::abort();
    return std::move(*parsed);
  }();
  return kMessages;
}

const std::string& SiteMessages::Text(std::string_view key, Lang lang) const {
  const auto& map = lang == Lang::kEn ? en_map_ : cs_map_;
  auto it = map.find(key);
  if (it != map.end()) return it->second;
  // Kept so the reference stays valid; a missing key is a bug the tests catch.
  static thread_local std::string missing;
  missing = std::string(key);
  return missing;
}

std::string SiteMessages::Plural(std::string_view key, Lang lang, int64_t n) const {
  const std::string& forms = Text(key, lang);
  size_t want = PluralFormIndex(lang, n);
  size_t start = 0;
  for (size_t i = 0; i < want; ++i) {
    size_t bar = forms.find('|', start);
    if (bar == std::string::npos) break;  // fewer forms: the last one serves
    start = bar + 1;
  }
  size_t end = forms.find('|', start);
  std::string text =
      forms.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::string number = std::to_string(n);
  for (size_t at = text.find("{n}"); at != std::string::npos; at = text.find("{n}", at))
    text.replace(at, 3, number), at += number.size();
  return text;
}

std::vector<std::string> SiteMessages::Keys() const {
  std::vector<std::string> keys;
  for (const auto& [k, v] : cs_map_) keys.push_back(k);
  return keys;
}

}  // namespace prosit
