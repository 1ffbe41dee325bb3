#include "app/login_throttle.h"

#include <algorithm>

#include "app/clock.h"

namespace prosit {

ThrottleRule AccountThrottle() { return {}; }

ThrottleRule AddressThrottle() {
  ThrottleRule rule;
  rule.free_failures = 20;
  rule.success_resets = false;
  return rule;
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

}  // namespace prosit
