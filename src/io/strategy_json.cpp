#include "io/strategy_json.h"

#include "io/json_reader.h"

namespace prosit {

Result<Theme> ThemeFromJson(std::string_view text, Theme* partial) {
  return ReadRecord<Theme>(
      text,
      [](JsonReader& r, Theme& t) {
        r.String("valid_from", t.valid_from);
        r.String("orp_code", t.orp_code);
        r.String("title", t.title);
        r.String("why", t.why);
        r.String("since", t.since);
        t.status = "active";
        r.String("status", t.status);
      },
      partial);
}

nlohmann::json ThemeToJson(const Theme& t) {
  return {{"id", t.id},
          {"version", t.version},
          {"orp_code", t.orp_code},
          {"title", t.title},
          {"why", t.why},
          {"since", t.since},
          {"status", t.status},
          {"valid_from", t.valid_from},
          {"demo", t.is_demo},
          {"source", ToString(StatedSource(t.is_demo, t.source))}};
}

Result<Goal> GoalFromJson(std::string_view text, Goal* partial) {
  return ReadRecord<Goal>(
      text,
      [](JsonReader& r, Goal& g) {
        r.String("valid_from", g.valid_from);
        r.Skip("theme");
        r.Int64("theme_id", g.theme_id);
        r.String("title", g.title);
        r.String("description", g.description);
        r.String("since", g.since);
        g.status = "open";
        r.String("status", g.status);
      },
      partial);
}

nlohmann::json GoalToJson(const Goal& g) {
  return {{"id", g.id},
          {"version", g.version},
          {"theme_id", g.theme_id},
          {"title", g.title},
          {"description", g.description},
          {"since", g.since},
          {"status", g.status},
          {"valid_from", g.valid_from},
          {"demo", g.is_demo},
          {"source", ToString(StatedSource(g.is_demo, g.source))}};
}

Result<Step> StepFromJson(std::string_view text, Step* partial) {
  return ReadRecord<Step>(
      text,
      [](JsonReader& r, Step& s) {
        r.String("valid_from", s.valid_from);
        r.Skip("goal");
        r.Skip("responsible_actors");
        r.Int64("goal_id", s.goal_id);
        r.String("title", s.title);
        r.String("deadline", s.deadline);
        r.Int64s("actor_ids", s.actor_ids);
        s.status = "planned";
        r.String("status", s.status);
        r.String("outcome", s.outcome);
      r.String("completed_on", s.completed_on);
      },
      partial);
}

nlohmann::json StepToJson(const Step& s) {
  return {{"id", s.id},
          {"version", s.version},
          {"goal_id", s.goal_id},
          {"title", s.title},
          {"deadline", s.deadline},
          {"actor_ids", s.actor_ids},
          {"status", s.status},
          {"outcome", s.outcome},
          {"completed_on", s.completed_on},
          {"valid_from", s.valid_from},
          {"demo", s.is_demo},
          {"source", ToString(StatedSource(s.is_demo, s.source))}};
}

}  // namespace prosit
