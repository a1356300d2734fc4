// Where "now" comes from. Code that stamps or compares wall time (audit entries, sessions,
// "today" for key figures and deadlines) takes a Clock instead of asking the system, so tests
// and golden pages can fix the time. Implementations are thread-safe: request threads share
// one clock.
#pragma once

#include <chrono>
#include <string>

#include "core/base/date.hpp"

namespace trappa::core {

class Clock {
 public:
  using TimePoint = std::chrono::system_clock::time_point;

  virtual ~Clock() = default;
  [[nodiscard]] virtual TimePoint now() const = 0;

  // The current day in UTC.
  [[nodiscard]] Date today() const;
  // The current time as stored in audit entries and sessions: "2026-12-03T08:15:00Z".
  [[nodiscard]] std::string utc_timestamp() const;
};

// The operating system's clock.
[[nodiscard]] const Clock& system_clock();

// A clock that stands still at a given time until moved; for tests.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint at) : at_(at) {}
  [[nodiscard]] TimePoint now() const override { return at_; }
  void advance(std::chrono::seconds by) { at_ += by; }

 private:
  TimePoint at_;
};

// "2026-12-03T08:15:00Z" for a time point (seconds, UTC).
[[nodiscard]] std::string utc_timestamp(Clock::TimePoint at);

}  // namespace trappa::core
