#include "app/accounts/login_throttle.h"

#include <algorithm>

#include "app/clock.h"

namespace prosit {

namespace {

template <typename Pred>
std::vector<LoginAttempt> Where(const std::vector<LoginAttempt>& all, Pred keep) {
  std::vector<LoginAttempt> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out), keep);
  return out;
}

}  // namespace

int64_t ThrottlePolicy::window_seconds() const {
  return std::max({per_pair.window_seconds, per_address.window_seconds, per_device.window_seconds});
}

ThrottlePolicy DefaultThrottle() {
  ThrottlePolicy p;
  p.per_address.free_failures = 30;
  p.per_address.success_resets = false;
  return p;
}

int64_t RetryAfterSeconds(const std::vector<LoginAttempt>& attempts, int64_t now,
                          const ThrottleRule& rule) {
  int failures = 0;
  int64_t last_failure = 0;
  for (const LoginAttempt& a : attempts) {
    auto at = EpochSecondsOf(a.at);
    if (!at || *at < now - rule.window_seconds) continue;
    if (a.ok) {
      if (rule.success_resets) failures = 0;
      continue;
    }
    ++failures;
    last_failure = std::max(last_failure, *at);
  }
  if (failures < rule.free_failures) return 0;
  int doublings = std::min(failures - rule.free_failures, 20);
  int64_t delay = std::min(rule.max_delay_seconds, rule.first_delay_seconds << doublings);
  return std::max<int64_t>(0, last_failure + delay - now);
}

int64_t SignInWait(const std::vector<LoginAttempt>& recent, const LoginAttempt& attempt,
                   int64_t now, const ThrottlePolicy& policy) {
  if (!attempt.device.empty())
    return RetryAfterSeconds(
        Where(recent, [&](const LoginAttempt& a) { return a.device == attempt.device; }), now,
        policy.per_device);
  // Attempts from trusted devices are the devices' business, not the address's.
  auto untrusted_here = [&](const LoginAttempt& a) {
    return a.device.empty() && a.address == attempt.address;
  };
  int64_t pair = RetryAfterSeconds(
      Where(recent,
            [&](const LoginAttempt& a) { return untrusted_here(a) && a.login == attempt.login; }),
      now, policy.per_pair);
  int64_t address = RetryAfterSeconds(Where(recent, untrusted_here), now, policy.per_address);
  return std::max(pair, address);
}

}  // namespace prosit
