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

}  // namespace prosit
