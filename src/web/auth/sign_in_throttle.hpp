// Throttling of failed sign-ins, per account name and per client address.
//
// Each key (an account name, a client address) has a failure counter. Once a counter holds
// `free_failures` failures, the key is blocked: every attempt is refused, without checking
// the password, until the block ends. The first block lasts `first_block`; each failure
// after a block ends doubles the next block (exponential back-off), up to `longest_block`.
// A counter is forgotten `forget_after` after its last failure or block (the window slides
// with every failure), and an account's counter also on a successful sign-in. An address
// counter is never reset by a success, so one correct password cannot buy an address more
// guesses at other accounts.
//
// Memory is bounded: at most `max_keys` keys of each kind are kept; when full, forgotten keys
// are swept and then the least recently active are evicted. Time comes from an injected clock
// so the rule can be tested without waiting. Thread-safe (one mutex).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace trappa::web {

struct ThrottleRule {
  int free_failures = 5;
  std::chrono::seconds first_block{30};
  std::chrono::seconds longest_block{15 * 60};
  std::chrono::seconds forget_after{15 * 60};
};

struct SignInThrottleOptions {
  ThrottleRule per_account{5, std::chrono::seconds{30}, std::chrono::seconds{15 * 60}, std::chrono::seconds{15 * 60}};
  ThrottleRule per_address{30, std::chrono::seconds{30}, std::chrono::seconds{15 * 60}, std::chrono::seconds{15 * 60}};
  std::size_t max_keys = 20000;  // of each kind
};

class SignInThrottle {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  explicit SignInThrottle(SignInThrottleOptions options, Clock clock = [] { return std::chrono::steady_clock::now(); });

  // Why an attempt is refused, and for how long (whole seconds, at least 1).
  enum class Blocked { kAccount, kAddress };
  struct Refusal {
    Blocked reason;
    std::chrono::seconds retry_after;
  };

  // Before the password is checked: a refusal when the account or the address is blocked.
  [[nodiscard]] std::optional<Refusal> check(std::string_view account, std::string_view address);
  // After a wrong password (or an unknown name): counts against both keys.
  void record_failure(std::string_view account, std::string_view address);
  // After a correct password: the account's counter is forgotten (the address's is kept).
  void record_success(std::string_view account);

  // Keys held now, for tests of the memory bound.
  [[nodiscard]] std::size_t account_keys() const;
  [[nodiscard]] std::size_t address_keys() const;

  // Longest key kept; longer names are cut (an attacker cannot make a key large).
  static constexpr std::size_t kMaxKeyBytes = 128;

 private:
  using TimePoint = std::chrono::steady_clock::time_point;
  struct Counter {
    int failures = 0;
    int blocks = 0;              // blocks so far: the next lasts first_block * 2^blocks
    TimePoint last_activity{};   // last failure or end of the block, whichever is later
    TimePoint blocked_until{};
  };
  using Counters = std::unordered_map<std::string, Counter>;

  static std::optional<std::chrono::seconds> remaining_block(const Counters& counters, std::string_view key,
                                                             TimePoint now);
  void count_failure(Counters& counters, const ThrottleRule& rule, std::string_view key, TimePoint now);
  void make_room(Counters& counters, const ThrottleRule& rule, TimePoint now) const;
  static bool forgotten(const Counter& counter, const ThrottleRule& rule, TimePoint now);

  SignInThrottleOptions options_;
  Clock clock_;
  mutable std::mutex mutex_;  // guards both maps
  Counters accounts_;
  Counters addresses_;
};

}  // namespace trappa::web
