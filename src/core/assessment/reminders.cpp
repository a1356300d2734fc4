#include "core/assessment/reminders.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace trappa::core {

std::string_view to_code(ReminderRefusal refusal) {
  switch (refusal) {
    case ReminderRefusal::kNone: return "none";
    case ReminderRefusal::kNoEmail: return "no_email";
    case ReminderRefusal::kLimitReached: return "limit_reached";
    case ReminderRefusal::kTooSoon: return "too_soon";
  }
  return "none";
}

ReminderRefusal reminder_refusal(const ReminderPolicy& policy, std::span<const std::int64_t> sent_unix,
                                 std::int64_t now_unix, bool has_email) {
  if (!has_email) return ReminderRefusal::kNoEmail;
  if (std::cmp_greater_equal(sent_unix.size(), policy.per_round)) return ReminderRefusal::kLimitReached;
  if (!sent_unix.empty()) {
    const std::int64_t latest = *std::max_element(sent_unix.begin(), sent_unix.end());
    if (now_unix - latest < policy.min_interval_seconds) return ReminderRefusal::kTooSoon;
  }
  return ReminderRefusal::kNone;
}

std::vector<GroupCount> count_groups(std::span<const std::string> keys) {
  std::map<std::string_view, std::size_t> counts;
  for (const std::string& key : keys) ++counts[key];
  std::vector<GroupCount> groups;
  groups.reserve(counts.size());
  for (const auto& [key, count] : counts) groups.push_back({std::string(key), count});
  std::stable_sort(groups.begin(), groups.end(),
                   [](const GroupCount& a, const GroupCount& b) { return a.count > b.count; });
  return groups;
}

}  // namespace trappa::core
