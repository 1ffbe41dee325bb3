#include "store/sqlite_statement.h"

namespace prosit {

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  sqlite3_close_v2(db_);
}

SqliteConnection::Lease SqliteConnection::Borrow(std::string_view sql, Status& status) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end() && !it->second.in_use) {
    it->second.in_use = true;
    return {it->second.stmt, &it->second.in_use};
  }
  bool cache_it = it == cache_.end();
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                         cache_it ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr) != SQLITE_OK) {
    status = Status::IoError(std::string("SQLite prepare: ") + sqlite3_errmsg(db_));
    sqlite3_finalize(stmt);
    return {};
  }
  if (!cache_it) return {stmt, nullptr};
  Cached& cached = cache_[std::string(sql)];
  cached = {stmt, true};
  return {stmt, &cached.in_use};
}

SqliteStatement::SqliteStatement(SqliteConnection& connection, std::string_view sql)
    : db_(connection.db()), lease_(connection.Borrow(sql, status_)), stmt_(lease_.stmt) {}

SqliteStatement::~SqliteStatement() {
  if (!stmt_) return;
  if (!lease_.in_use) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *lease_.in_use = false;
}

SqliteStatement& SqliteStatement::Bind(int i, int64_t v) {
  if (stmt_) sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
SqliteStatement& SqliteStatement::Bind(int i, double v) {
  if (stmt_) sqlite3_bind_double(stmt_, i, v);
  return *this;
}
SqliteStatement& SqliteStatement::Bind(int i, std::string_view v) {
  if (stmt_) sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
SqliteStatement& SqliteStatement::Bind(int i, const std::optional<std::string>& v) {
  return v ? Bind(i, std::string_view(*v)) : BindNull(i);
}
SqliteStatement& SqliteStatement::BindNull(int i) {
  if (stmt_) sqlite3_bind_null(stmt_, i);
  return *this;
}

namespace {

// A constraint failure reaches clients as a 409: its message says what kind of rule was
// broken, never SQLite's text, which names tables and columns.
Status ConstraintConflict(int extended_code) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Status::Conflict("a value that must be unique is already taken");
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Status::Conflict(
          "the change refers to a record that does not exist or is referred to");
    default:
      return Status::Conflict("the change breaks a rule of the stored data");
  }
}

}  // namespace

bool IsBusy(int rc) { return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED; }

Status BusyStatus() {
  return Status::Busy("the store is busy with another write; try again shortly");
}

bool SqliteStatement::Step() {
  if (!status_.ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_CONSTRAINT)
    status_ = ConstraintConflict(sqlite3_extended_errcode(db_));
  else if (IsBusy(rc))
    status_ = BusyStatus();
  else if (rc != SQLITE_DONE)
    status_ = Status::IoError(std::string("SQLite: ") + sqlite3_errmsg(db_));
  return false;
}

Status SqliteStatement::Run() {
  while (Step()) {
  }
  return status_;
}

void SqliteStatement::Reset() {
  if (stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

std::string SqliteStatement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col))
           : std::string();
}

std::optional<std::string> SqliteStatement::OptionalText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

Status SqliteExec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return IsBusy(rc) ? BusyStatus() : Status::IoError("SQLite: " + msg);
  }
  return Status::Ok();
}

}  // namespace prosit
