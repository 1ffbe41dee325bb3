#include "io/meeting_json.h"

#include "io/json_reader.h"

namespace prosit {

Result<Meeting> MeetingFromJson(std::string_view text, Meeting* partial) {
  return ReadRecord<Meeting>(
      text,
      [](JsonReader& r, Meeting& m) {
        r.String("valid_from", m.valid_from);
        r.Skip("participants");
        r.String("date", m.date);
        r.String("orp_code", m.orp_code);
        r.String("category", m.category);
        r.String("format", m.format);
        r.Int64s("actor_ids", m.actor_ids);
        r.Int("people", m.people);
        r.Strings("networkers", m.networkers);
        r.String("topic", m.topic);
        r.String("notes", m.notes);
        r.String("outputs", m.outputs);
        ReadObjects(r, "follow_ups", m.follow_ups, [](JsonReader& fr, FollowUp& f) {
          fr.String("task", f.task);
          fr.String("owner", f.owner);
          fr.String("due", f.due);
          fr.Bool("done", f.done);
        });
      },
      partial);
}

nlohmann::json MeetingToJson(const Meeting& m) {
  nlohmann::json follow_ups = nlohmann::json::array();
  for (const auto& f : m.follow_ups)
    follow_ups.push_back({{"task", f.task}, {"owner", f.owner}, {"due", f.due}, {"done", f.done}});
  return {{"id", m.id},
          {"version", m.version},
          {"date", m.date},
          {"orp_code", m.orp_code},
          {"category", m.category},
          {"format", m.format},
          {"actor_ids", m.actor_ids},
          {"people", m.people},
          {"networkers", m.networkers},
          {"topic", m.topic},
          {"notes", m.notes},
          {"outputs", m.outputs},
          {"follow_ups", follow_ups},
          {"valid_from", m.valid_from},
          {"demo", m.is_demo},
          {"source", ToString(StatedSource(m.is_demo, m.source))}};
}

}  // namespace prosit
