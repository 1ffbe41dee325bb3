// Tests of the network generator: determinism, size, validity and the demo dataset.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "datasets/generator.h"
#include "io/meeting_json.h"
#include "io/need_json.h"
#include "io/network_json.h"
#include "io/practice_json.h"
#include "io/strategy_json.h"
#include "io/tie_json.h"
#include "model/ico.h"
#include "model/validation.h"
#include "test_data.h"

namespace prosit {
namespace {

using testing::RealReference;
using testing::RealTerritory;

std::string DemoFile(const char* name) {
  std::ifstream in(std::string(PROSIT_SOURCE_DIR "/data/demo/") + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
std::string SeedFactsText() { return DemoFile("seed-facts.json"); }
std::string SeedNetworkingText() { return DemoFile("seed-networking.json"); }

Result<RecordBatch> Demo(uint64_t seed) {
  return BuildDemoNetwork(RealTerritory(), RealReference(), SeedFactsText(), SeedNetworkingText(),
                          seed);
}

std::string FirstError(const FieldErrors& e) {
  return e.empty() ? "" : e.begin()->first + " " + e.begin()->second;
}

// All records as one JSON text, for comparing batches.
std::string Dump(const RecordBatch& batch) {
  nlohmann::json j = nlohmann::json::array();
  for (const Actor& a : batch.actors) j.push_back(ActorToJson(a));
  for (const auto& [actor, card] : batch.cards) {
    j.push_back(actor);
    j.push_back(ServiceCardToJson(card));
  }
  for (const BatchMeeting& m : batch.meetings) {
    j.push_back(m.actors);
    j.push_back(MeetingToJson(m.meeting));
  }
  for (const BatchNeed& n : batch.needs) {
    j.push_back(n.voiced_by);
    j.push_back(n.meetings);
    j.push_back(NeedToJson(n.need));
  }
  for (const BatchTie& t : batch.ties) {
    j.push_back({t.actor_a, t.actor_b});
    j.push_back(TieToJson(t.tie));
  }
  for (const Theme& t : batch.themes) j.push_back(ThemeToJson(t));
  for (const BatchGoal& g : batch.goals) j.push_back({g.theme, GoalToJson(g.goal)});
  for (const BatchStep& s : batch.steps) j.push_back({s.goal, s.actors, StepToJson(s.step)});
  for (const BatchNeed& n : batch.needs) j.push_back(n.themes);
  for (const BatchGoodPractice& p : batch.good_practices)
    j.push_back({p.needs, p.themes, GoodPracticeToJson(p.practice)});
  for (const BatchRecommendation& r : batch.recommendations)
    j.push_back({r.needs, r.themes, RecommendationToJson(r.recommendation)});
  return j.dump();
}

// Every actor and card is valid, demo-marked, and refers to an actor of the batch.
void ExpectValid(const RecordBatch& batch) {
  ValidationContext ctx{RealReference(), RealTerritory(), "2026-11-24"};
  std::set<std::string> icos;
  for (const Actor& a : batch.actors) {
    EXPECT_TRUE(ValidateActor(a, ctx).empty()) << a.name;
    EXPECT_TRUE(IsValidIco(a.ico)) << a.name << " " << a.ico;
    EXPECT_TRUE(icos.insert(a.ico).second) << "duplicate IČO " << a.ico;
    EXPECT_TRUE(a.is_demo);
  }
  for (const auto& [actor, card] : batch.cards) {
    ASSERT_LT(actor, batch.actors.size());
    ServiceCard c = card;
    c.actor_id = 1;
    FieldErrors e = ValidateServiceCard(c, ctx);
    EXPECT_TRUE(e.empty()) << c.name << ": "
                           << (e.empty() ? "" : e.begin()->first + " " + e.begin()->second);
    EXPECT_TRUE(c.is_demo);
    EXPECT_FALSE(c.does.empty()) << c.service_type;
    if (c.service_type == "ss57" || c.service_type == "zdvop") {
      EXPECT_TRUE(c.confidential_address);
      EXPECT_TRUE(c.published);  // in the catalog; its address is what stays hidden
      for (const DeliveryLocation& l : c.locations)
        EXPECT_NE(l.street, batch.actors[actor].seat.street) << "a shelter at its public seat";
    }
  }
  // Meetings, needs and ties: valid with placeholder ids (index + 1), demo-marked, not
  // after 2026-11-01; participants and voices are actors of the ORP's batch.
  for (const BatchMeeting& bm : batch.meetings) {
    Meeting m = bm.meeting;
    m.actor_ids.clear();
    for (size_t a : bm.actors) {
      ASSERT_LT(a, batch.actors.size());
      m.actor_ids.push_back(static_cast<int64_t>(a) + 1);
    }
    EXPECT_FALSE(bm.actors.empty()) << m.date << " " << m.topic;
    EXPECT_LE(bm.actors.size(), 4u);
    FieldErrors e = ValidateMeeting(m, ctx);
    EXPECT_TRUE(e.empty()) << m.date << ": " << FirstError(e);
    EXPECT_TRUE(m.is_demo);
    EXPECT_LE(m.date, "2026-11-01");
  }
  for (const BatchNeed& bn : batch.needs) {
    Need n = bn.need;
    n.voiced_by.clear();
    n.meeting_ids.clear();
    for (size_t a : bn.voiced_by) {
      ASSERT_LT(a, batch.actors.size());
      n.voiced_by.push_back(static_cast<int64_t>(a) + 1);
    }
    ASSERT_FALSE(bn.meetings.empty()) << n.statement;
    for (size_t m : bn.meetings) {
      ASSERT_LT(m, batch.meetings.size());
      const BatchMeeting& at = batch.meetings[m];
      EXPECT_EQ(at.meeting.orp_code, n.orp_code) << n.statement;
      EXPECT_GE(at.meeting.date, n.date) << n.statement;  // found at its first meeting
      n.meeting_ids.push_back(static_cast<int64_t>(m) + 1);
    }
    for (size_t a : bn.voiced_by) {
      bool attended = false;
      for (size_t m : bn.meetings)
        for (size_t p : batch.meetings[m].actors) attended |= p == a;
      EXPECT_TRUE(attended) << n.statement;
    }
    FieldErrors e = ValidateNeed(n, ctx);
    EXPECT_TRUE(e.empty()) << n.statement << ": " << FirstError(e);
    EXPECT_TRUE(n.is_demo);
    EXPECT_LE(n.date, "2026-11-01");
  }
  std::set<std::pair<size_t, size_t>> pairs;
  for (const BatchTie& bt : batch.ties) {
    ASSERT_LT(bt.actor_a, batch.actors.size());
    ASSERT_LT(bt.actor_b, batch.actors.size());
    Tie t = bt.tie;
    t.actor_a = static_cast<int64_t>(bt.actor_a) + 1;
    t.actor_b = static_cast<int64_t>(bt.actor_b) + 1;
    FieldErrors e = ValidateTie(t, ctx);
    EXPECT_TRUE(e.empty()) << FirstError(e);
    EXPECT_TRUE(t.is_demo);
    EXPECT_LE(t.since, "2026-11-01");
    EXPECT_TRUE(
        pairs.insert({std::min(bt.actor_a, bt.actor_b), std::max(bt.actor_a, bt.actor_b)}).second)
        << "a pair tied twice";
  }
}

GeneratorOptions FewOrps(uint64_t seed) {
  GeneratorOptions o;
  o.orp_codes = {"5304", "5302", "3205", "7213"};
  o.services = 5000;
  o.seed = seed;
  return o;
}

TEST(DatasetGenerator, SameSeedSameNetworkOtherSeedOther) {
  auto a = GenerateNetwork(RealTerritory(), RealReference(), FewOrps(3));
  auto b = GenerateNetwork(RealTerritory(), RealReference(), FewOrps(3));
  auto c = GenerateNetwork(RealTerritory(), RealReference(), FewOrps(4));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(b.ok() && c.ok());
  EXPECT_EQ(Dump(*a), Dump(*b));
  EXPECT_NE(Dump(*a), Dump(*c));
  EXPECT_FALSE(a->meetings.empty());
  EXPECT_FALSE(a->needs.empty());
  EXPECT_FALSE(a->ties.empty());
}

TEST(DatasetGenerator, FewOrpsHitTheCountAndAreValid) {
  auto batch = GenerateNetwork(RealTerritory(), RealReference(), FewOrps(1));
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_NEAR(static_cast<double>(batch->cards.size()), 5000.0, 250.0);
  ExpectValid(*batch);
  // About 4 meetings a month per ORP over 2017–2019, a need per 5 meetings, a tie per 5 actors.
  EXPECT_NEAR(static_cast<double>(batch->meetings.size()), 4 * 36 * 4, 4 * 36);
  EXPECT_NEAR(static_cast<double>(batch->needs.size()), batch->meetings.size() / 5.0, 10);
  EXPECT_GT(batch->ties.size(), batch->actors.size() / 10);
  for (const BatchMeeting& m : batch->meetings) {
    EXPECT_GE(m.meeting.date, "2017-01-01");
    EXPECT_LE(m.meeting.date, "2019-12-31");
    for (size_t a : m.actors)
      EXPECT_EQ(RealTerritory().FindMunicipality(batch->actors[a].seat.municipality_code)->orp_code,
                m.meeting.orp_code);
  }
}

// Speed is measured by benchmarks, never asserted in tests (the machine is shared).
TEST(DatasetGenerator, NationalSixtyThousandIsValid) {
  GeneratorOptions o;
  o.services = 60000;
  o.seed = 7;
  auto batch = GenerateNetwork(RealTerritory(), RealReference(), o);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_NEAR(static_cast<double>(batch->cards.size()), 60000.0, 3000.0);
  std::set<std::string> sectors, orps;
  for (const Actor& a : batch->actors) sectors.insert(a.sector);
  for (const auto& [actor, card] : batch->cards)
    if (card.territory.kind == TerritoryKind::kOrp) orps.insert(card.territory.codes[0]);
  EXPECT_GE(sectors.size(), 9u);
  EXPECT_EQ(orps.size(), RealTerritory().orps().size());
  ExpectValid(*batch);
}

TEST(DatasetGenerator, RejectsUnknownOrp) {
  GeneratorOptions o;
  o.orp_codes = {"9999"};
  auto batch = GenerateNetwork(RealTerritory(), RealReference(), o);
  EXPECT_EQ(batch.status().code(), StatusCode::kInvalid);
}

TEST(DemoNetwork, CoversPardubickyKrajWithTheSeeds) {
  auto batch = Demo(1);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_GE(batch->cards.size(), 300u);
  ExpectValid(*batch);
  std::set<std::string> orps;
  for (const auto& [actor, card] : batch->cards)
    for (const auto& l : card.locations)
      orps.insert(RealTerritory().FindMunicipality(l.municipality_code)->orp_code);
  for (const Orp& orp : RealTerritory().orps())
    if (orp.region_code == "CZ053") {
      EXPECT_TRUE(orps.count(orp.code)) << orp.name;
    }
  bool holice_home = false;
  std::map<std::string, int> names;
  for (const Actor& a : batch->actors) {
    holice_home |= a.name.find("Holice") != std::string::npos &&
                   a.name.find("Dětský domov") != std::string::npos;
    ++names[a.name + "|" + a.seat.municipality_code];
  }
  EXPECT_TRUE(holice_home);
  EXPECT_EQ(names["Okresní soud v Pardubicích|555134"], 1);  // merged across ORPs
  EXPECT_EQ(names["Pedagogicko-psychologická poradna Pardubického kraje, pracoviště "
                  "Pardubice|555134"],
            1);
}

TEST(DemoNetwork, IsDeterministic) {
  auto a = Demo(5);
  auto b = Demo(5);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(Dump(*a), Dump(*b));
  EXPECT_FALSE(a->meetings.empty());
}

TEST(DemoNetwork, BadFactsAreInvalidNotExceptions) {
  auto broken =
      BuildDemoNetwork(RealTerritory(), RealReference(), "{\"orps\": [", SeedNetworkingText(), 1);
  EXPECT_EQ(broken.status().code(), StatusCode::kInvalid);
  EXPECT_NE(broken.status().message().find("seed-facts.json"), std::string::npos);
  auto wrong = BuildDemoNetwork(RealTerritory(), RealReference(),
                                R"({"orps": [{"orp_code": "5304", "actors": [{"name": 5}]}]})",
                                SeedNetworkingText(), 1);
  EXPECT_EQ(wrong.status().code(), StatusCode::kInvalid);
  EXPECT_NE(wrong.status().message().find("orps[0].actors[0].name"), std::string::npos);
  auto bad_need = BuildDemoNetwork(
      RealTerritory(), RealReference(), SeedFactsText(),
      R"({"orps": [{"orp_code": "5304", "needs": [{"statement": "x", "need_area": "safety",
          "network_need": "housing", "sectors": ["ospod"], "priority": "high",
          "status": "open"}]}]})",
      1);
  EXPECT_EQ(bad_need.status().code(), StatusCode::kInvalid);
  EXPECT_NE(bad_need.status().message().find("seed-networking.json"), std::string::npos);
}

// The seven seed ORPs: meetings from the day networking started until 2019-06-30, at
// 3–8 a month, recorded by the ORP's networker; every need of seed-networking.json found
// at meetings of its ORP; ties between the ORP's actors.
TEST(DemoNetwork, SeedOrpsHaveTheirNetworkingWork) {
  auto batch = Demo(1);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  nlohmann::json facts = nlohmann::json::parse(SeedFactsText());
  nlohmann::json work = nlohmann::json::parse(SeedNetworkingText());
  std::map<std::string, std::vector<const Meeting*>> meetings;
  for (const BatchMeeting& m : batch->meetings) meetings[m.meeting.orp_code].push_back(&m.meeting);
  std::map<std::string, std::multiset<std::string>> needs;
  for (const BatchNeed& n : batch->needs) needs[n.need.orp_code].insert(n.need.statement);
  std::map<std::string, int> categories;
  for (const BatchMeeting& m : batch->meetings) ++categories[m.meeting.category];
  EXPECT_EQ(meetings.size(), 7u);
  for (const auto& o : facts["orps"]) {
    std::string code = o["orp_code"], start = o["networking_started"];
    const auto& ms = meetings[code];
    ASSERT_FALSE(ms.empty()) << code;
    std::string first = ms.front()->date, last = ms.front()->date;
    for (const Meeting* m : ms) {
      first = std::min(first, m->date);
      last = std::max(last, m->date);
      EXPECT_EQ(m->networkers.front(),
                std::string(o["networker"]).substr(0, m->networkers.front().size()));
    }
    EXPECT_GE(first, start) << code;
    EXPECT_LE(first.substr(0, 7), start.substr(0, 7)) << code;  // from the first month
    EXPECT_LE(last, "2019-06-30");
    EXPECT_GE(last, "2019-06-01");
    int months =
        (2019 - std::stoi(start.substr(0, 4))) * 12 + 6 - std::stoi(start.substr(5, 2)) + 1;
    EXPECT_GE(ms.size(), static_cast<size_t>(3 * months)) << code;
    EXPECT_LE(ms.size(), static_cast<size_t>(8 * months + 2)) << code;
    std::multiset<std::string> expected;
    for (const auto& w : work["orps"])
      if (w["orp_code"] == code)
        for (const auto& n : w["needs"]) expected.insert(n["statement"].get<std::string>());
    EXPECT_FALSE(expected.empty()) << code;
    EXPECT_EQ(needs[code], expected) << code;
  }
  // OSPOD meetings are the most common, as in the seeds' totals.
  EXPECT_GT(categories["ospod"], categories["local_government"]);
  EXPECT_GT(categories["local_government"], categories["health"]);
  EXPECT_GT(categories["joint_networker"], 0);
  std::map<std::string, int> ties_by_orp;
  for (const BatchTie& t : batch->ties)
    ++ties_by_orp[RealTerritory()
                      .FindMunicipality(batch->actors[t.actor_a].seat.municipality_code)
                      ->region_code];
  EXPECT_GE(ties_by_orp["CZ053"], 7 * 5);
  bool rated = false;
  for (const BatchTie& t : batch->ties) rated |= t.tie.ratings.reliability.has_value();
  EXPECT_TRUE(rated);
}

// The seven seed ORPs have their strategy: themes set after networking started and before
// 2019-06-30, goals not before their theme, steps not due before their goal, 1–2 of the
// ORP's actors responsible, overdue steps among them; good practices and recommendations;
// every record valid, demo-marked and linked only to needs and themes of its own ORP.
TEST(DemoNetwork, SeedOrpsHaveTheirStrategy) {
  auto batch = Demo(1);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  ValidationContext ctx{RealReference(), RealTerritory(), "2026-11-24"};
  nlohmann::json facts = nlohmann::json::parse(SeedFactsText());
  std::map<std::string, std::string> started;
  std::map<std::string, std::set<std::string>> named;  // actor names the seeds give an ORP
  for (const auto& o : facts["orps"]) {
    started[o["orp_code"]] = o["networking_started"];
    for (const auto& a : o["actors"]) named[o["orp_code"]].insert(a["name"].get<std::string>());
  }
  std::map<std::string, int> themes, goals, steps, overdue, practices, recommendations, linked;
  for (const Theme& t : batch->themes) {
    FieldErrors e = ValidateTheme(t, ctx);
    EXPECT_TRUE(e.empty()) << t.title << ": " << FirstError(e);
    EXPECT_TRUE(t.is_demo);
    ASSERT_TRUE(started.count(t.orp_code)) << t.orp_code;
    EXPECT_GT(t.since, started[t.orp_code]) << t.title;
    EXPECT_LT(t.since, "2019-06-30") << t.title;
    ++themes[t.orp_code];
  }
  for (const BatchGoal& bg : batch->goals) {
    ASSERT_LT(bg.theme, batch->themes.size());
    Goal g = bg.goal;
    g.theme_id = static_cast<int64_t>(bg.theme) + 1;
    FieldErrors e = ValidateGoal(g, ctx);
    EXPECT_TRUE(e.empty()) << g.title << ": " << FirstError(e);
    EXPECT_TRUE(g.is_demo);
    EXPECT_GE(g.since, batch->themes[bg.theme].since) << g.title;
    ++goals[batch->themes[bg.theme].orp_code];
  }
  for (const BatchStep& bs : batch->steps) {
    ASSERT_LT(bs.goal, batch->goals.size());
    const BatchGoal& goal = batch->goals[bs.goal];
    const std::string& orp = batch->themes[goal.theme].orp_code;
    Step s = bs.step;
    s.goal_id = static_cast<int64_t>(bs.goal) + 1;
    for (size_t a : bs.actors) {
      ASSERT_LT(a, batch->actors.size());
      EXPECT_TRUE(named[orp].count(batch->actors[a].name)) << batch->actors[a].name;
      s.actor_ids.push_back(static_cast<int64_t>(a) + 1);
    }
    EXPECT_GE(bs.actors.size(), 1u) << s.title;
    EXPECT_LE(bs.actors.size(), 2u) << s.title;
    FieldErrors e = ValidateStep(s, ctx);
    EXPECT_TRUE(e.empty()) << s.title << ": " << FirstError(e);
    EXPECT_TRUE(s.is_demo);
    EXPECT_GE(s.deadline, goal.goal.since) << s.title;
    ++steps[orp];
    overdue[orp] += IsOverdue(s, "2019-06-30");
    if (s.status == "done") {
      EXPECT_LT(s.deadline, "2019-06-30") << s.title;
    }
  }
  auto check_links = [&](const std::string& orp, const std::vector<size_t>& needs,
                         const std::vector<size_t>& theme_indexes, const std::string& what) {
    for (size_t n : needs) {
      ASSERT_LT(n, batch->needs.size());
      EXPECT_EQ(batch->needs[n].need.orp_code, orp) << what;
    }
    for (size_t t : theme_indexes) {
      ASSERT_LT(t, batch->themes.size());
      EXPECT_EQ(batch->themes[t].orp_code, orp) << what;
    }
    EXPECT_FALSE(needs.empty() && theme_indexes.empty()) << what;
  };
  for (const BatchGoodPractice& bp : batch->good_practices) {
    FieldErrors e = ValidateGoodPractice(bp.practice, ctx);
    EXPECT_TRUE(e.empty()) << bp.practice.title << ": " << FirstError(e);
    EXPECT_TRUE(bp.practice.is_demo);
    check_links(bp.practice.orp_code, bp.needs, bp.themes, bp.practice.title);
    ++practices[bp.practice.orp_code];
  }
  for (const BatchRecommendation& br : batch->recommendations) {
    FieldErrors e = ValidateRecommendation(br.recommendation, ctx);
    EXPECT_TRUE(e.empty()) << br.recommendation.text << ": " << FirstError(e);
    EXPECT_TRUE(br.recommendation.is_demo);
    check_links(br.recommendation.orp_code, br.needs, br.themes, br.recommendation.text);
    ++recommendations[br.recommendation.orp_code];
  }
  for (const BatchNeed& n : batch->needs) {
    for (size_t t : n.themes) {
      ASSERT_LT(t, batch->themes.size());
      EXPECT_EQ(batch->themes[t].orp_code, n.need.orp_code) << n.need.statement;
    }
    linked[n.need.orp_code] += !n.themes.empty();
  }
  EXPECT_EQ(themes.size(), 7u);
  for (const auto& [orp, start] : started) {
    EXPECT_GE(themes[orp], 1) << orp;
    EXPECT_GE(goals[orp], themes[orp]) << orp;
    EXPECT_GE(steps[orp], goals[orp]) << orp;
    EXPECT_GE(practices[orp], 1) << orp;
    EXPECT_GE(recommendations[orp], 1) << orp;
    EXPECT_GE(linked[orp], 1) << orp;
  }
  EXPECT_GE(overdue["5303"], 1);
  int all_overdue = 0;
  for (const auto& [orp, n] : overdue) all_overdue += n;
  EXPECT_GE(all_overdue, 7);
}

// The strategy part of seed-networking.json follows its schema.
TEST(DemoNetwork, SeedNetworkingFollowsItsSchema) {
  nlohmann::json work = nlohmann::json::parse(SeedNetworkingText());
  const std::set<std::string> steps = {"planned", "in_progress", "done", "cancelled"};
  ASSERT_EQ(work["orps"].size(), 7u);
  for (const auto& o : work["orps"]) {
    EXPECT_TRUE(RealTerritory().FindOrp(o["orp_code"].get<std::string>()));
    EXPECT_FALSE(o["themes"].empty());
    for (const auto& t : o["themes"]) {
      EXPECT_FALSE(t["title"].get<std::string>().empty());
      EXPECT_TRUE(t["why"].is_string());
      for (const auto& g : t["goals"]) {
        EXPECT_FALSE(g["title"].get<std::string>().empty());
        EXPECT_TRUE(g["description"].is_string());
        for (const auto& s : g["steps"]) {
          EXPECT_FALSE(s["title"].get<std::string>().empty());
          EXPECT_TRUE(steps.count(s["status"].get<std::string>())) << s["status"];
          EXPECT_TRUE(s["outcome"].is_string());
        }
      }
    }
    for (const auto& p : o["good_practices"]) {
      EXPECT_FALSE(p["title"].get<std::string>().empty());
      EXPECT_TRUE(p["description"].is_string());
    }
    for (const auto& r : o["recommendations"]) {
      EXPECT_TRUE(r["scope"] == "general" || r["scope"] == "specific");
      EXPECT_FALSE(r["text"].get<std::string>().empty());
    }
  }
}

}  // namespace
}  // namespace prosit
