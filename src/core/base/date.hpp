// Calendar dates as whole days, for employment history and round windows.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace trappa::core {

using Date = std::chrono::year_month_day;

// Strict ISO 8601 calendar date, "2025-12-31"; nullopt for anything else or an invalid day.
[[nodiscard]] std::optional<Date> parse_iso_date(std::string_view text);
[[nodiscard]] std::string to_iso(Date date);
// Days since 1970-01-01, for arithmetic and compact storage.
[[nodiscard]] inline int day_number(Date date) {
  return static_cast<int>(std::chrono::sys_days(date).time_since_epoch().count());
}
[[nodiscard]] inline Date from_day_number(int days) {
  return Date(std::chrono::sys_days(std::chrono::days(days)));
}

}  // namespace trappa::core
