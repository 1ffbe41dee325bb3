#include "site/card_views.h"

#include "site/public_urls.h"

namespace prosit {

std::string AgesText(const SiteMessages& messages, Lang lang, int age_min, int age_max) {
  return std::to_string(age_min) + "–" + messages.Plural("age_years", lang, age_max);
}

std::string ServiceTypeLabel(const NetworkSnapshot& snap, const std::string& id, Lang lang) {
  const ServiceType* t = snap.frame->reference.FindServiceType(id);
  if (!t) return id;
  return lang == Lang::kEn && !t->label.en.empty() ? t->label.en : t->label.cs;
}

std::string EnumLabel(std::string_view group, const std::string& id, Lang lang) {
  const std::string* label = LabelCatalog::BuiltIn().Enum(group, id, lang);
  return label ? *label : id;
}

nlohmann::json CardListItem(const NetworkSnapshot& snap, const SiteMessages& messages, Lang lang,
                            const nlohmann::json& summary) {
  std::string places;
  for (const auto& m : summary.value("municipalities", nlohmann::json::array())) {
    std::string place = m.value("name", "");
    if (place.empty() && !m.value("orp_name", "").empty())
      place = messages.Text("card_place_orp_prefix", lang) + " " + m.value("orp_name", "");
    if (place.empty() || places.find(place) != std::string::npos) continue;
    places += (places.empty() ? "" : ", ") + place;
  }
  return {
      {"url", CardUrl(lang, summary.value("id", int64_t{0}))},
      {"name", summary.value("name", "")},
      {"actor", summary.value("actor_name", "")},
      {"type", ServiceTypeLabel(snap, summary.value("service_type", ""), lang)},
      {"ages", AgesText(messages, lang, summary.value("age_min", 0), summary.value("age_max", 0))},
      {"places", places}};
}

}  // namespace prosit
