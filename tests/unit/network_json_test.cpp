#include "io/network_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "io/json_writer.h"

namespace prosit {

TEST(NetworkJson, ServiceCardRoundTripsEveryField) {
  ServiceCard c;
  c.id = 7;
  c.version = 3;
  c.actor_id = 2;
  c.name = "Azylový dům „Domeček“";
  c.service_type = "ss57";
  c.need_areas = {"safety", "material"};
  c.level = 4;
  c.description = "Ubytování\nna přechodnou dobu";
  c.target_group = "matky s dětmi";
  c.age_min = 0;
  c.age_max = 18;
  c.forms = {"residential"};
  c.locations = {{"571164", "Tajná 1", {49.95, 15.79}, true}};
  c.territory = {TerritoryKind::kRegion, {"CZ053"}};
  c.capacity = {24.0, "beds"};
  c.waiting_days = 14;
  c.free_of_charge = false;
  c.cost_note = "130 Kč/noc";
  c.hours = "nonstop";
  c.access = Access::kReferral;
  c.access_note = "po telefonu";
  c.does = "poskytuje ubytování";
  c.does_not = "neposkytuje lékařskou péči";
  c.contacts = {{"Recepce", "služba", "+420 469 000 000", "azyl@example.cz", "", true}};
  c.registry_ids = {{"social_services_register", "1234567"}};
  c.last_verified = "2026-10-01";
  c.published = false;
  c.confidential_address = true;
  c.is_demo = true;
  std::string text = ServiceCardToJson(c).dump();
  auto back = ServiceCardFromJson(text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(ServiceCardToJson(*back).dump(), text);
}

TEST(NetworkJson, ReportsEveryFieldOfTheWrongShape) {
  auto r = ServiceCardFromJson(R"({"name": 5, "need_areas": "safety", "level": "3",
      "territory": {"kind": "planet"}, "locations": [{"municipality_code": 1, "x": 0}],
      "access": "maybe", "nope": true})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalid);
  for (const char* f : {"name", "need_areas", "level", "territory.kind",
                        "locations[0].municipality_code", "locations[0].x", "access", "nope"})
    EXPECT_TRUE(r.status().fields().count(f)) << f;
  EXPECT_EQ(ActorFromJson("{\"name\": ").status().code(), StatusCode::kMalformed);
  EXPECT_EQ(ActorFromJson("\"\xff\"").status().code(), StatusCode::kMalformed);
  EXPECT_EQ(ActorFromJson("[]").status().code(), StatusCode::kInvalid);
  EXPECT_TRUE(ActorFromJson(R"({"seat": null})").status().fields().count("seat"));
}

TEST(JsonWriter, EscapesAndNests) {
  JsonWriter w;
  w.BeginObject().Field("a", "q\"b\\s\n\x01 žluť").Key("list").BeginArray();
  w.Int(1).Bool(false).BeginObject().EndObject().EndArray().Field("n", int64_t{-5}).EndObject();
  auto j = nlohmann::json::parse(w.str());
  EXPECT_EQ(j["a"], "q\"b\\s\n\x01 žluť");
  EXPECT_EQ(j["list"], nlohmann::json::parse("[1, false, {}]"));
  EXPECT_EQ(j["n"], -5);
}

}  // namespace prosit
