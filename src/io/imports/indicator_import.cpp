#include "io/imports/indicator_import.hpp"

#include <string_view>

#include <fmt/format.h>

#include "core/base/case_fold.hpp"

namespace trappa::io {

namespace {

// A series as it is collected: where each agreed field was first given.
struct Collected {
  core::IndicatorSeries series;
  std::map<std::string, int, std::less<>> period_lines;
  std::map<std::string, std::pair<std::string, int>, std::less<>> given;  // column → (value, line)
};

}  // namespace

core::Result<std::vector<core::IndicatorSeries>> read_indicator_series(const CsvTable& table,
                                                                        const IndicatorImportContext& context) {
  std::vector<core::Problem> problems;
  for (const CsvField& header : table.header) {
    const std::string name = core::fold_case(header.text);
    if (name == "employee_id" || name == "personnummer" || name == "personal_identity_number") {
      problems.push_back({table.where(header), fmt::format("column '{}': an indicator series describes a unit, "
                                                           "never a person; per-person values have no place here",
                                                           header.text)});
    }
  }
  if (!problems.empty()) return core::invalid("the indicator file has problems; nothing was imported", std::move(problems));
  ASSIGN_OR_RETURN(auto columns, CsvColumns::bind(table, {"series", "unit", "period", "value", "comparison", "source"},
                                                  {"measure", "direction"}));
  std::map<std::string, std::size_t, std::less<>> index;
  std::vector<Collected> collected;

  for (const CsvRecord& record : table.records) {
    const auto field = [&](std::string_view name) {
      return columns.has(name) ? columns.get(record, name) : CsvField{"", record.line, 1};
    };
    const auto problem = [&](std::string_view name, std::string what) {
      problems.push_back({table.where(field(name)), std::move(what)});
    };
    const std::string& name = field("series").text;
    const std::string& unit = field("unit").text;
    const std::string& period = field("period").text;
    if (name.empty()) problem("series", "the series name is empty");
    if (unit.empty()) {
      problem("unit", "the unit is empty");
    } else if (auto headcount = context.headcount.find(unit); headcount == context.headcount.end()) {
      problem("unit", fmt::format("no unit with code '{}'", unit));
    } else if (auto refusal = core::small_unit_refusal(unit, headcount->second, context.min_group)) {
      problem("unit", *refusal);
    }
    if (!core::is_series_period(period)) problem("period", fmt::format("period '{}' is not a year (YYYY) or a date (YYYY-MM-DD)", period));
    const auto value = parse_decimal(field("value").text);
    if (!value) problem("value", fmt::format("value '{}' is not a number", field("value").text));
    std::optional<double> comparison;
    if (const std::string& text = field("comparison").text; !text.empty()) {
      comparison = parse_decimal(text);
      if (!comparison) problem("comparison", fmt::format("comparison '{}' is not a number (or empty)", text));
    }
    const std::string& measure = field("measure").text;
    if (!measure.empty() && !core::parse_measure_unit(measure)) {
      problem("measure", fmt::format("measure '{}' is not index, %, count or score", measure));
    }
    const std::string& direction = field("direction").text;
    if (!direction.empty() && !core::parse_series_direction(direction)) {
      problem("direction", fmt::format("direction '{}' is not higher or lower", direction));
    }
    if (name.empty()) continue;

    auto [found, inserted] = index.emplace(name, collected.size());
    if (inserted) {
      Collected fresh;
      fresh.series.name = name;
      collected.push_back(std::move(fresh));
    }
    Collected& into = collected[found->second];
    for (std::string_view column : {"unit", "measure", "direction"}) {
      const std::string& text = field(column).text;
      if (text.empty()) continue;
      if (auto [given, first] = into.given.emplace(column, std::pair{text, record.line});
          !first && given->second.first != text) {
        problem(column, fmt::format("series '{}' has {} '{}' on line {}, not '{}'", name, column, given->second.first,
                                    given->second.second, text));
      }
    }
    if (auto [line, first] = into.period_lines.emplace(period, record.line); !first) {
      problem("period", fmt::format("series '{}' already has period {} on line {}", name, period, line->second));
      continue;
    }
    into.series.values.push_back({period, value.value_or(0), comparison, field("source").text});
  }
  if (!problems.empty()) return core::invalid("the indicator file has problems; nothing was imported", std::move(problems));

  std::vector<core::IndicatorSeries> series;
  for (Collected& one : collected) {
    const core::IndicatorSeries* stored = nullptr;
    for (const core::IndicatorSeries& candidate : context.existing) {
      if (candidate.name == one.series.name) stored = &candidate;
    }
    const auto given = [&](std::string_view column) -> const std::string* {
      const auto found = one.given.find(column);
      return found == one.given.end() ? nullptr : &found->second.first;
    };
    one.series.unit_code = *given("unit");  // every record names its unit
    if (const std::string* measure = given("measure")) {
      one.series.measure = *core::parse_measure_unit(*measure);
    } else if (stored != nullptr) {
      one.series.measure = stored->measure;
    }
    if (const std::string* direction = given("direction")) {
      one.series.direction = *core::parse_series_direction(*direction);
    } else if (stored != nullptr) {
      one.series.direction = stored->direction;
    }
    series.push_back(std::move(one.series));
  }
  return series;
}

}  // namespace trappa::io
