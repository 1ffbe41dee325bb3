#pragma once
// Login throttling: how long a sign-in must wait before it is tried, from the recent
// attempts sharing its login, address or trusted device. Pure: the attempts come from
// the store, "now" from the caller.
//
// Nobody can lock the rightful user out: failures slow down only the same login from the
// same address (and, more loosely, the same address), never the login everywhere; and a
// browser that has signed in to the login before (a trusted device) counts only its own
// failures, so guessing from anywhere else does not slow it at all.

#include <cstdint>
#include <vector>

#include "store/account_store.h"

namespace prosit {

// After `free_failures` failures within `window_seconds` the next attempt waits
// `first_delay_seconds` after the last failure, doubling with each further failure up
// to `max_delay_seconds`.
struct ThrottleRule {
  int free_failures = 5;
  int64_t window_seconds = int64_t{15} * 60;
  int64_t first_delay_seconds = 30;
  int64_t max_delay_seconds = int64_t{15} * 60;
  // A success wipes the slate (true for a login; an address may hold many users, and
  // one account's success must not reset what another's guessing cost).
  bool success_resets = true;
};

// The rules a sign-in is held to.
struct ThrottlePolicy {
  ThrottleRule per_pair;     // this login from this address, without a trusted device
  ThrottleRule per_address;  // any login from this address, without a trusted device
  ThrottleRule per_device;   // a trusted device's own attempts, from any address
  // The longest window: older attempts count no more.
  int64_t window_seconds() const;
};

// 5 free failures per login and address, 30 per address (offices share one), 5 per
// trusted device.
ThrottlePolicy DefaultThrottle();

// Seconds to wait before another attempt (0: go ahead). `attempts` are the key's
// attempts within the window, oldest first; times are ISO 8601 UTC.
int64_t RetryAfterSeconds(const std::vector<LoginAttempt>& attempts, int64_t now,
                          const ThrottleRule& rule);

// Seconds `attempt` (its login, address and device; device empty when the browser is not
// trusted for the login) must wait, given the recent attempts that share any of them.
int64_t SignInWait(const std::vector<LoginAttempt>& recent, const LoginAttempt& attempt,
                   int64_t now, const ThrottlePolicy& policy);

}  // namespace prosit
