#include "web/auth/sign_in_throttle.hpp"

#include <algorithm>
#include <vector>

namespace trappa::web {

namespace {

std::string key_of(std::string_view text) {
  return std::string(text.substr(0, SignInThrottle::kMaxKeyBytes));
}

}  // namespace

SignInThrottle::SignInThrottle(SignInThrottleOptions options, Clock clock)
    : options_(options), clock_(std::move(clock)) {}

bool SignInThrottle::forgotten(const Counter& counter, const ThrottleRule& rule, TimePoint now) {
  return counter.blocked_until <= now && now - counter.last_activity >= rule.forget_after;
}

std::optional<std::chrono::seconds> SignInThrottle::remaining_block(const Counters& counters, std::string_view key,
                                                                    TimePoint now) {
  auto found = counters.find(key_of(key));
  if (found == counters.end() || found->second.blocked_until <= now) return std::nullopt;
  // Rounded up, so a client that waits exactly Retry-After seconds is let through.
  const auto left = std::chrono::ceil<std::chrono::seconds>(found->second.blocked_until - now);
  return std::max(left, std::chrono::seconds{1});
}

std::optional<SignInThrottle::Refusal> SignInThrottle::check(std::string_view account, std::string_view address) {
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  const auto account_wait = remaining_block(accounts_, account, now);
  const auto address_wait = remaining_block(addresses_, address, now);
  if (account_wait && (!address_wait || *account_wait >= *address_wait)) return Refusal{Blocked::kAccount, *account_wait};
  if (address_wait) return Refusal{Blocked::kAddress, *address_wait};
  return std::nullopt;
}

void SignInThrottle::record_failure(std::string_view account, std::string_view address) {
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  count_failure(accounts_, options_.per_account, account, now);
  count_failure(addresses_, options_.per_address, address, now);
}

void SignInThrottle::record_success(std::string_view account) {
  std::lock_guard lock(mutex_);
  accounts_.erase(key_of(account));
}

void SignInThrottle::count_failure(Counters& counters, const ThrottleRule& rule, std::string_view key_text,
                                   TimePoint now) {
  std::string key = key_of(key_text);
  auto found = counters.find(key);
  if (found == counters.end()) {
    make_room(counters, rule, now);
    found = counters.emplace(std::move(key), Counter{}).first;
  }
  Counter& counter = found->second;
  // A failure that raced past check() while a block began does not lengthen the block.
  if (counter.blocked_until > now) return;
  if (forgotten(counter, rule, now)) counter = Counter{};
  ++counter.failures;
  counter.last_activity = now;
  if (counter.failures < rule.free_failures) return;
  // Every failure from here on starts a block twice as long as the one before.
  auto block = rule.first_block;
  for (int i = 0; i < counter.blocks && block < rule.longest_block; ++i) block *= 2;
  block = std::min(block, rule.longest_block);
  ++counter.blocks;
  counter.blocked_until = now + block;
  counter.last_activity = counter.blocked_until;
}

void SignInThrottle::make_room(Counters& counters, const ThrottleRule& rule, TimePoint now) const {
  if (counters.size() < options_.max_keys) return;
  std::erase_if(counters, [&](const auto& entry) { return forgotten(entry.second, rule, now); });
  if (counters.size() < options_.max_keys) return;
  // Still full of live counters (a flood of names or addresses): evict an eighth at once, so
  // the sweep is paid rarely. Unblocked counters go first, then the least recently active.
  std::vector<Counters::iterator> order;
  order.reserve(counters.size());
  for (auto it = counters.begin(); it != counters.end(); ++it) order.push_back(it);
  const std::size_t evict = std::max<std::size_t>(1, counters.size() / 8);
  auto sooner_evicted = [now](Counters::iterator a, Counters::iterator b) {
    const bool a_blocked = a->second.blocked_until > now;
    const bool b_blocked = b->second.blocked_until > now;
    if (a_blocked != b_blocked) return !a_blocked;
    return a->second.last_activity < b->second.last_activity;
  };
  std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(evict - 1), order.end(), sooner_evicted);
  for (std::size_t i = 0; i < evict; ++i) counters.erase(order[i]);
}

std::size_t SignInThrottle::account_keys() const {
  std::lock_guard lock(mutex_);
  return accounts_.size();
}

std::size_t SignInThrottle::address_keys() const {
  std::lock_guard lock(mutex_);
  return addresses_.size();
}

}  // namespace trappa::web
