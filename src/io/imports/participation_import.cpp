#include "io/imports/participation_import.hpp"

#include <map>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "core/base/date.hpp"

namespace trappa::io {

core::Result<std::vector<core::Participation>> read_participation(
    const CsvTable& table, const std::vector<core::LearningActivity>& activities,
    const std::unordered_set<std::string>& employee_ids, const std::vector<core::Participation>& existing) {
  ASSIGN_OR_RETURN(auto columns, CsvColumns::bind(table, {"employee_id", "activity", "date", "status", "hours"}, {}));
  std::unordered_map<std::string_view, const core::LearningActivity*> activity_by_code;
  for (const core::LearningActivity& activity : activities) activity_by_code.emplace(activity.code, &activity);

  std::vector<core::Problem> problems;
  std::vector<core::Participation> rows;
  std::vector<CsvField> activity_fields;  // of each row read, for the capacity check
  std::map<std::pair<std::string, std::string>, int> first_line;
  for (const CsvRecord& record : table.records) {
    const auto field = [&](std::string_view name) { return columns.get(record, name); };
    const auto problem = [&](std::string_view name, std::string what) {
      problems.push_back({table.where(field(name)), std::move(what)});
    };
    const std::size_t problems_before = problems.size();
    core::Participation row;
    row.source = "import";
    row.employee_id = field("employee_id").text;
    row.activity = field("activity").text;
    if (row.employee_id.empty()) {
      problem("employee_id", "the employee id is empty");
    } else if (!employee_ids.contains(row.employee_id)) {
      problem("employee_id", fmt::format("no person with employee id '{}'", row.employee_id));
    }
    if (row.activity.empty()) {
      problem("activity", "the activity code is empty");
    } else if (!activity_by_code.contains(row.activity)) {
      problem("activity", fmt::format("no learning activity with code '{}'; import the catalogue first", row.activity));
    }
    if (auto date = core::parse_iso_date(field("date").text)) {
      row.date = *date;
    } else {
      problem("date", fmt::format("'{}' is not a date (YYYY-MM-DD)", field("date").text));
    }
    if (auto status = core::parse_participation_status(field("status").text)) {
      row.status = *status;
    } else {
      problem("status", fmt::format("status '{}' is not registered, attended, no_show or cancelled", field("status").text));
    }
    if (const std::string& hours = field("hours").text; !hours.empty()) {
      const auto parsed = parse_decimal(hours);
      if (!parsed || *parsed < 0 || *parsed > 10'000) {
        problem("hours", fmt::format("hours '{}' is not a number from 0 to 10 000 (leave it empty for the activity's hours)",
                                     hours));
      } else {
        row.hours = *parsed;
      }
    }
    if (!row.employee_id.empty() && !row.activity.empty()) {
      if (auto [found, inserted] = first_line.emplace(std::pair{row.employee_id, row.activity}, record.line); !inserted) {
        problem("activity", fmt::format("'{}' and '{}' are already on line {}", row.employee_id, row.activity,
                                         found->second));
      }
    }
    if (problems.size() == problems_before) {
      rows.push_back(std::move(row));
      activity_fields.push_back(field("activity"));
    }
  }

  // Places: the stored rows the file leaves as they are, then the file's rows in order.
  std::unordered_map<std::string, std::size_t> taken;
  for (const core::Participation& stored : existing) {
    if (core::takes_a_place(stored.status) && !first_line.contains({stored.employee_id, stored.activity})) {
      ++taken[stored.activity];
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!core::takes_a_place(rows[i].status)) continue;
    const core::LearningActivity& activity = *activity_by_code.at(rows[i].activity);
    if (!core::has_room(activity, taken[activity.code]++)) {
      problems.push_back({table.where(activity_fields[i]),
                          fmt::format("'{}' is full: its {} places are taken", activity.code, *activity.capacity)});
    }
  }
  if (!problems.empty()) return core::invalid("the participation file has problems", std::move(problems));
  return rows;
}

}  // namespace trappa::io
