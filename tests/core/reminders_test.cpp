// Issue 13, "Who has not started": the not-started list grouped per unit and manager, and the
// per-round limit on reminder e-mails (three per person and round, a day apart by default).
#include "core/assessment/reminders.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace trappa::core {
namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;
constexpr std::int64_t kNow = 1'796'000'000;

TEST(ReminderRefusal, AFirstReminderGoesToAnyoneWithAnAddress) {
  const std::vector<std::int64_t> none;
  EXPECT_EQ(reminder_refusal(ReminderPolicy{}, none, kNow, true), ReminderRefusal::kNone);
  EXPECT_EQ(reminder_refusal(ReminderPolicy{}, none, kNow, false), ReminderRefusal::kNoEmail);
}

TEST(ReminderRefusal, TheNextWaitsADay) {
  const std::vector<std::int64_t> sent{kNow - kDay + 1};
  EXPECT_EQ(reminder_refusal(ReminderPolicy{}, sent, kNow, true), ReminderRefusal::kTooSoon);
  const std::vector<std::int64_t> yesterday{kNow - kDay};
  EXPECT_EQ(reminder_refusal(ReminderPolicy{}, yesterday, kNow, true), ReminderRefusal::kNone);
}

TEST(ReminderRefusal, TheLatestReminderCountsWhateverTheOrder) {
  const std::vector<std::int64_t> sent{kNow - 1, kNow - 5 * kDay};
  EXPECT_EQ(reminder_refusal(ReminderPolicy{}, sent, kNow, true), ReminderRefusal::kTooSoon);
}

TEST(ReminderRefusal, AtMostThreePerRoundByDefault) {
  const std::vector<std::int64_t> two{kNow - 9 * kDay, kNow - 5 * kDay};
  EXPECT_EQ(reminder_refusal(ReminderPolicy{}, two, kNow, true), ReminderRefusal::kNone);
  const std::vector<std::int64_t> three{kNow - 9 * kDay, kNow - 5 * kDay, kNow - 2 * kDay};
  EXPECT_EQ(reminder_refusal(ReminderPolicy{}, three, kNow, true), ReminderRefusal::kLimitReached);
  EXPECT_EQ(reminder_refusal(ReminderPolicy{.per_round = 4, .min_interval_seconds = kDay}, three, kNow, true),
            ReminderRefusal::kNone);
}

TEST(ReminderRefusal, NoAddressIsSaidFirst) {
  const std::vector<std::int64_t> three{kNow - 3, kNow - 2, kNow - 1};
  EXPECT_EQ(reminder_refusal(ReminderPolicy{}, three, kNow, false), ReminderRefusal::kNoEmail);
}

TEST(ReminderRefusal, Codes) {
  EXPECT_EQ(to_code(ReminderRefusal::kNone), "none");
  EXPECT_EQ(to_code(ReminderRefusal::kNoEmail), "no_email");
  EXPECT_EQ(to_code(ReminderRefusal::kLimitReached), "limit_reached");
  EXPECT_EQ(to_code(ReminderRefusal::kTooSoon), "too_soon");
}

TEST(CountGroups, MostFirstThenByKey) {
  const std::vector<std::string> keys{"MUS", "BIB", "BIB", "", "MUS", "ANDRA", "BIB"};
  EXPECT_EQ(count_groups(keys),
            (std::vector<GroupCount>{{"BIB", 3}, {"MUS", 2}, {"", 1}, {"ANDRA", 1}}));
}

TEST(CountGroups, NothingToCount) {
  EXPECT_TRUE(count_groups(std::vector<std::string>{}).empty());
}

}  // namespace
}  // namespace trappa::core
