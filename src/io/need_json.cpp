#include "io/need_json.h"

#include "io/json_reader.h"

namespace prosit {

Result<Need> NeedFromJson(std::string_view text) {
  return WithParsedJson(text, [](JsonValue j) -> Result<Need> {
    FieldErrors errors;
    JsonReader r(j, errors);
    Need n;
    r.Int64("id", n.id);
    r.Int64("version", n.version);
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
    r.Bool("demo", n.is_demo);
    r.RejectUnknown();
    if (!errors.empty()) return Status::Invalid("the body has fields of the wrong shape", errors);
    return n;
  });
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
          {"demo", n.is_demo}};
}

}  // namespace prosit
