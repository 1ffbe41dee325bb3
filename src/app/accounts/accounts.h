#pragma once
// Accounts: the use cases of signing in — creating users, signing in and out, changing a
// password, resolving a request's session or API token to a Principal, and API tokens.
// Sessions and tokens live in the store (so several instances share them) under hashes;
// times come from the injected Clock. AccessFor turns a request's credentials into the
// Caller that every other use case checks its permissions against.

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "app/accounts/caller.h"
#include "app/accounts/credential_cache.h"
#include "app/accounts/login_throttle.h"
#include "app/accounts/password_hasher.h"
#include "app/accounts/principal.h"
#include "app/accounts/request_credentials.h"
#include "app/clock.h"
#include "model/territory.h"
#include "store/store.h"

namespace prosit {

struct AccountPolicy {
  int64_t idle_seconds = int64_t{30} * 60;  // a session unused this long ends
  int64_t absolute_seconds =
      int64_t{12} * 60 * 60;  // and every session ends this long after sign-in
  // A verified cookie or token is believed this long before the store is asked again
  // (0: every request asks); what this instance revokes ends at once.
  int64_t recheck_seconds = 2;
  PasswordHashing hashing = PasswordHashing::Production();
  ThrottlePolicy throttle = DefaultThrottle();
  // A browser stays a trusted device of its user this long after its last sign-in.
  int64_t device_seconds = int64_t{180} * 24 * 60 * 60;
};

// A new session: the token goes into the cookie, the CSRF token to the page.
struct SignedIn {
  User user;
  std::string session_token;
  std::string csrf_token;
  std::string expires;
  // The trusted-device token, for its long-lived cookie; empty when the browser already
  // presented a valid one.
  std::string device_token;
};

// The outcome of a sign-in: a session, or why not (and, when throttled, how long to wait).
struct SignInResult {
  Status status;
  std::optional<SignedIn> signed_in;
  int64_t retry_after_seconds = 0;
};

// A user just created, with the one-time password to hand over.
struct CreatedUser {
  User user;
  std::string one_time_password;
};

// An API token: `token` is shown once and never again.
struct CreatedApiToken {
  int64_t id = 0;
  std::string token, scope, name, created;
};

// A calendar feed: `token` is shown once (in the feed's URL) and never again.
struct CreatedCalendarFeed {
  int64_t id = 0;
  std::string token, orp_code, name, created;
};

// Who reads a calendar feed: its user as the user's rights are now, and its ORP.
struct FeedReader {
  Caller caller;
  std::string orp_code;
};

// The write of a user's document (an actor editor's actors as references).
DocumentPut PutUser(const User& user, int64_t expected_version);

class Accounts {
 public:
  Accounts(Store& store, Clock clock, AccountPolicy policy = {});
  ~Accounts();
  Accounts(const Accounts&) = delete;
  Accounts& operator=(const Accounts&) = delete;
  // Makes, in a thread of its own, the hash that unknown logins are checked against (an
  // argon2id run over 64 MiB), so that it is not part of start-up; a sign-in that needs
  // it before it is ready waits for it.
  void PrepareInBackground();

  // Creates a user from its JSON (login, display_name, email, role, territories) with a
  // generated one-time password it must change. The first admin comes from the CLI,
  // which calls this directly; the API goes through CreateUserAs.
  Result<CreatedUser> CreateUser(std::string_view body, const Territory& territory,
                                 const std::string& who);
  // The same, allowed to admins only (an API token must have the write scope).
  Result<CreatedUser> CreateUserAs(const Principal& principal, std::string_view body,
                                   const Territory& territory);

  // Checks throttling and records the attempt (in one step, so parallel attempts cannot
  // slip past the count), then checks the password (argon2id: slow on purpose). Wrong
  // login and wrong password answer alike. `device_token` is the trusted-device cookie,
  // if any (see login_throttle.h); a sign-in without a valid one hands out a new one.
  SignInResult SignIn(const std::string& login, const std::string& password,
                      const std::string& address, const std::string& device_token = "");
  // The user a session cookie or an API token stands for; nullopt when none is valid.
  // A session's idle time-out restarts.
  std::optional<Principal> Authenticate(const RequestCredentials& credentials);
  // Who asks, for the permission checks of every other use case: the public without
  // credentials or with a session that has ended; 401 for an unknown API token; 403 for
  // a change (not GET, HEAD, OPTIONS) made with the cookie but without the CSRF token,
  // and for a session of a user who must first change a one-time password.
  Result<Caller> AccessFor(const RequestCredentials& credentials, const std::string& method,
                           const std::optional<std::string>& csrf_header,
                           const Territory& territory);
  Status SignOut(const Principal& principal);
  // Ends every session of the principal's user (API tokens stay).
  Status SignOutEverywhere(const Principal& principal);
  // The user's own password: the current one is needed; other sessions end.
  Status ChangePassword(const Principal& principal, int64_t user_id, const std::string& current,
                        const std::string& replacement);

  Result<CreatedApiToken> CreateApiToken(const Principal& principal, const std::string& name,
                                         const std::string& scope);
  // A token of the user `login`, for the CLI (whoever runs it may open the database).
  Result<CreatedApiToken> CreateApiTokenFor(const std::string& login, const std::string& name,
                                            const std::string& scope);
  // The owner, or an admin, revokes a token.
  Status RevokeApiToken(const Principal& principal, int64_t id);
  // A per-ORP calendar feed for a calendar client that cannot sign in: created by a
  // signed-in user (not a read-only token) for an ORP whose internal records it may read.
  Result<CreatedCalendarFeed> CreateCalendarFeed(const Principal& principal,
                                                 const std::string& orp_code,
                                                 const std::string& name,
                                                 const Territory& territory);
  // The principal's own feeds, revoked ones too.
  Result<std::vector<CalendarFeedRecord>> CalendarFeedsOf(const Principal& principal);
  // The owner, or an admin, revokes a feed.
  Status RevokeCalendarFeed(const Principal& principal, int64_t id);
  // The reader of a feed's token, its use recorded; NotFound for an unknown or revoked
  // token and for a user no longer active, so a URL that stopped working tells nothing.
  Result<FeedReader> CalendarFeedReader(const std::string& token, const Territory& territory);
  // Forgets what this instance believes of the user's sessions and tokens, so that a
  // change of them (user_admin.h) takes effect with the next request.
  void ForgetUser(int64_t user_id) { verified_.ForgetUser(user_id); }

 private:
  // The principal of a session cookie or API token (by its hash) as the store has it.
  std::optional<Principal> FromSession(const std::string& token, const std::string& hash);
  std::optional<Principal> FromApiToken(const std::string& hash);
  Result<User> LoadUser(int64_t id);
  Result<CreatedApiToken> IssueApiToken(int64_t user_id, const std::string& name,
                                        const std::string& scope);
  Result<CreatedUser> WriteNewUser(User user, const std::string& who);
  int64_t Now() const;
  // The hash of `device_token` when it is a trusted device of `user_id`; empty otherwise.
  std::string TrustedDeviceOf(const std::string& device_token, int64_t user_id);
  // Records a successful attempt's device: a new token, or the known one used again.
  Result<std::string> TrustDevice(const std::string& device_hash, int64_t user_id);

  Store& store_;
  Clock clock_;
  AccountPolicy policy_;
  const std::string& DummyHash();
  std::once_flag dummy_once_;
  std::string dummy_hash_;
  std::thread dummy_thread_;
  CredentialCache verified_;  // verified for unknown logins, so they take as long as known ones
};

}  // namespace prosit
