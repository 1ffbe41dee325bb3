#include "store/account_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/sqlite_migrations.h"
#include "test_data.h"

namespace prosit {

namespace {

std::unique_ptr<Store> Open(const std::string& path) {
  auto s = OpenStore(path);
  EXPECT_TRUE(s.ok());
  EXPECT_TRUE((*s)->Migrate().ok());
  return std::move(*s);
}

DocumentPut PutUser(int64_t id, int64_t expected, const std::string& login) {
  DocumentPut put;
  put.kind = EntityKind::kUser;
  put.id = id;
  put.expected_version = expected;
  put.render = [login](int64_t id, int64_t v) {
    return "{\"id\":" + std::to_string(id) + ",\"version\":" + std::to_string(v) + ",\"login\":\"" +
           login + "\"}";
  };
  return put;
}

}  // namespace

TEST(AccountStore, MigrationThreeAddsTheAccountTables) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  EXPECT_GE(*store->SchemaVersion(), 3);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.path().c_str(), &raw), SQLITE_OK);
  for (const char* table : {"users", "sessions", "api_tokens", "login_attempts"}) {
    std::string sql = std::string("SELECT COUNT(*) FROM ") + table;
    EXPECT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << table;
  }
  sqlite3_close(raw);
}

TEST(AccountStore, AUserDocumentIsLoggedAndItsHashKeptApart) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  Author who{"test", "2026-11-24T10:00:00Z"};
  int64_t id = 0;
  ASSERT_TRUE(store
                  ->Transact(who,
                             [&](StoreTransaction& tx) -> Status {
                               auto d = tx.Put(PutUser(0, 0, "jana"));
                               if (!d.ok()) return d.status();
                               id = d->id;
                               return tx.SetPasswordHash(id, "$argon2id$secret");
                             })
                  .ok());
  // An update of the document keeps the hash.
  ASSERT_TRUE(
      store
          ->Transact(who,
                     [&](StoreTransaction& tx) { return tx.Put(PutUser(id, 1, "jana")).status(); })
          .ok());
  auto found = store->accounts().FindUserByLogin("jana");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->password_hash, "$argon2id$secret");
  EXPECT_EQ((*found)->user.version, 2);
  for (const ChangeEntry& c : *store->ChangesSince(0, 10)) {
    EXPECT_EQ(c.kind, EntityKind::kUser);
    EXPECT_EQ(c.after->find("argon2"), std::string::npos);
  }
  // Logins are unique; the second writer's transaction is rolled back.
  Status dup = store->Transact(
      who, [&](StoreTransaction& tx) { return tx.Put(PutUser(0, 0, "jana")).status(); });
  EXPECT_EQ(dup.code(), StatusCode::kConflict);
  // The store's own refusal names no table or column (it may reach a client as 409).
  EXPECT_EQ(dup.message().find("users"), std::string::npos) << dup.message();
  EXPECT_EQ(store->ChangesSince(0, 10)->size(), 2u);
  EXPECT_EQ(
      store->Transact(who, [](StoreTransaction& tx) { return tx.SetPasswordHash(99, "x"); }).code(),
      StatusCode::kNotFound);
}

TEST(AccountStore, SessionsTokensAndAttemptsRoundTrip) {
  testing::TempDatabase db;
  auto store = Open(db.path());
  int64_t id = 0;
  ASSERT_TRUE(store
                  ->Transact({"test", "2026-11-24T10:00:00Z"},
                             [&](StoreTransaction& tx) -> Status {
                               auto d = tx.Put(PutUser(0, 0, "jana"));
                               id = d.ok() ? d->id : 0;
                               return d.status();
                             })
                  .ok());
  AccountStore& a = store->accounts();
  ASSERT_TRUE(a.AddSession({"h1", id, "2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z",
                            "2026-11-24T22:00:00Z", "c1"})
                  .ok());
  ASSERT_TRUE(a.AddSession({"h2", id, "2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z",
                            "2026-11-24T22:00:00Z", "c2"})
                  .ok());
  ASSERT_TRUE(a.TouchSession("h1", "2026-11-24T10:05:00Z").ok());
  EXPECT_EQ((*a.FindSession("h1"))->last_seen, "2026-11-24T10:05:00Z");
  EXPECT_EQ((*a.FindSession("h1"))->csrf_hash, "c1");
  ASSERT_TRUE(a.DeleteSessionsOf(id, "h2").ok());
  EXPECT_FALSE(*a.FindSession("h1"));
  EXPECT_TRUE(*a.FindSession("h2"));
  // A session of a user that does not exist is refused.
  EXPECT_FALSE(a.AddSession({"h3", 999, "t", "t", "t", "c"}).ok());

  auto tid = a.AddApiToken({0, "th", id, "read", "sync", "2026-11-24T10:00:00Z", {}});
  ASSERT_TRUE(tid.ok());
  EXPECT_FALSE((*a.FindApiToken("th"))->revoked);
  EXPECT_FALSE(a.AddApiToken({0, "th2", id, "admin", "x", "t", {}}).ok());  // scope checked
  ASSERT_TRUE(a.RevokeApiToken(*tid, "2026-11-24T11:00:00Z").ok());
  EXPECT_EQ((*a.GetApiToken(*tid))->revoked, "2026-11-24T11:00:00Z");

  // The throttle sees the attempts sharing the login, the address or the device.
  std::vector<LoginAttempt> seen;
  auto record = [&](const LoginAttempt& at, int64_t wait = 0) {
    return a.ReserveLoginAttempt(at, "2026-11-24T09:00:00Z",
                                 [&](const std::vector<LoginAttempt>& recent) {
                                   seen = recent;
                                   return wait;
                                 });
  };
  auto first = record({"jana", "10.0.0.1", "2026-11-24T10:00:00Z", false, ""});
  ASSERT_TRUE(first.ok());
  EXPECT_GT(first->id, 0);
  ASSERT_TRUE(a.SucceedLoginAttempt(first->id).ok());
  ASSERT_TRUE(record({"eva", "10.0.0.2", "2026-11-24T10:01:00Z", false, "d1"}).ok());
  ASSERT_TRUE(record({"petr", "10.0.0.3", "2026-11-24T10:02:00Z", false, "d1"}).ok());
  ASSERT_EQ(seen.size(), 1u);  // eva's, by the device
  EXPECT_EQ(seen[0].login, "eva");
  ASSERT_TRUE(record({"x", "10.0.0.1", "2026-11-24T10:03:00Z", false, ""}).ok());
  ASSERT_EQ(seen.size(), 1u);  // jana's, by the address, a success
  EXPECT_TRUE(seen[0].ok);
  // A wait records nothing.
  auto refused = record({"jana", "10.0.0.9", "2026-11-24T10:04:00Z", false, ""}, 30);
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->id, 0);
  EXPECT_EQ(refused->wait_seconds, 30);
  ASSERT_TRUE(record({"jana", "10.0.0.8", "2026-11-24T10:05:00Z", false, ""}).ok());
  EXPECT_EQ(seen.size(), 1u);
  // SQL in a key is only data.
  ASSERT_TRUE(record({"' OR 1=1 --", "' OR 1=1 --", "2026-11-24T10:06:00Z", false, ""}).ok());
  EXPECT_TRUE(seen.empty());

  ASSERT_TRUE(a.AddTrustedDevice({"dh", id, "2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z"}).ok());
  ASSERT_TRUE(a.TouchTrustedDevice("dh", "2026-11-25T10:00:00Z").ok());
  EXPECT_EQ((*a.FindTrustedDevice("dh"))->last_used, "2026-11-25T10:00:00Z");
  ASSERT_TRUE(a.Prune("2026-11-24T10:03:30Z", "2026-11-25T09:00:00Z").ok());
  EXPECT_TRUE(*a.FindTrustedDevice("dh"));
  ASSERT_TRUE(a.Prune("2026-11-24T10:03:30Z", "2026-11-25T11:00:00Z").ok());
  EXPECT_FALSE(*a.FindTrustedDevice("dh"));
  ASSERT_TRUE(record({"jana", "10.0.0.1", "2026-11-24T10:07:00Z", false, ""}).ok());
  EXPECT_EQ(seen.size(), 1u);  // the pruned ones are gone: only 10.0.0.8's
}

}  // namespace prosit
