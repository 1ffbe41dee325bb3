#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "analysis/great_circle_travel.h"
#include "app/database_setup.h"
#include "http/api_routes.h"
#include "model/record_bounds.h"
#include "test_data.h"

namespace prosit {

// Every registered route must be described by the OpenAPI document, and nothing more.
TEST(OpenApi, DescribesExactlyTheRegisteredRoutes) {
  testing::TempDatabase db;
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store.ok());
  SnapshotKeeper keeper(**store);
  RecordCommands commands(**store, keeper, FixedClock("2026-11-24T00:00:00Z"));
  Clock clock = FixedClock("2026-11-24T00:00:00Z");
  ASSERT_TRUE(
      InitDatabase(**store, PROSIT_SOURCE_DIR "/data", {"test", "2026-11-24T00:00:00Z"}).ok());
  ASSERT_TRUE(keeper.Load().ok());
  AnalysisBasisKeeper analysis(keeper.Current()->frame, std::make_shared<GreatCircleTravel>());
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

namespace {

bool HasType(const nlohmann::json& p, const char* type) {
  if (!p.contains("type")) return false;
  const auto& t = p["type"];
  return t.is_string() ? t == type : std::find(t.begin(), t.end(), type) != t.end();
}

// A text bounded otherwise than by a length: an enumeration, a date, a pattern.
bool BoundedOtherwise(const nlohmann::json& p) {
  return p.contains("enum") || p.contains("format") || p.contains("pattern");
}

}  // namespace

// The document states the model's bounds (model/record_bounds.h) and no others: maxLength
// and maxItems of each record's schema and its Input form equal kFieldBounds, and every
// text and list of an input schema is bounded there (or by an enum, format or pattern).
TEST(OpenApi, StatesTheBoundsOfTheModel) {
  auto doc = nlohmann::json::parse(OpenApiDocument());
  const auto& schemas = doc["components"]["schemas"];
  std::set<std::pair<std::string, std::string>> table;
  std::set<std::string> shapes;
  for (const FieldBound& b : kFieldBounds) {
    std::string shape(b.shape), field(b.field);
    table.insert({shape, field});
    shapes.insert(shape);
    bool item = field.size() > 2 && field.substr(field.size() - 2) == "[]";
    std::string member = item ? field.substr(0, field.size() - 2) : field;
    int found = 0;
    for (const std::string& name : {shape + "Input", shape}) {
      if (!schemas.contains(name) || !schemas[name]["properties"].contains(member)) continue;
      ++found;
      const auto& p = schemas[name]["properties"][member];
      std::string where = name + "." + field;
      if (item)
        EXPECT_EQ(p["items"].value("maxLength", -1), static_cast<int>(b.max)) << where;
      else if (b.kind == BoundKind::kItems)
        EXPECT_EQ(p.value("maxItems", -1), static_cast<int>(b.max)) << where;
      else
        EXPECT_EQ(p.value("maxLength", -1), static_cast<int>(b.max)) << where;
    }
    EXPECT_GT(found, 0) << "no schema states " << shape << "." << field;
  }
  for (const std::string& shape : shapes) {
    std::string name = schemas.contains(shape + "Input") ? shape + "Input" : shape;
    for (const auto& [member, p] : schemas[name]["properties"].items()) {
      if (HasType(p, "string") && !BoundedOtherwise(p)) {
        EXPECT_TRUE(table.count({shape, member})) << name << "." << member << " is unbounded";
      }
      if (HasType(p, "array")) {
        EXPECT_TRUE(table.count({shape, member})) << name << "." << member << " is unbounded";
        if (HasType(p["items"], "string") && !BoundedOtherwise(p["items"])) {
          EXPECT_TRUE(table.count({shape, member + "[]"}))
              << name << "." << member << "[] is unbounded";
        }
      }
    }
  }
}

}  // namespace prosit
