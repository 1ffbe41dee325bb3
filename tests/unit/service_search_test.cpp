#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/catalog/catalog_queries.h"
#include "app/database_setup.h"
#include "app/records/record_commands.h"
#include "io/network_json.h"
#include "test_data.h"

namespace prosit {

namespace {

const Caller kSystem = Caller::System("test");

using nlohmann::json;

// A store with the real territory and reference data, a keeper and the commands.
class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenStore(db_.path());
    ASSERT_TRUE(s.ok());
    store_ = std::move(*s);
    ASSERT_TRUE(
        InitDatabase(*store_, PROSIT_SOURCE_DIR "/data", {"test", "2026-11-24T00:00:00Z"}).ok());
    keeper_ = std::make_unique<SnapshotKeeper>(*store_);
    ASSERT_TRUE(keeper_->Load().ok());
    commands_ =
        std::make_unique<RecordCommands>(*store_, *keeper_, FixedClock("2026-11-24T12:00:00Z"));
  }

  int64_t Actor(const std::string& name, const std::string& municipality) {
    json a = {{"name", name},
              {"sector", "social"},
              {"actor_type", "social_provider"},
              {"seat", {{"municipality_code", municipality}}}};
    auto r = commands_->Create(EntityKind::kActor, a.dump(), kSystem);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return json::parse(*r)["id"].get<int64_t>();
  }

  int64_t Card(int64_t actor, const std::string& name, const std::string& type,
               const std::string& municipality, const std::string& orp) {
    json c = {{"actor_id", actor},
              {"name", name},
              {"service_type", type},
              {"locations", {{{"municipality_code", municipality}}}},
              {"territory", {{"kind", "orp"}, {"codes", {orp}}}},
              // What publication asks, in words no test searches for.
              {"does", "-"},
              {"target_group", "-"},
              {"access_note", "-"},
              {"contacts", {{{"phone", "+420 469 000 000"}}}}};
    auto r = commands_->Create(EntityKind::kServiceCard, c.dump(), kSystem);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return json::parse(*r)["id"].get<int64_t>();
  }

  std::vector<std::string> Names(const ServiceQuery& q, size_t* total = nullptr) {
    json page = json::parse(SearchServiceCards(kSystem, *keeper_->Current(), q));
    if (total) *total = page["total"].get<size_t>();
    std::vector<std::string> names;
    for (const auto& item : page["items"]) names.push_back(item["name"].get<std::string>());
    return names;
  }

  testing::TempDatabase db_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<SnapshotKeeper> keeper_;
  std::unique_ptr<RecordCommands> commands_;
};

}  // namespace

TEST_F(SearchTest, TextIgnoresCaseAndDiacriticsAndSortsInCzech) {
  int64_t a = Actor("Základní škola Hlinsko", "571393");
  Card(a, "Školní psycholog", "edu_spp", "571393", "5302");
  Card(a, "Chůva pro děti", "ngo_family_centre", "571393", "5302");
  Card(a, "Hlídání dětí", "ngo_family_centre", "571393", "5302");
  Card(a, "Cvičení pro rodiče", "ngo_family_centre", "571393", "5302");
  ServiceQuery q;
  q.text = "skolni psycholog";
  EXPECT_EQ(Names(q), std::vector<std::string>{"Školní psycholog"});
  q.text = "SKOL PSYCH";  // prefixes of words
  EXPECT_EQ(Names(q), std::vector<std::string>{"Školní psycholog"});
  q.text = "";
  q.service_type = "ngo_family_centre";
  EXPECT_EQ(Names(q),
            (std::vector<std::string>{"Cvičení pro rodiče", "Hlídání dětí", "Chůva pro děti"}));
  q.text = "hlinsko";  // the actor's name is searchable too
  size_t total = 0;
  Names(q, &total);
  EXPECT_EQ(total, 3u);
}

TEST_F(SearchTest, FiltersByTerritoryAndPages) {
  int64_t a = Actor("Poskytovatel", "571164");
  for (int i = 0; i < 5; ++i) Card(a, "SAS Chrudim " + std::to_string(i), "ss65", "571164", "5304");
  Card(a, "SAS Hlinsko", "ss65", "571393", "5302");
  ServiceQuery q;
  q.orp = "5304";
  size_t total = 0;
  EXPECT_EQ(Names(q, &total).size(), 5u);
  q.region = "CZ053";
  q.orp.clear();
  Names(q, &total);
  EXPECT_EQ(total, 6u);
  q.region = "CZ010";
  Names(q, &total);
  EXPECT_EQ(total, 0u);
  q = {};
  q.municipality = "571393";
  EXPECT_EQ(Names(q), std::vector<std::string>{"SAS Hlinsko"});
  q = {};
  q.offset = 4;
  q.limit = 10;
  EXPECT_EQ(Names(q, &total).size(), 2u);
  EXPECT_EQ(total, 6u);
  q = {};
  q.level = 3;
  q.need_area = "relationships";
  q.age = 10;
  Names(q, &total);
  EXPECT_EQ(total, 6u);
  q.level = 1;
  Names(q, &total);
  EXPECT_EQ(total, 0u);
}

TEST_F(SearchTest, AWriteIsVisibleToTheNextRead) {
  int64_t a = Actor("Charita", "571164");
  int64_t c = Card(a, "Poradna", "ss37_family", "571164", "5304");
  ServiceQuery q;
  q.text = "poradna";
  EXPECT_EQ(Names(q).size(), 1u);
  json updated = ServiceCardToJson(keeper_->Current()->FindCard(c)->card);
  updated["name"] = "Manželská poradna";
  ASSERT_TRUE(commands_->Update(EntityKind::kServiceCard, c, updated.dump(), 1, kSystem).ok());
  q.text = "manzelska";
  EXPECT_EQ(Names(q).size(), 1u);
  // renaming the actor re-indexes its cards
  json actor = ActorToJson(keeper_->Current()->FindActor(a)->actor);
  actor["name"] = "Diakonie";
  ASSERT_TRUE(commands_->Update(EntityKind::kActor, a, actor.dump(), 1, kSystem).ok());
  q.text = "diakonie";
  EXPECT_EQ(Names(q).size(), 1u);
  ASSERT_TRUE(commands_->Delete(EntityKind::kServiceCard, c, 2, kSystem).ok());
  EXPECT_TRUE(Names(q).empty());
  // a second keeper following the same store sees the same state
  SnapshotKeeper other(*store_);
  ASSERT_TRUE(other.Load().ok());
  EXPECT_EQ(other.Current()->cards.size(), 0u);
  EXPECT_EQ(other.Current()->actors.size(), 1u);
}

TEST_F(SearchTest, StaleWritesAndBadRecordsLeaveNoTrace) {
  int64_t a = Actor("Charita", "571164");
  int64_t seq = keeper_->Current()->seq;
  json actor = ActorToJson(keeper_->Current()->FindActor(a)->actor);
  ASSERT_TRUE(commands_->Update(EntityKind::kActor, a, actor.dump(), 1, kSystem).ok());
  auto stale = commands_->Update(EntityKind::kActor, a, actor.dump(), 1, kSystem);
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  actor.erase("version");
  EXPECT_EQ(
      commands_->Update(EntityKind::kActor, a, actor.dump(), std::nullopt, kSystem).status().code(),
      StatusCode::kPrecondition);
  json bad = {{"actor_id", a},
              {"name", "X"},
              {"service_type", "nope"},
              {"territory", {{"kind", "orp"}, {"codes", {"5304"}}}}};
  EXPECT_EQ(commands_->Create(EntityKind::kServiceCard, bad.dump(), kSystem).status().code(),
            StatusCode::kInvalid);
  EXPECT_EQ(*store_->LastChangeSeq(), seq + 1);
}

}  // namespace prosit

namespace prosit {

// A snapshot patched write by write answers exactly like one rebuilt from the store.
TEST_F(SearchTest, PatchedSnapshotAnswersLikeARebuiltOne) {
  int64_t a = Actor("Charita Chrudim", "571164");
  int64_t b = Actor("Diakonie Hlinsko", "571393");
  std::vector<int64_t> cards;
  const char* names[] = {"Azylový dům", "Čajovna", "Hřiště", "Chůva", "Poradna", "Ústav"};
  for (int i = 0; i < 6; ++i)
    cards.push_back(Card(i % 2 ? a : b, names[i], i % 3 ? "ss65" : "ss37_family",
                         i % 2 ? "571164" : "571393", i % 2 ? "5304" : "5302"));
  ASSERT_TRUE(keeper_->Load().ok());  // these six are now in the base index
  auto rename = [&](int64_t id, const std::string& name) {
    json c = ServiceCardToJson(keeper_->Current()->FindCard(id)->card);
    c["name"] = name;
    ASSERT_TRUE(
        commands_->Update(EntityKind::kServiceCard, id, c.dump(), std::nullopt, kSystem).ok());
  };
  rename(cards[0], "Zahrada");  // moves from first to last
  rename(cards[3], "Cesta");    // moves forward
  ASSERT_TRUE(commands_->Delete(EntityKind::kServiceCard, cards[4], 1, kSystem).ok());
  Card(a, "Dílna", "ss65", "571164", "5304");  // new, lands in the middle
  json actor = ActorToJson(keeper_->Current()->FindActor(b)->actor);
  actor["name"] = "Slezská diakonie";  // re-indexes b's cards
  ASSERT_TRUE(commands_->Update(EntityKind::kActor, b, actor.dump(), 1, kSystem).ok());
  ASSERT_FALSE(keeper_->Current()->overlay.cards.empty());

  SnapshotKeeper rebuilt(*store_);
  ASSERT_TRUE(rebuilt.Load().ok());
  std::vector<ServiceQuery> queries(8);
  queries[1].text = "slezska";
  queries[2].orp = "5304";
  queries[3].region = "CZ053";
  queries[3].offset = 2;
  queries[3].limit = 3;
  queries[4].service_type = "ss65";
  queries[5].text = "diakonie";
  queries[6].municipality = "571393";
  queries[7].text = "za";
  for (const auto& q : queries)
    EXPECT_EQ(SearchServiceCards(kSystem, *keeper_->Current(), q),
              SearchServiceCards(kSystem, *rebuilt.Current(), q))
        << "text=" << q.text << " orp=" << q.orp << " region=" << q.region;
  EXPECT_EQ(ListActors(kSystem, *keeper_->Current(), ActorQuery{}),
            ListActors(kSystem, *rebuilt.Current(), ActorQuery{}));
  json all = json::parse(SearchServiceCards(kSystem, *keeper_->Current(), ServiceQuery{}));
  std::vector<std::string> order;
  for (const auto& item : all["items"]) order.push_back(item["name"]);
  EXPECT_EQ(order,
            (std::vector<std::string>{"Cesta", "Čajovna", "Dílna", "Hřiště", "Ústav", "Zahrada"}));
}

}  // namespace prosit
