#include "io/practice_json.h"

#include "io/json_reader.h"

namespace prosit {

Result<GoodPractice> GoodPracticeFromJson(std::string_view text, GoodPractice* partial) {
  return ReadRecord<GoodPractice>(
      text,
      [](JsonReader& r, GoodPractice& p) {
        r.String("valid_from", p.valid_from);
        r.Skip("needs");
        r.Skip("themes");
        r.String("orp_code", p.orp_code);
        r.String("title", p.title);
        r.String("description", p.description);
        r.Int64s("need_ids", p.need_ids);
        r.Int64s("theme_ids", p.theme_ids);
      },
      partial);
}

nlohmann::json GoodPracticeToJson(const GoodPractice& p) {
  return {{"id", p.id},
          {"version", p.version},
          {"orp_code", p.orp_code},
          {"title", p.title},
          {"description", p.description},
          {"need_ids", p.need_ids},
          {"theme_ids", p.theme_ids},
          {"valid_from", p.valid_from},
          {"demo", p.is_demo},
          {"source", ToString(StatedSource(p.is_demo, p.source))}};
}

Result<Recommendation> RecommendationFromJson(std::string_view text, Recommendation* partial) {
  return ReadRecord<Recommendation>(
      text,
      [](JsonReader& r, Recommendation& rec) {
        r.String("valid_from", rec.valid_from);
        r.Skip("needs");
        r.Skip("themes");
        r.String("orp_code", rec.orp_code);
        rec.scope = "specific";
        r.String("scope", rec.scope);
        r.String("text", rec.text);
        r.Int64s("need_ids", rec.need_ids);
        r.Int64s("theme_ids", rec.theme_ids);
      },
      partial);
}

nlohmann::json RecommendationToJson(const Recommendation& r) {
  return {{"id", r.id},
          {"version", r.version},
          {"orp_code", r.orp_code},
          {"scope", r.scope},
          {"text", r.text},
          {"need_ids", r.need_ids},
          {"theme_ids", r.theme_ids},
          {"valid_from", r.valid_from},
          {"demo", r.is_demo},
          {"source", ToString(StatedSource(r.is_demo, r.source))}};
}

}  // namespace prosit
