#include "io/participation_json.h"

#include "io/json_reader.h"

namespace prosit {

namespace {

void ReadNetworker(JsonReader& r, NetworkerContact& n) {
  r.String("name", n.name);
  r.String("email", n.email);
  r.String("phone", n.phone);
  r.Int64("user_id", n.user_id);
}

}  // namespace

Result<Participation> ParticipationFromJson(std::string_view text, Participation* partial) {
  return ReadRecord<Participation>(
      text,
      [](JsonReader& r, Participation& p) {
        r.String("orp_code", p.orp_code);
        r.String("since", p.since);
        r.String("until", p.until);
        ReadObjects(r, "networkers", p.networkers, ReadNetworker);
        r.String("note", p.note);
      },
      partial);
}

nlohmann::json NetworkerContactToJson(const NetworkerContact& n) {
  nlohmann::json j = {{"name", n.name}, {"email", n.email}, {"phone", n.phone}};
  j["user_id"] = n.user_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(n.user_id);
  return j;
}

nlohmann::json ParticipationToJson(const Participation& p) {
  nlohmann::json networkers = nlohmann::json::array();
  for (const NetworkerContact& n : p.networkers) networkers.push_back(NetworkerContactToJson(n));
  return {{"id", p.id},
          {"version", p.version},
          {"orp_code", p.orp_code},
          {"since", p.since},
          {"until", p.until},
          {"networkers", networkers},
          {"note", p.note},
          {"demo", p.is_demo},
          {"source", ToString(StatedSource(p.is_demo, p.source))}};
}

Result<OrpText> OrpTextFromJson(std::string_view text, OrpText* partial) {
  return ReadRecord<OrpText>(
      text,
      [](JsonReader& r, OrpText& t) {
        r.String("orp_code", t.orp_code);
        for (const OrpTextSection& s : kOrpTextSections) r.String(s.key, t.*s.member);
      },
      partial);
}

nlohmann::json OrpTextToJson(const OrpText& t) {
  nlohmann::json j = {{"id", t.id}, {"version", t.version}, {"orp_code", t.orp_code}};
  for (const OrpTextSection& s : kOrpTextSections) j[s.key] = t.*s.member;
  j["demo"] = t.is_demo;
  j["source"] = ToString(StatedSource(t.is_demo, t.source));
  return j;
}

}  // namespace prosit
