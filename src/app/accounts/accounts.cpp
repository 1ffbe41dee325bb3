#include "app/accounts/accounts.h"

#include <algorithm>
#include <cctype>

#include "app/accounts/csrf.h"
#include "app/accounts/permissions.h"
#include "app/accounts/secret_tokens.h"
#include "app/background_priority.h"
#include "io/user_json.h"
#include "model/record_bounds.h"
#include "store/account_store.h"

namespace prosit {

namespace {

constexpr const char* kWrongCredentials = "wrong login or password";

std::string LowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Result<User> ParseStoredUser(const StoredDocument& doc) {
  auto user = UserFromJson(doc.json);
  if (!user.ok())
    return Status::Corruption("stored user " + std::to_string(doc.id) + ": " +
                              user.status().ToString());
  return user;
}

}  // namespace

DocumentPut PutUser(const User& user, int64_t expected_version) {
  DocumentPut put;
  put.kind = EntityKind::kUser;
  put.id = user.id;
  put.expected_version = expected_version;
  put.render = [user](int64_t id, int64_t version) {
    User stored = user;
    stored.id = id;
    stored.version = version;
    return UserToJson(stored).dump();
  };
  // An actor editor's actors must exist, and cannot be deleted while named.
  std::vector<int64_t> actors = ActorIdsOf(user);
  for (size_t i = 0; i < actors.size(); ++i)
    put.references.push_back(
        {EntityKind::kActor, actors[i], "territories[" + std::to_string(i) + "]"});
  return put;
}

Accounts::Accounts(Store& store, Clock clock, AccountPolicy policy)
    : store_(store), clock_(std::move(clock)), policy_(policy), verified_(policy.recheck_seconds) {}

Accounts::~Accounts() {
  if (dummy_thread_.joinable()) dummy_thread_.join();
}

void Accounts::PrepareInBackground() {
  if (!dummy_thread_.joinable())
    dummy_thread_ = std::thread([this] {
      RunBelowRequests();
      DummyHash();
    });
}

const std::string& Accounts::DummyHash() {
  std::call_once(dummy_once_, [this] {
    auto dummy = HashPassword("no such user, no such password", policy_.hashing);
    if (dummy.ok()) dummy_hash_ = *dummy;
  });
  return dummy_hash_;
}

int64_t Accounts::Now() const { return EpochSecondsOf(clock_.now()).value_or(0); }

Result<User> Accounts::LoadUser(int64_t id) {
  auto found = store_.accounts().FindUser(id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NotFound("no user " + std::to_string(id));
  return ParseStoredUser((*found)->user);
}

Result<CreatedUser> Accounts::CreateUser(std::string_view body, const Territory& territory,
                                         const std::string& who) {
  auto parsed = UserFromJson(body);
  if (!parsed.ok()) return parsed.status();
  User user = std::move(*parsed);
  if (user.id != 0 || user.version != 0)
    return Status::Invalid("a new user has no id or version yet",
                           {{"id", "leave out when creating"}});
  FieldErrors errors = ValidateUser(user, territory);
  if (!errors.empty()) return Status::Invalid("the user breaks some rules", errors);
  auto existing = store_.accounts().FindUserByLogin(user.login);
  if (!existing.ok()) return existing.status();
  if (existing->has_value())
    return Status::Invalid("the login is taken", {{"login", "already taken"}});
  return WriteNewUser(std::move(user), who);
}

Result<CreatedUser> Accounts::WriteNewUser(User user, const std::string& who) {
  CreatedUser created;
  created.one_time_password = GeneratePassword();
  auto hash = HashPassword(created.one_time_password, policy_.hashing);
  if (!hash.ok()) return hash.status();
  user.active = true;
  user.must_change_password = true;
  user.sessions_ended_at.clear();
  user.tokens_revoked_at.clear();
  std::string now = clock_.now();
  user.password_set_at = now;
  Status s = store_.Transact({who, now}, [&](StoreTransaction& tx) -> Status {
    auto doc = tx.Put(PutUser(user, 0));
    if (!doc.ok()) return doc.status();
    user.id = doc->id;
    user.version = doc->version;
    return tx.SetPasswordHash(user.id, *hash);
  });
  if (!s.ok()) return s;
  created.user = std::move(user);
  return created;
}

Result<CreatedUser> Accounts::CreateUserAs(const Principal& principal, std::string_view body,
                                           const Territory& territory) {
  if (principal.user.role != Role::kAdmin || !principal.CanWrite())
    return Status::Forbidden("only an admin creates users");
  return CreateUser(body, territory, "user:" + principal.user.login);
}

std::string Accounts::TrustedDeviceOf(const std::string& device_token, int64_t user_id) {
  if (device_token.empty() || device_token.size() > 128 || user_id == 0) return "";
  std::string hash = HashToken(device_token);
  auto found = store_.accounts().FindTrustedDevice(hash);
  if (!found.ok() || !found->has_value() || (*found)->user_id != user_id) return "";
  auto last_used = EpochSecondsOf((*found)->last_used);
  if (!last_used || Now() - *last_used >= policy_.device_seconds) return "";
  return hash;
}

Result<std::string> Accounts::TrustDevice(const std::string& device_hash, int64_t user_id) {
  std::string now = clock_.now();
  if (!device_hash.empty()) {
    PROSIT_RETURN_IF_ERROR(store_.accounts().TouchTrustedDevice(device_hash, now));
    return std::string();
  }
  std::string token = RandomToken();
  PROSIT_RETURN_IF_ERROR(store_.accounts().AddTrustedDevice({HashToken(token), user_id, now, now}));
  return token;
}

SignInResult Accounts::SignIn(const std::string& typed_login, const std::string& password,
                              const std::string& address, const std::string& device_token) {
  SignInResult out;
  std::string login = LowerAscii(typed_login.substr(0, 256));
  auto found = store_.accounts().FindUserByLogin(login);
  if (!found.ok()) return {found.status(), std::nullopt, 0};
  int64_t user_id = found->has_value() ? (*found)->user.id : 0;
  std::string now = clock_.now();
  LoginAttempt attempt{login, address, now, false, TrustedDeviceOf(device_token, user_id)};
  const ThrottlePolicy& throttle = policy_.throttle;
  auto reserved = store_.accounts().ReserveLoginAttempt(
      attempt, IsoOfEpochSeconds(Now() - throttle.window_seconds()),
      [&](const std::vector<LoginAttempt>& recent) {
        return SignInWait(recent, attempt, Now(), throttle);
      });
  if (!reserved.ok()) return {reserved.status(), std::nullopt, 0};
  if (reserved->wait_seconds > 0)
    return {Status::Throttled("too many failed sign-ins; try again later"), std::nullopt,
            reserved->wait_seconds};
  bool ok = VerifyPassword(password, found->has_value() ? (*found)->password_hash : DummyHash()) &&
            found->has_value();
  std::optional<User> user;
  if (ok) {
    auto parsed = ParseStoredUser((*found)->user);
    if (!parsed.ok()) return {parsed.status(), std::nullopt, 0};
    ok = parsed->active;
    user = std::move(*parsed);
  }
  if (ok) {
    Status recorded = store_.accounts().SucceedLoginAttempt(reserved->id);
    if (!recorded.ok()) return {recorded, std::nullopt, 0};
  }
  // Attempts older than the longest throttle window count no more; sign-ins keep the
  // table as small as the last window's attempts.
  Status pruned = store_.accounts().Prune(IsoOfEpochSeconds(Now() - throttle.window_seconds()),
                                          IsoOfEpochSeconds(Now() - policy_.device_seconds));
  if (!pruned.ok()) return {pruned, std::nullopt, 0};
  if (!ok) return {Status::Unauthenticated(kWrongCredentials), std::nullopt, 0};

  // A new token on every sign-in: a token planted before it (fixation) is never adopted.
  SignedIn in;
  in.user = std::move(*user);
  in.session_token = RandomToken();
  in.csrf_token = CsrfTokenOf(in.session_token);
  in.expires = IsoOfEpochSeconds(Now() + policy_.absolute_seconds);
  Status s = store_.accounts().AddSession(
      {HashToken(in.session_token), in.user.id, now, now, in.expires, HashToken(in.csrf_token)});
  if (!s.ok()) return {s, std::nullopt, 0};
  auto device = TrustDevice(attempt.device, in.user.id);
  if (!device.ok()) return {device.status(), std::nullopt, 0};
  in.device_token = std::move(*device);
  out.signed_in = std::move(in);
  return out;
}

std::optional<Principal> Accounts::Authenticate(const RequestCredentials& credentials) {
  const std::optional<std::string>& token =
      credentials.bearer_token ? credentials.bearer_token : credentials.session_token;
  if (!token || token->empty() || token->size() > 128) return std::nullopt;
  std::string hash = HashToken(*token);
  int64_t now = Now();
  if (auto known = verified_.Find(hash, now)) return known;
  auto p = credentials.bearer_token ? FromApiToken(hash) : FromSession(*token, hash);
  if (p) verified_.Remember(hash, *p, now);
  return p;
}

Result<Caller> Accounts::AccessFor(const RequestCredentials& credentials, const std::string& method,
                                   const std::optional<std::string>& csrf_header,
                                   const Territory& territory) {
  if (!credentials.bearer_token && !credentials.session_token) return Caller::Public();
  std::optional<Principal> p = Authenticate(credentials);
  if (!p && credentials.bearer_token)
    return Status::Unauthenticated("the API token is not valid (unknown, revoked or malformed)");
  if (!p) return Caller::Public();  // a browser may keep a cookie after its session ended
  PROSIT_RETURN_IF_ERROR(CheckCsrf(*p, method, csrf_header));
  if (p->via == Principal::Via::kSession && p->user.must_change_password)
    return Status::PasswordChange(
        "change the one-time password first (PUT /api/v1/users/{id}/password)");
  return Caller::Of(*p, territory);
}

std::optional<Principal> Accounts::FromSession(const std::string& token, const std::string& hash) {
  auto session = store_.accounts().FindSession(hash);
  if (!session.ok() || !session->has_value()) return std::nullopt;
  const SessionRecord& r = **session;
  int64_t now = Now();
  auto expires = EpochSecondsOf(r.expires), last_seen = EpochSecondsOf(r.last_seen);
  if (!expires || !last_seen || now >= *expires || now - *last_seen >= policy_.idle_seconds) {
    store_.accounts().DeleteSession(hash);
    return std::nullopt;
  }
  auto user = LoadUser(r.user_id);
  if (!user.ok() || !user->active) return std::nullopt;
  // Refreshing last_seen at most once a minute spares a write on every request.
  if (now - *last_seen >= 60) store_.accounts().TouchSession(hash, IsoOfEpochSeconds(now));
  Principal p;
  p.user = std::move(*user);
  p.via = Principal::Via::kSession;
  p.session_hash = hash;
  p.csrf_hash = r.csrf_hash;
  p.csrf_token = CsrfTokenOf(token);
  p.expires = r.expires;
  return p;
}

std::optional<Principal> Accounts::FromApiToken(const std::string& hash) {
  auto found = store_.accounts().FindApiToken(hash);
  if (!found.ok() || !found->has_value() || (*found)->revoked) return std::nullopt;
  auto user = LoadUser((*found)->user_id);
  if (!user.ok() || !user->active) return std::nullopt;
  Principal p;
  p.user = std::move(*user);
  p.via = Principal::Via::kApiToken;
  p.scope = (*found)->scope;
  p.token_id = (*found)->id;
  return p;
}

Status Accounts::SignOut(const Principal& principal) {
  if (principal.via != Principal::Via::kSession)
    return Status::Invalid("an API token has no session to end; revoke the token instead");
  verified_.Forget(principal.session_hash);
  return store_.accounts().DeleteSession(principal.session_hash);
}

Status Accounts::SignOutEverywhere(const Principal& principal) {
  if (principal.via != Principal::Via::kSession)
    return Status::Invalid("sign out everywhere from a signed-in session");
  verified_.ForgetUser(principal.user.id);
  return store_.accounts().DeleteSessionsOf(principal.user.id, "");
}

Status Accounts::ChangePassword(const Principal& principal, int64_t user_id,
                                const std::string& current, const std::string& replacement) {
  if (principal.user.id != user_id || principal.via != Principal::Via::kSession)
    return Status::Forbidden("users change their own password, signed in");
  auto found = store_.accounts().FindUser(user_id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NotFound("no user " + std::to_string(user_id));
  if (!VerifyPassword(current, (*found)->password_hash))
    return Status::Invalid("the current password is wrong",
                           {{"current_password", "does not match"}});
  FieldErrors policy = CheckPasswordPolicy(replacement, principal.user.login, "new_password");
  if (replacement == current) policy["new_password"] = "must differ from the current password";
  if (!policy.empty()) return Status::Invalid("the new password breaks the policy", policy);
  auto hash = HashPassword(replacement, policy_.hashing);
  if (!hash.ok()) return hash.status();
  auto user = ParseStoredUser((*found)->user);
  if (!user.ok()) return user.status();
  std::string now = clock_.now();
  user->must_change_password = false;
  user->password_set_at = now;  // the change log shows when, never the hash
  PROSIT_RETURN_IF_ERROR(
      store_.Transact({"user:" + principal.user.login, now}, [&](StoreTransaction& tx) -> Status {
        auto doc = tx.Put(PutUser(*user, (*found)->user.version));
        if (!doc.ok()) return doc.status();
        return tx.SetPasswordHash(user_id, *hash);
      }));
  // Whoever knew the old password is signed out; this browser stays in.
  verified_.ForgetUser(user_id);
  return store_.accounts().DeleteSessionsOf(user_id, principal.session_hash);
}

Result<CreatedApiToken> Accounts::CreateApiToken(const Principal& principal,
                                                 const std::string& name,
                                                 const std::string& scope) {
  if (principal.via != Principal::Via::kSession)
    return Status::Forbidden("API tokens are created by a signed-in user, not by another token");
  return IssueApiToken(principal.user.id, name, scope);
}

Result<CreatedApiToken> Accounts::CreateApiTokenFor(const std::string& login,
                                                    const std::string& name,
                                                    const std::string& scope) {
  auto user = store_.accounts().FindUserByLogin(login);
  if (!user.ok()) return user.status();
  if (!user->has_value()) return Status::NotFound("no user " + login);
  return IssueApiToken((*user)->user.id, name, scope);
}

Result<CreatedApiToken> Accounts::IssueApiToken(int64_t user_id, const std::string& name,
                                                const std::string& scope) {
  FieldErrors errors;
  if (scope != "read" && scope != "write") errors["scope"] = "read or write";
  if (name.empty() || name.size() > 200)
    errors["name"] = "required, at most 200 characters";
  else if (std::string why = TextProblem(name, BoundKind::kLine, 200); !why.empty())
    errors["name"] = why;  // a control character
  if (!errors.empty()) return Status::Invalid("the token request breaks some rules", errors);
  CreatedApiToken t;
  t.token = "prosit_" + RandomToken();
  t.scope = scope;
  t.name = name;
  t.created = clock_.now();
  ApiTokenRecord record{0, HashToken(t.token), user_id, scope, name, t.created, {}};
  auto id = store_.accounts().AddApiToken(record);
  if (!id.ok()) return id.status();
  t.id = *id;
  return t;
}

Status Accounts::RevokeApiToken(const Principal& principal, int64_t id) {
  auto found = store_.accounts().GetApiToken(id);
  if (!found.ok()) return found.status();
  bool mine = found->has_value() && (*found)->user_id == principal.user.id;
  if (!found->has_value() || (!mine && principal.user.role != Role::kAdmin))
    return Status::NotFound("no API token " + std::to_string(id));
  if (!principal.CanWrite()) return Status::Forbidden("a read-only token cannot revoke tokens");
  verified_.Forget((*found)->token_hash);
  return store_.accounts().RevokeApiToken(id, clock_.now());
}

Result<CreatedCalendarFeed> Accounts::CreateCalendarFeed(const Principal& principal,
                                                         const std::string& orp_code,
                                                         const std::string& name,
                                                         const Territory& territory) {
  if (!principal.CanWrite()) return Status::Forbidden("a read-only token cannot create feeds");
  FieldErrors errors;
  if (!territory.FindOrp(orp_code)) errors["orp"] = "unknown ORP code";
  if (name.size() > 200)
    errors["name"] = "at most 200 characters";
  else if (std::string why = TextProblem(name, BoundKind::kLine, 200); !why.empty())
    errors["name"] = why;
  if (!errors.empty()) return Status::Invalid("the feed request breaks some rules", errors);
  PROSIT_RETURN_IF_ERROR(
      MayReadScope(Caller::Of(principal, territory), territory, "", orp_code, true));
  CreatedCalendarFeed f;
  f.token = RandomToken();  // hex only: it stands in a URL as it is
  f.orp_code = orp_code;
  f.name = name.empty() ? "ORP " + territory.FindOrp(orp_code)->name : name;
  f.created = clock_.now();
  CalendarFeedRecord record{
      0, HashToken(f.token), principal.user.id, orp_code, f.name, f.created, {}, {}};
  auto id = store_.accounts().AddCalendarFeed(record);
  if (!id.ok()) return id.status();
  f.id = *id;
  return f;
}

Result<std::vector<CalendarFeedRecord>> Accounts::CalendarFeedsOf(const Principal& principal) {
  return store_.accounts().CalendarFeedsOf(principal.user.id);
}

Status Accounts::RevokeCalendarFeed(const Principal& principal, int64_t id) {
  auto found = store_.accounts().GetCalendarFeed(id);
  if (!found.ok()) return found.status();
  bool mine = found->has_value() && (*found)->user_id == principal.user.id;
  if (!found->has_value() || (!mine && principal.user.role != Role::kAdmin))
    return Status::NotFound("no calendar feed " + std::to_string(id));
  if (!principal.CanWrite()) return Status::Forbidden("a read-only token cannot revoke feeds");
  return store_.accounts().RevokeCalendarFeed(id, clock_.now());
}

Result<FeedReader> Accounts::CalendarFeedReader(const std::string& token,
                                                const Territory& territory) {
  auto gone = [] { return Status::NotFound("no such calendar feed"); };
  // Only a token of the right form reaches the store.
  if (token.size() != 64 || token.find_first_not_of("0123456789abcdef") != std::string::npos)
    return gone();
  auto found = store_.accounts().FindCalendarFeed(HashToken(token));
  if (!found.ok()) return found.status();
  if (!found->has_value() || (*found)->revoked) return gone();
  auto user = LoadUser((*found)->user_id);
  if (!user.ok() || !user->active) return gone();
  PROSIT_RETURN_IF_ERROR(store_.accounts().TouchCalendarFeed((*found)->id, clock_.now()));
  Principal p;
  p.user = std::move(*user);
  p.via = Principal::Via::kApiToken;
  p.scope = "read";  // a feed reads, whatever its user may write
  return FeedReader{Caller::Of(p, territory), (*found)->orp_code};
}

}  // namespace prosit
