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
// The counters live in the store (core/access/throttle_counter.hpp: one ThrottleCounters for
// accounts, one for addresses), so every serving node sees the same failures and a client
// cannot multiply its guesses by the number of nodes. A failure is counted under the
// counter's lock, so concurrent failures on several nodes all count. When the store cannot
// be read, an attempt is not refused here (the password check then fails on the store).
// Forgotten counters are deleted by forget_idle(), which the session service calls at each
// sign-in. Time is wall time (nodes share it) from an injected clock, so the rule can be
// tested without waiting. Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/access/throttle_counter.hpp"

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
};

class SignInThrottle {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  // `accounts` and `addresses` must outlive the throttle.
  SignInThrottle(SignInThrottleOptions options, core::ThrottleCounters& accounts, core::ThrottleCounters& addresses,
                 Clock clock = [] { return std::chrono::system_clock::now(); });

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
  // Deletes the counters that are forgotten by now (housekeeping).
  void forget_idle();

  // Longest key kept; longer names are cut (an attacker cannot make a key large).
  static constexpr std::size_t kMaxKeyBytes = 128;

 private:
  SignInThrottleOptions options_;
  core::ThrottleCounters& accounts_;
  core::ThrottleCounters& addresses_;
  Clock clock_;
};

}  // namespace trappa::web
