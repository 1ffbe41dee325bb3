// The store under pressure: audit queries that use the change log's indexes, audit pages
// bounded in bytes, a busy database that answers "busy" and writes nothing, and the
// durability setting in effect.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "app/accounts/audit_trail.h"
#include "http/api_response.h"
#include "store/change_query.h"
#include "store/store.h"
#include "test_data.h"

namespace prosit {

namespace {

std::unique_ptr<Store> Open(const std::string& path, const StoreOptions& options = {}) {
  auto s = OpenStore(path, options);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_TRUE((*s)->Migrate().ok());
  return std::move(*s);
}

// A second connection to the same file, as another process would have.
struct OtherConnection {
  explicit OtherConnection(const std::string& path) { sqlite3_open(path.c_str(), &db); }
  ~OtherConnection() { sqlite3_close_v2(db); }
  sqlite3* db = nullptr;
};

// What SQLite plans for `sql` with its parameters bound: one detail line per step.
std::vector<std::string> QueryPlan(const std::string& path, const std::string& sql,
                                   const ChangeQuery& q, bool page) {
  SqliteConnection conn([&] {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    return db;
  }());
  SqliteStatement s(conn, "EXPLAIN QUERY PLAN " + sql);
  EXPECT_TRUE(s.prepare_status().ok()) << s.prepare_status().ToString();
  if (page)
    BindChangePage(s, q, 50, 0);
  else
    BindChangeQuery(s, q);
  std::vector<std::string> plan;
  while (s.Step()) plan.push_back(s.Text(3));
  EXPECT_TRUE(s.status().ok());
  return plan;
}

bool ScansChangeLog(const std::vector<std::string>& plan) {
  for (const auto& step : plan)
    if (step.starts_with("SCAN change_log")) return true;
  return false;
}

std::string Joined(const std::vector<std::string>& plan) {
  std::string out;
  for (const auto& step : plan) out += step + "; ";
  return out;
}

DocumentPut PutActor(int64_t id, int64_t expected, std::string name) {
  return {EntityKind::kActor,
          id,
          expected,
          0,
          [name](int64_t id, int64_t v) {
            return nlohmann::json{{"id", id}, {"version", v}, {"name", name}}.dump();
          },
          {}};
}

Author Who() { return {"test", "2026-11-24T10:00:00Z"}; }

}  // namespace

TEST(ChangeQuery, TheAuditOfOneRecordSearchesTheEntityIndex) {
  testing::TempDatabase db;
  Open(db.path());
  ChangeFilter f;
  f.kind = EntityKind::kActor;
  f.entity_id = 7;
  ChangeQuery q = BuildChangeQuery(f);
  for (bool page : {true, false}) {
    auto plan = QueryPlan(db.path(), page ? ChangePageSql(q) : ChangeCountSql(q), q, page);
    EXPECT_FALSE(ScansChangeLog(plan)) << Joined(plan);
    EXPECT_NE(Joined(plan).find("INDEX change_log_entity"), std::string::npos) << Joined(plan);
    EXPECT_EQ(Joined(plan).find("TEMP B-TREE"), std::string::npos) << Joined(plan);
  }
}

TEST(ChangeQuery, QueriesByAuthorAndByTimeUseTheirIndexes) {
  testing::TempDatabase db;
  Open(db.path());
  ChangeFilter by_author;
  by_author.author = "user:alice";
  ChangeQuery q = BuildChangeQuery(by_author);
  auto plan = QueryPlan(db.path(), ChangePageSql(q), q, true);
  EXPECT_NE(Joined(plan).find("INDEX change_log_author"), std::string::npos) << Joined(plan);
  ChangeFilter by_time;
  by_time.from = "2026-01-01";
  by_time.to = "2026-01-31";
  q = BuildChangeQuery(by_time);
  plan = QueryPlan(db.path(), ChangeCountSql(q), q, false);
  EXPECT_NE(Joined(plan).find("INDEX change_log_at"), std::string::npos) << Joined(plan);
}

// The check above can fail: the catch-all shape the store used before scans the log.
TEST(ChangeQuery, TheCatchAllShapeWouldScanTheLog) {
  testing::TempDatabase db;
  Open(db.path());
  ChangeQuery q;
  q.params = {std::string("actor"), int64_t{7}};
  auto plan = QueryPlan(db.path(),
                        "SELECT COUNT(*) FROM change_log WHERE (?1 = '' OR entity = ?1) AND "
                        "(?2 = 0 OR entity_id = ?2)",
                        q, false);
  EXPECT_TRUE(ScansChangeLog(plan)) << Joined(plan);
}

TEST(ChangeQuery, DatesAreInclusiveAndFiltersCombine) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  for (const char* at : {"2026-01-31T23:59:59Z", "2026-02-01T00:00:00Z", "2026-02-28T23:59:59Z",
                         "2026-03-01T00:00:00Z"})
    ASSERT_TRUE(
        store
            ->Transact({"user:a", at},
                       [](StoreTransaction& tx) { return tx.Put(PutActor(0, 0, "x")).status(); })
            .ok());
  ChangeFilter f;
  f.from = "2026-02-01";
  f.to = "2026-02-28";
  auto page = store->FindChanges(f);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);
  ASSERT_EQ(page->entries.size(), 2u);
  EXPECT_EQ(page->entries[0].at, "2026-02-28T23:59:59Z");  // newest first
  f.kind = EntityKind::kActor;
  f.entity_id = page->entries[1].entity_id;
  f.author = "user:a";
  f.op = "create";
  EXPECT_EQ(store->FindChanges(f)->total, 1);
  f.author = "user:b";
  EXPECT_EQ(store->FindChanges(f)->total, 0);
}

TEST(AuditPaging, APageEndsAtItsByteBudgetAndSaysWhereTheNextStarts) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  int64_t id = 0;
  // Ten versions whose names are 10 kB each: an update renders at over 20 kB.
  for (int v = 0; v < 10; ++v)
    ASSERT_TRUE(store
                    ->Transact(Who(),
                               [&](StoreTransaction& tx) {
                                 auto put = tx.Put(PutActor(
                                     id, 0, std::string(10'000, static_cast<char>('a' + v))));
                                 if (put.ok()) id = put->id;
                                 return put.status();
                               })
                    .ok());
  NetworkSnapshot snap;
  AuditQuery q;
  q.entity = "actor";
  q.id = id;
  q.limit = 50;
  q.max_bytes = 50'000;
  std::vector<int64_t> seen;
  for (int pages = 0; pages < 20; ++pages) {
    auto page = AuditTrailJson(Caller::System("test"), snap, *store, q);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_LE(page->size(), q.max_bytes + 1000);  // the items and a short tail
    auto j = nlohmann::json::parse(*page);
    EXPECT_EQ(j["total"], 10);
    ASSERT_FALSE(j["items"].empty());
    for (const auto& item : j["items"]) seen.push_back(item["seq"]);
    if (j["next_offset"].is_null()) {
      EXPECT_FALSE(j["size_limited"]);
      break;
    }
    EXPECT_TRUE(j["size_limited"]);
    EXPECT_LT(j["items"].size(), 10u);
    EXPECT_EQ(j["next_offset"], q.offset + j["items"].size());
    q.offset = j["next_offset"];
  }
  ASSERT_EQ(seen.size(), 10u);  // every entry once, newest first
  for (size_t i = 1; i < seen.size(); ++i) EXPECT_LT(seen[i], seen[i - 1]);
}

TEST(AuditPaging, AnEntryLargerThanTheBudgetStillMakesAPage) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  ASSERT_TRUE(store
                  ->Transact(Who(),
                             [](StoreTransaction& tx) {
                               return tx.Put(PutActor(0, 0, std::string(5000, 'x'))).status();
                             })
                  .ok());
  AuditQuery q;
  q.max_bytes = 100;
  auto page = AuditTrailJson(Caller::System("test"), NetworkSnapshot(), *store, q);
  ASSERT_TRUE(page.ok());
  auto j = nlohmann::json::parse(*page);
  EXPECT_EQ(j["items"].size(), 1u);
  EXPECT_TRUE(j["next_offset"].is_null());
}

TEST(StoreDurability, CommitsAreSyncedFullyByDefault) {
  testing::TempDatabase db;
  auto settings = Open(db.path())->Settings();
  ASSERT_TRUE(settings.ok());
  EXPECT_EQ(settings->at("synchronous"), "full");
  EXPECT_EQ(settings->at("journal_mode"), "wal");
  StoreOptions normal;
  normal.synchronous = StoreOptions::Synchronous::kNormal;
  EXPECT_EQ(Open(db.path(), normal)->Settings()->at("synchronous"), "normal");
  EXPECT_EQ(ParseSynchronous("full"), StoreOptions::Synchronous::kFull);
  EXPECT_EQ(ParseSynchronous("off"), std::nullopt);
}

TEST(StoreBusy, AWriteWhileAnotherProcessHoldsTheLockIsBusyAndWritesNothing) {
  testing::TempDatabase db;
  StoreOptions quick;
  quick.busy_timeout_ms = 50;
  auto store = Open(db.path(), quick);
  EXPECT_EQ(store->Settings()->at("busy_timeout_ms"), "50");
  OtherConnection other(db.path());
  ASSERT_EQ(sqlite3_exec(other.db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  Status s = store->Transact(
      Who(), [](StoreTransaction& tx) { return tx.Put(PutActor(0, 0, "blocked")).status(); });
  EXPECT_EQ(s.code(), StatusCode::kBusy) << s.ToString();
  // Reads go on: a WAL database lets readers past another's write lock.
  EXPECT_EQ(*store->LastChangeSeq(), 0);
  ApiResponse r = ApiResponse::Error(s);
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("store_busy"), std::string::npos);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "Retry-After");
  ASSERT_EQ(sqlite3_exec(other.db, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_TRUE(
      store
          ->Transact(Who(),
                     [](StoreTransaction& tx) { return tx.Put(PutActor(0, 0, "free")).status(); })
          .ok());
  auto all = store->LoadAll(EntityKind::kActor);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_NE(all->front().json.find("free"), std::string::npos);
  EXPECT_EQ(*store->LastChangeSeq(), 1);
}

}  // namespace prosit
