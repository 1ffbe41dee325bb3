#include "app/accounts/accounts.h"

#include <gtest/gtest.h>

#include <memory>

#include "app/accounts/csrf.h"
#include "app/accounts/secret_tokens.h"
#include "store/account_store.h"
#include "test_data.h"

namespace prosit {

namespace {

constexpr int64_t kT0 = 1'790'000'000;

// Accounts on a fresh database, a clock the test moves, and fast hashing.
class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenStore(db_.path());
    ASSERT_TRUE(s.ok());
    store_ = std::move(*s);
    ASSERT_TRUE(store_->Migrate().ok());
    AccountPolicy policy;
    policy.hashing = PasswordHashing::FastForTests();
    accounts_ = std::make_unique<Accounts>(
        *store_, Clock{[now = now_] { return IsoOfEpochSeconds(*now); }}, policy);
  }

  void Advance(int64_t seconds) { *now_ += seconds; }

  CreatedUser Create(const std::string& login, const std::string& role = "networker",
                     const std::string& territories = R"(["5302"])") {
    auto u = accounts_->CreateUser(R"({"login":")" + login + R"(","display_name":"X","role":")" +
                                       role + R"(","territories":)" + territories + "}",
                                   testing::RealTerritory(), "test");
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return *u;
  }

  SignedIn SignIn(const CreatedUser& u, const std::string& address = "10.0.0.1") {
    SignInResult r = accounts_->SignIn(u.user.login, u.one_time_password, address);
    EXPECT_TRUE(r.status.ok()) << r.status.ToString();
    return *r.signed_in;
  }

  std::optional<Principal> BySession(const std::string& token) {
    return accounts_->Authenticate({token, std::nullopt});
  }

  testing::TempDatabase db_;
  std::unique_ptr<Store> store_;
  std::shared_ptr<int64_t> now_ = std::make_shared<int64_t>(kT0);
  std::unique_ptr<Accounts> accounts_;
};

}  // namespace

TEST_F(AccountsTest, CreatingAUserIsLoggedWithoutThePassword) {
  CreatedUser u = Create("jana");
  EXPECT_TRUE(u.user.must_change_password);
  EXPECT_EQ(u.one_time_password.size(), 20u);
  auto changes = store_->ChangesSince(0, 100);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ((*changes)[0].kind, EntityKind::kUser);
  EXPECT_EQ((*changes)[0].author, "test");
  const std::string& after = *(*changes)[0].after;
  EXPECT_NE(after.find("\"login\":\"jana\""), std::string::npos);
  EXPECT_EQ(after.find("argon2"), std::string::npos);
  EXPECT_EQ(after.find(u.one_time_password), std::string::npos);
}

TEST_F(AccountsTest, ATakenLoginOrABadUserIsRefusedWithItsField) {
  Create("jana");
  auto again = accounts_->CreateUser(R"({"login":"jana","display_name":"Y","role":"admin"})",
                                     testing::RealTerritory(), "test");
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(again.status().fields().count("login"));
  auto bad = accounts_->CreateUser(
      R"({"login":"eva","display_name":"Eva","role":"actor_editor","territories":["77"]})",
      testing::RealTerritory(), "test");
  ASSERT_FALSE(bad.ok());  // no actor 77
  EXPECT_TRUE(bad.status().fields().count("territories[0]")) << bad.status().ToString();
  EXPECT_FALSE(*store_->accounts().FindUserByLogin("eva"));
}

TEST_F(AccountsTest, SignInGivesANewSessionEachTimeAndWrongCredentialsAnswerAlike) {
  CreatedUser u = Create("jana");
  SignedIn a = SignIn(u), b = SignIn(u);
  EXPECT_NE(a.session_token, b.session_token);
  EXPECT_EQ(a.csrf_token, CsrfTokenOf(a.session_token));
  SignInResult wrong = accounts_->SignIn("jana", "Wrong password 1", "10.0.0.1");
  SignInResult nobody = accounts_->SignIn("nobody", "Wrong password 1", "10.0.0.1");
  EXPECT_EQ(wrong.status.code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(wrong.status.message(), nobody.status.message());
  EXPECT_EQ(SignIn(u).user.login, "jana");
  // Logins are typed in any case.
  EXPECT_TRUE(accounts_->SignIn("JANA", u.one_time_password, "10.0.0.1").status.ok());
}

TEST_F(AccountsTest, SessionsEndAfterIdleTimeAndAfterTheAbsoluteTimeOut) {
  CreatedUser u = Create("jana");
  SignedIn s = SignIn(u);
  auto p = BySession(s.session_token);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->user.login, "jana");
  EXPECT_EQ(p->csrf_token, s.csrf_token);
  // Used every 29 minutes, it lives until the absolute time-out of 12 hours.
  for (int i = 0; i < 24; ++i) {
    Advance(29 * 60);
    ASSERT_TRUE(BySession(s.session_token)) << "after " << (i + 1) * 29 << " minutes";
  }
  Advance(12 * 60 * 60 - 24 * 29 * 60);
  EXPECT_FALSE(BySession(s.session_token));  // 12 h after sign-in
  SignedIn t = SignIn(u);
  Advance(30 * 60);
  EXPECT_FALSE(BySession(t.session_token));  // 30 idle minutes
  EXPECT_FALSE(BySession("not a token"));
  EXPECT_FALSE(BySession(""));
}

TEST_F(AccountsTest, SignOutEndsOneSessionAndEverywhereEndsAll) {
  CreatedUser u = Create("jana");
  CreatedUser v = Create("eva");
  SignedIn a = SignIn(u), b = SignIn(u), c = SignIn(u), other = SignIn(v);
  ASSERT_TRUE(accounts_->SignOut(*BySession(a.session_token)).ok());
  EXPECT_FALSE(BySession(a.session_token));
  EXPECT_TRUE(BySession(b.session_token));
  ASSERT_TRUE(accounts_->SignOutEverywhere(*BySession(b.session_token)).ok());
  EXPECT_FALSE(BySession(b.session_token));
  EXPECT_FALSE(BySession(c.session_token));
  EXPECT_TRUE(BySession(other.session_token));  // another user's stay
}

TEST_F(AccountsTest, FailedSignInsAreThrottledPerLoginAndAddress) {
  CreatedUser u = Create("jana");
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(accounts_->SignIn("jana", "Wrong password 1", "10.6.6.6").status.code(),
              StatusCode::kUnauthenticated);
  SignInResult locked = accounts_->SignIn("jana", u.one_time_password, "10.6.6.6");
  EXPECT_EQ(locked.status.code(), StatusCode::kThrottled);  // even the right password waits
  EXPECT_EQ(locked.retry_after_seconds, 30);
  // From another address the rightful user goes straight in.
  SignedIn elsewhere = SignIn(u, "10.0.0.2");
  EXPECT_FALSE(elsewhere.device_token.empty());
  Advance(31);
  SignIn(u, "10.6.6.6");  // the wait is over; the success resets the count
  EXPECT_EQ(accounts_->SignIn("jana", "Wrong password 1", "10.6.6.6").status.code(),
            StatusCode::kUnauthenticated);
}

TEST_F(AccountsTest, ATrustedDeviceIsNotSlowedByOthersFailures) {
  CreatedUser u = Create("jana");
  SignedIn first = SignIn(u, "10.0.0.1");
  ASSERT_FALSE(first.device_token.empty());
  for (int i = 0; i < 40; ++i)
    accounts_->SignIn("jana", "Wrong password 1", "10.0.0.1");  // the same office address
  EXPECT_EQ(accounts_->SignIn("jana", u.one_time_password, "10.0.0.1").status.code(),
            StatusCode::kThrottled);
  SignInResult trusted =
      accounts_->SignIn("jana", u.one_time_password, "10.0.0.1", first.device_token);
  ASSERT_TRUE(trusted.status.ok()) << trusted.status.ToString();
  EXPECT_TRUE(trusted.signed_in->device_token.empty());  // the cookie it has stays
  // The device cookie is trusted for its own user only, and not once it has aged out.
  CreatedUser eva = Create("eva");
  for (int i = 0; i < 5; ++i) accounts_->SignIn("eva", "Wrong password 1", "10.0.0.1");
  EXPECT_EQ(
      accounts_->SignIn("eva", eva.one_time_password, "10.0.0.1", first.device_token).status.code(),
      StatusCode::kThrottled);
  Advance(AccountPolicy{}.device_seconds + 1);
  for (int i = 0; i < 40; ++i) accounts_->SignIn("jana", "Wrong password 1", "10.0.0.1");
  EXPECT_EQ(
      accounts_->SignIn("jana", u.one_time_password, "10.0.0.1", first.device_token).status.code(),
      StatusCode::kThrottled);
}

TEST_F(AccountsTest, ATrustedDeviceIsThrottledByItsOwnFailures) {
  CreatedUser u = Create("jana");
  SignedIn first = SignIn(u, "10.0.0.1");
  for (int i = 0; i < 5; ++i)
    accounts_->SignIn("jana", "Wrong password 1", "10.0.0.7", first.device_token);
  EXPECT_EQ(
      accounts_->SignIn("jana", u.one_time_password, "10.0.0.8", first.device_token).status.code(),
      StatusCode::kThrottled);
  SignIn(u, "10.0.0.8");  // without the device, from a fresh address: free
}

TEST_F(AccountsTest, ManyLoginsFromOneAddressAreThrottled) {
  for (int i = 0; i < 30; ++i)
    accounts_->SignIn("guess" + std::to_string(i), "Wrong password 1", "10.6.6.6");
  EXPECT_EQ(accounts_->SignIn("another", "Wrong password 1", "10.6.6.6").status.code(),
            StatusCode::kThrottled);
  EXPECT_EQ(accounts_->SignIn("another", "Wrong password 1", "10.0.0.1").status.code(),
            StatusCode::kUnauthenticated);
  Advance(15 * 60 + 1);  // the window has passed
  EXPECT_EQ(accounts_->SignIn("another", "Wrong password 1", "10.6.6.6").status.code(),
            StatusCode::kUnauthenticated);
}

TEST_F(AccountsTest, CsrfIsNeededForChangesWithTheSessionCookieOnly) {
  CreatedUser u = Create("jana");
  SignedIn s = SignIn(u);
  Principal p = *BySession(s.session_token);
  EXPECT_TRUE(CheckCsrf(p, "GET", std::nullopt).ok());
  EXPECT_EQ(CheckCsrf(p, "POST", std::nullopt).code(), StatusCode::kForbidden);
  EXPECT_EQ(CheckCsrf(p, "DELETE", std::string("")).code(), StatusCode::kForbidden);
  EXPECT_EQ(CheckCsrf(p, "PUT", s.session_token).code(), StatusCode::kForbidden);
  EXPECT_EQ(CheckCsrf(p, "PUT", CsrfTokenOf(SignIn(u).session_token)).code(),
            StatusCode::kForbidden);  // another session's token
  EXPECT_TRUE(CheckCsrf(p, "PUT", s.csrf_token).ok());
  auto token = accounts_->CreateApiToken(p, "sync", "write");
  ASSERT_TRUE(token.ok());
  Principal by_token = *accounts_->Authenticate({std::nullopt, token->token});
  EXPECT_TRUE(CheckCsrf(by_token, "POST", std::nullopt).ok());
}

TEST_F(AccountsTest, ApiTokensAreHashedScopedAndRevocable) {
  CreatedUser u = Create("jana");
  Principal p = *BySession(SignIn(u).session_token);
  auto bad = accounts_->CreateApiToken(p, "", "admin");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.status().fields().count("scope"));
  EXPECT_TRUE(bad.status().fields().count("name"));
  auto t = accounts_->CreateApiToken(p, "reports", "read");
  ASSERT_TRUE(t.ok());
  auto stored = store_->accounts().GetApiToken(t->id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->token_hash, HashToken(t->token));
  EXPECT_EQ((*stored)->token_hash.find(t->token), std::string::npos);
  auto by_token = accounts_->Authenticate({std::nullopt, t->token});
  ASSERT_TRUE(by_token);
  EXPECT_EQ(by_token->user.login, "jana");
  EXPECT_FALSE(by_token->CanWrite());
  // A token cannot mint tokens, nor can a read-only one revoke.
  EXPECT_EQ(accounts_->CreateApiToken(*by_token, "x", "write").status().code(),
            StatusCode::kForbidden);
  EXPECT_EQ(accounts_->RevokeApiToken(*by_token, t->id).code(), StatusCode::kForbidden);
  // Another user's token is not even there for a non-admin.
  Principal eva = *BySession(SignIn(Create("eva")).session_token);
  EXPECT_EQ(accounts_->RevokeApiToken(eva, t->id).code(), StatusCode::kNotFound);
  ASSERT_TRUE(accounts_->RevokeApiToken(p, t->id).ok());
  EXPECT_FALSE(accounts_->Authenticate({std::nullopt, t->token}));
  EXPECT_FALSE(accounts_->Authenticate({std::nullopt, std::string("prosit_forged")}));
  // A bearer header, even a bad one, wins over the cookie.
  EXPECT_FALSE(accounts_->Authenticate({SignIn(u).session_token, std::string()}));
}

TEST_F(AccountsTest, OnlyAnAdminCreatesUsersThroughTheApi) {
  CreatedUser admin = Create("boss", "admin", "[]");
  Principal a = *BySession(SignIn(admin).session_token);
  Principal n = *BySession(SignIn(Create("jana")).session_token);
  std::string body =
      R"({"login":"eva","display_name":"Eva","role":"viewer","territories":["5302"]})";
  EXPECT_EQ(accounts_->CreateUserAs(n, body, testing::RealTerritory()).status().code(),
            StatusCode::kForbidden);
  auto eva = accounts_->CreateUserAs(a, body, testing::RealTerritory());
  ASSERT_TRUE(eva.ok()) << eva.status().ToString();
  auto changes = store_->ChangesSince(0, 100);
  EXPECT_EQ(changes->back().author, "user:boss");
}

TEST_F(AccountsTest, ChangingOnesPasswordClearsTheFlagAndEndsOtherSessions) {
  CreatedUser u = Create("jana");
  SignedIn here = SignIn(u), there = SignIn(u);
  Principal p = *BySession(here.session_token);
  Status weak = accounts_->ChangePassword(p, u.user.id, u.one_time_password, "short");
  EXPECT_TRUE(weak.fields().count("new_password"));
  Status wrong = accounts_->ChangePassword(p, u.user.id, "Not the password 1", "Correct horse 42");
  EXPECT_TRUE(wrong.fields().count("current_password"));
  Principal eva = *BySession(SignIn(Create("eva")).session_token);
  EXPECT_EQ(
      accounts_->ChangePassword(eva, u.user.id, u.one_time_password, "Correct horse 42").code(),
      StatusCode::kForbidden);
  ASSERT_TRUE(
      accounts_->ChangePassword(p, u.user.id, u.one_time_password, "Correct horse 42").ok());
  EXPECT_TRUE(BySession(here.session_token));
  EXPECT_FALSE(BySession(there.session_token));
  EXPECT_FALSE(BySession(here.session_token)->user.must_change_password);
  EXPECT_FALSE(accounts_->SignIn("jana", u.one_time_password, "10.0.0.1").status.ok());
  EXPECT_TRUE(accounts_->SignIn("jana", "Correct horse 42", "10.0.0.1").status.ok());
  // The change log shows the change, never a hash.
  auto changes = store_->ChangesSince(0, 100);
  const ChangeEntry& last = changes->back();
  EXPECT_EQ(last.op, "update");
  EXPECT_EQ(last.after->find("argon2"), std::string::npos);
  EXPECT_EQ(last.before->find("argon2"), std::string::npos);
  EXPECT_NE(last.after->find("\"must_change_password\":false"), std::string::npos);
}

TEST(RequestCredentials, CookiesAndBearerTokensAreReadFromHeaders) {
  auto c = CredentialsFromHeaders(std::string("theme=dark; prosit_session=abc123 ; x=y"),
                                  std::string("Bearer  tok"));
  EXPECT_EQ(c.session_token, "abc123");
  EXPECT_EQ(c.bearer_token, "tok");
  EXPECT_FALSE(CredentialsFromHeaders(std::string("prosit_sessionx=1"), {}).session_token);
  EXPECT_EQ(CredentialsFromHeaders({}, std::string("Basic Zm9v")).bearer_token, "");
  EXPECT_FALSE(CredentialsFromHeaders({}, {}).bearer_token);
}

}  // namespace prosit
