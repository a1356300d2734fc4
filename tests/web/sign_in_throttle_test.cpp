#include "web/auth/sign_in_throttle.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace trappa::web {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// A clock the test moves by hand.
struct ManualClock {
  std::chrono::system_clock::time_point now{std::chrono::hours(500'000)};
  SignInThrottle::Clock function() {
    return [this] { return now; };
  }
};

// Counters in a map: the rule under test without a store (the store's counters are tested
// in tests/integration/throttle_counter_test.cpp and across nodes in change_feed_test.sh).
class MapCounters final : public core::ThrottleCounters {
 public:
  core::Result<std::optional<core::ThrottleCounter>> find(const std::string& key) override {
    auto found = counters.find(key);
    if (found == counters.end()) return std::optional<core::ThrottleCounter>{};
    return std::optional<core::ThrottleCounter>(found->second);
  }
  core::Result<void> change(const std::string& key, const Change& change) override {
    auto after = change(find(key).value());
    if (after) counters[key] = *after;
    else counters.erase(key);
    return {};
  }
  core::Result<std::size_t> forget_idle(std::int64_t now_ms, std::int64_t active_since_ms) override {
    return std::erase_if(counters, [&](const auto& entry) {
      return entry.second.blocked_until_ms <= now_ms && entry.second.last_activity_ms <= active_since_ms;
    });
  }
  std::map<std::string, core::ThrottleCounter> counters;
};

SignInThrottleOptions rules(int per_account, int per_address) {
  SignInThrottleOptions options;
  options.per_account = ThrottleRule{per_account, seconds{30}, minutes{15}, minutes{15}};
  options.per_address = ThrottleRule{per_address, seconds{30}, minutes{15}, minutes{15}};
  return options;
}

void fail(SignInThrottle& throttle, int times, const std::string& account, const std::string& address) {
  for (int i = 0; i < times; ++i) {
    ASSERT_FALSE(throttle.check(account, address)) << "attempt " << i + 1 << " was refused";
    throttle.record_failure(account, address);
  }
}

TEST(SignInThrottle, five_wrong_passwords_are_allowed_and_the_sixth_attempt_is_refused_for_30_seconds) {
  ManualClock clock;
  MapCounters accounts, addresses;
  SignInThrottle throttle(rules(5, 30), accounts, addresses, clock.function());
  fail(throttle, 5, "E000001", "192.0.2.1");
  const auto refusal = throttle.check("E000001", "192.0.2.1");
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->reason, SignInThrottle::Blocked::kAccount);
  EXPECT_EQ(refusal->retry_after, seconds{30});
  // The same account is refused from another address too: the counter is the account's.
  EXPECT_TRUE(throttle.check("E000001", "198.51.100.7"));
  // Another account from the same address is not.
  EXPECT_FALSE(throttle.check("E000002", "192.0.2.1"));
}

TEST(SignInThrottle, retry_after_counts_down_and_the_block_ends_on_time) {
  ManualClock clock;
  MapCounters accounts, addresses;
  SignInThrottle throttle(rules(5, 30), accounts, addresses, clock.function());
  fail(throttle, 5, "E000001", "192.0.2.1");
  clock.now += std::chrono::milliseconds{10'500};
  EXPECT_EQ(throttle.check("E000001", "192.0.2.1")->retry_after, seconds{20});  // 19.5 s, rounded up
  clock.now += std::chrono::milliseconds{19'500};
  EXPECT_FALSE(throttle.check("E000001", "192.0.2.1"));
}

TEST(SignInThrottle, each_failure_after_a_block_doubles_the_next_block_up_to_the_longest) {
  ManualClock clock;
  MapCounters accounts, addresses;
  SignInThrottle throttle(rules(5, 1000), accounts, addresses, clock.function());
  fail(throttle, 5, "E000001", "192.0.2.1");
  std::vector<long> blocks;
  for (int round = 0; round < 8; ++round) {
    const auto refusal = throttle.check("E000001", "192.0.2.1");
    ASSERT_TRUE(refusal);
    blocks.push_back(static_cast<long>(refusal->retry_after.count()));
    clock.now += refusal->retry_after;
    fail(throttle, 1, "E000001", "192.0.2.1");
  }
  EXPECT_EQ(blocks, (std::vector<long>{30, 60, 120, 240, 480, 900, 900, 900}));
}

TEST(SignInThrottle, a_failure_during_a_block_does_not_lengthen_it) {
  ManualClock clock;
  MapCounters accounts, addresses;
  SignInThrottle throttle(rules(5, 1000), accounts, addresses, clock.function());
  fail(throttle, 5, "E000001", "192.0.2.1");
  clock.now += seconds{10};
  throttle.record_failure("E000001", "192.0.2.1");  // a request that raced past check()
  EXPECT_EQ(throttle.check("E000001", "192.0.2.1")->retry_after, seconds{20});
}

TEST(SignInThrottle, a_successful_sign_in_forgets_the_accounts_failures) {
  ManualClock clock;
  MapCounters accounts, addresses;
  SignInThrottle throttle(rules(5, 30), accounts, addresses, clock.function());
  fail(throttle, 4, "E000001", "192.0.2.1");
  throttle.record_success("E000001");
  fail(throttle, 4, "E000001", "192.0.2.1");  // four more are free again
  EXPECT_FALSE(throttle.check("E000001", "192.0.2.1"));
  throttle.record_failure("E000001", "192.0.2.1");
  EXPECT_TRUE(throttle.check("E000001", "192.0.2.1"));
}

TEST(SignInThrottle, a_successful_sign_in_does_not_clear_the_address) {
  ManualClock clock;
  MapCounters accounts, addresses;
  SignInThrottle throttle(rules(5, 10), accounts, addresses, clock.function());
  for (int i = 0; i < 9; ++i) fail(throttle, 1, "guess" + std::to_string(i), "192.0.2.1");
  throttle.record_success("E000001");  // the attacker knows one password
  fail(throttle, 1, "guess-last", "192.0.2.1");
  const auto refusal = throttle.check("E000001", "192.0.2.1");
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->reason, SignInThrottle::Blocked::kAddress);
}

TEST(SignInThrottle, wrong_passwords_spread_over_many_accounts_block_the_address) {
  ManualClock clock;
  MapCounters accounts, addresses;
  SignInThrottle throttle(rules(5, 30), accounts, addresses, clock.function());
  for (int i = 0; i < 30; ++i) fail(throttle, 1, "E" + std::to_string(100000 + i), "192.0.2.1");
  const auto refusal = throttle.check("E999999", "192.0.2.1");
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->reason, SignInThrottle::Blocked::kAddress);
  EXPECT_EQ(refusal->retry_after, seconds{30});
  // Others, elsewhere, sign in as before.
  EXPECT_FALSE(throttle.check("E999999", "192.0.2.2"));
}

TEST(SignInThrottle, failures_are_forgotten_15_minutes_after_the_last_one) {
  ManualClock clock;
  MapCounters accounts, addresses;
  SignInThrottle throttle(rules(5, 30), accounts, addresses, clock.function());
  fail(throttle, 4, "E000001", "192.0.2.1");
  clock.now += minutes{14};
  fail(throttle, 1, "E000001", "192.0.2.1");  // the window slides: this is the fifth
  EXPECT_TRUE(throttle.check("E000001", "192.0.2.1"));
  clock.now += seconds{30} + minutes{15};  // the block's end plus the quiet time
  fail(throttle, 4, "E000001", "192.0.2.1");
  EXPECT_FALSE(throttle.check("E000001", "192.0.2.1"));
}

TEST(SignInThrottle, housekeeping_deletes_forgotten_counters_and_keeps_blocked_ones) {
  ManualClock clock;
  MapCounters accounts, addresses;
  SignInThrottle throttle(rules(5, 1000), accounts, addresses, clock.function());
  fail(throttle, 5, "E000001", "192.0.2.1");  // blocked for 30 s
  fail(throttle, 1, "E000002", "192.0.2.2");
  clock.now += minutes{14};
  throttle.forget_idle();
  EXPECT_EQ(accounts.counters.size(), 2u);  // both still remembered
  clock.now += minutes{1} + seconds{10};
  throttle.forget_idle();
  EXPECT_EQ(accounts.counters.size(), 1u);  // E000002's one failure is forgotten
  EXPECT_TRUE(accounts.counters.contains("E000001"));  // the block's end restarted its window
  clock.now += minutes{15};
  throttle.forget_idle();
  EXPECT_TRUE(accounts.counters.empty());
  EXPECT_TRUE(addresses.counters.empty());
}

TEST(SignInThrottle, long_names_are_cut_so_keys_stay_small) {
  ManualClock clock;
  MapCounters accounts, addresses;
  SignInThrottle throttle(rules(1, 30), accounts, addresses, clock.function());
  const std::string long_name(100000, 'x');
  throttle.record_failure(long_name, "192.0.2.1");
  // A name that differs only past the cut shares the counter.
  EXPECT_TRUE(throttle.check(long_name + "y", "192.0.2.5"));
}

}  // namespace
}  // namespace trappa::web
