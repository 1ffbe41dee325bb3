#include "store/sqlite_account_store.h"

namespace prosit {

namespace {

class SqliteAccountStore : public AccountStore {
 public:
  SqliteAccountStore(SqliteConnection& conn, std::mutex& mu) : conn_(conn), mu_(mu) {}

  Result<std::optional<UserCredentials>> FindUserByLogin(const std::string& login) override {
    return FindUserWhere("login = ?", [&](SqliteStatement& s) { s.Bind(1, login); });
  }
  Result<std::optional<UserCredentials>> FindUser(int64_t id) override {
    return FindUserWhere("id = ?", [&](SqliteStatement& s) { s.Bind(1, id); });
  }

  Status AddSession(const SessionRecord& r) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(conn_, "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?)");
    s.Bind(1, r.token_hash).Bind(2, r.user_id).Bind(3, r.created).Bind(4, r.last_seen);
    s.Bind(5, r.expires).Bind(6, r.csrf_hash);
    return s.Run();
  }

  Result<std::optional<SessionRecord>> FindSession(const std::string& token_hash) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(conn_,
                      "SELECT token_hash, user_id, created, last_seen, expires, csrf_hash "
                      "FROM sessions WHERE token_hash = ?");
    s.Bind(1, token_hash);
    if (s.Step())
      return std::optional<SessionRecord>(
          SessionRecord{s.Text(0), s.Int(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5)});
    PROSIT_RETURN_IF_ERROR(s.status());
    return std::optional<SessionRecord>();
  }

  Status TouchSession(const std::string& token_hash, const std::string& at) override {
    return Exec("UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1",
                [&](SqliteStatement& s) { s.Bind(1, token_hash).Bind(2, at); });
  }
  Status DeleteSession(const std::string& token_hash) override {
    return Exec("DELETE FROM sessions WHERE token_hash = ?",
                [&](SqliteStatement& s) { s.Bind(1, token_hash); });
  }
  Status DeleteSessionsOf(int64_t user_id, const std::string& except_hash) override {
    return Exec("DELETE FROM sessions WHERE user_id = ? AND token_hash != ?",
                [&](SqliteStatement& s) { s.Bind(1, user_id).Bind(2, except_hash); });
  }

  Result<int64_t> AddApiToken(const ApiTokenRecord& t) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(conn_,
                      "INSERT INTO api_tokens (token_hash, user_id, scope, name, created) "
                      "VALUES (?, ?, ?, ?, ?)");
    s.Bind(1, t.token_hash).Bind(2, t.user_id).Bind(3, t.scope).Bind(4, t.name).Bind(5, t.created);
    PROSIT_RETURN_IF_ERROR(s.Run());
    return static_cast<int64_t>(sqlite3_last_insert_rowid(conn_.db()));
  }
  Result<std::optional<ApiTokenRecord>> FindApiToken(const std::string& token_hash) override {
    return FindTokenWhere("token_hash = ?", [&](SqliteStatement& s) { s.Bind(1, token_hash); });
  }
  Result<std::optional<ApiTokenRecord>> GetApiToken(int64_t id) override {
    return FindTokenWhere("id = ?", [&](SqliteStatement& s) { s.Bind(1, id); });
  }
  Status RevokeApiToken(int64_t id, const std::string& at) override {
    return Exec("UPDATE api_tokens SET revoked = ?2 WHERE id = ?1 AND revoked IS NULL",
                [&](SqliteStatement& s) { s.Bind(1, id).Bind(2, at); });
  }

  Result<std::vector<ApiTokenRecord>> ApiTokensOf(int64_t user_id) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(conn_,
                      "SELECT id, token_hash, user_id, scope, name, created, revoked "
                      "FROM api_tokens WHERE user_id = ? ORDER BY id");
    s.Bind(1, user_id);
    std::vector<ApiTokenRecord> out;
    while (s.Step())
      out.push_back(
          {s.Int(0), s.Text(1), s.Int(2), s.Text(3), s.Text(4), s.Text(5), s.OptionalText(6)});
    PROSIT_RETURN_IF_ERROR(s.status());
    return out;
  }
  Result<int64_t> AddCalendarFeed(const CalendarFeedRecord& f) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(conn_,
                      "INSERT INTO calendar_feeds (token_hash, user_id, orp_code, name, created) "
                      "VALUES (?, ?, ?, ?, ?)");
    s.Bind(1, f.token_hash).Bind(2, f.user_id).Bind(3, f.orp_code).Bind(4, f.name);
    s.Bind(5, f.created);
    PROSIT_RETURN_IF_ERROR(s.Run());
    return static_cast<int64_t>(sqlite3_last_insert_rowid(conn_.db()));
  }
  Result<std::optional<CalendarFeedRecord>> FindCalendarFeed(const std::string& hash) override {
    auto feeds = FeedsWhere("token_hash = ?", [&](SqliteStatement& s) { s.Bind(1, hash); });
    if (!feeds.ok()) return feeds.status();
    if (feeds->empty()) return std::optional<CalendarFeedRecord>();
    return std::optional<CalendarFeedRecord>(feeds->front());
  }
  Result<std::optional<CalendarFeedRecord>> GetCalendarFeed(int64_t id) override {
    auto feeds = FeedsWhere("id = ?", [&](SqliteStatement& s) { s.Bind(1, id); });
    if (!feeds.ok()) return feeds.status();
    if (feeds->empty()) return std::optional<CalendarFeedRecord>();
    return std::optional<CalendarFeedRecord>(feeds->front());
  }
  Status RevokeCalendarFeed(int64_t id, const std::string& at) override {
    return Exec("UPDATE calendar_feeds SET revoked = ?2 WHERE id = ?1 AND revoked IS NULL",
                [&](SqliteStatement& s) { s.Bind(1, id).Bind(2, at); });
  }
  Status TouchCalendarFeed(int64_t id, const std::string& at) override {
    return Exec("UPDATE calendar_feeds SET last_used = ?2 WHERE id = ?1",
                [&](SqliteStatement& s) { s.Bind(1, id).Bind(2, at); });
  }
  Result<std::vector<CalendarFeedRecord>> CalendarFeedsOf(int64_t user_id) override {
    return FeedsWhere("user_id = ? ORDER BY id", [&](SqliteStatement& s) { s.Bind(1, user_id); });
  }

  Result<int64_t> CountSessionsOf(int64_t user_id, const std::string& now) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(conn_, "SELECT count(*) FROM sessions WHERE user_id = ? AND expires > ?");
    s.Bind(1, user_id).Bind(2, now);
    if (s.Step()) return s.Int(0);
    PROSIT_RETURN_IF_ERROR(s.status());
    return int64_t{0};
  }

  Result<AttemptReservation> ReserveLoginAttempt(const LoginAttempt& a, const std::string& since,
                                                 const ThrottleFn& wait) override {
    std::lock_guard lock(mu_);
    PROSIT_RETURN_IF_ERROR(SqliteExec(conn_.db(), "BEGIN IMMEDIATE"));
    auto reserved = ReserveLocked(a, since, wait);
    Status s = reserved.ok() ? SqliteExec(conn_.db(), "COMMIT") : reserved.status();
    if (!s.ok()) {
      SqliteExec(conn_.db(), "ROLLBACK");
      return s;
    }
    return reserved;
  }
  Status SucceedLoginAttempt(int64_t id) override {
    return Exec("UPDATE login_attempts SET ok = 1 WHERE id = ?",
                [&](SqliteStatement& s) { s.Bind(1, id); });
  }

  Status AddTrustedDevice(const TrustedDevice& d) override {
    return Exec("INSERT INTO trusted_devices VALUES (?, ?, ?, ?)", [&](SqliteStatement& s) {
      s.Bind(1, d.token_hash).Bind(2, d.user_id).Bind(3, d.created).Bind(4, d.last_used);
    });
  }
  Result<std::optional<TrustedDevice>> FindTrustedDevice(const std::string& token_hash) override {
    std::lock_guard lock(mu_);
    SqliteStatement s(conn_,
                      "SELECT token_hash, user_id, created, last_used FROM trusted_devices "
                      "WHERE token_hash = ?");
    s.Bind(1, token_hash);
    if (s.Step())
      return std::optional<TrustedDevice>(TrustedDevice{s.Text(0), s.Int(1), s.Text(2), s.Text(3)});
    PROSIT_RETURN_IF_ERROR(s.status());
    return std::optional<TrustedDevice>();
  }
  Status TouchTrustedDevice(const std::string& token_hash, const std::string& at) override {
    return Exec("UPDATE trusted_devices SET last_used = ?2 WHERE token_hash = ?1",
                [&](SqliteStatement& s) { s.Bind(1, token_hash).Bind(2, at); });
  }

  Status Prune(const std::string& before, const std::string& devices_before) override {
    PROSIT_RETURN_IF_ERROR(Exec("DELETE FROM login_attempts WHERE at < ?",
                                [&](SqliteStatement& s) { s.Bind(1, before); }));
    PROSIT_RETURN_IF_ERROR(Exec("DELETE FROM trusted_devices WHERE last_used < ?",
                                [&](SqliteStatement& s) { s.Bind(1, devices_before); }));
    return Exec("DELETE FROM sessions WHERE expires < ?",
                [&](SqliteStatement& s) { s.Bind(1, before); });
  }

 private:
  // ReserveLoginAttempt inside its transaction, under mu_.
  Result<AttemptReservation> ReserveLocked(const LoginAttempt& a, const std::string& since,
                                           const ThrottleFn& wait) {
    SqliteStatement q(conn_,
                      "SELECT login, address, at, ok, device FROM login_attempts "
                      "WHERE at >= ?1 AND (login = ?2 OR address = ?3 OR "
                      "(?4 != '' AND device = ?4)) ORDER BY at, id");
    q.Bind(1, since).Bind(2, a.login).Bind(3, a.address).Bind(4, a.device);
    std::vector<LoginAttempt> recent;
    while (q.Step()) recent.push_back({q.Text(0), q.Text(1), q.Text(2), q.Int(3) != 0, q.Text(4)});
    PROSIT_RETURN_IF_ERROR(q.status());
    if (int64_t seconds = wait(recent); seconds > 0) return AttemptReservation{0, seconds};
    SqliteStatement s(conn_,
                      "INSERT INTO login_attempts (login, address, at, ok, device) "
                      "VALUES (?, ?, ?, ?, ?)");
    s.Bind(1, a.login).Bind(2, a.address).Bind(3, a.at).Bind(4, static_cast<int64_t>(a.ok));
    s.Bind(5, a.device);
    PROSIT_RETURN_IF_ERROR(s.Run());
    return AttemptReservation{static_cast<int64_t>(sqlite3_last_insert_rowid(conn_.db())), 0};
  }

  template <typename BindFn>
  Status Exec(const char* sql, BindFn bind) {
    std::lock_guard lock(mu_);
    SqliteStatement s(conn_, sql);
    bind(s);
    return s.Run();
  }

  template <typename BindFn>
  Result<std::optional<UserCredentials>> FindUserWhere(const std::string& condition, BindFn bind) {
    std::lock_guard lock(mu_);
    SqliteStatement s(conn_,
                      "SELECT id, version, doc, password_hash FROM users WHERE " + condition);
    bind(s);
    if (s.Step())
      return std::optional<UserCredentials>(
          UserCredentials{{s.Int(0), s.Int(1), 0, s.Text(2)}, s.Text(3)});
    PROSIT_RETURN_IF_ERROR(s.status());
    return std::optional<UserCredentials>();
  }

  template <typename BindFn>
  Result<std::optional<ApiTokenRecord>> FindTokenWhere(const std::string& condition, BindFn bind) {
    std::lock_guard lock(mu_);
    SqliteStatement s(conn_,
                      "SELECT id, token_hash, user_id, scope, name, created, revoked "
                      "FROM api_tokens WHERE " +
                          condition);
    bind(s);
    if (s.Step())
      return std::optional<ApiTokenRecord>(ApiTokenRecord{s.Int(0), s.Text(1), s.Int(2), s.Text(3),
                                                          s.Text(4), s.Text(5), s.OptionalText(6)});
    PROSIT_RETURN_IF_ERROR(s.status());
    return std::optional<ApiTokenRecord>();
  }

  template <typename BindFn>
  Result<std::vector<CalendarFeedRecord>> FeedsWhere(const std::string& condition, BindFn bind) {
    std::lock_guard lock(mu_);
    SqliteStatement s(conn_,
                      "SELECT id, token_hash, user_id, orp_code, name, created, last_used, revoked "
                      "FROM calendar_feeds WHERE " +
                          condition);
    bind(s);
    std::vector<CalendarFeedRecord> out;
    while (s.Step())
      out.push_back({s.Int(0), s.Text(1), s.Int(2), s.Text(3), s.Text(4), s.Text(5),
                     s.OptionalText(6), s.OptionalText(7)});
    PROSIT_RETURN_IF_ERROR(s.status());
    return out;
  }

  SqliteConnection& conn_;
  std::mutex& mu_;
};

}  // namespace

std::unique_ptr<AccountStore> MakeSqliteAccountStore(SqliteConnection& conn, std::mutex& mu) {
  return std::make_unique<SqliteAccountStore>(conn, mu);
}

}  // namespace prosit
