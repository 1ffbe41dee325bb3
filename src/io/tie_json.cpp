#include "io/tie_json.h"

#include "io/json_reader.h"

namespace prosit {

Result<Tie> TieFromJson(std::string_view text, Tie* partial) {
  return ReadRecord<Tie>(
      text,
      [](JsonReader& r, Tie& t) {
        r.String("valid_from", t.valid_from);
        r.Skip("actors");
        r.Int64("actor_a", t.actor_a);
        r.Int64("actor_b", t.actor_b);
        r.String("type", t.type);
        r.String("since", t.since);
        r.String("until", t.until);
        r.String("frequency", t.frequency);
        if (auto v = r.Get("ratings")) {
          JsonReader rr(*v, r.errors(), "ratings.");
          rr.OptionalInt("power_influence", t.ratings.power_influence);
          rr.OptionalInt("involvement", t.ratings.involvement);
          rr.OptionalInt("resource_contribution", t.ratings.resource_contribution);
          rr.OptionalInt("reliability", t.ratings.reliability);
          rr.OptionalInt("mission_support", t.ratings.mission_support);
          rr.OptionalInt("openness", t.ratings.openness);
          rr.RejectUnknown();
        }
        r.String("note", t.note);
      },
      partial);
}

nlohmann::json TieToJson(const Tie& t) {
  auto rating = [](const std::optional<int>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json();
  };
  const PartnerRatings& p = t.ratings;
  return {{"id", t.id},
          {"version", t.version},
          {"actor_a", t.actor_a},
          {"actor_b", t.actor_b},
          {"type", t.type},
          {"since", t.since},
          {"until", t.until},
          {"frequency", t.frequency},
          {"ratings",
           {{"power_influence", rating(p.power_influence)},
            {"involvement", rating(p.involvement)},
            {"resource_contribution", rating(p.resource_contribution)},
            {"reliability", rating(p.reliability)},
            {"mission_support", rating(p.mission_support)},
            {"openness", rating(p.openness)}}},
          {"note", t.note},
          {"valid_from", t.valid_from},
          {"demo", t.is_demo},
          {"source", ToString(StatedSource(t.is_demo, t.source))}};
}

}  // namespace prosit
