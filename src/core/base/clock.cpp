#include "core/base/clock.hpp"

#include <ctime>

namespace trappa::core {

namespace {

class SystemClock final : public Clock {
 public:
  [[nodiscard]] TimePoint now() const override { return std::chrono::system_clock::now(); }
};

}  // namespace

Date Clock::today() const { return Date(std::chrono::floor<std::chrono::days>(now())); }

std::string Clock::utc_timestamp() const { return core::utc_timestamp(now()); }

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

std::string utc_timestamp(Clock::TimePoint at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

}  // namespace trappa::core
