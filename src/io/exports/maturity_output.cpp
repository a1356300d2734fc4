#include "io/exports/maturity_output.hpp"

#include <cmath>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/base/date.hpp"
#include "io/json/json_text.hpp"

namespace trappa::io {

namespace json = boost::json;

namespace {

double rounded(double value) { return std::round(value * 100) / 100; }
std::string number(double value) { return fmt::format("{}", rounded(value)); }
std::string number_or_empty(const std::optional<double>& value) { return value ? number(*value) : std::string(); }
json::value number_or_null(const std::optional<double>& value) {
  if (!value) return nullptr;
  return rounded(*value);
}
json::value text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return json::value(text);
}
std::string signed_number(const std::optional<double>& value) {
  if (!value) return "–";
  return (*value > 0 ? "+" : *value < 0 ? "−" : "±") + number(std::fabs(*value));
}
bool is_focus(const core::MaturityMeasurement& measurement, const core::MaturityResult& result) {
  if (result.category.empty()) return false;
  for (const std::string& focus : measurement.focus_categories) {
    if (focus == result.category) return true;
  }
  return false;
}

// Each value's change since the series' previous period (nullopt for the first).
std::vector<std::optional<double>> changes(const core::IndicatorSeries& series) {
  std::vector<std::optional<double>> result(series.values.size());
  for (std::size_t i = 1; i < series.values.size(); ++i) {
    result[i] = core::change_between(series.values[i - 1].value, series.values[i].value);
  }
  return result;
}

}  // namespace

std::string write_maturity_json(const std::vector<core::MaturityPoint>& points, const std::optional<std::string>& unit) {
  json::array measurements;
  for (const core::MaturityPoint& point : points) {
    const core::MaturityMeasurement& m = point.measurement;
    json::array results;
    for (const core::MaturityResult& result : m.results) {
      results.push_back(json::object{{"dimension", text_or_null(result.dimension)},
                                     {"category", text_or_null(result.category)},
                                     {"value", rounded(result.value)},
                                     {"benchmark", number_or_null(result.benchmark)},
                                     {"focus", is_focus(m, result)}});
    }
    json::array focus;
    for (const std::string& category : m.focus_categories) focus.push_back(json::value(category));
    json::object object{{"id", core::maturity_measurement_id(m)},
                        {"unit", m.unit_code},
                        {"date", core::to_iso(m.date)},
                        {"instrument", m.instrument},
                        {"overall", rounded(m.overall)},
                        {"overall_benchmark", number_or_null(m.overall_benchmark)},
                        {"change_since_previous", number_or_null(point.change)},
                        {"organisation_type", text_or_null(m.organisation_type)},
                        {"respondents", m.respondents ? json::value(*m.respondents) : json::value(nullptr)},
                        {"results", std::move(results)},
                        {"focus_categories", std::move(focus)}};
    measurements.push_back(std::move(object));
  }
  json::object root{{"unit", unit ? json::value(*unit) : json::value(nullptr)},
                    {"measurements", std::move(measurements)}};
  return write_json_text(root);
}

std::string write_maturity_csv(const std::vector<core::MaturityPoint>& points, const CsvDialect& dialect) {
  std::string text(csv_start(dialect));
  text += csv_line({"unit", "date", "instrument", "dimension", "category", "value", "benchmark", "respondents",
                    "organisation_type", "focus", "change_since_previous"},
                   dialect);
  for (const core::MaturityPoint& point : points) {
    const core::MaturityMeasurement& m = point.measurement;
    const std::string respondents = m.respondents ? std::to_string(*m.respondents) : std::string();
    const auto record = [&](const std::string& dimension, const std::string& category, double value,
                            const std::optional<double>& benchmark, bool focus, const std::optional<double>& change) {
      text += CsvRow(dialect)
                  .text(m.unit_code)
                  .text(core::to_iso(m.date))
                  .text(m.instrument)
                  .text(dimension)
                  .text(category)
                  .number(number(value))
                  .number(number_or_empty(benchmark))
                  .number(respondents)
                  .text(m.organisation_type)
                  .text(focus ? "yes" : "")
                  .number(number_or_empty(change))
                  .line();
    };
    record("", "", m.overall, m.overall_benchmark, false, point.change);
    for (const core::MaturityResult& result : m.results) {
      record(result.dimension, result.category, result.value, result.benchmark, is_focus(m, result), std::nullopt);
    }
  }
  return text;
}

std::string write_maturity_table(const std::vector<core::MaturityPoint>& points) {
  if (points.empty()) return "Inga mognadsmätningar\n";
  std::string text = fmt::format("{:<12} {:<10} {:<14} {:>8} {:>12} {:>12} {:>9}\n", "Enhet", "Datum", "Instrument",
                                 "Totalt %", "Jämförelse %", "Förändring", "Svarande");
  for (const core::MaturityPoint& point : points) {
    const core::MaturityMeasurement& m = point.measurement;
    text += fmt::format("{:<12} {:<10} {:<14} {:>8} {:>12} {:>12} {:>9}\n", m.unit_code, core::to_iso(m.date),
                        m.instrument, number(m.overall),
                        m.overall_benchmark ? number(*m.overall_benchmark) : std::string("–"),
                        signed_number(point.change), m.respondents ? std::to_string(*m.respondents) : std::string("–"));
    for (const core::MaturityResult& result : m.results) {
      const std::string label = result.category.empty() ? result.dimension
                                : result.dimension.empty() ? "  " + result.category
                                                           : "  " + result.category + " (" + result.dimension + ")";
      text += fmt::format("    {:<46} {:>8} {:>12}{}\n", label, number(result.value),
                          result.benchmark ? number(*result.benchmark) : std::string("–"),
                          is_focus(m, result) ? "  fokus" : "");
    }
  }
  return text;
}

std::string write_indicators_json(const std::vector<core::IndicatorSeries>& series,
                                  const std::optional<std::string>& unit) {
  json::array list;
  for (const core::IndicatorSeries& one : series) {
    const auto change = changes(one);
    json::array values;
    for (std::size_t i = 0; i < one.values.size(); ++i) {
      const core::IndicatorValue& value = one.values[i];
      values.push_back(json::object{{"period", value.period},
                                    {"value", rounded(value.value)},
                                    {"comparison", number_or_null(value.comparison)},
                                    {"change_since_previous", number_or_null(change[i])},
                                    {"source", text_or_null(value.source)}});
    }
    list.push_back(json::object{{"name", one.name},
                                {"unit", one.unit_code},
                                {"measure", core::to_code(one.measure)},
                                {"direction", core::to_code(one.direction)},
                                {"values", std::move(values)}});
  }
  json::object root{{"unit", unit ? json::value(*unit) : json::value(nullptr)}, {"series", std::move(list)}};
  return write_json_text(root);
}

std::string write_indicators_csv(const std::vector<core::IndicatorSeries>& series, const CsvDialect& dialect) {
  std::string text(csv_start(dialect));
  text += csv_line({"series", "unit", "period", "value", "comparison", "source", "measure", "direction",
                    "change_since_previous"},
                   dialect);
  for (const core::IndicatorSeries& one : series) {
    const auto change = changes(one);
    for (std::size_t i = 0; i < one.values.size(); ++i) {
      const core::IndicatorValue& value = one.values[i];
      text += CsvRow(dialect)
                  .text(one.name)
                  .text(one.unit_code)
                  .text(value.period)
                  .number(number(value.value))
                  .number(number_or_empty(value.comparison))
                  .text(value.source)
                  .text(core::to_code(one.measure))
                  .text(core::to_code(one.direction))
                  .number(number_or_empty(change[i]))
                  .line();
    }
  }
  return text;
}

std::string write_indicators_table(const std::vector<core::IndicatorSeries>& series) {
  if (series.empty()) return "Inga indikatorserier\n";
  std::string text;
  for (const core::IndicatorSeries& one : series) {
    text += fmt::format("{} ({}, {}, {} är bättre)\n", one.name, one.unit_code, core::to_code(one.measure),
                        one.direction == core::SeriesDirection::kHigherIsBetter ? "högre" : "lägre");
    const auto change = changes(one);
    for (std::size_t i = 0; i < one.values.size(); ++i) {
      const core::IndicatorValue& value = one.values[i];
      text += fmt::format("  {:<10} {:>10} {:>12} {:>10}  {}\n", value.period, number(value.value),
                          value.comparison ? number(*value.comparison) : std::string("–"), signed_number(change[i]),
                          value.source);
    }
  }
  return text;
}

}  // namespace trappa::io
