#include "app/login_throttle.h"

#include <gtest/gtest.h>

#include "app/clock.h"

namespace prosit {

namespace {

constexpr int64_t kT0 = 1'790'000'000;

LoginAttempt At(int64_t t, bool ok) { return {"jana", "10.0.0.1", IsoOfEpochSeconds(t), ok}; }

std::vector<LoginAttempt> Failures(int n, int64_t start, int64_t step = 1) {
  std::vector<LoginAttempt> out;
  for (int i = 0; i < n; ++i) out.push_back(At(start + i * step, false));
  return out;
}

}  // namespace

TEST(LoginThrottle, FiveFailuresAreFreeTheNextWaits) {
  ThrottleRule rule = AccountThrottle();
  EXPECT_EQ(RetryAfterSeconds(Failures(4, kT0), kT0 + 4, rule), 0);
  // The fifth failure at kT0+4: the next attempt waits 30 s from it.
  EXPECT_EQ(RetryAfterSeconds(Failures(5, kT0), kT0 + 5, rule), 29);
  EXPECT_EQ(RetryAfterSeconds(Failures(5, kT0), kT0 + 34, rule), 0);
}

TEST(LoginThrottle, TheWaitDoublesWithEachFurtherFailureUpToTheCap) {
  ThrottleRule rule = AccountThrottle();
  int64_t last = kT0 + 5;  // six failures, one a second
  EXPECT_EQ(RetryAfterSeconds(Failures(6, kT0), last, rule), 60);
  EXPECT_EQ(RetryAfterSeconds(Failures(7, kT0), last + 1, rule), 120);
  EXPECT_EQ(RetryAfterSeconds(Failures(30, kT0), kT0 + 29, rule), 15 * 60);
}

TEST(LoginThrottle, ASuccessResetsTheLoginButNotTheAddress) {
  std::vector<LoginAttempt> a = Failures(5, kT0);
  a.push_back(At(kT0 + 5, true));
  EXPECT_EQ(RetryAfterSeconds(a, kT0 + 6, AccountThrottle()), 0);
  std::vector<LoginAttempt> b = Failures(20, kT0);
  b.push_back(At(kT0 + 20, true));
  EXPECT_GT(RetryAfterSeconds(b, kT0 + 21, AddressThrottle()), 0);
  EXPECT_EQ(RetryAfterSeconds(Failures(19, kT0), kT0 + 19, AddressThrottle()), 0);
}

TEST(LoginThrottle, FailuresOutsideTheWindowDoNotCount) {
  ThrottleRule rule = AccountThrottle();
  std::vector<LoginAttempt> a = Failures(5, kT0);
  EXPECT_EQ(RetryAfterSeconds(a, kT0 + 15 * 60 + 2, rule), 0);  // two have aged out
}

}  // namespace prosit
