// Tests of the network generator: determinism, size, validity and the demo dataset.

#include "app/network_generator.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "io/network_json.h"
#include "model/ico.h"
#include "model/validation.h"
#include "test_data.h"

namespace prosit {
namespace {

using testing::RealReference;
using testing::RealTerritory;

std::string SeedFactsText() {
  std::ifstream in(PROSIT_SOURCE_DIR "/data/demo/seed-facts.json");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// All records as one JSON text, for comparing batches.
std::string Dump(const NetworkBatch& batch) {
  nlohmann::json j = nlohmann::json::array();
  for (const Actor& a : batch.actors) j.push_back(ActorToJson(a));
  for (const auto& [actor, card] : batch.cards) {
    j.push_back(actor);
    j.push_back(ServiceCardToJson(card));
  }
  return j.dump();
}

// Every actor and card is valid, demo-marked, and refers to an actor of the batch.
void ExpectValid(const NetworkBatch& batch) {
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
      EXPECT_FALSE(c.published);
    }
  }
}

GeneratorOptions FewOrps(uint64_t seed) {
  GeneratorOptions o;
  o.orp_codes = {"5304", "5302", "3205", "7213"};
  o.services = 5000;
  o.seed = seed;
  return o;
}

TEST(NetworkGenerator, SameSeedSameNetworkOtherSeedOther) {
  auto a = GenerateNetwork(RealTerritory(), RealReference(), FewOrps(3));
  auto b = GenerateNetwork(RealTerritory(), RealReference(), FewOrps(3));
  auto c = GenerateNetwork(RealTerritory(), RealReference(), FewOrps(4));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(b.ok() && c.ok());
  EXPECT_EQ(Dump(*a), Dump(*b));
  EXPECT_NE(Dump(*a), Dump(*c));
}

TEST(NetworkGenerator, FewOrpsHitTheCountAndAreValid) {
  auto batch = GenerateNetwork(RealTerritory(), RealReference(), FewOrps(1));
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_NEAR(static_cast<double>(batch->cards.size()), 5000.0, 250.0);
  ExpectValid(*batch);
}

TEST(NetworkGenerator, NationalSixtyThousandIsFastAndValid) {
  GeneratorOptions o;
  o.services = 60000;
  o.seed = 7;
  auto start = std::chrono::steady_clock::now();
  auto batch = GenerateNetwork(RealTerritory(), RealReference(), o);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_NEAR(static_cast<double>(batch->cards.size()), 60000.0, 3000.0);
  EXPECT_LT(seconds, 2.0);
  RecordProperty("generate_ms", static_cast<int>(seconds * 1000));
  std::set<std::string> sectors, orps;
  for (const Actor& a : batch->actors) sectors.insert(a.sector);
  for (const auto& [actor, card] : batch->cards)
    if (card.territory.kind == TerritoryKind::kOrp) orps.insert(card.territory.codes[0]);
  EXPECT_GE(sectors.size(), 9u);
  EXPECT_EQ(orps.size(), RealTerritory().orps().size());
  ExpectValid(*batch);
}

TEST(NetworkGenerator, RejectsUnknownOrp) {
  GeneratorOptions o;
  o.orp_codes = {"9999"};
  auto batch = GenerateNetwork(RealTerritory(), RealReference(), o);
  EXPECT_EQ(batch.status().code(), StatusCode::kInvalid);
}

TEST(DemoNetwork, CoversPardubickyKrajWithTheSeeds) {
  auto batch = BuildDemoNetwork(RealTerritory(), RealReference(), SeedFactsText(), 1);
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
  auto a = BuildDemoNetwork(RealTerritory(), RealReference(), SeedFactsText(), 5);
  auto b = BuildDemoNetwork(RealTerritory(), RealReference(), SeedFactsText(), 5);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(Dump(*a), Dump(*b));
}

TEST(DemoNetwork, BadFactsAreInvalidNotExceptions) {
  auto broken = BuildDemoNetwork(RealTerritory(), RealReference(), "{\"orps\": [", 1);
  EXPECT_EQ(broken.status().code(), StatusCode::kInvalid);
  EXPECT_NE(broken.status().message().find("seed-facts.json"), std::string::npos);
  auto wrong = BuildDemoNetwork(RealTerritory(), RealReference(),
                                R"({"orps": [{"orp_code": "5304", "actors": [{"name": 5}]}]})", 1);
  EXPECT_EQ(wrong.status().code(), StatusCode::kInvalid);
  EXPECT_NE(wrong.status().message().find("orps[0].actors[0].name"), std::string::npos);
}

}  // namespace
}  // namespace prosit
