#include "app/records/record_kinds.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "analysis/great_circle_travel.h"
#include "app/database_setup.h"
#include "app/records/record_commands.h"
#include "http/api_routes.h"
#include "test_data.h"

namespace prosit {

namespace {

using nlohmann::json;

const std::vector<EntityKind> kWritable = {
    EntityKind::kActor,          EntityKind::kServiceCard,   EntityKind::kMeeting,
    EntityKind::kNeed,           EntityKind::kTie,           EntityKind::kTheme,
    EntityKind::kGoal,           EntityKind::kStep,          EntityKind::kGoodPractice,
    EntityKind::kRecommendation, EntityKind::kParticipation, EntityKind::kOrpText,
    EntityKind::kAnalysisText};

}  // namespace

TEST(RecordKinds, ListsEveryWritableKindOnceWithItsStoreName) {
  std::vector<EntityKind> listed;
  std::set<std::string_view> routes, schemas;
  for (const RecordKindInfo& k : RecordKinds()) {
    listed.push_back(k.kind);
    EXPECT_EQ(k.name, EntityName(k.kind));
    EXPECT_TRUE(routes.insert(k.route).second) << k.route;
    EXPECT_TRUE(schemas.insert(k.schema).second) << k.schema;
    EXPECT_EQ(FindRecordKind(k.kind), &k);
    EXPECT_EQ(k.item(), k.collection() + "/{id}");
  }
  EXPECT_EQ(listed, kWritable);
  for (EntityKind other :
       {EntityKind::kUser, EntityKind::kReference, EntityKind::kTerritory, EntityKind::kErasure})
    EXPECT_EQ(FindRecordKind(other), nullptr) << EntityName(other);
  EXPECT_EQ(FindRecordKind(EntityKind::kGoodPractice)->collection(), "/api/v1/good-practices");
}

TEST(RecordKinds, VisitFindsTheEntryOfEachKindAndNoneOfOthers) {
  for (EntityKind kind : kWritable) {
    EntityKind seen = EntityKind::kErasure;
    EXPECT_TRUE(VisitRecordKind(kind, [&]<typename T>() { seen = RecordKind<T>::kKind; }));
    EXPECT_EQ(seen, kind);
  }
  int calls = 0;
  EXPECT_FALSE(VisitRecordKind(EntityKind::kUser, [&]<typename T>() { ++calls; }));
  EXPECT_EQ(calls, 0);
}

TEST(RecordKinds, EntriesNameTheRecordsARecordRefersTo) {
  auto need = RecordKind<Need>::Parse(
      R"({"statement": "S", "orp_code": "5304", "date": "2018-03-14", "voiced_by": [4, 5],
          "meeting_ids": [7], "theme_ids": [9]})",
      nullptr);
  ASSERT_TRUE(need.ok()) << need.status().ToString();
  std::vector<std::string> fields;
  for (const Reference& r : RecordKind<Need>::References(*need))
    fields.push_back(std::string(EntityName(r.kind)) + " " + std::to_string(r.id) + " " + r.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"actor 4 voiced_by[0]", "actor 5 voiced_by[1]",
                                              "meeting 7 meeting_ids[0]", "theme 9 theme_ids[0]"}));
  Step step;
  step.goal_id = 3;
  step.actor_ids = {8};
  EXPECT_EQ(RecordKind<Step>::References(step).size(), 2u);
  EXPECT_EQ(RecordKind<Step>::References(step)[0].field, "goal_id");
  ServiceCard card;
  card.actor_id = 12;
  EXPECT_EQ(RecordKind<ServiceCard>::Parent(card), 12);
  EXPECT_EQ(RecordKind<Meeting>::Parent(Meeting{}), 0);
}

// Every kind's write routes are served and documented, PATCH with the merge-patch media
// type: the OpenAPI document cannot fall behind the registry.
TEST(RecordKinds, EveryKindHasItsWriteRoutesServedAndDocumented) {
  testing::TempDatabase db;
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store.ok());
  SnapshotKeeper keeper(**store);
  Clock clock = FixedClock("2026-11-24T00:00:00Z");
  RecordCommands commands(**store, keeper, clock);
  ASSERT_TRUE(
      InitDatabase(**store, PROSIT_SOURCE_DIR "/data", {"test", "2026-11-24T00:00:00Z"}).ok());
  ASSERT_TRUE(keeper.Load().ok());
  AnalysisBasisKeeper analysis(keeper.Current()->frame, std::make_shared<GreatCircleTravel>());
  ApiContext ctx{keeper, commands, **store, clock, analysis};
  ApiRouter router = MakeApiRouter(ctx);
  std::set<std::string> served;
  for (const Route& r : router.routes()) served.insert(r.method + " " + r.pattern);

  auto doc = json::parse(OpenApiDocument());
  for (const RecordKindInfo& k : RecordKinds()) {
    SCOPED_TRACE(std::string(k.name));
    EXPECT_TRUE(served.count("POST " + k.collection()));
    for (const char* m : {"GET", "PUT", "PATCH", "DELETE"})
      EXPECT_TRUE(served.count(m + (" " + k.item()))) << m << " " << k.item();
    ASSERT_TRUE(doc["paths"].contains(k.collection()));
    ASSERT_TRUE(doc["paths"].contains(k.item()));
    EXPECT_TRUE(doc["paths"][k.collection()].contains("post"));
    const json& item = doc["paths"][k.item()];
    for (const char* m : {"get", "put", "patch", "delete"}) EXPECT_TRUE(item.contains(m)) << m;
    const json& patch = item["patch"];
    EXPECT_TRUE(patch["requestBody"]["content"].contains("application/merge-patch+json"));
    EXPECT_FALSE(patch["requestBody"]["content"].contains("application/json"));
    EXPECT_EQ(patch["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
              "#/components/schemas/" + std::string(k.schema));
    EXPECT_TRUE(doc["components"]["schemas"].contains(std::string(k.schema)));
  }
}

TEST(RecordKinds, PatchNeedsTheMergePatchMediaType) {
  EXPECT_TRUE(IsMergePatchMediaType("application/merge-patch+json"));
  EXPECT_TRUE(IsMergePatchMediaType("Application/Merge-Patch+JSON; charset=utf-8"));
  EXPECT_FALSE(IsMergePatchMediaType("application/json"));
  EXPECT_FALSE(IsMergePatchMediaType("application/merge-patch+json; charset=latin1"));
  EXPECT_FALSE(IsJsonMediaType("application/merge-patch+json"));
}

TEST(MergePatch, FollowsRfc7396) {
  std::string stored =
      R"({"id": 5, "version": 3, "title": "T", "note": "N", "seat": {"a": 1, "b": 2},
          "list": [1, 2, 3]})";
  auto merged = ApplyMergePatch(stored, R"({"note": null, "seat": {"b": null, "c": 3},
                                            "list": [4], "title": "U"})");
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(json::parse(*merged),
            json::parse(R"({"id": 5, "version": 3, "title": "U", "seat": {"a": 1, "c": 3},
                            "list": [4]})"));
}

TEST(MergePatch, KeepsTheIdAndIgnoresTheVersion) {
  std::string stored = R"({"id": 5, "version": 3, "title": "T"})";
  auto other = ApplyMergePatch(stored, R"({"id": 6})");
  EXPECT_EQ(other.status().code(), StatusCode::kInvalid);
  EXPECT_TRUE(other.status().fields().count("id"));
  auto same = ApplyMergePatch(stored, R"({"id": 5, "version": 99, "title": "U"})");
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(json::parse(*same), json::parse(R"({"id": 5, "version": 3, "title": "U"})"));
  auto dropped = ApplyMergePatch(stored, R"({"id": null, "version": null})");
  ASSERT_TRUE(dropped.ok());
  EXPECT_EQ(json::parse(*dropped), json::parse(stored));
}

TEST(MergePatch, RefusesWhatAPutBodyWouldBeRefused) {
  std::string stored = R"({"id": 5, "version": 3})";
  EXPECT_EQ(ApplyMergePatch(stored, R"({"title": )").status().code(), StatusCode::kMalformed);
  EXPECT_EQ(ApplyMergePatch(stored, R"({"a": 1, "a": 2})").status().code(), StatusCode::kMalformed);
  // Nested deeper than a PUT body may be: the merge would recurse as deep.
  std::string objects, arrays = std::string(100000, '[') + std::string(100000, ']');
  for (int i = 0; i < 5000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(5000, '}');
  EXPECT_EQ(ApplyMergePatch(stored, objects).status().code(), StatusCode::kMalformed);
  EXPECT_EQ(ApplyMergePatch(stored, arrays).status().code(), StatusCode::kMalformed);
}

TEST(Provenance, APutKeepsTheStoredMembersItLeavesOut) {
  std::string stored = R"({"id": 1, "version": 2, "demo": true, "source": "seeds", "x": 1})";
  EXPECT_EQ(json::parse(KeepProvenance(R"({"x": 2})", stored)),
            json::parse(R"({"x": 2, "demo": true, "source": "seeds"})"));
  // naming either member says all: the other follows from it
  EXPECT_EQ(json::parse(KeepProvenance(R"({"x": 2, "demo": false})", stored)),
            json::parse(R"({"x": 2, "demo": false})"));
  EXPECT_EQ(json::parse(KeepProvenance(R"({"x": 2, "source": "invented"})", stored)),
            json::parse(R"({"x": 2, "source": "invented"})"));
  EXPECT_EQ(json::parse(KeepProvenance("{}", stored)),
            json::parse(R"({"demo": true, "source": "seeds"})"));
  // a member the stored record lacks stays absent
  EXPECT_EQ(KeepProvenance(R"({"x": 2})", R"({"id": 1, "x": 1})"), R"({"x": 2})");
  // what the reader must refuse reaches it unchanged
  for (const char* body : {R"({"x": 2, "x": 3})", R"({"x": )", "[1, 2]", "\"text\""})
    EXPECT_EQ(KeepProvenance(body, stored), body);
}

}  // namespace prosit
