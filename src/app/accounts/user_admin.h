#pragma once
// UserAdmin: what an admin does with other people's accounts — list and look at users,
// change their name, e-mail, role, territories and whether they may sign in, end their
// sessions and revoke their API tokens. Every change is a logged write of the user's
// document (sessions and tokens themselves are not logged, so the document records when
// they were ended). Rules: only an admin (with a write-scoped credential) administers;
// nobody deactivates themselves; the last active admin stays an active admin.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/accounts.h"
#include "app/accounts/principal.h"
#include "app/clock.h"
#include "model/territory.h"
#include "store/account_store.h"
#include "store/store.h"

namespace prosit {

// A user as the admin sees them: the document, open sessions and API tokens.
struct UserDetail {
  User user;
  int64_t open_sessions = 0;
  std::vector<ApiTokenRecord> api_tokens;  // token_hash left empty
};

class UserAdmin {
 public:
  UserAdmin(Store& store, Accounts& accounts, Clock clock)
      : store_(store), accounts_(accounts), clock_(std::move(clock)) {}

  // Every user, by login.
  Result<std::vector<User>> List(const Principal& admin);
  Result<UserDetail> Get(const Principal& admin, int64_t id);
  // Applies a JSON Merge Patch to the user's display_name, email, role, territories and
  // active (the other members are not the admin's to change: 422 naming them). `if_match`
  // is required. A deactivation ends the user's sessions and revokes their API tokens in
  // the same transaction.
  Result<User> Patch(const Principal& admin, int64_t id, std::string_view patch,
                     std::optional<int64_t> if_match, const Territory& territory);
  // Ends every session of the user / revokes every API token of the user.
  Result<User> EndSessions(const Principal& admin, int64_t id);
  Result<User> RevokeTokens(const Principal& admin, int64_t id);

 private:
  Status CheckAdmin(const Principal& p, bool write) const;
  Result<StoredDocument> Load(int64_t id);
  // Writes `user` (read at `version`) and ends credentials as asked, in one transaction;
  // refuses a write that would leave no active admin.
  Result<User> Write(const Principal& admin, User user, int64_t version, bool end_sessions,
                     bool revoke_tokens);

  Store& store_;
  Accounts& accounts_;
  Clock clock_;
};

}  // namespace prosit
