#include "http/localized_errors.h"

#include <nlohmann/json.hpp>

#include "app/records/record_kinds.h"
#include "io/label_catalog.h"

namespace prosit {

std::string RecordKindOfPath(const std::string& path) {
  static const std::string kPrefix = "/api/v1/";
  if (path.compare(0, kPrefix.size(), kPrefix) != 0) return "";
  std::string segment =
      path.substr(kPrefix.size(), path.find('/', kPrefix.size()) - kPrefix.size());
  for (const RecordKindInfo& kind : RecordKinds())
    if (kind.route == segment) return std::string(kind.name);
  return "";
}

void LocalizeError(const ApiRequest& request, ApiResponse& response) {
  if (response.status < 400 || response.status >= 500 || !request.accept_language) return;
  Lang lang = PreferredLang(*request.accept_language, Lang::kEn);
  if (lang == Lang::kEn) return;
  auto doc = nlohmann::json::parse(response.body, nullptr, false);
  if (!doc.is_object() || !doc.contains("error") || !doc["error"].is_object()) return;
  nlohmann::json& error = doc["error"];
  const LabelCatalog& catalog = LabelCatalog::BuiltIn();
  std::string kind = RecordKindOfPath(request.path);
  if (error.contains("message") && error["message"].is_string())
    error["message"] = catalog.Message(error["message"].get<std::string>(), lang);
  if (error.contains("fields") && error["fields"].is_object())
    for (auto& [field, message] : error["fields"].items())
      if (message.is_string())
        message = catalog.FieldPath(kind, field, lang) + ": " +
                  catalog.Message(message.get<std::string>(), lang);
  response.body = doc.dump();
  response.headers.emplace_back("Content-Language", LangName(lang));
}

}  // namespace prosit
