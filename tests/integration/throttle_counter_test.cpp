// The sign-in throttle's counters in the store (app/accounts/stored_throttle_counters.hpp),
// on SQLite and PostgreSQL alike: every failure counted by concurrent writers on separate
// connections, as several serving nodes would count them, and idle counters forgotten.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "app/accounts/stored_throttle_counters.hpp"
#include "app/published/store_pool.hpp"
#include "test_store.hpp"

namespace trappa {
namespace {

class ThrottleCounterStore : public testing::MigratedStoreTest {};

std::optional<core::ThrottleCounter> one_more_failure(const std::optional<core::ThrottleCounter>& before) {
  core::ThrottleCounter after = before.value_or(core::ThrottleCounter{});
  ++after.failures;
  after.last_activity_ms = 1000 + after.failures;
  return after;
}

TEST_F(ThrottleCounterStore, failures_counted_on_four_connections_at_once_are_all_counted) {
  constexpr int kWriters = 4;
  constexpr int kFailuresEach = 25;
  auto pool = app::StorePool::open(location(), kWriters);
  ASSERT_TRUE(pool.has_value()) << pool.error().describe();
  app::StoredThrottleCounters accounts(**pool, "account");
  std::vector<std::thread> writers;
  std::atomic<int> errors{0};
  for (int writer = 0; writer < kWriters; ++writer) {
    writers.emplace_back([&] {
      for (int i = 0; i < kFailuresEach; ++i) {
        if (!accounts.change("E000001", one_more_failure)) ++errors;
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(errors.load(), 0);
  auto counter = accounts.find("E000001");
  ASSERT_TRUE(counter.has_value()) << counter.error().describe();
  ASSERT_TRUE(counter->has_value());
  EXPECT_EQ((*counter)->failures, kWriters * kFailuresEach);
}

TEST_F(ThrottleCounterStore, scopes_are_apart_and_a_forgotten_counter_is_deleted) {
  auto pool = app::StorePool::open(location(), 1);
  ASSERT_TRUE(pool.has_value()) << pool.error().describe();
  app::StoredThrottleCounters accounts(**pool, "account");
  app::StoredThrottleCounters addresses(**pool, "address");
  ASSERT_TRUE(accounts.change("192.0.2.1", one_more_failure).has_value());
  EXPECT_FALSE(addresses.find("192.0.2.1").value().has_value());

  const core::ThrottleCounter blocked{5, 1, 9'000, 9'000};
  ASSERT_TRUE(accounts.change("E000002", [&](const auto&) { return std::optional(blocked); }).has_value());
  EXPECT_EQ(accounts.find("E000002").value(), std::optional(blocked));
  // At 5 000 ms with everything active before 2 000 ms idle: the blocked one stays.
  auto forgotten = accounts.forget_idle(5'000, 2'000);
  ASSERT_TRUE(forgotten.has_value()) << forgotten.error().describe();
  EXPECT_EQ(*forgotten, 1u);
  EXPECT_FALSE(accounts.find("192.0.2.1").value().has_value());
  EXPECT_TRUE(accounts.find("E000002").value().has_value());
  // Forgetting on success deletes the row.
  ASSERT_TRUE(accounts.change("E000002", [](const auto&) { return std::optional<core::ThrottleCounter>{}; }).has_value());
  EXPECT_FALSE(accounts.find("E000002").value().has_value());
}

}  // namespace
}  // namespace trappa
