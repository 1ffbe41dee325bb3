#include "app/clock.h"

#include <ctime>

namespace prosit {

Clock SystemClock() {
  return {[] {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return std::string(buf);
  }};
}

Clock FixedClock(const std::string& iso) {
  return {[iso] { return iso; }};
}

std::optional<int64_t> EpochSecondsOf(const std::string& iso) {
  std::tm tm{};
  const char* end = strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  if (!end || (*end != 'Z' && *end != '\0')) return std::nullopt;
  return static_cast<int64_t>(timegm(&tm));
}

std::string IsoOfEpochSeconds(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buf);
}

}  // namespace prosit
