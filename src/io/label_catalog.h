#pragma once
// LabelCatalog: the Czech and English labels of every value prosit's code defines (the
// enumerations of src/model, roles, record kinds, error codes), the field names of every
// record kind as a person knows them, and the Czech form of the API's messages. The
// catalog is src/io/labels/catalog.json, compiled into the binary so that it always
// matches the code it labels (docs/labels.md says how to add a label). Pure: no I/O.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace prosit {

enum class Lang { kCs, kEn };

const char* LangName(Lang lang);  // "cs", "en"
std::optional<Lang> ParseLang(std::string_view text);
// The language an Accept-Language header prefers among cs and en, by q-value (RFC 9110;
// "cs-CZ" counts as cs, q=0 refuses); `fallback` when it names neither.
Lang PreferredLang(std::string_view accept_language, Lang fallback);

class LabelCatalog {
 public:
  // The catalog compiled into the binary.
  static const LabelCatalog& BuiltIn();
  static Result<LabelCatalog> Parse(std::string_view json_text);

  // The label of value `id` of enumeration `group` ("need_priorities"), or nullptr.
  const std::string* Enum(std::string_view group, std::string_view id, Lang lang) const;
  // The label of a field of a record kind ("step", "actor_ids" -> "odpovědní aktéři"),
  // falling back on the fields every kind shares; nullptr when there is none.
  const std::string* Field(std::string_view kind, std::string_view field, Lang lang) const;
  // A field path as a person reads it: "contacts[2].email" -> "kontakty[2].e-mail".
  std::string FieldPath(std::string_view kind, std::string_view path, Lang lang) const;
  // `english`, one of the server's messages, in `lang`; values of enumerations in it
  // ("allowed: …") get their labels. A message the catalog does not know stays as it is.
  std::string Message(std::string_view english, Lang lang) const;

  // {"enums": {group: {id: label}}, "fields": {kind: {field: label}}} in `lang`.
  nlohmann::json ToJson(Lang lang) const;
  const nlohmann::json& enums() const { return doc_["enums"]; }
  const nlohmann::json& fields() const { return doc_["fields"]; }

 private:
  struct Pattern {
    std::vector<std::string> literals;  // around the {} of the English text
    std::string cs;
  };
  const std::string* LabelOfAnyEnum(std::string_view id, Lang lang) const;
  std::string TranslateList(const std::string& list, Lang lang) const;

  nlohmann::json doc_;
  std::vector<Pattern> patterns_;  // most specific first
};

}  // namespace prosit
