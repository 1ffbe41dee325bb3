#pragma once
// AccountStore: the sign-in state kept in the store so that several server instances
// share it: users' password hashes, sessions, API tokens and login attempts. Only hashes
// of secrets are stored. Users' documents are written through Store::Transact (and so
// logged); sessions, tokens and attempts are operational state and are not logged.

#include <cstdint>
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

struct LoginAttempt {
  std::string login, address, at;
  bool ok = false;
};

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

  virtual Status RecordLoginAttempt(const LoginAttempt& attempt) = 0;
  // Attempts with this login (by_address false) or from this address, at or after
  // `since`, oldest first.
  virtual Result<std::vector<LoginAttempt>> LoginAttemptsSince(bool by_address,
                                                               const std::string& key,
                                                               const std::string& since) = 0;
  // Forgets login attempts made before `before` and sessions that expired before it:
  // what no throttle or sign-in looks at any more.
  virtual Status Prune(const std::string& before) = 0;
};

}  // namespace prosit
