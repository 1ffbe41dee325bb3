#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "store/account_store.h"
#include "store/change_query.h"
#include "store/sqlite_account_store.h"
#include "store/sqlite_migrations.h"
#include "store/sqlite_statement.h"
#include "store/store.h"

namespace prosit {

const char* EntityName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kActor:
      return "actor";
    case EntityKind::kServiceCard:
      return "service_card";
    case EntityKind::kReference:
      return "reference";
    case EntityKind::kTerritory:
      return "territory";
    case EntityKind::kMeeting:
      return "meeting";
    case EntityKind::kNeed:
      return "need";
    case EntityKind::kTie:
      return "tie";
    case EntityKind::kTheme:
      return "theme";
    case EntityKind::kGoal:
      return "goal";
    case EntityKind::kStep:
      return "step";
    case EntityKind::kGoodPractice:
      return "good_practice";
    case EntityKind::kRecommendation:
      return "recommendation";
    case EntityKind::kParticipation:
      return "participation";
    case EntityKind::kOrpText:
      return "orp_text";
    case EntityKind::kAnalysisText:
      return "analysis_text";
    case EntityKind::kUser:
      return "user";
    case EntityKind::kErasure:
      return "erasure";
  }
  return "actor";
}

std::optional<EntityKind> ParseEntityName(const std::string& name) {
  for (EntityKind k :
       {EntityKind::kActor, EntityKind::kServiceCard, EntityKind::kReference,
        EntityKind::kTerritory, EntityKind::kMeeting, EntityKind::kNeed, EntityKind::kTie,
        EntityKind::kTheme, EntityKind::kGoal, EntityKind::kStep, EntityKind::kGoodPractice,
        EntityKind::kRecommendation, EntityKind::kParticipation, EntityKind::kOrpText,
        EntityKind::kAnalysisText,
        EntityKind::kUser, EntityKind::kErasure})
    if (name == EntityName(k)) return k;
  return std::nullopt;
}

namespace {

// Actors, service cards and users have tables of their own; the records of networking
// work (meetings, …) share one table with a kind column.
bool IsGenericRecord(EntityKind kind) {
  return kind != EntityKind::kActor && kind != EntityKind::kServiceCard &&
         kind != EntityKind::kUser;
}

const char* TableOf(EntityKind kind) {
  if (IsGenericRecord(kind)) return "records";
  if (kind == EntityKind::kUser) return "users";
  return kind == EntityKind::kActor ? "actors" : "service_cards";
}

// SELECT id, version, parent, doc of one kind; `condition` is ANDed ("id = ?", "1").
std::string SelectSql(EntityKind kind, const std::string& condition) {
  if (kind == EntityKind::kActor)
    return "SELECT id, version, 0, doc FROM actors WHERE " + condition;
  if (kind == EntityKind::kServiceCard)
    return "SELECT id, version, actor_id, doc FROM service_cards WHERE " + condition;
  if (kind == EntityKind::kUser) return "SELECT id, version, 0, doc FROM users WHERE " + condition;
  return std::string("SELECT id, version, 0, doc FROM records WHERE kind = '") + EntityName(kind) +
         "' AND " + condition;
}

StoredDocument ReadDocument(const SqliteStatement& s) {
  return {s.Int(0), s.Int(1), s.Int(2), s.Text(3)};
}

class SqliteStore;

// The writes of one open transaction on the store's connection.
class SqliteTransaction : public StoreTransaction {
 public:
  SqliteTransaction(SqliteConnection& conn, const Author& author) : conn_(conn), author_(author) {}

  Result<std::optional<StoredDocument>> Get(EntityKind kind, int64_t id) override;
  Result<StoredDocument> Put(const DocumentPut& put) override;
  Status Delete(EntityKind kind, int64_t id, int64_t expected_version) override;
  Status SetPasswordHash(int64_t user_id, const std::string& hash) override;
  Status EndCredentials(int64_t user_id, bool sessions, bool tokens,
                        const std::string& at) override;
  Result<int64_t> RedactHistory(EntityKind kind, const Redaction& redact) override;
  Status LogErasure(const std::string& summary) override {
    return Log(EntityKind::kErasure, 0, "create", std::nullopt, summary);
  }
  Status Log(EntityKind kind, int64_t id, const char* op, const std::optional<std::string>& before,
             const std::optional<std::string>& after);

 private:
  Status CheckReferences(const DocumentPut& put);
  Status ReplaceReferences(EntityKind kind, int64_t id, const std::vector<Reference>& refs);
  Status CheckNotReferred(EntityKind kind, int64_t id);
  Result<StoredDocument> Current(EntityKind kind, int64_t id, int64_t expected_version);
  SqliteConnection& conn_;
  const Author& author_;
};

Result<std::optional<StoredDocument>> GetDocument(SqliteConnection& db, EntityKind kind,
                                                  int64_t id) {
  SqliteStatement s(db, SelectSql(kind, "id = ?"));
  s.Bind(1, id);
  if (s.Step()) return std::optional<StoredDocument>(ReadDocument(s));
  if (!s.status().ok()) return s.status();
  return std::optional<StoredDocument>();
}

Result<std::optional<StoredDocument>> SqliteTransaction::Get(EntityKind kind, int64_t id) {
  return GetDocument(conn_, kind, id);
}

Status SqliteTransaction::Log(EntityKind kind, int64_t id, const char* op,
                              const std::optional<std::string>& before,
                              const std::optional<std::string>& after) {
  SqliteStatement s(conn_,
                    "INSERT INTO change_log (at, author, entity, entity_id, op, before, after) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, author_.at).Bind(2, author_.who).Bind(3, std::string_view(EntityName(kind)));
  s.Bind(4, id).Bind(5, std::string_view(op)).Bind(6, before).Bind(7, after);
  return s.Run();
}

Status SqliteTransaction::CheckReferences(const DocumentPut& put) {
  FieldErrors missing;
  for (const Reference& ref : put.references) {
    auto target = GetDocument(conn_, ref.kind, ref.id);
    if (!target.ok()) return target.status();
    if (!target->has_value())
      missing[ref.field] = std::string("no ") + EntityName(ref.kind) + " " + std::to_string(ref.id);
  }
  if (!missing.empty())
    return Status::Invalid("the record refers to records that do not exist", missing);
  return Status::Ok();
}

Status SqliteTransaction::ReplaceReferences(EntityKind kind, int64_t id,
                                            const std::vector<Reference>& refs) {
  SqliteStatement clear(conn_, "DELETE FROM record_refs WHERE from_kind = ? AND from_id = ?");
  clear.Bind(1, EntityName(kind)).Bind(2, id);
  PROSIT_RETURN_IF_ERROR(clear.Run());
  SqliteStatement add(conn_, "INSERT OR IGNORE INTO record_refs VALUES (?, ?, ?, ?)");
  for (const Reference& ref : refs) {
    add.Bind(1, EntityName(kind)).Bind(2, id).Bind(3, EntityName(ref.kind)).Bind(4, ref.id);
    PROSIT_RETURN_IF_ERROR(add.Run());
    add.Reset();
  }
  return Status::Ok();
}

Status SqliteTransaction::CheckNotReferred(EntityKind kind, int64_t id) {
  SqliteStatement s(conn_,
                    "SELECT from_kind, COUNT(*) FROM record_refs WHERE to_kind = ? AND to_id = ? "
                    "GROUP BY from_kind ORDER BY from_kind");
  s.Bind(1, EntityName(kind)).Bind(2, id);
  std::string referrers;
  while (s.Step()) {
    std::string kind_name = s.Text(0);
    std::replace(kind_name.begin(), kind_name.end(), '_', ' ');
    referrers +=
        (referrers.empty() ? "" : ", ") + std::to_string(s.Int(1)) + " " + kind_name + "(s)";
  }
  PROSIT_RETURN_IF_ERROR(s.status());
  if (referrers.empty()) return Status::Ok();
  return Status::Conflict(std::string("the ") + EntityName(kind) + " is referred to by " +
                          referrers + "; change or delete those first");
}

// The record being changed, if it exists at the version the writer saw.
Result<StoredDocument> SqliteTransaction::Current(EntityKind kind, int64_t id,
                                                  int64_t expected_version) {
  auto current = Get(kind, id);
  if (!current.ok()) return current.status();
  if (!current->has_value())
    return Status::NotFound(std::string(EntityName(kind)) + " " + std::to_string(id) +
                            " does not exist");
  if (expected_version != 0 && (*current)->version != expected_version)
    return Status::Conflict("the record changed since version " + std::to_string(expected_version) +
                            "; it is now version " + std::to_string((*current)->version));
  return **current;
}

Result<StoredDocument> SqliteTransaction::Put(const DocumentPut& original) {
  DocumentPut put = original;
  if (put.kind == EntityKind::kServiceCard)  // the actor_id column is a reference too
    put.references.push_back({EntityKind::kActor, put.parent_id, "actor_id"});
  PROSIT_RETURN_IF_ERROR(CheckReferences(put));
  std::optional<std::string> before;
  StoredDocument doc{put.id, 1, put.parent_id, ""};
  if (put.id == 0) {
    // Ids are never reused, so a deleted record's id keeps meaning it in the change log.
    SqliteStatement next(
        conn_, "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0) + 1");
    next.Bind(1, TableOf(put.kind));
    if (!next.Step()) return next.status().ok() ? Status::IoError("no next id") : next.status();
    doc.id = next.Int(0);
  } else {
    auto current = Current(put.kind, put.id, put.expected_version);
    if (!current.ok()) return current.status();
    before = current->json;
    doc.version = current->version + 1;
  }
  doc.json = put.render(doc.id, doc.version);
  // A user's login is a column of its own (unique); an update keeps the password hash.
  const char* sql =
      put.kind == EntityKind::kUser
          ? "INSERT INTO users (id, version, login, doc) VALUES (?1, ?2, "
            "json_extract(?4, '$.login'), ?4) ON CONFLICT(id) DO UPDATE SET "
            "version = excluded.version, login = excluded.login, doc = excluded.doc"
      : put.kind == EntityKind::kActor
          ? "INSERT OR REPLACE INTO actors (id, version, doc) VALUES (?1, ?2, ?4)"
      : put.kind == EntityKind::kServiceCard
          ? "INSERT OR REPLACE INTO service_cards (id, version, actor_id, doc) VALUES (?1, ?2, ?3, "
            "?4)"
          : "INSERT OR REPLACE INTO records (id, version, kind, doc) VALUES (?1, ?2, ?5, ?4)";
  SqliteStatement s(conn_, sql);
  s.Bind(1, doc.id).Bind(2, doc.version).Bind(4, doc.json);
  if (put.kind == EntityKind::kServiceCard) s.Bind(3, doc.parent_id);
  if (IsGenericRecord(put.kind)) s.Bind(5, EntityName(put.kind));
  PROSIT_RETURN_IF_ERROR(s.Run());
  PROSIT_RETURN_IF_ERROR(ReplaceReferences(put.kind, doc.id, put.references));
  PROSIT_RETURN_IF_ERROR(Log(put.kind, doc.id, before ? "update" : "create", before, doc.json));
  return doc;
}

Status SqliteTransaction::SetPasswordHash(int64_t user_id, const std::string& hash) {
  SqliteStatement s(conn_, "UPDATE users SET password_hash = ? WHERE id = ?");
  s.Bind(1, hash).Bind(2, user_id);
  PROSIT_RETURN_IF_ERROR(s.Run());
  if (sqlite3_changes(conn_.db()) != 1)
    return Status::NotFound("user " + std::to_string(user_id) + " does not exist");
  return Status::Ok();
}

Status SqliteTransaction::EndCredentials(int64_t user_id, bool sessions, bool tokens,
                                         const std::string& at) {
  if (sessions) {
    SqliteStatement s(conn_, "DELETE FROM sessions WHERE user_id = ?");
    s.Bind(1, user_id);
    PROSIT_RETURN_IF_ERROR(s.Run());
  }
  if (tokens) {
    SqliteStatement s(conn_,
                      "UPDATE api_tokens SET revoked = ? WHERE user_id = ? AND revoked IS NULL");
    s.Bind(1, at).Bind(2, user_id);
    PROSIT_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

Result<int64_t> SqliteTransaction::RedactHistory(EntityKind kind, const Redaction& redact) {
  struct Row {
    int64_t seq;
    std::optional<std::string> before, after;
  };
  std::vector<Row> rows;
  SqliteStatement read(conn_, "SELECT seq, before, after FROM change_log WHERE entity = ?");
  read.Bind(1, EntityName(kind));
  while (read.Step()) {
    Row r{read.Int(0), read.OptionalText(1), read.OptionalText(2)};
    auto before = r.before ? redact(*r.before) : std::nullopt;
    auto after = r.after ? redact(*r.after) : std::nullopt;
    if (!before && !after) continue;
    if (before) r.before = std::move(before);
    if (after) r.after = std::move(after);
    rows.push_back(std::move(r));
  }
  PROSIT_RETURN_IF_ERROR(read.status());
  if (rows.empty()) return int64_t{0};
  // The trigger is put back from its own stored text, so it stays what the migration made.
  // DDL is transactional in SQLite: it is back whether this transaction commits or not.
  std::string recreate;
  {  // finished before the DROP, which an open read of the schema would block
    SqliteStatement trigger(conn_,
                            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                            "name = 'change_log_no_update'");
    if (!trigger.Step())
      return trigger.status().ok()
                 ? Status::Corruption("the change log has lost its update trigger")
                 : trigger.status();
    recreate = trigger.Text(0);
  }
  PROSIT_RETURN_IF_ERROR(SqliteExec(conn_.db(), "DROP TRIGGER change_log_no_update"));
  for (const Row& r : rows) {
    SqliteStatement s(conn_, "UPDATE change_log SET before = ?, after = ? WHERE seq = ?");
    s.Bind(1, r.before).Bind(2, r.after).Bind(3, r.seq);
    PROSIT_RETURN_IF_ERROR(s.Run());
  }
  PROSIT_RETURN_IF_ERROR(SqliteExec(conn_.db(), recreate));
  return static_cast<int64_t>(rows.size());
}

Status SqliteTransaction::Delete(EntityKind kind, int64_t id, int64_t expected_version) {
  auto current = Current(kind, id, expected_version);
  if (!current.ok()) return current.status();
  PROSIT_RETURN_IF_ERROR(CheckNotReferred(kind, id));
  SqliteStatement s(conn_, std::string("DELETE FROM ") + TableOf(kind) + " WHERE id = ?");
  s.Bind(1, id);
  PROSIT_RETURN_IF_ERROR(s.Run());
  PROSIT_RETURN_IF_ERROR(ReplaceReferences(kind, id, {}));
  return Log(kind, id, "delete", current->json, std::nullopt);
}

class SqliteStore : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : conn_(db), accounts_(MakeSqliteAccountStore(conn_, mu_)) {}

  Status Configure(const StoreOptions& options) {
    const char* sync = options.synchronous == StoreOptions::Synchronous::kFull ? "FULL" : "NORMAL";
    return SqliteExec(conn_.db(), std::string("PRAGMA journal_mode = WAL; PRAGMA synchronous = ") +
                                      sync + "; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = " +
                                      std::to_string(options.busy_timeout_ms) + ";");
  }

  Status Migrate() override;
  Result<int> SchemaVersion() override;
  Result<std::string> DatabaseId() override;
  Status ReplaceTerritory(const Territory& territory) override;
  Result<Territory> LoadTerritory() override;
  Status ImportChildPopulation(const std::map<std::string, double>& children,
                               const Author& author) override;
  Result<std::map<std::string, std::string>> LoadReferenceDocuments() override;
  Result<int64_t> PublishModelVersion(const std::map<std::string, std::string>& docs,
                                      const Author& author, const std::string& note,
                                      int64_t expected_current) override;
  Result<std::vector<ModelVersion>> ListModelVersions() override;
  Result<std::optional<ModelVersion>> LoadModelVersion(int64_t number) override;
  Status Transact(const Author& author,
                  const std::function<Status(StoreTransaction&)>& body) override;
  Result<std::optional<StoredDocument>> Get(EntityKind kind, int64_t id) override {
    std::lock_guard lock(mu_);
    return GetDocument(conn_, kind, id);
  }
  Result<std::vector<StoredDocument>> LoadAll(EntityKind kind) override;
  Result<std::vector<ChangeEntry>> ChangesSince(int64_t seq, int64_t limit) override;
  Result<int64_t> LastChangeSeq() override;
  Result<ChangePage> FindChanges(const ChangeFilter& filter) override;
  Result<std::vector<std::pair<int64_t, std::string>>> ChangeOps(EntityKind kind,
                                                                 const std::string& from,
                                                                 const std::string& to) override;
  Result<std::vector<ChangeEntry>> ChangesUntil(const std::vector<EntityKind>& kinds,
                                                const std::string& until) override;
  Status Backup(const std::string& path) override;
  Result<std::vector<std::string>> CheckIntegrity() override;
  AccountStore& accounts() override { return *accounts_; }
  Result<std::map<std::string, std::string>> Settings() override;

 private:
  // Runs `body` between BEGIN IMMEDIATE and COMMIT, rolling back on any error.
  Status InTransaction(const std::function<Status()>& body);

  SqliteConnection conn_;
  std::mutex mu_;                           // one connection, used by one thread at a time
  std::unique_ptr<AccountStore> accounts_;  // shares the connection and its mutex
};

Status SqliteStore::InTransaction(const std::function<Status()>& body) {
  PROSIT_RETURN_IF_ERROR(SqliteExec(conn_.db(), "BEGIN IMMEDIATE"));
  Status s = body();
  if (s.ok()) s = SqliteExec(conn_.db(), "COMMIT");
  if (!s.ok()) SqliteExec(conn_.db(), "ROLLBACK");
  return s;
}

Status SqliteStore::Migrate() {
  std::lock_guard lock(mu_);
  PROSIT_RETURN_IF_ERROR(
      SqliteExec(conn_.db(),
                 "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                 "description TEXT NOT NULL)"));
  for (const Migration& m : SqliteMigrations()) {
    SqliteStatement applied(conn_, "SELECT 1 FROM schema_migrations WHERE version = ?");
    applied.Bind(1, static_cast<int64_t>(m.version));
    if (applied.Step()) continue;
    PROSIT_RETURN_IF_ERROR(applied.status());
    PROSIT_RETURN_IF_ERROR(InTransaction([&] {
      PROSIT_RETURN_IF_ERROR(SqliteExec(conn_.db(), m.sql));
      SqliteStatement record(conn_,
                             "INSERT INTO schema_migrations (version, description) VALUES (?, ?)");
      record.Bind(1, static_cast<int64_t>(m.version)).Bind(2, m.description);
      return record.Run();
    }));
  }
  return Status::Ok();
}

Result<int> SqliteStore::SchemaVersion() {
  std::lock_guard lock(mu_);
  SqliteStatement s(conn_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (s.Step()) return static_cast<int>(s.Int(0));
  return s.status().ok() ? Result<int>(0) : Result<int>(s.status());
}

Result<std::string> SqliteStore::DatabaseId() {
  std::lock_guard lock(mu_);
  SqliteStatement s(conn_, "SELECT id FROM database_identity");
  if (s.Step()) return s.Text(0);
  return s.status().ok() ? Result<std::string>(Status::NotFound("the database has no identity"))
                         : Result<std::string>(s.status());
}

Status SqliteStore::ReplaceTerritory(const Territory& t) {
  std::lock_guard lock(mu_);
  return InTransaction([&] {
    PROSIT_RETURN_IF_ERROR(SqliteExec(
        conn_.db(), "DELETE FROM municipalities; DELETE FROM orps; DELETE FROM regions;"));
    SqliteStatement r(conn_, "INSERT INTO regions VALUES (?, ?)");
    for (const auto& region : t.regions()) {
      r.Bind(1, region.code).Bind(2, region.name);
      PROSIT_RETURN_IF_ERROR(r.Run());
      r.Reset();
    }
    SqliteStatement o(conn_, "INSERT INTO orps VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& orp : t.orps()) {
      o.Bind(1, orp.code).Bind(2, orp.ruian_code).Bind(3, orp.name).Bind(4, orp.region_code);
      o.Bind(5, orp.seat_municipality_code).Bind(6, orp.seat.lat).Bind(7, orp.seat.lon);
      o.Bind(8, orp.population).Bind(9, orp.census_population).Bind(10, orp.census_children_0_14);
      PROSIT_RETURN_IF_ERROR(o.Run());
      o.Reset();
    }
    SqliteStatement m(conn_, "INSERT INTO municipalities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& mun : t.municipalities()) {
      m.Bind(1, mun.code).Bind(2, mun.name).Bind(3, mun.orp_code).Bind(4, mun.district_code);
      m.Bind(5, mun.region_code).Bind(6, mun.postcode).Bind(7, mun.location.lat);
      m.Bind(8, mun.location.lon).Bind(9, mun.population).Bind(10, mun.children_0_17);
      m.Bind(11, static_cast<int64_t>(mun.children_imported));
      PROSIT_RETURN_IF_ERROR(m.Run());
      m.Reset();
    }
    return Status::Ok();
  });
}

Result<Territory> SqliteStore::LoadTerritory() {
  std::lock_guard lock(mu_);
  std::vector<Region> regions;
  std::vector<Orp> orps;
  std::vector<Municipality> municipalities;
  SqliteStatement r(conn_, "SELECT code, name FROM regions ORDER BY code");
  while (r.Step()) regions.push_back({r.Text(0), r.Text(1)});
  PROSIT_RETURN_IF_ERROR(r.status());
  SqliteStatement o(conn_, "SELECT * FROM orps ORDER BY code");
  while (o.Step()) {
    Orp x;
    x.code = o.Text(0);
    x.ruian_code = o.Text(1);
    x.name = o.Text(2);
    x.region_code = o.Text(3);
    x.seat_municipality_code = o.Text(4);
    x.seat = {o.Double(5), o.Double(6)};
    x.population = o.Int(7);
    x.census_population = o.Int(8);
    x.census_children_0_14 = o.Int(9);
    orps.push_back(std::move(x));
  }
  PROSIT_RETURN_IF_ERROR(o.status());
  SqliteStatement m(conn_, "SELECT * FROM municipalities ORDER BY code");
  while (m.Step()) {
    Municipality x;
    x.code = m.Text(0);
    x.name = m.Text(1);
    x.orp_code = m.Text(2);
    x.district_code = m.Text(3);
    x.region_code = m.Text(4);
    x.postcode = m.Text(5);
    x.location = {m.Double(6), m.Double(7)};
    x.population = m.Int(8);
    x.children_0_17 = m.Double(9);
    x.children_imported = m.Int(10) != 0;
    municipalities.push_back(std::move(x));
  }
  PROSIT_RETURN_IF_ERROR(m.status());
  return Territory(std::move(regions), std::move(orps), std::move(municipalities));
}

Status SqliteStore::ImportChildPopulation(const std::map<std::string, double>& children,
                                          const Author& author) {
  std::lock_guard lock(mu_);
  return InTransaction([&] {
    SqliteStatement s(conn_,
                      "UPDATE municipalities SET children_0_17 = ?, children_imported = 1 "
                      "WHERE code = ?");
    for (const auto& [code, n] : children) {
      s.Bind(1, n).Bind(2, code);
      PROSIT_RETURN_IF_ERROR(s.Run());
      if (sqlite3_changes(conn_.db()) != 1) return Status::Invalid("unknown municipality " + code);
      s.Reset();
    }
    SqliteTransaction tx(conn_, author);
    return tx.Log(EntityKind::kTerritory, 0, "update", std::nullopt,
                  std::to_string(children.size()) + " municipalities: imported child population");
  });
}

namespace {

// The number of the current model version; 0 before the first.
Result<int64_t> CurrentModelNumber(SqliteConnection& conn) {
  SqliteStatement s(conn, "SELECT COALESCE(MAX(number), 0) FROM model_versions");
  if (s.Step()) return s.Int(0);
  return s.status().ok() ? Result<int64_t>(int64_t{0}) : Result<int64_t>(s.status());
}

// The JSON of a model version's own change-log row (what the audit trail shows of it).
std::string VersionLogJson(int64_t number, const std::string& note,
                           const std::vector<std::string>& changed) {
  std::string out = "{\"model_version\":" + std::to_string(number) + ",\"note\":\"";
  for (char c : note) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
      continue;
    }
    out += c;
  }
  out += "\",\"documents_changed\":[";
  for (size_t i = 0; i < changed.size(); ++i) out += (i ? ",\"" : "\"") + changed[i] + "\"";
  return out + "]}";
}

}  // namespace

Result<int64_t> SqliteStore::PublishModelVersion(const std::map<std::string, std::string>& docs,
                                                 const Author& author, const std::string& note,
                                                 int64_t expected_current) {
  std::lock_guard lock(mu_);
  int64_t number = 0;
  Status s = InTransaction([&]() -> Status {
    auto current = CurrentModelNumber(conn_);
    if (!current.ok()) return current.status();
    if (expected_current != 0 && expected_current != *current)
      return Status::Conflict("the current model version is " + std::to_string(*current) +
                              ", not " + std::to_string(expected_current));
    number = *current + 1;
    SqliteStatement v(conn_, "INSERT INTO model_versions VALUES (?, ?, ?, ?)");
    v.Bind(1, number).Bind(2, author.at).Bind(3, author.who).Bind(4, note);
    PROSIT_RETURN_IF_ERROR(v.Run());
    SqliteTransaction tx(conn_, author);
    std::vector<std::string> changed;
    SqliteStatement d(conn_, "INSERT INTO model_version_documents VALUES (?, ?, ?)");
    for (const auto& [name, json] : docs) {
      d.Bind(1, number).Bind(2, name).Bind(3, json);
      PROSIT_RETURN_IF_ERROR(d.Run());
      d.Reset();
      SqliteStatement old(conn_, "SELECT json FROM reference_documents WHERE name = ?");
      old.Bind(1, name);
      std::optional<std::string> before;
      if (old.Step()) before = old.Text(0);
      PROSIT_RETURN_IF_ERROR(old.status());
      if (before == json) continue;
      changed.push_back(name);
      SqliteStatement put(conn_, "INSERT OR REPLACE INTO reference_documents VALUES (?, ?)");
      put.Bind(1, name).Bind(2, json);
      PROSIT_RETURN_IF_ERROR(put.Run());
      PROSIT_RETURN_IF_ERROR(
          tx.Log(EntityKind::kReference, number, before ? "update" : "create", before, json));
    }
    // A document the new version no longer has is not current either.
    SqliteStatement names(conn_, "SELECT name FROM reference_documents");
    std::vector<std::string> gone;
    while (names.Step())
      if (!docs.count(names.Text(0))) gone.push_back(names.Text(0));
    PROSIT_RETURN_IF_ERROR(names.status());
    for (const std::string& name : gone) {
      SqliteStatement del(conn_, "DELETE FROM reference_documents WHERE name = ?");
      del.Bind(1, name);
      PROSIT_RETURN_IF_ERROR(del.Run());
      changed.push_back(name);
    }
    // The version's own row: who published it and why, even when no document changed
    // (and what makes followers of the log reload the model).
    return tx.Log(EntityKind::kReference, number, "create", std::nullopt,
                  VersionLogJson(number, note, changed));
  });
  if (!s.ok()) return s;
  return number;
}

Result<std::vector<ModelVersion>> SqliteStore::ListModelVersions() {
  std::lock_guard lock(mu_);
  std::vector<ModelVersion> out;
  SqliteStatement s(conn_, "SELECT number, at, author, note FROM model_versions ORDER BY number");
  while (s.Step()) out.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3), {}});
  PROSIT_RETURN_IF_ERROR(s.status());
  return out;
}

Result<std::optional<ModelVersion>> SqliteStore::LoadModelVersion(int64_t number) {
  std::lock_guard lock(mu_);
  if (number == 0) {
    auto current = CurrentModelNumber(conn_);
    if (!current.ok()) return current.status();
    number = *current;
  }
  SqliteStatement s(conn_, "SELECT number, at, author, note FROM model_versions WHERE number = ?");
  s.Bind(1, number);
  if (!s.Step()) {
    PROSIT_RETURN_IF_ERROR(s.status());
    return std::optional<ModelVersion>();
  }
  ModelVersion v{s.Int(0), s.Text(1), s.Text(2), s.Text(3), {}};
  SqliteStatement d(conn_, "SELECT name, json FROM model_version_documents WHERE version = ?");
  d.Bind(1, number);
  while (d.Step()) v.documents[d.Text(0)] = d.Text(1);
  PROSIT_RETURN_IF_ERROR(d.status());
  return std::optional<ModelVersion>(std::move(v));
}

Result<std::map<std::string, std::string>> SqliteStore::LoadReferenceDocuments() {
  std::lock_guard lock(mu_);
  std::map<std::string, std::string> docs;
  SqliteStatement s(conn_, "SELECT name, json FROM reference_documents");
  while (s.Step()) docs[s.Text(0)] = s.Text(1);
  PROSIT_RETURN_IF_ERROR(s.status());
  return docs;
}

Status SqliteStore::Transact(const Author& author,
                             const std::function<Status(StoreTransaction&)>& body) {
  std::lock_guard lock(mu_);
  return InTransaction([&] {
    SqliteTransaction tx(conn_, author);
    return body(tx);
  });
}

Result<std::vector<StoredDocument>> SqliteStore::LoadAll(EntityKind kind) {
  std::lock_guard lock(mu_);
  std::vector<StoredDocument> out;
  SqliteStatement s(conn_, SelectSql(kind, "1 ORDER BY id"));
  while (s.Step()) out.push_back(ReadDocument(s));
  PROSIT_RETURN_IF_ERROR(s.status());
  return out;
}

namespace {

// The rows of `s`; stops once the documents read pass `max_bytes` (after one row at least).
Result<std::vector<ChangeEntry>> ReadChanges(SqliteStatement& s, int64_t max_bytes = INT64_MAX) {
  std::vector<ChangeEntry> out;
  int64_t bytes = 0;
  while (bytes <= max_bytes && s.Step()) {
    ChangeEntry e;
    e.seq = s.Int(0);
    e.at = s.Text(1);
    e.author = s.Text(2);
    auto kind = ParseEntityName(s.Text(3));
    if (!kind)
      return Status::Corruption("change log row " + std::to_string(e.seq) +
                                " names unknown entity '" + s.Text(3) + "'");
    e.kind = *kind;
    e.entity_id = s.Int(4);
    e.op = s.Text(5);
    e.before = s.OptionalText(6);
    e.after = s.OptionalText(7);
    bytes += static_cast<int64_t>(e.before.value_or("").size() + e.after.value_or("").size());
    out.push_back(std::move(e));
  }
  PROSIT_RETURN_IF_ERROR(s.status());
  return out;
}

}  // namespace

Result<std::vector<ChangeEntry>> SqliteStore::ChangesSince(int64_t seq, int64_t limit) {
  std::lock_guard lock(mu_);
  SqliteStatement s(conn_, std::string(kChangeColumns) + "WHERE seq > ? ORDER BY seq LIMIT ?");
  s.Bind(1, seq).Bind(2, limit);
  return ReadChanges(s);
}

Result<std::vector<ChangeEntry>> SqliteStore::ChangesUntil(const std::vector<EntityKind>& kinds,
                                                           const std::string& until) {
  std::lock_guard lock(mu_);
  std::string names;
  for (EntityKind k : kinds)
    names += std::string(names.empty() ? "'" : ", '") + EntityName(k) + "'";
  SqliteStatement s(conn_, std::string(kChangeColumns) + "WHERE entity IN (" + names +
                               ") AND at <= ? ORDER BY seq");
  s.Bind(1, until);
  return ReadChanges(s);
}

Result<std::vector<std::pair<int64_t, std::string>>> SqliteStore::ChangeOps(EntityKind kind,
                                                                            const std::string& from,
                                                                            const std::string& to) {
  std::lock_guard lock(mu_);
  // `at` is an ISO date-time: a day's rows lie between the day and the next one.
  SqliteStatement s(conn_,
                    "SELECT entity_id, op FROM change_log WHERE entity = ? AND at >= ? AND "
                    "at < ? ORDER BY seq");
  s.Bind(1, std::string(EntityName(kind))).Bind(2, from).Bind(3, to.empty() ? "~" : to + "~");
  std::vector<std::pair<int64_t, std::string>> out;
  while (s.Step()) out.emplace_back(s.Int(0), s.Text(1));
  PROSIT_RETURN_IF_ERROR(s.status());
  return out;
}

Result<ChangePage> SqliteStore::FindChanges(const ChangeFilter& f) {
  const ChangeQuery q = BuildChangeQuery(f);
  std::lock_guard lock(mu_);
  ChangePage page;
  SqliteStatement count(conn_, ChangeCountSql(q));
  BindChangeQuery(count, q);
  if (!count.Step()) return count.status().ok() ? Status::IoError("no count") : count.status();
  page.total = count.Int(0);
  SqliteStatement rows(conn_, ChangePageSql(q));
  BindChangePage(rows, q, f.limit, f.offset);
  auto entries = ReadChanges(rows, f.max_bytes);
  if (!entries.ok()) return entries.status();
  page.entries = std::move(*entries);
  return page;
}

Result<int64_t> SqliteStore::LastChangeSeq() {
  std::lock_guard lock(mu_);
  SqliteStatement s(conn_, "SELECT COALESCE(MAX(seq), 0) FROM change_log");
  if (s.Step()) return s.Int(0);
  return s.status();
}

Status SqliteStore::Backup(const std::string& path) {
  std::lock_guard lock(mu_);
  sqlite3* target = nullptr;
  if (sqlite3_open(path.c_str(), &target) != SQLITE_OK) {
    sqlite3_close(target);
    return Status::IoError("cannot create backup file " + path);
  }
  sqlite3_backup* b = sqlite3_backup_init(target, "main", conn_.db(), "main");
  int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
  sqlite3_backup_finish(b);
  std::string err = sqlite3_errmsg(target);
  sqlite3_close(target);
  if (rc != SQLITE_DONE) return Status::IoError("backup to " + path + " failed: " + err);
  return Status::Ok();
}

Result<std::map<std::string, std::string>> SqliteStore::Settings() {
  std::lock_guard lock(mu_);
  std::map<std::string, std::string> out;
  SqliteStatement journal(conn_, "PRAGMA journal_mode");
  if (journal.Step()) out["journal_mode"] = journal.Text(0);
  PROSIT_RETURN_IF_ERROR(journal.status());
  SqliteStatement sync(conn_, "PRAGMA synchronous");
  if (sync.Step()) {
    static const char* const kNames[] = {"off", "normal", "full", "extra"};
    int64_t level = sync.Int(0);
    out["synchronous"] = level >= 0 && level < 4 ? kNames[level] : std::to_string(level);
  }
  PROSIT_RETURN_IF_ERROR(sync.status());
  SqliteStatement busy(conn_, "PRAGMA busy_timeout");
  if (busy.Step()) out["busy_timeout_ms"] = std::to_string(busy.Int(0));
  PROSIT_RETURN_IF_ERROR(busy.status());
  return out;
}

Result<std::vector<std::string>> SqliteStore::CheckIntegrity() {
  std::lock_guard lock(mu_);
  std::vector<std::string> problems;
  SqliteStatement ic(conn_, "PRAGMA integrity_check");
  while (ic.Step())
    if (ic.Text(0) != "ok") problems.push_back("integrity: " + ic.Text(0));
  PROSIT_RETURN_IF_ERROR(ic.status());
  SqliteStatement fk(conn_, "PRAGMA foreign_key_check");
  while (fk.Step())
    problems.push_back("foreign key: " + fk.Text(0) + " row " + std::to_string(fk.Int(1)) +
                       " refers to a missing " + fk.Text(2));
  PROSIT_RETURN_IF_ERROR(fk.status());
  // References are the store's own bookkeeping: each must point at a record that exists.
  SqliteStatement refs(conn_, R"sql(
      SELECT from_kind, from_id, to_kind, to_id FROM record_refs r WHERE NOT EXISTS (
        SELECT 1 FROM actors WHERE r.to_kind = 'actor' AND id = r.to_id
        UNION ALL SELECT 1 FROM service_cards WHERE r.to_kind = 'service_card' AND id = r.to_id
        UNION ALL SELECT 1 FROM records WHERE kind = r.to_kind AND id = r.to_id))sql");
  while (refs.Step())
    problems.push_back("reference: " + refs.Text(0) + " " + std::to_string(refs.Int(1)) +
                       " refers to a missing " + refs.Text(2) + " " + std::to_string(refs.Int(3)));
  PROSIT_RETURN_IF_ERROR(refs.status());
  return problems;
}

}  // namespace

std::optional<StoreOptions::Synchronous> ParseSynchronous(const std::string& name) {
  if (name == "full") return StoreOptions::Synchronous::kFull;
  if (name == "normal") return StoreOptions::Synchronous::kNormal;
  return std::nullopt;
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& location, const StoreOptions& options) {
  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(location.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string err = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IoError("cannot open database " + location + ": " + err);
  }
  auto store = std::make_unique<SqliteStore>(db);
  PROSIT_RETURN_IF_ERROR(store->Configure(options));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace prosit
