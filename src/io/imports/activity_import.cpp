#include "io/imports/activity_import.hpp"

#include <map>
#include <string_view>

#include <fmt/format.h>

#include "core/base/date.hpp"

namespace trappa::io {

namespace {


std::string format_list() {
  std::string list;
  for (std::string_view code : core::activity_format_codes()) list += (list.empty() ? "" : ", ") + std::string(code);
  return list;
}

}  // namespace

core::Result<std::vector<core::LearningActivity>> read_activities(const CsvTable& table,
                                                                  const core::Framework& framework) {
  ASSIGN_OR_RETURN(auto columns,
                   CsvColumns::bind(table,
                                    {"code", "title", "format", "hours", "competencies", "level_from", "level_to",
                                     "audience_roles", "starts", "ends", "capacity"},
                                    {"description", "provider", "theme", "status", "xapi_id"}));
  std::vector<core::Problem> problems;
  std::vector<core::LearningActivity> activities;
  std::map<std::string, int, std::less<>> first_line;  // code → the line it first appeared on
  std::map<std::string, int, std::less<>> first_xapi_line;  // xapi_id → the line it first appeared on
  const auto optional_field = [&](const CsvRecord& record, std::string_view name) {
    return columns.has(name) ? columns.get(record, name) : CsvField{};
  };

  for (const CsvRecord& record : table.records) {
    core::LearningActivity activity;
    activity.framework_id = framework.id;
    std::map<std::string, CsvField, std::less<>> fields;
    for (std::string_view name : {"code", "title", "format", "hours", "competencies", "level_from", "level_to",
                                  "audience_roles", "starts", "ends", "capacity"}) {
      fields.emplace(name, columns.get(record, name));
    }
    for (std::string_view name : {"description", "provider", "theme", "status", "xapi_id"}) {
      fields.emplace(name, optional_field(record, name));
    }
    const auto field = [&](std::string_view name) -> const CsvField& { return fields.find(name)->second; };
    const auto problem = [&](std::string_view name, std::string what) {
      problems.push_back({table.where(field(name)), std::move(what)});
    };
    const std::size_t problems_before = problems.size();

    activity.code = field("code").text;
    activity.title = field("title").text;
    activity.description = field("description").text;
    activity.provider = field("provider").text;
    activity.theme = field("theme").text;
    activity.xapi_id = field("xapi_id").text;
    if (auto format = core::parse_activity_format(field("format").text)) {
      activity.format = *format;
    } else {
      problem("format", fmt::format("format '{}' is not one of {}", field("format").text, format_list()));
    }
    if (const std::string& status = field("status").text; !status.empty()) {
      if (auto parsed = core::parse_activity_status(status)) {
        activity.status = *parsed;
      } else {
        problem("status", fmt::format("status '{}' is not planned, open, closed or cancelled", status));
      }
    }
    if (auto hours = parse_decimal(field("hours").text)) {
      activity.hours = *hours;
    } else {
      problem("hours", fmt::format("hours '{}' is not a number", field("hours").text));
    }
    bool levels_read = true;
    for (std::string_view name : {"level_from", "level_to"}) {
      const auto level = parse_integer(field(name).text);
      if (!level || *level < -1000 || *level > 1000) {
        problem(name, fmt::format("{} '{}' is not a whole number", name, field(name).text));
        levels_read = false;
      } else {
        (name == "level_from" ? activity.level_from : activity.level_to) = static_cast<int>(*level);
      }
    }
    bool dates_read = true;
    for (std::string_view name : {"starts", "ends"}) {
      if (auto date = core::parse_iso_date(field(name).text)) {
        (name == "starts" ? activity.starts : activity.ends) = *date;
      } else {
        problem(name, fmt::format("'{}' is not a date (YYYY-MM-DD)", field(name).text));
        dates_read = false;
      }
    }
    if (const std::string& capacity = field("capacity").text; !capacity.empty()) {
      const auto parsed = parse_integer(capacity);
      if (!parsed || *parsed > 1'000'000) {
        problem("capacity", fmt::format("capacity '{}' is not a whole number (leave it empty for no limit)", capacity));
      } else {
        activity.capacity = static_cast<int>(std::max<long long>(*parsed, -1));
      }
    }
    activity.competencies = core::parse_code_list(field("competencies").text);
    activity.audience_roles = core::parse_code_list(field("audience_roles").text);

    // The catalogue's own rules, on the fields that could be read.
    for (const core::ActivityProblem& rule : core::activity_problems(activity, framework)) {
      if ((rule.field == "level_from" || rule.field == "level_to") && !levels_read) continue;
      if (rule.field == "ends" && !dates_read) continue;
      if (rule.field == "hours" && !parse_decimal(field("hours").text)) continue;
      problem(rule.field, rule.what);
    }
    if (!activity.code.empty()) {
      if (auto [found, inserted] = first_line.emplace(activity.code, record.line); !inserted) {
        problem("code", fmt::format("the code '{}' is already on line {}", activity.code, found->second));
      }
    }
    if (!activity.xapi_id.empty()) {
      if (auto [found, inserted] = first_xapi_line.emplace(activity.xapi_id, record.line); !inserted) {
        problem("xapi_id", fmt::format("the xapi_id '{}' is already on line {}", activity.xapi_id, found->second));
      }
    }
    if (problems.size() == problems_before) activities.push_back(std::move(activity));
  }
  if (!problems.empty()) return core::invalid("the activities file has problems", std::move(problems));
  return activities;
}

}  // namespace trappa::io
