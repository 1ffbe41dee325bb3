#include "io/need_json.h"

#include "io/json_reader.h"

namespace prosit {

Result<Need> NeedFromJson(std::string_view text, Need* partial) {
  return ReadRecord<Need>(
      text,
      [](JsonReader& r, Need& n) {
        r.String("valid_from", n.valid_from);
        r.Skip("voiced_by_actors");
        r.Skip("meetings");
        r.Skip("themes");
        r.String("statement", n.statement);
        r.Int64s("voiced_by", n.voiced_by);
        r.Strings("sectors", n.sectors);
        r.String("need_area", n.need_area);
        r.String("network_need", n.network_need);
        r.String("orp_code", n.orp_code);
        r.String("date", n.date);
        n.priority = "medium";
        r.String("priority", n.priority);
        n.status = "open";
        r.String("status", n.status);
        r.Int64s("meeting_ids", n.meeting_ids);
        r.Int64s("theme_ids", n.theme_ids);
      },
      partial);
}

nlohmann::json NeedToJson(const Need& n) {
  return {{"id", n.id},
          {"version", n.version},
          {"statement", n.statement},
          {"voiced_by", n.voiced_by},
          {"sectors", n.sectors},
          {"need_area", n.need_area},
          {"network_need", n.network_need},
          {"orp_code", n.orp_code},
          {"date", n.date},
          {"priority", n.priority},
          {"status", n.status},
          {"meeting_ids", n.meeting_ids},
          {"theme_ids", n.theme_ids},
          {"valid_from", n.valid_from},
          {"demo", n.is_demo},
          {"source", ToString(StatedSource(n.is_demo, n.source))}};
}

}  // namespace prosit
