// Who has not started, and reminding them (issue 13, "HR can run the round"; docs/web.md,
// "Who has not started"). Pure functions.
//
// The list of people who have not started a round is grouped per unit and per manager with
// counts (count_groups). A reminder e-mail goes to a person at most `per_round` times per
// round and never sooner than `min_interval_seconds` after the previous one
// (reminder_refusal); the reminders already sent are stored, so the rule holds on every node
// and after a restart.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace trappa::core {

// The documented default: at most three reminders per person and round, one a day at most.
struct ReminderPolicy {
  int per_round = 3;
  std::int64_t min_interval_seconds = 24 * 60 * 60;
};

// One reminder e-mail that was sent (and only then stored).
struct SentReminder {
  std::string round;
  std::string employee_id;
  std::string sent_at;         // ISO 8601 UTC, "2026-12-04T07:00:00Z"
  std::int64_t sent_unix = 0;  // the same instant in seconds since 1970 (UTC)
  std::string sent_by;         // employee id of the HR person or manager

  bool operator==(const SentReminder&) const = default;
};

enum class ReminderRefusal : std::uint8_t {
  kNone,          // may be reminded now
  kNoEmail,       // no e-mail address in the organisation data
  kLimitReached,  // already reminded per_round times in this round
  kTooSoon,       // reminded less than min_interval_seconds ago
};

// "none", "no_email", "limit_reached", "too_soon".
[[nodiscard]] std::string_view to_code(ReminderRefusal refusal);

// Whether a person may be reminded at `now_unix`, given the instants of the reminders already
// sent to them in this round (any order) and whether they have an e-mail address.
[[nodiscard]] ReminderRefusal reminder_refusal(const ReminderPolicy& policy, std::span<const std::int64_t> sent_unix,
                                               std::int64_t now_unix, bool has_email);

// A group of the not-started list and how many people of the list belong to it.
struct GroupCount {
  std::string key;  // unit code or manager's employee id; empty: none
  std::size_t count = 0;

  bool operator==(const GroupCount&) const = default;
};

// The distinct keys of `keys` with the number of times each occurs, most first, equal counts
// by key.
[[nodiscard]] std::vector<GroupCount> count_groups(std::span<const std::string> keys);

}  // namespace trappa::core
