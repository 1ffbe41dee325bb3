#pragma once
// Login throttling: how long a login, or an address, must wait before the next sign-in
// attempt, from its recent attempts. Pure: the attempts come from the store, "now"
// from the caller.

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

// The rules: per login and per address.
ThrottleRule AccountThrottle();
ThrottleRule AddressThrottle();  // 20 free failures: offices share an address

// Seconds to wait before another attempt (0: go ahead). `attempts` are the key's
// attempts within the window, oldest first; times are ISO 8601 UTC.
int64_t RetryAfterSeconds(const std::vector<LoginAttempt>& attempts, int64_t now,
                          const ThrottleRule& rule);

}  // namespace prosit
