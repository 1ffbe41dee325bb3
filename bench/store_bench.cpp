// The store under load: the audit of one record on a change log of a million rows, with
// the query shape the store used before (catch-all conditions) beside the one it builds
// now; and single-record writes with synchronous=FULL beside synchronous=NORMAL.
//
//   prosit_store_bench [--dir var] [--rows 1000000] [--runs 200] [--writes 500]

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "app/accounts/audit_trail.h"
#include "bench_stats.h"
#include "store/change_query.h"
#include "store/sqlite_statement.h"
#include "store/store.h"

using namespace prosit;
using bench::Median;
using bench::Ms;
using bench::Percentile;
using Clock = std::chrono::steady_clock;

namespace {

void Check(const Status& s, const char* what) {
  if (s.ok()) return;
  std::fprintf(stderr, "%s: %s\n", what, s.ToString().c_str());
  std::exit(1);
}

void RemoveDatabase(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

std::unique_ptr<Store> OpenFresh(const std::string& path, const StoreOptions& options = {}) {
  RemoveDatabase(path);
  auto store = OpenStore(path, options);
  Check(store.status(), "open");
  Check((*store)->Migrate(), "migrate");
  return std::move(*store);
}

constexpr const char* kKinds[] = {"actor", "service_card", "meeting", "need", "tie", "step"};
constexpr int64_t kRecordsPerKind = 20'000;  // ~8 rows per record on a million rows

// `rows` change-log rows in one transaction, straight into the schema's table: records
// of six kinds by 200 authors over a year, each a small document.
void FillChangeLog(const std::string& path, int64_t rows) {
  SqliteConnection conn([&] {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    return db;
  }());
  Check(SqliteExec(conn.db(), "PRAGMA synchronous = OFF; BEGIN"), "begin");
  SqliteStatement insert(conn,
                         "INSERT INTO change_log (at, author, entity, entity_id, op, before, "
                         "after) VALUES (?, ?, ?, ?, ?, ?, ?)");
  std::mt19937_64 rng(7);
  char at[32];
  for (int64_t i = 0; i < rows; ++i) {
    int64_t second = i * 31'536'000 / rows;  // a year, in order
    std::snprintf(at, sizeof at, "2026-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                  static_cast<long long>(1 + second / 2'628'000 % 12),
                  static_cast<long long>(1 + second / 86'400 % 28),
                  static_cast<long long>(second / 3600 % 24),
                  static_cast<long long>(second / 60 % 60), static_cast<long long>(second % 60));
    int64_t id = 1 + static_cast<int64_t>(rng() % kRecordsPerKind);
    std::string doc = "{\"id\":" + std::to_string(id) + ",\"version\":" + std::to_string(i) +
                      ",\"name\":\"Záznam " + std::to_string(rng() % 100000) +
                      "\",\"note\":\"Poznámka k záznamu\"}";
    insert.Bind(1, std::string_view(at))
        .Bind(2, "user:u" + std::to_string(rng() % 200))
        .Bind(3, kKinds[rng() % 6])
        .Bind(4, id)
        .Bind(5, "update")
        .Bind(6, doc)
        .Bind(7, doc);
    Check(insert.Run(), "insert");
    insert.Reset();
  }
  Check(SqliteExec(conn.db(), "COMMIT"), "commit");
}

// The store's audit query before this change, as it ran: catch-all conditions that make
// SQLite scan the whole log, for the count and for the page.
int64_t OldShapeAudit(SqliteConnection& conn, const std::string& entity, int64_t id) {
  const std::string where =
      "WHERE (?1 = '' OR entity = ?1) AND (?2 = 0 OR entity_id = ?2) AND (?3 = '' OR author = "
      "?3) AND (?4 = '' OR op = ?4) AND (?5 = '' OR substr(at, 1, 10) >= ?5) "
      "AND (?6 = '' OR substr(at, 1, 10) <= ?6) ";
  auto bind = [&](SqliteStatement& s) {
    s.Bind(1, entity).Bind(2, id).Bind(3, "").Bind(4, "").Bind(5, "").Bind(6, "");
  };
  SqliteStatement count(conn, "SELECT COUNT(*) FROM change_log " + where);
  bind(count);
  count.Step();
  int64_t n = 0;
  SqliteStatement rows(
      conn, std::string(kChangeColumns) + where + "ORDER BY seq DESC LIMIT ?7 OFFSET ?8");
  bind(rows);
  rows.Bind(7, int64_t{50}).Bind(8, int64_t{0});
  while (rows.Step()) n += static_cast<int64_t>(rows.Text(7).size());
  return count.Int(0) + n;
}

double Mean(const std::vector<double>& ms) {
  double sum = 0;
  for (double x : ms) sum += x;
  return ms.empty() ? 0 : sum / static_cast<double>(ms.size());
}

void Line(const char* what, const std::vector<double>& ms) {
  std::printf("  %-40s median %8.3f ms  mean %8.3f ms  p90 %8.3f ms  p99 %8.3f ms  (%zu runs)\n",
              what, Median(ms), Mean(ms), Percentile(ms, 0.9), Percentile(ms, 0.99), ms.size());
}

void BenchAudit(const std::string& dir, int64_t rows, int runs) {
  std::string path = dir + "/store-bench-audit.db";
  auto store = OpenFresh(path);
  auto t0 = Clock::now();
  FillChangeLog(path, rows);
  std::printf("audit of one record on a change log of %lld rows (filled in %.1f s)\n",
              static_cast<long long>(rows), Ms(t0) / 1000);
  SqliteConnection old_conn([&] {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    return db;
  }());
  std::mt19937_64 rng(11);
  NetworkSnapshot snap;
  Caller admin = Caller::System("bench");
  std::vector<double> store_ms, app_ms, old_ms;
  int64_t checksum = 0;
  int old_runs = std::max(3, runs / 20);  // the old shape scans the log: fewer runs
  for (int r = 0; r < runs; ++r) {
    const char* kind = kKinds[rng() % 6];
    int64_t id = 1 + static_cast<int64_t>(rng() % kRecordsPerKind);
    ChangeFilter f;
    f.kind = ParseEntityName(kind);
    f.entity_id = id;
    auto t = Clock::now();
    auto page = store->FindChanges(f);
    store_ms.push_back(Ms(t));
    Check(page.status(), "find");
    checksum += page->total;
    AuditQuery q;
    q.entity = kind;
    q.id = id;
    t = Clock::now();
    auto json = AuditTrailJson(admin, snap, *store, q);
    app_ms.push_back(Ms(t));
    Check(json.status(), "audit");
    checksum += static_cast<int64_t>(json->size());
    if (r < old_runs) {
      t = Clock::now();
      checksum += OldShapeAudit(old_conn, kind, id);
      old_ms.push_back(Ms(t));
    }
  }
  Line("store query (count + page of 50), built", store_ms);
  Line("AuditTrailJson (query, diff, JSON)", app_ms);
  Line("store query, old catch-all shape", old_ms);
  std::printf("  old shape / built shape (medians): %.0f×   [checksum %lld]\n",
              Median(old_ms) / Median(store_ms), static_cast<long long>(checksum));
  store.reset();
  RemoveDatabase(path);
}

DocumentPut ActorPut(int64_t i) {
  return {EntityKind::kActor,
          0,
          0,
          0,
          [i](int64_t id, int64_t v) {
            return nlohmann::json{
                {"id", id}, {"version", v}, {"name", "Aktér " + std::to_string(i)}}
                .dump();
          },
          {}};
}

void BenchWrites(const std::string& dir, int writes) {
  StoreOptions full, normal;
  normal.synchronous = StoreOptions::Synchronous::kNormal;
  auto full_store = OpenFresh(dir + "/store-bench-full.db", full);
  auto normal_store = OpenFresh(dir + "/store-bench-normal.db", normal);
  std::printf("single-record writes (one transaction each: the actor and its change-log row)\n");
  std::vector<double> full_ms, normal_ms;
  // Alternating rounds, so that the machine's noise falls on both settings.
  constexpr int kRound = 25;
  for (int done = 0; done < writes; done += kRound) {
    for (auto [store, into] :
         {std::pair{full_store.get(), &full_ms}, {normal_store.get(), &normal_ms}}) {
      for (int i = done; i < done + kRound; ++i) {
        auto t = Clock::now();
        Check(store->Transact({"bench", "2026-12-03T10:00:00Z"},
                              [&](StoreTransaction& tx) { return tx.Put(ActorPut(i)).status(); }),
              "write");
        into->push_back(Ms(t));
      }
    }
  }
  Line("synchronous=FULL", full_ms);
  Line("synchronous=NORMAL", normal_ms);
  std::printf("  FULL / NORMAL: medians %.2f×, means %.2f× (%.0f against %.0f writes/s)\n",
              Median(full_ms) / Median(normal_ms), Mean(full_ms) / Mean(normal_ms),
              1000 / Mean(full_ms), 1000 / Mean(normal_ms));
  full_store.reset();
  normal_store.reset();
  RemoveDatabase(dir + "/store-bench-full.db");
  RemoveDatabase(dir + "/store-bench-normal.db");
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "var";
  int64_t rows = 1'000'000;
  int runs = 200, writes = 500;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
    if (!std::strcmp(argv[i], "--rows")) rows = std::stoll(argv[i + 1]);
    if (!std::strcmp(argv[i], "--runs")) runs = std::stoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--writes")) writes = std::stoi(argv[i + 1]);
  }
  std::filesystem::create_directories(dir);
  BenchWrites(dir, writes);
  BenchAudit(dir, rows, runs);
  return 0;
}
