#pragma once
// Thin RAII wrappers over the SQLite C API: a connection and a prepared statement
// whose errors come back as Status values.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "model/status.h"

namespace prosit {

// SqliteConnection: an open database with its prepared statements kept for reuse
// (preparing costs more than running the small statements of a write).
class SqliteConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection();  // finalizes the statements and closes the database
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  sqlite3* db() const { return db_; }
  // A statement lent out: `in_use` points into the cache, or is null when the
  // statement is the borrower's own to finalize (its SQL was already lent out).
  struct Lease {
    sqlite3_stmt* stmt = nullptr;
    bool* in_use = nullptr;
  };
  // The statement for `sql`, prepared once and reused.
  Lease Borrow(std::string_view sql, Status& status);

 private:
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  sqlite3* db_;
  std::unordered_map<std::string, Cached> cache_;
};

class SqliteStatement {
 public:
  SqliteStatement(SqliteConnection& connection, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  const Status& prepare_status() const { return status_; }
  SqliteStatement& Bind(int index, int64_t value);
  SqliteStatement& Bind(int index, double value);
  SqliteStatement& Bind(int index, std::string_view value);
  SqliteStatement& Bind(int index, const std::string& value) {
    return Bind(index, std::string_view(value));
  }
  SqliteStatement& Bind(int index, const char* value) {
    return Bind(index, std::string_view(value));
  }
  SqliteStatement& Bind(int index, const std::optional<std::string>& value);
  SqliteStatement& BindNull(int index);

  // Steps once: true when a row is ready, false when done; errors land in status().
  bool Step();
  // Steps to the end.
  Status Run();
  Status status() const { return status_; }
  void Reset();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const;
  std::optional<std::string> OptionalText(int col) const;

 private:
  sqlite3* db_;
  SqliteConnection::Lease lease_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

// Whether a result code means another connection holds a lock we waited for in vain.
bool IsBusy(int rc);
// The Status of such a wait: StatusCode::kBusy, which the API answers with 503.
Status BusyStatus();

// Runs one or more statements without results; a busy database gives BusyStatus().
Status SqliteExec(sqlite3* db, const std::string& sql);

}  // namespace prosit
