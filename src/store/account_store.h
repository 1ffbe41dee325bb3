#pragma once
// AccountStore: the sign-in state kept in the store so that several server instances
// share it: users' password hashes, sessions, API tokens and login attempts. Only hashes
// of secrets are stored. Users' documents are written through Store::Transact (and so
// logged); sessions, tokens and attempts are operational state and are not logged.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/status.h"
#include "store/store.h"

namespace prosit {

// A user's stored document with the password hash kept beside it.
struct UserCredentials {
  StoredDocument user;
  std::string password_hash;  // argon2id string; empty when no password was ever set
};

// A signed-in browser. Times are ISO 8601 UTC.
struct SessionRecord {
  std::string token_hash;
  int64_t user_id = 0;
  std::string created, last_seen, expires;  // `expires`: the absolute time-out
  std::string csrf_hash;
};

// A token an integration sends as "Authorization: Bearer …".
struct ApiTokenRecord {
  int64_t id = 0;
  std::string token_hash;
  int64_t user_id = 0;
  std::string scope;  // "read" | "write"
  std::string name;
  std::string created;
  std::optional<std::string> revoked;
};

// A per-ORP calendar feed a calendar client fetches by the secret in its URL; it reads
// with the rights of its user at the time of each fetch.
struct CalendarFeedRecord {
  int64_t id = 0;
  std::string token_hash;
  int64_t user_id = 0;
  std::string orp_code;
  std::string name;
  std::string created;
  std::optional<std::string> last_used;
  std::optional<std::string> revoked;
};

// One sign-in attempt. `device` is the hash of the trusted-device cookie the attempt came
// with when that device had signed in to this login before; empty otherwise.
struct LoginAttempt {
  std::string login, address, at;
  bool ok = false;
  std::string device;
};

// A browser that once signed in to the user: its cookie's hash, and when it was last used.
struct TrustedDevice {
  std::string token_hash;
  int64_t user_id = 0;
  std::string created, last_used;
};

// The result of ReserveLoginAttempt: the attempt's id when it was recorded, else the wait.
struct AttemptReservation {
  int64_t id = 0;
  int64_t wait_seconds = 0;
};

// Seconds to wait, from the recent attempts sharing a sign-in's login, address or device.
using ThrottleFn = std::function<int64_t(const std::vector<LoginAttempt>&)>;

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  virtual Result<std::optional<UserCredentials>> FindUserByLogin(const std::string& login) = 0;
  virtual Result<std::optional<UserCredentials>> FindUser(int64_t id) = 0;

  virtual Status AddSession(const SessionRecord& session) = 0;
  virtual Result<std::optional<SessionRecord>> FindSession(const std::string& token_hash) = 0;
  virtual Status TouchSession(const std::string& token_hash, const std::string& at) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  // Every session of the user but `except_hash` (empty: all of them).
  virtual Status DeleteSessionsOf(int64_t user_id, const std::string& except_hash) = 0;

  virtual Result<int64_t> AddApiToken(const ApiTokenRecord& token) = 0;
  virtual Result<std::optional<ApiTokenRecord>> FindApiToken(const std::string& token_hash) = 0;
  virtual Result<std::optional<ApiTokenRecord>> GetApiToken(int64_t id) = 0;
  virtual Status RevokeApiToken(int64_t id, const std::string& at) = 0;
  // The user's API tokens, revoked ones too, oldest first.
  virtual Result<std::vector<ApiTokenRecord>> ApiTokensOf(int64_t user_id) = 0;

  virtual Result<int64_t> AddCalendarFeed(const CalendarFeedRecord& feed) = 0;
  virtual Result<std::optional<CalendarFeedRecord>> FindCalendarFeed(
      const std::string& token_hash) = 0;
  virtual Result<std::optional<CalendarFeedRecord>> GetCalendarFeed(int64_t id) = 0;
  virtual Status RevokeCalendarFeed(int64_t id, const std::string& at) = 0;
  // Records a fetch: when the feed was last read.
  virtual Status TouchCalendarFeed(int64_t id, const std::string& at) = 0;
  // The user's feeds, revoked ones too, oldest first.
  virtual Result<std::vector<CalendarFeedRecord>> CalendarFeedsOf(int64_t user_id) = 0;
  // The user's sessions that have not reached their absolute time-out at `now`.
  virtual Result<int64_t> CountSessionsOf(int64_t user_id, const std::string& now) = 0;

  // In one transaction, so that parallel attempts cannot all pass the same check: gives
  // `wait` the attempts made at or after `since` that share the login, the address or
  // (when not empty) the device of `attempt`, oldest first; when it answers 0, records
  // `attempt` as failed and returns its id (SucceedLoginAttempt turns it into a success
  // once the password is verified).
  virtual Result<AttemptReservation> ReserveLoginAttempt(const LoginAttempt& attempt,
                                                         const std::string& since,
                                                         const ThrottleFn& wait) = 0;
  virtual Status SucceedLoginAttempt(int64_t id) = 0;

  virtual Status AddTrustedDevice(const TrustedDevice& device) = 0;
  virtual Result<std::optional<TrustedDevice>> FindTrustedDevice(const std::string& token_hash) = 0;
  virtual Status TouchTrustedDevice(const std::string& token_hash, const std::string& at) = 0;

  // Forgets login attempts made before `before`, sessions that expired before it and
  // trusted devices unused since `devices_before`: what no throttle or sign-in looks at
  // any more.
  virtual Status Prune(const std::string& before, const std::string& devices_before) = 0;
};

}  // namespace prosit
