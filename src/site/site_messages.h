#pragma once
// SiteMessages: the public pages' texts in Czech and English, from the catalogs
// src/site/messages/<area>.json, each {"key": {"cs": "…", "en": "…"}}. Every helper of
// the site keeps its own file; a key must be unique across them and have both languages.
// Plural forms are one text with the forms separated by "|": Czech one|few|many
// ("{n} služba|{n} služby|{n} služeb"), English one|other.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "io/label_catalog.h"
#include "model/status.h"

namespace prosit {

class SiteMessages {
 public:
  // Reads the catalogs (their texts by file name); Invalid names a duplicate key, a key
  // without both languages or a file that is not such an object.
  static Result<SiteMessages> Parse(const std::map<std::string, std::string_view>& files);
  // The catalogs compiled into the binary (SiteFiles' messages/*.json).
  static const SiteMessages& BuiltIn();

  // The text of `key`; the key itself when there is none, so that a missing text shows
  // on the page and in the tests instead of an empty space.
  const std::string& Text(std::string_view key, Lang lang) const;
  // The plural form of `key` for `n`, with "{n}" replaced by n.
  std::string Plural(std::string_view key, Lang lang, int64_t n) const;
  // Every text in `lang` by key: the "m" object of each template.
  const nlohmann::json& All(Lang lang) const { return lang == Lang::kEn ? en_ : cs_; }
  std::vector<std::string> Keys() const;

 private:
  std::map<std::string, std::string, std::less<>> cs_map_, en_map_;
  nlohmann::json cs_ = nlohmann::json::object(), en_ = nlohmann::json::object();
};

// Which of the forms "one|few|many" (Czech) or "one|other" (English) `n` takes: 0, 1 or 2.
size_t PluralFormIndex(Lang lang, int64_t n);

}  // namespace prosit
