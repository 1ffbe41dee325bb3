#pragma once
// Clock: where use cases get "now"; injected so that tests and generators can fix it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace prosit {

struct Clock {
  std::function<std::string()> now;  // ISO 8601 UTC, e.g. "2026-11-24T15:48:40Z"
  std::string Today() const { return now().substr(0, 10); }
};

// The system clock.
Clock SystemClock();
// A clock that always says `iso`.
Clock FixedClock(const std::string& iso);

// Seconds since 1970 of an ISO 8601 UTC time "YYYY-MM-DDTHH:MM:SSZ"; nullopt if malformed.
std::optional<int64_t> EpochSecondsOf(const std::string& iso);
// The ISO 8601 UTC form of seconds since 1970.
std::string IsoOfEpochSeconds(int64_t seconds);

}  // namespace prosit
