#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/database_setup.h"
#include "app/networking/strategy_queries.h"
#include "app/records/record_commands.h"
#include "test_data.h"

namespace prosit {

using nlohmann::json;

const Caller kSystem = Caller::System("test");

// Writes on three days; the strategy of each day shows that day's state, replayed from
// the change log, and overdue steps are judged by the day shown.
TEST(StrategyHistory, EachDayShowsItsOwnState) {
  testing::TempDatabase db;
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(InitDatabase(**store, PROSIT_SOURCE_DIR "/data", {"t", "2018-01-01T00:00:00Z"}).ok());
  SnapshotKeeper keeper(**store);
  ASSERT_TRUE(keeper.Load().ok());
  auto on = [&](const char* day) {
    return RecordCommands(**store, keeper, FixedClock(std::string(day) + "T12:00:00Z"));
  };
  auto id_of = [](const Result<std::string>& r) {
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? json::parse(*r)["id"].get<int64_t>() : 0;
  };
  int64_t theme = id_of(
      on("2018-03-01")
          .Create(EntityKind::kTheme,
                  R"({"orp_code": "5304", "title": "Bydlení", "since": "2018-03-01"})", kSystem));
  int64_t goal = id_of(
      on("2018-03-01")
          .Create(
              EntityKind::kGoal,
              json{{"theme_id", theme}, {"title", "Krizové byty"}, {"since", "2018-03-01"}}.dump(),
              kSystem));
  int64_t step = id_of(
      on("2018-04-02")
          .Create(EntityKind::kStep,
                  json{{"goal_id", goal}, {"title", "Jednat s městem"}, {"deadline", "2018-05-31"}}
                      .dump(),
                  kSystem));
  ASSERT_TRUE(on("2018-06-15")
                  .Update(EntityKind::kStep, step,
                          json{{"goal_id", goal},
                               {"title", "Jednat s městem"},
                               {"deadline", "2018-05-31"},
                               {"status", "done"}}
                              .dump(),
                          1, kSystem)
                  .ok());
  ASSERT_TRUE(on("2018-07-01").Delete(EntityKind::kStep, step, 2, kSystem).ok());

  auto strategy = [&](const char* day) {
    auto r = StrategyAsOf(**store, day);
    EXPECT_TRUE(r.ok());
    return json::parse(StrategyJson(*r, "5304", day, day));
  };
  EXPECT_TRUE(strategy("2018-02-28")["themes"].empty());
  EXPECT_TRUE(strategy("2018-03-01")["themes"][0]["goals"][0]["steps"].empty());
  json april = strategy("2018-04-30");
  EXPECT_EQ(april["themes"][0]["goals"][0]["steps"][0]["status"], "planned");
  EXPECT_EQ(april["overdue"], 0);
  json june1 = strategy("2018-06-01");
  EXPECT_EQ(june1["overdue"], 1);  // past its deadline, not yet done
  json june = strategy("2018-06-15");
  EXPECT_EQ(june["themes"][0]["goals"][0]["steps"][0]["status"], "done");
  EXPECT_EQ(june["overdue"], 0);
  EXPECT_TRUE(strategy("2018-07-01")["themes"][0]["goals"][0]["steps"].empty());

  auto changes = [&](const char* from, const char* to) {
    auto before = StrategyAsOf(**store, from), after = StrategyAsOf(**store, to);
    EXPECT_TRUE(before.ok() && after.ok());
    std::vector<std::string> out;
    json diff = json::parse(StrategyChangesJson(*before, *after, "5304", from, to));
    for (const auto& c : diff["changes"])
      out.push_back(c["kind"].get<std::string>() + " " + c["change"].get<std::string>());
    return out;
  };
  EXPECT_EQ(changes("2018-02-28", "2018-03-01"),
            (std::vector<std::string>{"theme added", "goal added"}));
  EXPECT_EQ(changes("2018-04-30", "2018-06-15"), (std::vector<std::string>{"step changed"}));
  EXPECT_EQ(changes("2018-06-15", "2018-07-01"), (std::vector<std::string>{"step removed"}));
  EXPECT_TRUE(changes("2018-07-01", "2018-08-01").empty());
}

}  // namespace prosit
