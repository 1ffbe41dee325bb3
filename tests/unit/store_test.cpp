#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/sqlite_migrations.h"
#include "test_data.h"

namespace prosit {

namespace {

Author Who() { return {"test", "2026-11-24T10:00:00Z"}; }

DocumentPut PutActor(int64_t id, int64_t expected, const std::string& name) {
  return {EntityKind::kActor,
          id,
          expected,
          0,
          [name](int64_t id, int64_t v) {
            return "{\"id\":" + std::to_string(id) + ",\"version\":" + std::to_string(v) +
                   ",\"name\":\"" + name + "\"}";
          },
          {}};
}

std::unique_ptr<Store> Open(const std::string& path) {
  auto s = OpenStore(path);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_TRUE((*s)->Migrate().ok());
  return std::move(*s);
}

}  // namespace

TEST(Store, MigratesOnceToTheNewestVersion) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  EXPECT_EQ(*store->SchemaVersion(), SqliteMigrations().back().version);
  EXPECT_TRUE(store->Migrate().ok());  // idempotent
  store.reset();
  store = Open(db.path());  // reopening keeps the data and the version
  EXPECT_EQ(*store->SchemaVersion(), SqliteMigrations().back().version);
}

TEST(Store, TerritoryRoundTrips) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  ASSERT_TRUE(store->ReplaceTerritory(testing::RealTerritory()).ok());
  auto t = store->LoadTerritory();
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->municipalities().size(), 6258u);
  EXPECT_EQ(t->FindMunicipality("571164")->name, "Chrudim");
  EXPECT_NEAR(t->FindMunicipality("571164")->children_0_17,
              testing::RealTerritory().FindMunicipality("571164")->children_0_17, 1e-9);
  ASSERT_TRUE(store->ImportChildPopulation({{"571164", 4000}}, Who()).ok());
  EXPECT_EQ(store->LoadTerritory()->FindMunicipality("571164")->children_0_17, 4000);
  EXPECT_TRUE(store->LoadTerritory()->FindMunicipality("571164")->children_imported);
  EXPECT_FALSE(store->ImportChildPopulation({{"571164", 1}, {"999999", 2}}, Who()).ok());
  EXPECT_EQ(store->LoadTerritory()->FindMunicipality("571164")->children_0_17, 4000);
}

TEST(Store, EveryWriteIsLoggedWithBeforeAndAfter) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  int64_t id = 0;
  ASSERT_TRUE(store
                  ->Transact(Who(),
                             [&](StoreTransaction& tx) {
                               auto d = tx.Put(PutActor(0, 0, "A"));
                               if (!d.ok()) return d.status();
                               id = d->id;
                               return Status::Ok();
                             })
                  .ok());
  ASSERT_TRUE(
      store
          ->Transact(Who(),
                     [&](StoreTransaction& tx) { return tx.Put(PutActor(id, 1, "B")).status(); })
          .ok());
  ASSERT_TRUE(
      store
          ->Transact(Who(),
                     [&](StoreTransaction& tx) { return tx.Delete(EntityKind::kActor, id, 2); })
          .ok());
  auto log = store->ChangesSince(0, 100);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ((*log)[0].op, "create");
  EXPECT_FALSE((*log)[0].before);
  EXPECT_EQ((*log)[1].op, "update");
  EXPECT_NE((*log)[1].before->find("\"A\""), std::string::npos);
  EXPECT_NE((*log)[1].after->find("\"B\""), std::string::npos);
  EXPECT_EQ((*log)[2].op, "delete");
  EXPECT_FALSE((*log)[2].after);
  EXPECT_EQ((*log)[2].author, "test");
  EXPECT_EQ(*store->LastChangeSeq(), (*log)[2].seq);
}

TEST(Store, StaleVersionConflictsAndRollsBackTheWholeTransaction) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  ASSERT_TRUE(
      store
          ->Transact(Who(),
                     [&](StoreTransaction& tx) { return tx.Put(PutActor(0, 0, "A")).status(); })
          .ok());
  Status s = store->Transact(Who(), [&](StoreTransaction& tx) {
    PROSIT_RETURN_IF_ERROR(tx.Put(PutActor(0, 0, "second")).status());
    return tx.Put(PutActor(1, 7, "stale")).status();
  });
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_EQ(store->LoadAll(EntityKind::kActor)->size(), 1u);
  EXPECT_EQ(store->ChangesSince(0, 100)->size(), 1u);
  EXPECT_EQ((*store->Get(EntityKind::kActor, 1))->json.find("stale"), std::string::npos);
}

TEST(Store, ServiceCardNeedsItsActorAndKeepsItAlive) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  DocumentPut card{
      EntityKind::kServiceCard, 0, 0, 1, [](int64_t, int64_t) { return std::string("{}"); }, {}};
  Status s = store->Transact(Who(), [&](StoreTransaction& tx) { return tx.Put(card).status(); });
  EXPECT_EQ(s.code(), StatusCode::kInvalid);
  EXPECT_TRUE(s.fields().count("actor_id"));
  ASSERT_TRUE(store
                  ->Transact(Who(),
                             [&](StoreTransaction& tx) {
                               PROSIT_RETURN_IF_ERROR(tx.Put(PutActor(0, 0, "A")).status());
                               return tx.Put(card).status();
                             })
                  .ok());
  s = store->Transact(Who(),
                      [&](StoreTransaction& tx) { return tx.Delete(EntityKind::kActor, 1, 0); });
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_EQ(store->LoadAll(EntityKind::kServiceCard)->size(), 1u);
  EXPECT_TRUE(store->CheckIntegrity()->empty());
}

TEST(Store, IdsAreNeverReused) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  auto create = [&] {
    int64_t id = 0;
    EXPECT_TRUE(store
                    ->Transact(Who(),
                               [&](StoreTransaction& tx) {
                                 auto d = tx.Put(PutActor(0, 0, "A"));
                                 if (d.ok()) id = d->id;
                                 return d.status();
                               })
                    .ok());
    return id;
  };
  int64_t first = create();
  ASSERT_TRUE(
      store
          ->Transact(Who(),
                     [&](StoreTransaction& tx) { return tx.Delete(EntityKind::kActor, first, 1); })
          .ok());
  EXPECT_GT(create(), first);
}

TEST(Store, ChangeLogIsAppendOnly) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  ASSERT_TRUE(
      store
          ->Transact(Who(),
                     [&](StoreTransaction& tx) { return tx.Put(PutActor(0, 0, "A")).status(); })
          .ok());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.path().c_str(), &raw), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(raw, "UPDATE change_log SET author = 'x'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(raw, "DELETE FROM change_log", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  EXPECT_EQ(store->ChangesSince(0, 10)->size(), 1u);
}

TEST(Store, BackupIsACompleteCopy) {
  testing::TempDatabase db, copy;
  auto store = Open(db.path());
  ASSERT_TRUE(
      store
          ->Transact(Who(),
                     [&](StoreTransaction& tx) { return tx.Put(PutActor(0, 0, "A")).status(); })
          .ok());
  ASSERT_TRUE(store->Backup(copy.path()).ok());
  auto restored = Open(copy.path());
  EXPECT_EQ(restored->LoadAll(EntityKind::kActor)->size(), 1u);
  EXPECT_EQ(restored->ChangesSince(0, 10)->size(), 1u);
  EXPECT_FALSE(store->Backup("/nonexistent-dir/x.db").ok());
}

}  // namespace prosit

namespace prosit {

// A published model version is kept whole and never changes; publishing against a stale
// version is refused, and each version is in the change log with its author.
TEST(Store, ModelVersionsAreKeptAndImmutable) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  EXPECT_FALSE(store->LoadModelVersion(0)->has_value());  // nothing published yet
  std::map<std::string, std::string> v1 = {{"a", "[1]"}, {"b", "[2]"}};
  ASSERT_EQ(*store->PublishModelVersion(v1, Who(), "first", 0), 1);
  std::map<std::string, std::string> v2 = {{"a", "[1]"}, {"b", "[3]"}};
  ASSERT_EQ(*store->PublishModelVersion(v2, {"user:m", "2026-11-25T10:00:00Z"}, "second", 1), 2);
  EXPECT_EQ(store->PublishModelVersion(v1, Who(), "stale", 1).status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(*store->LoadReferenceDocuments(), v2);
  EXPECT_EQ((*store->LoadModelVersion(1))->documents, v1);
  auto current = *store->LoadModelVersion(0);
  EXPECT_EQ(current->number, 2);
  EXPECT_EQ(current->author, "user:m");
  EXPECT_EQ(current->note, "second");
  auto list = store->ListModelVersions();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_TRUE((*list)[0].documents.empty());
  EXPECT_EQ((*list)[1].at, "2026-11-25T10:00:00Z");
  // Version 2 changed one document: its row and the version's own.
  auto log = store->ChangesSince(0, 100);
  int rows = 0;
  for (const auto& e : *log)
    if (e.kind == EntityKind::kReference && e.entity_id == 2) {
      EXPECT_EQ(e.author, "user:m");
      ++rows;
    }
  EXPECT_EQ(rows, 2);
  store.reset();
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.path().c_str(), &raw), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(raw, "UPDATE model_version_documents SET json = '[]'", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(raw, "DELETE FROM model_versions", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  EXPECT_EQ((*Open(db.path())->LoadModelVersion(1))->documents, v1);
}

}  // namespace prosit
