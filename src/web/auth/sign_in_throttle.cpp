#include "web/auth/sign_in_throttle.hpp"

#include <algorithm>
#include <cstdint>

#include <spdlog/spdlog.h>

namespace trappa::web {

namespace {

using Milliseconds = std::int64_t;  // since 1970, UTC, as the counters are stored

std::string key_of(std::string_view text) { return std::string(text.substr(0, SignInThrottle::kMaxKeyBytes)); }

Milliseconds milliseconds_of(std::chrono::system_clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

Milliseconds milliseconds_of(std::chrono::seconds span) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(span).count();
}

bool forgotten(const core::ThrottleCounter& counter, const ThrottleRule& rule, Milliseconds now) {
  return counter.blocked_until_ms <= now && now - counter.last_activity_ms >= milliseconds_of(rule.forget_after);
}

std::optional<std::chrono::seconds> remaining_block(core::ThrottleCounters& counters, std::string_view key,
                                                    Milliseconds now) {
  auto counter = counters.find(key_of(key));
  if (!counter) {
    spdlog::warn("sign-in throttle: {}", counter.error().describe());
    return std::nullopt;
  }
  if (!*counter || (*counter)->blocked_until_ms <= now) return std::nullopt;
  // Rounded up, so a client that waits exactly Retry-After seconds is let through.
  const auto left = std::chrono::ceil<std::chrono::seconds>(std::chrono::milliseconds((*counter)->blocked_until_ms - now));
  return std::max(left, std::chrono::seconds{1});
}

// The counter after one more failure at `now`.
core::ThrottleCounter after_failure(std::optional<core::ThrottleCounter> stored, const ThrottleRule& rule,
                                    Milliseconds now) {
  core::ThrottleCounter counter = stored.value_or(core::ThrottleCounter{});
  // A failure that raced past check() while a block began does not lengthen the block.
  if (counter.blocked_until_ms > now) return counter;
  if (forgotten(counter, rule, now)) counter = core::ThrottleCounter{};
  ++counter.failures;
  counter.last_activity_ms = now;
  if (counter.failures < rule.free_failures) return counter;
  // Every failure from here on starts a block twice as long as the one before.
  auto block = rule.first_block;
  for (int i = 0; i < counter.blocks && block < rule.longest_block; ++i) block *= 2;
  block = std::min(block, rule.longest_block);
  ++counter.blocks;
  counter.blocked_until_ms = now + milliseconds_of(block);
  counter.last_activity_ms = counter.blocked_until_ms;
  return counter;
}

void count_failure(core::ThrottleCounters& counters, const ThrottleRule& rule, std::string_view key, Milliseconds now) {
  auto changed = counters.change(key_of(key), [&](const std::optional<core::ThrottleCounter>& stored) {
    return std::optional<core::ThrottleCounter>(after_failure(stored, rule, now));
  });
  if (!changed) spdlog::error("sign-in throttle: {}", changed.error().describe());
}

}  // namespace

SignInThrottle::SignInThrottle(SignInThrottleOptions options, core::ThrottleCounters& accounts,
                               core::ThrottleCounters& addresses, Clock clock)
    : options_(options), accounts_(accounts), addresses_(addresses), clock_(std::move(clock)) {}

std::optional<SignInThrottle::Refusal> SignInThrottle::check(std::string_view account, std::string_view address) {
  const Milliseconds now = milliseconds_of(clock_());
  const auto account_wait = remaining_block(accounts_, account, now);
  const auto address_wait = remaining_block(addresses_, address, now);
  if (account_wait && (!address_wait || *account_wait >= *address_wait)) return Refusal{Blocked::kAccount, *account_wait};
  if (address_wait) return Refusal{Blocked::kAddress, *address_wait};
  return std::nullopt;
}

void SignInThrottle::record_failure(std::string_view account, std::string_view address) {
  const Milliseconds now = milliseconds_of(clock_());
  count_failure(accounts_, options_.per_account, account, now);
  count_failure(addresses_, options_.per_address, address, now);
}

void SignInThrottle::record_success(std::string_view account) {
  auto forgot = accounts_.change(key_of(account), [](const std::optional<core::ThrottleCounter>&) {
    return std::optional<core::ThrottleCounter>{};
  });
  if (!forgot) spdlog::error("sign-in throttle: {}", forgot.error().describe());
}

void SignInThrottle::forget_idle() {
  const Milliseconds now = milliseconds_of(clock_());
  for (auto [counters, rule] : {std::pair{&accounts_, &options_.per_account}, std::pair{&addresses_, &options_.per_address}}) {
    auto forgot = counters->forget_idle(now, now - milliseconds_of(rule->forget_after));
    if (!forgot) spdlog::warn("sign-in throttle: {}", forgot.error().describe());
  }
}

}  // namespace trappa::web
