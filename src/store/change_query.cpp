#include "store/change_query.h"

namespace prosit {

ChangeQuery BuildChangeQuery(const ChangeFilter& f) {
  ChangeQuery q;
  auto add = [&q](const char* condition, std::variant<int64_t, std::string> value) {
    q.where += q.where.empty() ? "WHERE " : " AND ";
    q.where += condition;
    q.params.push_back(std::move(value));
  };
  if (f.kind) add("entity = ?", std::string(EntityName(*f.kind)));
  if (f.entity_id != 0) add("entity_id = ?", f.entity_id);
  if (!f.author.empty()) add("author = ?", f.author);
  if (!f.op.empty()) add("op = ?", f.op);
  // Plain comparisons of `at` (ISO 8601) can use its index, substr(at, …) could not. Every
  // time of the day `to` sorts before `to` + "~" ('~' follows every character of a time).
  if (!f.from.empty()) add("at >= ?", f.from);
  if (!f.to.empty()) add("at < ?", f.to + "~");
  return q;
}

std::string ChangeCountSql(const ChangeQuery& q) {
  return "SELECT COUNT(*) FROM change_log " + q.where;
}

std::string ChangePageSql(const ChangeQuery& q) {
  return std::string(kChangeColumns) + q.where + " ORDER BY seq DESC LIMIT ? OFFSET ?";
}

void BindChangeQuery(SqliteStatement& s, const ChangeQuery& q) {
  int i = 1;
  for (const auto& p : q.params) {
    if (const auto* n = std::get_if<int64_t>(&p))
      s.Bind(i++, *n);
    else
      s.Bind(i++, std::get<std::string>(p));
  }
}

void BindChangePage(SqliteStatement& s, const ChangeQuery& q, int64_t limit, int64_t offset) {
  BindChangeQuery(s, q);
  int next = static_cast<int>(q.params.size()) + 1;
  s.Bind(next, limit).Bind(next + 1, offset);
}

}  // namespace prosit
