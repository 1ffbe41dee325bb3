#include "model/record_bounds.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "http/api_routes.h"
#include "io/analysis_text_json.h"
#include "io/meeting_json.h"
#include "io/need_json.h"
#include "io/network_json.h"
#include "io/participation_json.h"
#include "io/practice_json.h"
#include "io/strategy_json.h"
#include "io/tie_json.h"
#include "io/user_json.h"
#include "model/validation.h"
#include "test_data.h"

namespace prosit {

namespace {

using Key = std::pair<std::string, std::string>;  // shape, field

// Builds records whose every bounded field sits `extra_chars` past its bound (texts) and
// whose lists hold `extra_items` past theirs, in `letter`.
struct Filler {
  int extra_chars = 0;
  int extra_items = 0;
  std::string letter = "x";
  int64_t next_id = INT64_MAX;  // the longest ids, for the size of a record

  std::string Text(const FieldBound& b) const {
    std::string s;
    for (size_t i = 0; i < b.max + extra_chars; ++i) s += letter;
    return s;
  }
  template <typename T, typename Make>
  std::vector<T> List(const FieldBound& b, Make make) {
    std::vector<T> items;
    for (size_t i = 0; i < b.max + extra_items; ++i) items.push_back(make());
    return items;
  }
  std::vector<int64_t> Ids(const FieldBound& b) {
    return List<int64_t>(b, [&] { return next_id--; });
  }
  std::vector<std::string> Texts(const FieldBound& list, const FieldBound& item) {
    return List<std::string>(list, [&] { return Text(item); });
  }
  std::vector<Contact> Contacts(const FieldBound& list) {
    return List<Contact>(list, [&] {
      return Contact{Text(BoundOf("Contact", "name")),  Text(BoundOf("Contact", "role")),
                     Text(BoundOf("Contact", "phone")), Text(BoundOf("Contact", "email")),
                     Text(BoundOf("Contact", "web")),   true};
    });
  }

  Actor MakeActor() {
    Actor a;
    a.name = Text(BoundOf("Actor", "name"));
    a.sector = Text(BoundOf("Actor", "sector"));
    a.actor_type = Text(BoundOf("Actor", "actor_type"));
    a.seat.municipality_code = Text(BoundOf("Seat", "municipality_code"));
    a.seat.street = Text(BoundOf("Seat", "street"));
    a.seat.postcode = Text(BoundOf("Seat", "postcode"));
    a.seat.has_location = true;
    a.seat.location = {49.123456789012345, 15.123456789012345};
    a.web = Text(BoundOf("Actor", "web"));
    a.contacts = Contacts(BoundOf("Actor", "contacts"));
    a.note = Text(BoundOf("Actor", "note"));
    a.distinct_from = Ids(BoundOf("Actor", "distinct_from"));
    return a;
  }
  ServiceCard MakeCard() {
    ServiceCard c;
    c.actor_id = next_id--;
    c.name = Text(BoundOf("ServiceCard", "name"));
    c.service_type = Text(BoundOf("ServiceCard", "service_type"));
    c.need_areas =
        Texts(BoundOf("ServiceCard", "need_areas"), BoundOf("ServiceCard", "need_areas[]"));
    c.description = Text(BoundOf("ServiceCard", "description"));
    c.target_group = Text(BoundOf("ServiceCard", "target_group"));
    c.forms = List<std::string>(BoundOf("ServiceCard", "forms"), [] { return "residential"; });
    c.locations = List<DeliveryLocation>(BoundOf("ServiceCard", "locations"), [&] {
      return DeliveryLocation{Text(BoundOf("DeliveryLocation", "municipality_code")),
                              Text(BoundOf("DeliveryLocation", "street")),
                              {49.123456789012345, 15.123456789012345},
                              true};
    });
    c.territory.kind = TerritoryKind::kMunicipalities;
    c.territory.codes =
        Texts(BoundOf("TerritoryServed", "codes"), BoundOf("TerritoryServed", "codes[]"));
    c.capacity = {1234567.125, Text(BoundOf("Capacity", "unit"))};
    c.waiting_days = 3650;
    c.cost_note = Text(BoundOf("ServiceCard", "cost_note"));
    c.hours = Text(BoundOf("ServiceCard", "hours"));
    c.access_note = Text(BoundOf("ServiceCard", "access_note"));
    c.does = Text(BoundOf("ServiceCard", "does"));
    c.does_not = Text(BoundOf("ServiceCard", "does_not"));
    c.contacts = Contacts(BoundOf("ServiceCard", "contacts"));
    c.registry_ids = List<RegistryId>(BoundOf("ServiceCard", "registry_ids"), [&] {
      return RegistryId{Text(BoundOf("RegistryId", "registry")), Text(BoundOf("RegistryId", "id"))};
    });
    c.last_verified = "2026-10-01";
    return c;
  }
  Meeting MakeMeeting() {
    Meeting m;
    m.date = "2026-10-01";
    m.orp_code = Text(BoundOf("Meeting", "orp_code"));
    m.category = Text(BoundOf("Meeting", "category"));
    m.format = "working_group";
    m.actor_ids = Ids(BoundOf("Meeting", "actor_ids"));
    m.people = 10000;
    m.networkers = Texts(BoundOf("Meeting", "networkers"), BoundOf("Meeting", "networkers[]"));
    m.topic = Text(BoundOf("Meeting", "topic"));
    m.notes = Text(BoundOf("Meeting", "notes"));
    m.outputs = Text(BoundOf("Meeting", "outputs"));
    m.follow_ups = List<FollowUp>(BoundOf("Meeting", "follow_ups"), [&] {
      return FollowUp{Text(BoundOf("FollowUp", "task")), Text(BoundOf("FollowUp", "owner")),
                      "2026-12-01", false};
    });
    return m;
  }
  Need MakeNeed() {
    Need n;
    n.statement = Text(BoundOf("Need", "statement"));
    n.voiced_by = Ids(BoundOf("Need", "voiced_by"));
    n.sectors = Texts(BoundOf("Need", "sectors"), BoundOf("Need", "sectors[]"));
    n.need_area = Text(BoundOf("Need", "need_area"));
    n.network_need = Text(BoundOf("Need", "network_need"));
    n.orp_code = Text(BoundOf("Need", "orp_code"));
    n.date = "2026-10-01";
    n.priority = "medium";
    n.status = "being_addressed";
    n.meeting_ids = Ids(BoundOf("Need", "meeting_ids"));
    n.theme_ids = Ids(BoundOf("Need", "theme_ids"));
    return n;
  }
  Tie MakeTie() {
    Tie t;
    t.actor_a = next_id--;
    t.actor_b = next_id--;
    t.type = "shared_resources";
    t.since = "2026-01-01";
    t.note = Text(BoundOf("Tie", "note"));
    return t;
  }
  Theme MakeTheme() {
    Theme t;
    t.orp_code = Text(BoundOf("Theme", "orp_code"));
    t.title = Text(BoundOf("Theme", "title"));
    t.why = Text(BoundOf("Theme", "why"));
    t.since = "2026-01-01";
    t.status = "active";
    return t;
  }
  Goal MakeGoal() {
    Goal g;
    g.theme_id = next_id--;
    g.title = Text(BoundOf("Goal", "title"));
    g.description = Text(BoundOf("Goal", "description"));
    g.since = "2026-01-01";
    g.status = "open";
    return g;
  }
  Step MakeStep() {
    Step s;
    s.goal_id = next_id--;
    s.title = Text(BoundOf("Step", "title"));
    s.deadline = "2026-12-01";
    s.actor_ids = Ids(BoundOf("Step", "actor_ids"));
    s.status = "planned";
    s.outcome = Text(BoundOf("Step", "outcome"));
    return s;
  }
  GoodPractice MakePractice() {
    GoodPractice p;
    p.orp_code = Text(BoundOf("GoodPractice", "orp_code"));
    p.title = Text(BoundOf("GoodPractice", "title"));
    p.description = Text(BoundOf("GoodPractice", "description"));
    p.need_ids = Ids(BoundOf("GoodPractice", "need_ids"));
    p.theme_ids = Ids(BoundOf("GoodPractice", "theme_ids"));
    return p;
  }
  Recommendation MakeRecommendation() {
    Recommendation r;
    r.orp_code = Text(BoundOf("Recommendation", "orp_code"));
    r.scope = "specific";
    r.text = Text(BoundOf("Recommendation", "text"));
    r.need_ids = Ids(BoundOf("Recommendation", "need_ids"));
    r.theme_ids = Ids(BoundOf("Recommendation", "theme_ids"));
    return r;
  }
  Participation MakeParticipation() {
    Participation p;
    p.orp_code = Text(BoundOf("Participation", "orp_code"));
    p.since = "2016-08-01";
    p.networkers = List<NetworkerContact>(BoundOf("Participation", "networkers"), [&] {
      return NetworkerContact{Text(BoundOf("NetworkerContact", "name")),
                              Text(BoundOf("NetworkerContact", "email")),
                              Text(BoundOf("NetworkerContact", "phone")), next_id--};
    });
    p.note = Text(BoundOf("Participation", "note"));
    return p;
  }
  OrpText MakeOrpText() {
    OrpText t;
    t.orp_code = Text(BoundOf("OrpText", "orp_code"));
    t.characteristics = Text(BoundOf("OrpText", "characteristics"));
    t.good_practice = Text(BoundOf("OrpText", "good_practice"));
    t.needs_and_themes = Text(BoundOf("OrpText", "needs_and_themes"));
    t.focus = Text(BoundOf("OrpText", "focus"));
    t.meaning = Text(BoundOf("OrpText", "meaning"));
    t.analysis_outputs = Text(BoundOf("OrpText", "analysis_outputs"));
    t.recommendations = Text(BoundOf("OrpText", "recommendations"));
    return t;
  }
  AnalysisText MakeAnalysisText() {
    AnalysisText t;
    t.orp_code = Text(BoundOf("AnalysisText", "orp_code"));
    t.introduction = Text(BoundOf("AnalysisText", "introduction"));
    t.about_project = Text(BoundOf("AnalysisText", "about_project"));
    t.networking = Text(BoundOf("AnalysisText", "networking"));
    t.child_needs = Text(BoundOf("AnalysisText", "child_needs"));
    t.networks = Text(BoundOf("AnalysisText", "networks"));
    t.network_analysis = Text(BoundOf("AnalysisText", "network_analysis"));
    t.cooperation = Text(BoundOf("AnalysisText", "cooperation"));
    t.needs_found = Text(BoundOf("AnalysisText", "needs_found"));
    t.good_practice = Text(BoundOf("AnalysisText", "good_practice"));
    t.recommendations = Text(BoundOf("AnalysisText", "recommendations"));
    t.conclusion = Text(BoundOf("AnalysisText", "conclusion"));
    t.annex = Text(BoundOf("AnalysisText", "annex"));
    return t;
  }
  User MakeUser() {
    User u;
    u.login = Text(BoundOf("User", "login"));
    u.display_name = Text(BoundOf("User", "display_name"));
    u.email = Text(BoundOf("User", "email"));
    u.role = Role::kActorEditor;
    u.territories = Texts(BoundOf("User", "territories"), BoundOf("User", "territories[]"));
    return u;
  }
};

ValidationContext Ctx() {
  return {testing::RealReference(), testing::RealTerritory(), "2026-11-24"};
}

// Every field error of every kind of record built by `f`, keyed by shape and field.
std::vector<std::pair<std::string, std::string>> AllErrors(Filler f) {
  std::vector<std::pair<std::string, std::string>> out;  // "Shape:field", message
  auto add = [&](const char* shape, const FieldErrors& e) {
    for (const auto& [field, msg] : e) out.emplace_back(std::string(shape) + ":" + field, msg);
  };
  add("Actor", ValidateActor(f.MakeActor(), Ctx()));
  add("ServiceCard", ValidateServiceCard(f.MakeCard(), Ctx()));
  add("Meeting", ValidateMeeting(f.MakeMeeting(), Ctx()));
  add("Need", ValidateNeed(f.MakeNeed(), Ctx()));
  add("Tie", ValidateTie(f.MakeTie(), Ctx()));
  add("Theme", ValidateTheme(f.MakeTheme(), Ctx()));
  add("Goal", ValidateGoal(f.MakeGoal(), Ctx()));
  add("Step", ValidateStep(f.MakeStep(), Ctx()));
  add("GoodPractice", ValidateGoodPractice(f.MakePractice(), Ctx()));
  add("Recommendation", ValidateRecommendation(f.MakeRecommendation(), Ctx()));
  add("Participation", ValidateParticipation(f.MakeParticipation(), Ctx()));
  add("OrpText", ValidateOrpText(f.MakeOrpText(), Ctx()));
  add("AnalysisText", ValidateAnalysisText(f.MakeAnalysisText(), Ctx()));
  add("User", ValidateUser(f.MakeUser(), testing::RealTerritory()));
  return out;
}

// "ServiceCard:contacts[3].email" → {Contact, email}; "Meeting:networkers[2]" →
// {Meeting, networkers[]}: the entry of kFieldBounds that an error names.
Key TableKey(const std::string& error) {
  static const std::map<std::string, std::string> kNested = {{"seat", "Seat"},
                                                             {"contacts", "Contact"},
                                                             {"locations", "DeliveryLocation"},
                                                             {"territory", "TerritoryServed"},
                                                             {"capacity", "Capacity"},
                                                             {"registry_ids", "RegistryId"},
                                                             {"follow_ups", "FollowUp"},
                                                             {"networkers", "NetworkerContact"}};
  static const std::regex kField(R"(^(?:([a-z_]+)(?:\[\d+\])?\.)?([a-z_]+)(\[\d+\])?$)");
  std::string shape = error.substr(0, error.find(':'));
  std::string field = error.substr(error.find(':') + 1);
  std::smatch m;
  if (!std::regex_match(field, m, kField)) return {shape, field};
  if (m[1].matched) shape = kNested.at(m[1]);
  return {shape, m[2].str() + (m[3].matched ? "[]" : "")};
}

bool IsBoundMessage(const std::string& msg) {
  return msg.rfind("at most ", 0) == 0 || msg.rfind("contains the control character", 0) == 0;
}

}  // namespace

TEST(RecordBounds, CountCharactersAndControls) {
  std::string c300, c301;
  for (int i = 0; i < 300; ++i) c300 += "č";
  c301 = c300 + "č";
  EXPECT_EQ(CountCharacters(c300), 300u);
  EXPECT_EQ(TextProblem(c300, BoundKind::kLine, 300), "");  // 600 bytes, 300 characters
  EXPECT_EQ(TextProblem(c301, BoundKind::kLine, 300), "at most 300 characters (301 given)");
  EXPECT_EQ(TextProblem(std::string("Jana\0Nováková", 14), BoundKind::kLine, 300),
            "contains the control character U+0000 (one line of text, no tabs)");
  EXPECT_NE(TextProblem("a\nb", BoundKind::kLine, 300), "");
  EXPECT_NE(TextProblem("a\tb", BoundKind::kLine, 300), "");
  EXPECT_EQ(TextProblem("a\nb\r\nc\td", BoundKind::kText, 300), "");
  EXPECT_NE(TextProblem("a\rb", BoundKind::kText, 300), "");  // a CR alone hides text
  EXPECT_NE(TextProblem("a\x7f", BoundKind::kText, 300), "");
  EXPECT_NE(TextProblem("a\x1b[2J", BoundKind::kText, 300), "");
  EXPECT_NE(TextProblem("a\xC2\x85", BoundKind::kText, 300), "");  // U+0085, a C1 control
  EXPECT_EQ(TextProblem("a\xC2\xA0"
                        "b",
                        BoundKind::kLine, 300),
            "");  // U+00A0 is a space
}

// Validation checks every bound of the table: records whose every text is one character
// too long, then whose every list is one item too long, break exactly the table's bounds.
TEST(RecordBounds, ValidationChecksEveryBoundOfTheTable) {
  std::set<Key> table, texts, lists;
  for (const FieldBound& b : kFieldBounds)
    table.insert({std::string(b.shape), std::string(b.field)});
  for (const auto& [error, msg] : AllErrors(Filler{1, 0})) {
    EXPECT_TRUE(IsBoundMessage(msg)) << error << ": " << msg;
    EXPECT_NE(msg.find("characters"), std::string::npos) << error << ": " << msg;
    texts.insert(TableKey(error));
  }
  for (const auto& [error, msg] : AllErrors(Filler{0, 1})) {
    if (!IsBoundMessage(msg)) continue;  // a record without lists meets its other rules
    EXPECT_NE(msg.find("items"), std::string::npos) << error << ": " << msg;
    lists.insert(TableKey(error));
  }
  std::set<Key> checked = texts;
  checked.insert(lists.begin(), lists.end());
  for (const Key& k : table)
    EXPECT_TRUE(checked.count(k)) << "not checked: " << k.first << "." << k.second;
  for (const Key& k : checked)
    EXPECT_TRUE(table.count(k)) << "not in the table: " << k.first << "." << k.second;
  // At the bounds no bound is broken (other rules, such as unknown codes, may be).
  for (const auto& [error, msg] : AllErrors(Filler{0, 0, "č"}))
    EXPECT_FALSE(IsBoundMessage(msg)) << error << ": " << msg;
}

// A record at all its bounds, in 4-byte characters, is well under the body limit: what
// is stored can be PUT back.
TEST(RecordBounds, ARecordAtItsBoundsFitsTheBodyLimit) {
  Filler f{0, 0, "\xF0\x9D\x84\x9E"};  // U+1D11E, four bytes of UTF-8
  const size_t limit = kMaxBodyBytes * 3 / 4;
  std::vector<std::pair<const char*, size_t>> sizes = {
      {"actor", ActorToJson(f.MakeActor()).dump().size()},
      {"service card", ServiceCardToJson(f.MakeCard()).dump().size()},
      {"meeting", MeetingToJson(f.MakeMeeting()).dump().size()},
      {"need", NeedToJson(f.MakeNeed()).dump().size()},
      {"tie", TieToJson(f.MakeTie()).dump().size()},
      {"theme", ThemeToJson(f.MakeTheme()).dump().size()},
      {"goal", GoalToJson(f.MakeGoal()).dump().size()},
      {"step", StepToJson(f.MakeStep()).dump().size()},
      {"good practice", GoodPracticeToJson(f.MakePractice()).dump().size()},
      {"recommendation", RecommendationToJson(f.MakeRecommendation()).dump().size()},
      {"participation", ParticipationToJson(f.MakeParticipation()).dump().size()},
      {"ORP text", OrpTextToJson(f.MakeOrpText()).dump().size()},
      {"analysis text", AnalysisTextToJson(f.MakeAnalysisText()).dump().size()},
      {"user", UserToJson(f.MakeUser()).dump().size()}};
  for (const auto& [what, size] : sizes) EXPECT_LT(size, limit) << what << ": " << size << " bytes";
}

}  // namespace prosit
