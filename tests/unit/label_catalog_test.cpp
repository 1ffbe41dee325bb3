// The label catalog (src/io/labels/catalog.json) against the code it labels: every value of
// every enumeration of src/model, every role, record kind, provenance, error code and field
// of a record kind must have a Czech and an English label, and every message the rules
// write must have a Czech form. A new enumeration value without its line fails here.

#include "io/label_catalog.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "app/records/record_kinds.h"
#include "http/api_routes.h"
#include "model/user.h"
#include "model/validation.h"
#include "test_data.h"

namespace prosit {
namespace {

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// "kNeedPriorities" -> "need_priorities": the catalog's group of a model array.
std::string GroupOf(const std::string& array_name) {
  std::string out;
  for (size_t i = 1; i < array_name.size(); ++i) {
    char c = array_name[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (!out.empty()) out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

void ExpectLabelled(const LabelCatalog& c, const std::string& group, const std::string& id) {
  for (Lang lang : {Lang::kCs, Lang::kEn}) {
    const std::string* label = c.Enum(group, id, lang);
    EXPECT_TRUE(label && !label->empty())
        << group << "." << id << " has no " << LangName(lang) << " label in catalog.json";
  }
}

TEST(LabelCatalog, EveryEnumerationOfTheModelHasBothLabels) {
  const LabelCatalog& c = LabelCatalog::BuiltIn();
  // Every array of words in src/model, found in the headers so that a new one counts too.
  std::regex array(R"(constexpr\s+const\s+char\s*\*\s*(k\w+)\[\]\s*=\s*\{([^}]*)\})");
  std::regex word("\"([^\"]*)\"");
  int arrays = 0;
  for (const auto& entry : std::filesystem::directory_iterator(PROSIT_SOURCE_DIR "/src/model")) {
    if (entry.path().extension() != ".h") continue;
    std::string text = ReadText(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), array), end; it != end; ++it) {
      ++arrays;
      std::string values = (*it)[2];
      for (std::sregex_iterator w(values.begin(), values.end(), word); w != end; ++w)
        ExpectLabelled(c, GroupOf((*it)[1]), (*w)[1]);
    }
  }
  EXPECT_GE(arrays, 10) << "the scan of src/model found too few enumerations";
  // The compiled arrays themselves, in case a header spells one differently.
  for (const char* f : kForms) ExpectLabelled(c, "forms", f);
  for (const char* v : kNeedPriorities) ExpectLabelled(c, "need_priorities", v);
  for (const char* v : kNeedStatuses) ExpectLabelled(c, "need_statuses", v);
  for (const char* v : kStepStatuses) ExpectLabelled(c, "step_statuses", v);
  for (const char* v : kTieTypes) ExpectLabelled(c, "tie_types", v);
}

TEST(LabelCatalog, EveryEnumClassValueHasBothLabels) {
  const LabelCatalog& c = LabelCatalog::BuiltIn();
  for (Role r : {Role::kAdmin, Role::kRegionalCoordinator, Role::kNetworker, Role::kActorEditor,
                 Role::kViewer})
    ExpectLabelled(c, "roles", RoleName(r));
  for (Provenance p : {Provenance::kEntered, Provenance::kSeeds, Provenance::kInvented})
    ExpectLabelled(c, "provenances", ToString(p));
  for (TerritoryKind k : {TerritoryKind::kMunicipalities, TerritoryKind::kOrp,
                          TerritoryKind::kRegion, TerritoryKind::kCountry})
    ExpectLabelled(c, "territory_kinds", ToString(k));
  for (Access a : {Access::kDirect, Access::kReferral, Access::kBoth})
    ExpectLabelled(c, "accesses", ToString(a));
  for (TravelMode m : kAllTravelModes) ExpectLabelled(c, "travel_modes", ToString(m));
  for (const RecordKindInfo& kind : RecordKinds())
    ExpectLabelled(c, "record_kinds", std::string(kind.name));
  for (EntityKind k : {EntityKind::kReference, EntityKind::kTerritory})
    ExpectLabelled(c, "record_kinds", EntityName(k));
}

TEST(LabelCatalog, EveryErrorCodeOfTheApiHasBothLabels) {
  const LabelCatalog& c = LabelCatalog::BuiltIn();
  // The codes are literals in src/http and src/app: ApiResponse::Error(4xx, "code", …)
  // and the codes of a Status (api_response.cpp).
  std::regex literal(R"(Error\(\s*\d+,\s*\"([a-z_]+)\")");
  std::regex returned(R"(return \"([a-z_]+)\";)");
  std::set<std::string> codes;
  for (const char* folder : {"/src/http", "/src/app"}) {
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::string(PROSIT_SOURCE_DIR) + folder)) {
      if (entry.path().extension() != ".cpp") continue;
      std::string text = ReadText(entry.path());
      for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it)
        codes.insert((*it)[1]);
      if (entry.path().filename() == "api_response.cpp")
        for (std::sregex_iterator it(text.begin(), text.end(), returned), end; it != end; ++it)
          codes.insert((*it)[1]);
    }
  }
  EXPECT_TRUE(codes.count("validation_failed") && codes.count("not_found"));
  for (const std::string& code : codes) ExpectLabelled(c, "error_codes", code);
}

// Every property of `schema` and the schemas it refers to.
void CollectProperties(const nlohmann::json& doc, const nlohmann::json& schema,
                       std::set<std::string>& out, std::set<std::string>& seen) {
  if (schema.is_array()) {
    for (const auto& s : schema) CollectProperties(doc, s, out, seen);
    return;
  }
  if (!schema.is_object()) return;
  if (schema.contains("$ref")) {
    std::string ref = schema["$ref"];
    std::string name = ref.substr(ref.rfind('/') + 1);
    if (seen.insert(name).second)
      CollectProperties(doc, doc["components"]["schemas"][name], out, seen);
  }
  if (schema.contains("properties"))
    for (const auto& [name, sub] : schema["properties"].items()) {
      out.insert(name);
      CollectProperties(doc, sub, out, seen);
    }
  for (const char* key : {"items", "allOf", "oneOf", "anyOf"})
    if (schema.contains(key)) CollectProperties(doc, schema[key], out, seen);
}

TEST(LabelCatalog, EveryFieldOfEveryRecordKindHasBothLabels) {
  const LabelCatalog& c = LabelCatalog::BuiltIn();
  auto doc = nlohmann::json::parse(OpenApiDocument());
  for (const RecordKindInfo& kind : RecordKinds()) {
    std::set<std::string> fields, seen;
    CollectProperties(doc, doc["components"]["schemas"][std::string(kind.schema)], fields, seen);
    EXPECT_GT(fields.size(), 3u) << kind.schema;
    for (const std::string& f : fields)
      for (Lang lang : {Lang::kCs, Lang::kEn})
        EXPECT_NE(c.Field(kind.name, f, lang), nullptr)
            << kind.name << "." << f << " has no " << LangName(lang) << " label";
  }
  const std::string* step = c.Field("step", "actor_ids", Lang::kCs);
  ASSERT_NE(step, nullptr);
  EXPECT_EQ(*step, "odpovědní aktéři");
  EXPECT_EQ(c.FieldPath("actor", "contacts[2].email", Lang::kCs), "kontakty[2].e-mail");
}

TEST(LabelCatalog, MessagesSayWhatIsExpectedInCzech) {
  const LabelCatalog& c = LabelCatalog::BuiltIn();
  EXPECT_EQ(
      c.Message("unknown form 'x'; allowed: ambulatory, outreach, residential, remote", Lang::kCs),
      "neznámá forma 'x'; možné: ambulantní, terénní, pobytová, na dálku");
  EXPECT_EQ(c.Message("at most 300 characters (301 given)", Lang::kCs),
            "nejvýše 300 znaků (zadáno 301)");
  EXPECT_EQ(c.Message("no good practice 7", Lang::kCs), "dobrá praxe 7 neexistuje");
  EXPECT_EQ(c.Message("is required", Lang::kEn), "is required");
  EXPECT_EQ(c.Message("something new", Lang::kCs), "something new");
}

// Every message the rules write for a record full of mistakes has a Czech form.
TEST(LabelCatalog, EveryMessageOfTheRulesHasACzechForm) {
  ValidationContext ctx{testing::RealReference(), testing::RealTerritory(), "2026-11-24"};
  std::vector<FieldErrors> all;
  ServiceCard card;
  card.service_type = "x";
  card.need_areas = {"x", "x"};
  card.level = 9;
  card.age_min = 30;
  card.age_max = 20;
  card.forms = {"x", "ambulatory"};
  card.territory = {TerritoryKind::kOrp, {"9999"}};
  card.capacity = {-1.0, "x"};
  card.waiting_days = -1;
  card.last_verified = "2030-01-01";
  card.contacts = {Contact{}, Contact{"a", "", "", "mail", "", false}};
  all.push_back(ValidateServiceCard(card, ctx));
  card.territory = {TerritoryKind::kCountry, {"1"}};
  card.forms = {};
  all.push_back(ValidateServiceCard(card, ctx));
  Actor actor;
  actor.ico = "1";
  actor.sector = actor.actor_type = "x";
  actor.seat.municipality_code = "1";
  actor.seat.has_location = true;
  all.push_back(ValidateActor(actor, ctx));
  Meeting m;
  m.date = "2030-01-01";
  m.orp_code = m.category = m.format = "x";
  m.actor_ids = {1, 1};
  m.follow_ups = {FollowUp{"t", "o", "x", false}};
  all.push_back(ValidateMeeting(m, ctx));
  m.date = "2001-01-01";
  all.push_back(ValidateMeeting(m, ctx));
  Need n;
  n.date = "x";
  n.need_area = n.network_need = "x";
  n.priority = n.status = n.orp_code = "x";
  n.sectors = {"x"};
  all.push_back(ValidateNeed(n, ctx));
  n.need_area = "";
  all.push_back(ValidateNeed(n, ctx));
  Tie t;
  t.actor_a = t.actor_b = 1;
  t.type = t.frequency = "x";
  t.since = "2026-01-01";
  t.until = "2025-01-01";
  t.ratings.openness = 7;
  all.push_back(ValidateTie(t, ctx));
  Theme th;
  th.orp_code = th.status = "x";
  all.push_back(ValidateTheme(th, ctx));
  Goal g;
  g.status = "x";
  all.push_back(ValidateGoal(g, ctx));
  Step s;
  s.status = "x";
  s.deadline = "2200-01-01";
  s.actor_ids = {1, 1};
  all.push_back(ValidateStep(s, ctx));
  Recommendation r;
  r.scope = "x";
  all.push_back(ValidateRecommendation(r, ctx));
  GoodPractice p;
  p.is_demo = true;
  p.source = Provenance::kEntered;
  p.title = std::string(400, 'a');
  all.push_back(ValidateGoodPractice(p, ctx));
  // The rules of clean data entry, the region level and the participation register.
  Actor mixed;
  mixed.name = "ZŠ";
  mixed.actor_type = "school";
  mixed.sector = "health";
  mixed.distinct_from = {0, 5, 5};
  all.push_back(ValidateActor(mixed, ctx));
  ServiceCard unready;
  unready.published = true;
  all.push_back(ValidateServiceCard(unready, ctx));
  Need neither;
  neither.orp_code = "x";
  all.push_back(ValidateNeed(neither, ctx));
  Step dated;
  dated.status = "planned";
  dated.completed_on = "2020-01-01";
  all.push_back(ValidateStep(dated, ctx));
  Participation part;
  part.orp_code = "x";
  part.since = "2020-01-01";
  part.until = "2019-01-01";
  part.networkers = {NetworkerContact{"", "mail", "", -1}};
  all.push_back(ValidateParticipation(part, ctx));
  const LabelCatalog& c = LabelCatalog::BuiltIn();
  size_t messages = 0;
  for (const FieldErrors& errors : all)
    for (const auto& [field, message] : errors) {
      ++messages;
      EXPECT_NE(c.Message(message, Lang::kCs), message) << field << ": " << message;
    }
  EXPECT_GT(messages, 40u);
}

TEST(LabelCatalog, AcceptLanguageIsReadByQValue) {
  EXPECT_EQ(PreferredLang("cs", Lang::kEn), Lang::kCs);
  EXPECT_EQ(PreferredLang("cs-CZ,cs;q=0.9,en;q=0.8", Lang::kEn), Lang::kCs);
  EXPECT_EQ(PreferredLang("en;q=0.5, cs;q=0.8", Lang::kEn), Lang::kCs);
  EXPECT_EQ(PreferredLang("cs;q=0.3, en;q=0.8", Lang::kEn), Lang::kEn);
  EXPECT_EQ(PreferredLang("cs;q=0, en", Lang::kCs), Lang::kEn);
  EXPECT_EQ(PreferredLang("de, fr;q=0.5", Lang::kEn), Lang::kEn);
  EXPECT_EQ(PreferredLang("", Lang::kCs), Lang::kCs);
}

}  // namespace
}  // namespace prosit
