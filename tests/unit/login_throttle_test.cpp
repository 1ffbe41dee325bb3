#include "app/accounts/login_throttle.h"

#include <gtest/gtest.h>

#include "app/clock.h"

namespace prosit {

namespace {

constexpr int64_t kT0 = 1'790'000'000;

LoginAttempt At(int64_t t, bool ok) { return {"jana", "10.0.0.1", IsoOfEpochSeconds(t), ok, ""}; }

std::vector<LoginAttempt> Failures(int n, int64_t start, int64_t step = 1) {
  std::vector<LoginAttempt> out;
  for (int i = 0; i < n; ++i) out.push_back(At(start + i * step, false));
  return out;
}

}  // namespace

TEST(LoginThrottle, FiveFailuresAreFreeTheNextWaits) {
  ThrottleRule rule = DefaultThrottle().per_pair;
  EXPECT_EQ(RetryAfterSeconds(Failures(4, kT0), kT0 + 4, rule), 0);
  // The fifth failure at kT0+4: the next attempt waits 30 s from it.
  EXPECT_EQ(RetryAfterSeconds(Failures(5, kT0), kT0 + 5, rule), 29);
  EXPECT_EQ(RetryAfterSeconds(Failures(5, kT0), kT0 + 34, rule), 0);
}

TEST(LoginThrottle, TheWaitDoublesWithEachFurtherFailureUpToTheCap) {
  ThrottleRule rule = DefaultThrottle().per_pair;
  int64_t last = kT0 + 5;  // six failures, one a second
  EXPECT_EQ(RetryAfterSeconds(Failures(6, kT0), last, rule), 60);
  EXPECT_EQ(RetryAfterSeconds(Failures(7, kT0), last + 1, rule), 120);
  EXPECT_EQ(RetryAfterSeconds(Failures(30, kT0), kT0 + 29, rule), 15 * 60);
}

TEST(LoginThrottle, ASuccessResetsTheLoginButNotTheAddress) {
  std::vector<LoginAttempt> a = Failures(5, kT0);
  a.push_back(At(kT0 + 5, true));
  EXPECT_EQ(RetryAfterSeconds(a, kT0 + 6, DefaultThrottle().per_pair), 0);
  std::vector<LoginAttempt> b = Failures(30, kT0);
  b.push_back(At(kT0 + 30, true));
  EXPECT_GT(RetryAfterSeconds(b, kT0 + 31, DefaultThrottle().per_address), 0);
  EXPECT_EQ(RetryAfterSeconds(Failures(29, kT0), kT0 + 29, DefaultThrottle().per_address), 0);
}

TEST(LoginThrottle, FailuresOutsideTheWindowDoNotCount) {
  ThrottleRule rule = DefaultThrottle().per_pair;
  std::vector<LoginAttempt> a = Failures(5, kT0);
  EXPECT_EQ(RetryAfterSeconds(a, kT0 + 15 * 60 + 2, rule), 0);  // two have aged out
}

// Failures of `login` from `address` (with `device`), one a second from kT0.
std::vector<LoginAttempt> From(const std::string& login, const std::string& address, int n,
                               const std::string& device = "") {
  std::vector<LoginAttempt> out;
  for (int i = 0; i < n; ++i)
    out.push_back({login, address, IsoOfEpochSeconds(kT0 + i), false, device});
  return out;
}

TEST(LoginThrottle, GuessingSlowsTheLoginFromThatAddressOnly) {
  ThrottlePolicy p = DefaultThrottle();
  auto recent = From("jana", "10.6.6.6", 5);
  int64_t now = kT0 + 5;
  EXPECT_GT(SignInWait(recent, {"jana", "10.6.6.6", "", false, ""}, now, p), 0);
  EXPECT_EQ(SignInWait(recent, {"jana", "10.0.0.1", "", false, ""}, now, p), 0);
  EXPECT_EQ(SignInWait(recent, {"eva", "10.6.6.6", "", false, ""}, now, p), 0);
}

TEST(LoginThrottle, ATrustedDeviceCountsOnlyItsOwnFailures) {
  ThrottlePolicy p = DefaultThrottle();
  auto recent = From("jana", "10.6.6.6", 40);  // the pair and the address are throttled
  int64_t now = kT0 + 40;
  EXPECT_GT(SignInWait(recent, {"jana", "10.6.6.6", "", false, ""}, now, p), 0);
  EXPECT_GT(SignInWait(recent, {"eva", "10.6.6.6", "", false, ""}, now, p), 0);
  EXPECT_EQ(SignInWait(recent, {"jana", "10.6.6.6", "", false, "dev1"}, now, p), 0);
  auto own = From("jana", "10.0.0.9", 5, "dev1");  // at kT0 .. kT0+4: the wait runs to kT0+34
  recent.insert(recent.end(), own.begin(), own.end());
  now = kT0 + 10;
  EXPECT_GT(SignInWait(recent, {"jana", "10.6.6.6", "", false, "dev1"}, now, p), 0);
  EXPECT_EQ(SignInWait(recent, {"jana", "10.6.6.6", "", false, "dev2"}, now, p), 0);
}

TEST(LoginThrottle, AnAddressIsThrottledMoreLooselyAcrossLogins) {
  ThrottlePolicy p = DefaultThrottle();
  std::vector<LoginAttempt> recent;
  for (int i = 0; i < 29; ++i)
    recent.push_back(From("guess" + std::to_string(i), "10.6.6.6", 1)[0]);
  EXPECT_EQ(SignInWait(recent, {"another", "10.6.6.6", "", false, ""}, kT0 + 1, p), 0);
  recent.push_back(From("guess", "10.6.6.6", 1)[0]);
  EXPECT_GT(SignInWait(recent, {"another", "10.6.6.6", "", false, ""}, kT0 + 1, p), 0);
}

}  // namespace prosit
