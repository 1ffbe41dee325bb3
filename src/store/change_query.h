#pragma once
// ChangeQuery: the SQL of an audit-trail query, built from the filters actually given so
// that SQLite can use the change log's indexes (a catch-all "(? = '' OR entity = ?)"
// condition makes it scan the whole log). Values are bound, never spliced into the SQL.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "store/sqlite_statement.h"
#include "store/store.h"

namespace prosit {

struct ChangeQuery {
  std::string where;  // "WHERE entity = ? AND entity_id = ?", or empty for the whole log
  std::vector<std::variant<int64_t, std::string>> params;  // in the order of the ?s
};

ChangeQuery BuildChangeQuery(const ChangeFilter& filter);
// SELECT COUNT(*) of the matching rows.
std::string ChangeCountSql(const ChangeQuery& q);
// SELECT of one page, newest first; LIMIT and OFFSET are the two ?s after the params.
std::string ChangePageSql(const ChangeQuery& q);
// Binds the params, then `limit` and `offset` when the statement is a page.
void BindChangeQuery(SqliteStatement& s, const ChangeQuery& q);
void BindChangePage(SqliteStatement& s, const ChangeQuery& q, int64_t limit, int64_t offset);

// The columns every change-log read selects, in the order ReadChanges expects.
inline constexpr const char* kChangeColumns =
    "SELECT seq, at, author, entity, entity_id, op, before, after FROM change_log ";

}  // namespace prosit
