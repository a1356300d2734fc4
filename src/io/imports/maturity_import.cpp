#include "io/imports/maturity_import.hpp"

#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include <fmt/format.h>

#include "core/base/case_fold.hpp"
#include "core/base/date.hpp"

namespace trappa::io {

namespace {

constexpr std::string_view kRequired[] = {"unit",     "date",  "instrument", "dimension",
                                          "category", "value", "benchmark",  "respondents"};

std::optional<bool> parse_focus(std::string_view text) {
  const std::string folded = core::fold_case(text);
  if (folded.empty() || folded == "no" || folded == "nej" || folded == "0") return false;
  if (folded == "yes" || folded == "ja" || folded == "x" || folded == "1") return true;
  return std::nullopt;
}

std::optional<double> parse_percent(std::string_view text) {
  const auto value = parse_decimal(text);
  if (!value || *value < 0 || *value > 100) return std::nullopt;
  return value;
}

// What a measurement collects while its records are read.
struct Collected {
  core::MaturityMeasurement measurement;
  std::string id;  // UNIT/DATE/INSTRUMENT as written in the file
  int first_line = 0;
  std::optional<int> overall_line;
  std::map<std::pair<std::string, std::string>, int> result_lines;  // (dimension, category) → line
  std::optional<std::pair<int, int>> respondents_line;              // (value, line)
  std::optional<std::pair<std::string, int>> type_line;             // (value, line)
};

}  // namespace

core::Result<std::vector<core::MaturityMeasurement>> read_maturity_results(const CsvTable& table,
                                                                           std::span<const core::Unit> units) {
  ASSIGN_OR_RETURN(auto columns, CsvColumns::bind(table, {std::begin(kRequired), std::end(kRequired)},
                                                  {"organisation_type", "focus"}));
  std::set<std::string, std::less<>> unit_codes;
  for (const core::Unit& unit : units) unit_codes.insert(unit.code);
  std::vector<core::Problem> problems;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index;  // unit, date, instrument
  std::vector<Collected> collected;

  for (const CsvRecord& record : table.records) {
    const auto field = [&](std::string_view name) {
      return columns.has(name) ? columns.get(record, name) : CsvField{"", record.line, 1};
    };
    const auto problem = [&](std::string_view name, std::string what) {
      problems.push_back({table.where(field(name)), std::move(what)});
    };
    const CsvField unit = field("unit");
    const CsvField date_field = field("date");
    const CsvField instrument = field("instrument");
    const std::string& dimension = field("dimension").text;
    const std::string& category = field("category").text;

    if (unit.text.empty()) {
      problem("unit", "the unit is empty");
    } else if (!unit_codes.contains(unit.text)) {
      problem("unit", fmt::format("no unit with code '{}'", unit.text));
    }
    const auto date = core::parse_iso_date(date_field.text);
    if (!date) problem("date", fmt::format("'{}' is not a date (YYYY-MM-DD)", date_field.text));
    if (instrument.text.empty()) problem("instrument", "the instrument is empty");
    const auto value = parse_percent(field("value").text);
    if (!value) problem("value", fmt::format("value '{}' is not a percentage from 0 to 100", field("value").text));
    std::optional<double> benchmark;
    if (const std::string& text = field("benchmark").text; !text.empty()) {
      benchmark = parse_percent(text);
      if (!benchmark) problem("benchmark", fmt::format("benchmark '{}' is not a percentage from 0 to 100 (or empty)", text));
    }
    std::optional<int> respondents;
    if (const std::string& text = field("respondents").text; !text.empty()) {
      const auto parsed = parse_integer(text);
      if (!parsed || *parsed < 0 || *parsed > 10'000'000) {
        problem("respondents", fmt::format("respondents '{}' is not a whole number of 0 or more (or empty)", text));
      } else {
        respondents = static_cast<int>(*parsed);
      }
    }
    const auto focus = parse_focus(field("focus").text);
    if (!focus) {
      problem("focus", fmt::format("focus '{}' is not yes, ja, x, 1, no, nej, 0 or empty", field("focus").text));
    } else if (*focus && category.empty()) {
      problem("focus", "only a category can be a focus category (this record has no category)");
    }

    const std::tuple key{unit.text, date_field.text, instrument.text};
    auto [found, inserted] = index.emplace(key, collected.size());
    if (inserted) {
      Collected fresh;
      fresh.first_line = record.line;
      fresh.id = unit.text + "/" + date_field.text + "/" + instrument.text;
      if (date) fresh.measurement.date = *date;
      fresh.measurement.unit_code = unit.text;
      fresh.measurement.instrument = instrument.text;
      collected.push_back(std::move(fresh));
    }
    Collected& into = collected[found->second];
    const std::string& id = collected[found->second].id;

    // What must agree between the records of one measurement.
    if (respondents) {
      if (into.respondents_line && into.respondents_line->first != *respondents) {
        problem("respondents", fmt::format("respondents {} differs from {} on line {} of the same measurement",
                                           *respondents, into.respondents_line->first, into.respondents_line->second));
      } else if (!into.respondents_line) {
        into.respondents_line = std::pair{*respondents, record.line};
      }
    }
    if (const std::string& type = field("organisation_type").text; !type.empty()) {
      if (into.type_line && into.type_line->first != type) {
        problem("organisation_type",
                fmt::format("organisation type '{}' differs from '{}' on line {} of the same measurement", type,
                            into.type_line->first, into.type_line->second));
      } else if (!into.type_line) {
        into.type_line = std::pair{type, record.line};
      }
    }
    // Which result the record is, once per measurement.
    if (dimension.empty() && category.empty()) {
      if (into.overall_line) {
        problem("value", fmt::format("the overall result of {} is already on line {} (a record with an empty dimension "
                                     "and category is the overall result)",
                                     id, *into.overall_line));
      } else {
        into.overall_line = record.line;
        into.measurement.overall = value.value_or(0);
        into.measurement.overall_benchmark = benchmark;
      }
    } else if (auto [line, first] = into.result_lines.emplace(std::pair{dimension, category}, record.line); !first) {
      problem(category.empty() ? "dimension" : "category",
              fmt::format("the result for {} of {} is already on line {}",
                          category.empty() ? "dimension '" + dimension + "'" : "category '" + category + "'", id,
                          line->second));
    } else {
      into.measurement.results.push_back({dimension, category, value.value_or(0), benchmark});
      if (focus.value_or(false)) into.measurement.focus_categories.push_back(category);
    }
  }

  std::vector<core::MaturityMeasurement> measurements;
  for (Collected& one : collected) {
    if (!one.overall_line) {
      problems.push_back({table.where(one.first_line, 1),
                          fmt::format("the measurement {} has no overall result (a record with an empty "
                                      "dimension and category)",
                                      one.id)});
      continue;
    }
    if (one.respondents_line) one.measurement.respondents = one.respondents_line->first;
    if (one.type_line) one.measurement.organisation_type = one.type_line->first;
    measurements.push_back(std::move(one.measurement));
  }
  if (!problems.empty()) {
    return core::invalid("the maturity results file has problems; nothing was imported", std::move(problems));
  }
  return measurements;
}

}  // namespace trappa::io
