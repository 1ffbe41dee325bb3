#include "io/analysis_text_json.h"

#include "io/json_reader.h"

namespace prosit {

Result<AnalysisText> AnalysisTextFromJson(std::string_view text, AnalysisText* partial) {
  return ReadRecord<AnalysisText>(
      text,
      [](JsonReader& r, AnalysisText& t) {
        r.String("orp_code", t.orp_code);
        for (const AnalysisChapter& c : kAnalysisChapters) r.String(c.key, t.*c.member);
      },
      partial);
}

nlohmann::json AnalysisTextToJson(const AnalysisText& t) {
  nlohmann::json j = {{"id", t.id}, {"version", t.version}, {"orp_code", t.orp_code}};
  for (const AnalysisChapter& c : kAnalysisChapters) j[c.key] = t.*c.member;
  j["demo"] = t.is_demo;
  j["source"] = ToString(StatedSource(t.is_demo, t.source));
  return j;
}

}  // namespace prosit
