#include "io/imports/employment_import.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/base/date.hpp"

namespace trappa::io {

namespace {

std::string period_text(const core::Employment& employment) {
  return fmt::format("{}–{}", core::to_iso(employment.start), employment.end ? core::to_iso(*employment.end) : "");
}

}  // namespace

core::Result<std::vector<core::Employment>> read_employments(const CsvTable& table, std::span<const core::Unit> units,
                                                             std::span<const core::Person> people) {
  ASSIGN_OR_RETURN(auto columns, CsvColumns::bind(table,
                                                  {"employee_id", "start_date", "end_date", "employment_type",
                                                   "position", "fte", "unit_code"},
                                                  {"recruitment_route", "departure_route", "departure_reason"}));

  std::unordered_set<std::string_view> unit_codes;
  unit_codes.reserve(units.size());
  for (const core::Unit& unit : units) unit_codes.insert(unit.code);
  std::unordered_set<std::string_view> employee_ids;
  employee_ids.reserve(people.size());
  for (const core::Person& person : people) employee_ids.insert(person.employee_id);

  std::vector<core::Problem> problems;
  std::vector<core::Employment> employments;
  employments.reserve(table.records.size());
  // Permanent employments whose dates are valid, for the overlap check: (index, start field).
  std::vector<std::pair<std::size_t, CsvField>> permanent;
  std::vector<int> lines;
  lines.reserve(table.records.size());

  auto optional_field = [&](const CsvRecord& record, std::string_view name) {
    return columns.has(name) ? columns.get(record, name) : CsvField{};
  };

  for (const CsvRecord& record : table.records) {
    core::Employment employment;
    const CsvField id = columns.get(record, "employee_id");
    const CsvField start = columns.get(record, "start_date");
    const CsvField end = columns.get(record, "end_date");
    const CsvField type = columns.get(record, "employment_type");
    const CsvField position = columns.get(record, "position");
    const CsvField fte = columns.get(record, "fte");
    const CsvField unit = columns.get(record, "unit_code");
    const CsvField recruitment = optional_field(record, "recruitment_route");
    const CsvField departure = optional_field(record, "departure_route");
    const CsvField reason = optional_field(record, "departure_reason");
    const std::size_t problems_before = problems.size();

    if (id.text.empty()) {
      problems.push_back({table.where(id), "the employee id is empty"});
    } else if (!employee_ids.contains(id.text)) {
      problems.push_back({table.where(id), fmt::format("unknown person '{}'; import the people first", id.text)});
    }
    bool dates_valid = true;
    if (start.text.empty()) {
      problems.push_back({table.where(start), "the start date is empty"});
      dates_valid = false;
    } else if (auto parsed = core::parse_iso_date(start.text)) {
      employment.start = *parsed;
    } else {
      problems.push_back({table.where(start), fmt::format("'{}' is not a date (YYYY-MM-DD)", start.text)});
      dates_valid = false;
    }
    if (!end.text.empty()) {
      if (auto parsed = core::parse_iso_date(end.text)) {
        employment.end = *parsed;
        if (dates_valid && *parsed < employment.start) {
          problems.push_back({table.where(end), fmt::format("the end date {} is before the start date {}", end.text,
                                                            start.text)});
          dates_valid = false;
        }
      } else {
        problems.push_back({table.where(end), fmt::format("'{}' is not a date (YYYY-MM-DD)", end.text)});
        dates_valid = false;
      }
    }
    if (auto parsed = core::parse_employment_type(type.text)) {
      employment.type = *parsed;
    } else {
      problems.push_back({table.where(type),
                          fmt::format("employment type '{}' is not permanent, temporary, hourly or program "
                                      "(or TV, VI, TIM, AMI)",
                                      type.text)});
    }
    if (position.text.empty()) problems.push_back({table.where(position), "the position is empty"});
    const auto parsed_fte = parse_decimal(fte.text);
    if (!parsed_fte || !(*parsed_fte >= 0.0 && *parsed_fte <= 1.0)) {
      problems.push_back({table.where(fte), fmt::format("fte '{}' is not a number from 0 to 1", fte.text)});
    } else {
      employment.fte = *parsed_fte;
    }
    if (unit.text.empty()) {
      problems.push_back({table.where(unit), "the unit code is empty"});
    } else if (!unit_codes.contains(unit.text)) {
      problems.push_back({table.where(unit), fmt::format("unknown unit '{}'", unit.text)});
    }
    if (auto parsed = core::parse_route(recruitment.text)) {
      employment.recruitment_route = *parsed;
    } else {
      problems.push_back({table.where(recruitment),
                          fmt::format("recruitment route '{}' is not 1, 2, 3 or empty", recruitment.text)});
    }
    if (auto parsed = core::parse_route(departure.text)) {
      employment.departure_route = *parsed;
      if (*parsed != core::Route::kUnknown && end.text.empty()) {
        problems.push_back({table.where(departure), "a departure route needs an end date"});
      }
    } else {
      problems.push_back({table.where(departure),
                          fmt::format("departure route '{}' is not 1, 2, 3 or empty", departure.text)});
    }
    if (!reason.text.empty() && end.text.empty()) {
      problems.push_back({table.where(reason), "a departure reason needs an end date"});
    }
    employment.employee_id = id.text;
    employment.position = position.text;
    employment.unit_code = unit.text;
    employment.departure_reason = reason.text;
    if (dates_valid && problems.size() == problems_before && employment.type == core::EmploymentType::kPermanent) {
      permanent.emplace_back(employments.size(), start);
    }
    lines.push_back(record.line);
    employments.push_back(std::move(employment));
  }

  // One person's permanent employments must not overlap: sorted by person and start, each
  // must begin after the furthest end seen so far for that person.
  std::ranges::sort(permanent, [&](const auto& a, const auto& b) {
    const core::Employment& x = employments[a.first];
    const core::Employment& y = employments[b.first];
    if (x.employee_id != y.employee_id) return x.employee_id < y.employee_id;
    if (x.start != y.start) return x.start < y.start;
    return a.first < b.first;
  });
  std::vector<std::pair<int, core::Problem>> overlaps;  // (line, problem)
  std::size_t reach = 0;  // index into `permanent` of the employment reaching furthest so far
  for (std::size_t i = 0; i < permanent.size(); ++i) {
    const core::Employment& current = employments[permanent[i].first];
    if (i > 0 && employments[permanent[reach].first].employee_id == current.employee_id) {
      const core::Employment& earlier = employments[permanent[reach].first];
      if (!earlier.end || current.start <= *earlier.end) {
        overlaps.emplace_back(permanent[i].second.line,
                              core::Problem{table.where(permanent[i].second),
                            fmt::format("permanent employment {} of '{}' overlaps the permanent employment {} on "
                                        "line {}",
                                        period_text(current), current.employee_id, period_text(earlier),
                                        lines[permanent[reach].first])});
      }
      const bool reaches_further = earlier.end && (!current.end || *current.end > *earlier.end);
      if (reaches_further) reach = i;
    } else {
      reach = i;
    }
  }
  // In file order, after the per-row problems, like the other imports' cross-row checks.
  std::ranges::stable_sort(overlaps, {}, &std::pair<int, core::Problem>::first);
  for (auto& [line, problem] : overlaps) problems.push_back(std::move(problem));
  if (!problems.empty()) {
    return core::invalid("the employments file has problems; nothing was imported", std::move(problems));
  }
  return employments;
}

}  // namespace trappa::io
