#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analysis/great_circle_travel.h"
#include "app/database_setup.h"
#include "http/api_routes.h"
#include "test_data.h"

namespace prosit {

// Every registered route must be described by the OpenAPI document, and nothing more.
TEST(OpenApi, DescribesExactlyTheRegisteredRoutes) {
  testing::TempDatabase db;
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store.ok());
  SnapshotKeeper keeper(**store);
  NetworkCommands commands(**store, keeper, FixedClock("2026-11-24T00:00:00Z"));
  Clock clock = FixedClock("2026-11-24T00:00:00Z");
  ASSERT_TRUE(
      InitDatabase(**store, PROSIT_SOURCE_DIR "/data", {"test", "2026-11-24T00:00:00Z"}).ok());
  ASSERT_TRUE(keeper.Load().ok());
  NetworkAnalysis analysis(keeper.Current()->frame, std::make_shared<GreatCircleTravel>());
  ApiContext ctx{keeper, commands, **store, clock, analysis};
  ApiRouter router = MakeApiRouter(ctx);

  auto doc = nlohmann::json::parse(OpenApiDocument());
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 3), "3.1");
  std::set<std::string> documented, registered;
  for (auto& [path, item] : doc["paths"].items())
    for (auto& [method, op] : item.items())
      if (method != "parameters") documented.insert(method + " " + path);
  for (const Route& r : router.routes()) {
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    registered.insert(method + " " + r.pattern);
  }
  for (const auto& r : registered) EXPECT_TRUE(documented.count(r)) << "undocumented: " << r;
  for (const auto& d : documented) EXPECT_TRUE(registered.count(d)) << "not served: " << d;
}

}  // namespace prosit
