// Tests of provenance: the "source" of every record kind in its JSON form, how it and
// "demo" imply each other, and which records of the demo come from the seeds.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "datasets/generator.h"
#include "io/meeting_json.h"
#include "io/need_json.h"
#include "io/network_json.h"
#include "io/practice_json.h"
#include "io/strategy_json.h"
#include "io/tie_json.h"
#include "model/validation.h"
#include "test_data.h"

namespace prosit {
namespace {

using nlohmann::json;
using testing::RealReference;
using testing::RealTerritory;

TEST(Provenance, NamesRoundTrip) {
  for (Provenance p : {Provenance::kEntered, Provenance::kSeeds, Provenance::kInvented})
    EXPECT_EQ(ParseProvenance(ToString(p)), p);
  EXPECT_FALSE(ParseProvenance("imported").has_value());
  EXPECT_FALSE(ParseProvenance("").has_value());
  EXPECT_FALSE(IsDemo(Provenance::kEntered));
  EXPECT_TRUE(IsDemo(Provenance::kSeeds));
  EXPECT_TRUE(IsDemo(Provenance::kInvented));
}

TEST(Provenance, CountsAddUp) {
  ProvenanceCounts c;
  c.Add(Provenance::kInvented);
  c.Add(Provenance::kInvented);
  c.Add(Provenance::kSeeds);
  ProvenanceCounts d;
  d.Add(Provenance::kEntered);
  c += d;
  EXPECT_EQ(c.invented, 2);
  EXPECT_EQ(c.seeds, 1);
  EXPECT_EQ(c.entered, 1);
  EXPECT_EQ(c.total(), 4);
  EXPECT_EQ(ProvenanceCountsToJson(c), json::parse(R"({"entered":1,"seeds":1,"invented":2})"));
}

// Writes `record` with each provenance, reads it back, and checks source and demo survive.
template <typename T, typename ToJson, typename FromJson>
void ExpectRoundTrip(T record, ToJson to_json, FromJson from_json, const char* kind) {
  for (Provenance p : {Provenance::kEntered, Provenance::kSeeds, Provenance::kInvented}) {
    record.source = p;
    record.is_demo = IsDemo(p);
    json j = to_json(record);
    EXPECT_EQ(j["source"], ToString(p)) << kind;
    EXPECT_EQ(j["demo"], IsDemo(p)) << kind;
    auto back = from_json(j.dump(), nullptr);
    ASSERT_TRUE(back.ok()) << kind << ": " << back.status().ToString();
    EXPECT_EQ(back->source, p) << kind;
    EXPECT_EQ(back->is_demo, IsDemo(p)) << kind;
    EXPECT_EQ(to_json(*back).dump(), j.dump()) << kind;
  }
}

TEST(Provenance, EveryRecordKindRoundTripsItsSource) {
  Actor actor;
  actor.name = "OSPOD";
  actor.seat.municipality_code = "571164";
  ExpectRoundTrip(actor, ActorToJson, ActorFromJson, "actor");
  ExpectRoundTrip(ServiceCard{}, ServiceCardToJson, ServiceCardFromJson, "card");
  ExpectRoundTrip(Meeting{}, MeetingToJson, MeetingFromJson, "meeting");
  ExpectRoundTrip(Need{}, NeedToJson, NeedFromJson, "need");
  ExpectRoundTrip(Tie{}, TieToJson, TieFromJson, "tie");
  ExpectRoundTrip(Theme{}, ThemeToJson, ThemeFromJson, "theme");
  ExpectRoundTrip(Goal{}, GoalToJson, GoalFromJson, "goal");
  ExpectRoundTrip(Step{}, StepToJson, StepFromJson, "step");
  ExpectRoundTrip(GoodPractice{}, GoodPracticeToJson, GoodPracticeFromJson, "good practice");
  ExpectRoundTrip(Recommendation{}, RecommendationToJson, RecommendationFromJson, "recommendation");
}

// A need's JSON with its demo and source members replaced by `members`.
std::string NeedWith(const std::string& members) {
  std::string body = NeedToJson(Need{}).dump();
  json j = json::parse(body);
  j.erase("demo");
  j.erase("source");
  std::string text = j.dump();
  return members.empty() ? text : text.substr(0, text.size() - 1) + "," + members + "}";
}

TEST(Provenance, DemoAndSourceImplyEachOther) {
  auto none = NeedFromJson(NeedWith(""));
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->source, Provenance::kEntered);
  EXPECT_FALSE(none->is_demo);

  auto demo_only = NeedFromJson(NeedWith(R"("demo": true)"));
  ASSERT_TRUE(demo_only.ok());
  EXPECT_EQ(demo_only->source, Provenance::kInvented);

  auto seeds_only = NeedFromJson(NeedWith(R"("source": "seeds")"));
  ASSERT_TRUE(seeds_only.ok());
  EXPECT_TRUE(seeds_only->is_demo);

  auto entered = NeedFromJson(NeedWith(R"("demo": false, "source": "entered")"));
  ASSERT_TRUE(entered.ok());
  EXPECT_FALSE(entered->is_demo);

  auto actor = ActorFromJson(R"({"name": "A", "seat": {"municipality_code": "571164"},
                                 "source": "invented"})");
  ASSERT_TRUE(actor.ok());
  EXPECT_TRUE(actor->is_demo);
}

TEST(Provenance, UnknownOrContradictorySourceIsAFieldError) {
  for (const char* members :
       {R"("source": "imported")", R"("source": 3)", R"("demo": true, "source": "entered")",
        R"("demo": false, "source": "seeds")"}) {
    auto r = NeedFromJson(NeedWith(members));
    ASSERT_FALSE(r.ok()) << members;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalid) << members;
    EXPECT_TRUE(r.status().fields().count("source")) << members;
  }
  auto card = ServiceCardFromJson(R"({"territory": {"kind": "country"}, "source": "guessed"})");
  ASSERT_FALSE(card.ok());
  EXPECT_TRUE(card.status().fields().count("source"));
}

TEST(Provenance, ValidationRefusesDemoAndSourceThatDisagree) {
  ValidationContext ctx{RealReference(), RealTerritory(), "2026-11-24"};
  Theme t;
  t.orp_code = "5304";
  t.title = "Téma";
  t.since = "2018-01-01";
  t.status = "active";
  EXPECT_FALSE(ValidateTheme(t, ctx).count("source"));
  t.is_demo = true;  // source still "entered"
  EXPECT_TRUE(ValidateTheme(t, ctx).count("source"));
  t.source = Provenance::kSeeds;
  EXPECT_FALSE(ValidateTheme(t, ctx).count("source"));
  t.is_demo = false;
  EXPECT_TRUE(ValidateTheme(t, ctx).count("source"));
}

std::string DemoFile(const char* name) {
  std::ifstream in(std::string(PROSIT_SOURCE_DIR "/data/demo/") + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const RecordBatch& Demo() {
  static const RecordBatch batch = [] {
    auto b = BuildDemoNetwork(RealTerritory(), RealReference(), DemoFile("seed-facts.json"),
                              DemoFile("seed-networking.json"), 1);
    if (!b.ok()) throw std::runtime_error(b.status().ToString());
    return std::move(*b);
  }();
  return batch;
}

Provenance ActorSource(const std::string& name) {
  for (const Actor& a : Demo().actors)
    if (a.name == name) return a.source;
  ADD_FAILURE() << "no actor " << name;
  return Provenance::kEntered;
}

TEST(DemoProvenance, ActorsTheSeedsNameAreSeedsTheRestInvented) {
  // from_seeds: true in seed-facts.json.
  EXPECT_EQ(ActorSource("Městský úřad Chrudim – odbor sociálních věcí (OSPOD)"),
            Provenance::kSeeds);
  EXPECT_EQ(ActorSource("Okresní soud v Chrudimi"), Provenance::kSeeds);
  // from_seeds: false: a plausible addition of the demo.
  EXPECT_EQ(ActorSource("Policie ČR – Obvodní oddělení Chrudim"), Provenance::kInvented);
  std::set<std::string> seed_named;
  std::ifstream in(std::string(PROSIT_SOURCE_DIR "/data/demo/seed-facts.json"));
  json facts = json::parse(in);
  for (const json& orp : facts["orps"])
    for (const json& a : orp["actors"])
      if (a["from_seeds"].get<bool>()) seed_named.insert(a["name"].get<std::string>());
  size_t seeds = 0;
  for (const Actor& a : Demo().actors) {
    EXPECT_TRUE(a.is_demo);
    EXPECT_EQ(a.source == Provenance::kSeeds, seed_named.count(a.name) > 0) << a.name;
    seeds += a.source == Provenance::kSeeds;
  }
  EXPECT_EQ(seeds, seed_named.size());
  EXPECT_GT(Demo().actors.size(), seeds);  // the fill-in of the rest of the region
}

TEST(DemoProvenance, SeedNetworkingIsSeedsMeetingsAndTiesInvented) {
  const RecordBatch& b = Demo();
  ASSERT_FALSE(b.needs.empty());
  for (const auto& n : b.needs) EXPECT_EQ(n.need.source, Provenance::kSeeds);
  for (const auto& t : b.themes) EXPECT_EQ(t.source, Provenance::kSeeds);
  for (const auto& g : b.goals) EXPECT_EQ(g.goal.source, Provenance::kSeeds);
  for (const auto& s : b.steps) EXPECT_EQ(s.step.source, Provenance::kSeeds);
  for (const auto& p : b.good_practices) EXPECT_EQ(p.practice.source, Provenance::kSeeds);
  for (const auto& r : b.recommendations) EXPECT_EQ(r.recommendation.source, Provenance::kSeeds);
  ASSERT_FALSE(b.meetings.empty());
  for (const auto& m : b.meetings) EXPECT_EQ(m.meeting.source, Provenance::kInvented);
  for (const auto& t : b.ties) EXPECT_EQ(t.tie.source, Provenance::kInvented);
  size_t seed_cards = 0, invented_cards = 0;
  for (const auto& [actor, card] : b.cards) {
    EXPECT_TRUE(card.is_demo);
    // A card from the seeds belongs to an actor the seeds name.
    if (card.source == Provenance::kSeeds) EXPECT_EQ(b.actors[actor].source, Provenance::kSeeds);
    (card.source == Provenance::kSeeds ? seed_cards : invented_cards)++;
  }
  EXPECT_GT(seed_cards, 0u);
  EXPECT_GT(invented_cards, seed_cards);  // the everyday fill-in outnumbers the seeds
}

TEST(DemoProvenance, GeneratedNetworkIsAllInvented) {
  GeneratorOptions o;
  o.services = 300;
  o.orp_codes = {"5304"};
  auto b = GenerateNetwork(RealTerritory(), RealReference(), o);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  for (const Actor& a : b->actors) EXPECT_EQ(a.source, Provenance::kInvented);
  for (const auto& [actor, card] : b->cards) EXPECT_EQ(card.source, Provenance::kInvented);
  for (const auto& m : b->meetings) EXPECT_EQ(m.meeting.source, Provenance::kInvented);
  for (const auto& n : b->needs) EXPECT_EQ(n.need.source, Provenance::kInvented);
  for (const auto& t : b->ties) EXPECT_EQ(t.tie.source, Provenance::kInvented);
}

}  // namespace
}  // namespace prosit
