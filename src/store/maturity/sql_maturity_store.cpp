#include "store/maturity/sql_maturity_store.hpp"

#include <soci/soci.h>

#include <map>
#include <tuple>

#include <fmt/format.h>

namespace trappa::store {

namespace {

using MeasurementKey = std::tuple<std::string, std::string, std::string>;  // unit, date, instrument

std::optional<double> optional_double(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) != soci::i_ok) return std::nullopt;
  return row.get<double>(column);
}

// A bound optional number: its value (0 when absent) and its indicator.
struct OptionalNumber {
  explicit OptionalNumber(const std::optional<double>& number)
      : value(number.value_or(0)), indicator(number ? soci::i_ok : soci::i_null) {}
  double value;
  soci::indicator indicator;
};

std::string percent(double value) { return fmt::format("{:g} %", value); }

}  // namespace

core::Result<std::vector<core::MaturityMeasurement>> SqlMaturityStore::load_measurements() {
  return guarded("reading the maturity measurements", [&]() -> core::Result<std::vector<core::MaturityMeasurement>> {
    std::vector<core::MaturityMeasurement> measurements;
    std::map<MeasurementKey, std::size_t> index;
    soci::rowset<soci::row> rows =
        (session_->prepare << "SELECT unit_code, measured_on, instrument, overall, overall_benchmark, "
                              "organisation_type, respondents FROM maturity_measurements "
                              "ORDER BY unit_code, measured_on, instrument");
    for (const soci::row& row : rows) {
      core::MaturityMeasurement measurement;
      measurement.unit_code = row.get<std::string>(0);
      const std::string date = row.get<std::string>(1);
      measurement.date = core::parse_iso_date(date).value_or(core::Date{});
      measurement.instrument = row.get<std::string>(2);
      measurement.overall = row.get<double>(3);
      measurement.overall_benchmark = optional_double(row, 4);
      measurement.organisation_type = row.get<std::string>(5);
      if (row.get_indicator(6) == soci::i_ok) measurement.respondents = row.get<int>(6);
      index.emplace(MeasurementKey{measurement.unit_code, date, measurement.instrument}, measurements.size());
      measurements.push_back(std::move(measurement));
    }
    soci::rowset<soci::row> results =
        (session_->prepare << "SELECT unit_code, measured_on, instrument, dimension, category, value, benchmark "
                              "FROM maturity_results ORDER BY unit_code, measured_on, instrument, position");
    for (const soci::row& row : results) {
      const auto found = index.find({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2)});
      if (found == index.end()) continue;
      measurements[found->second].results.push_back(
          {row.get<std::string>(3), row.get<std::string>(4), row.get<double>(5), optional_double(row, 6)});
    }
    soci::rowset<soci::row> focus =
        (session_->prepare << "SELECT unit_code, measured_on, instrument, category FROM maturity_focus_categories "
                              "ORDER BY unit_code, measured_on, instrument, position");
    for (const soci::row& row : focus) {
      const auto found = index.find({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2)});
      if (found != index.end()) measurements[found->second].focus_categories.push_back(row.get<std::string>(3));
    }
    return measurements;
  });
}

core::Result<std::size_t> SqlMaturityStore::save_measurements(
    const std::vector<core::MaturityMeasurement>& measurements, const Actor& actor) {
  return guarded("saving the maturity measurements", [&]() -> core::Result<std::size_t> {
    WriteTransaction transaction(*session_, *dialect_);
    const std::string now = utc_timestamp_now();
    std::vector<AuditEntry> entries;
    for (const core::MaturityMeasurement& measurement : measurements) {
      const std::string date = core::to_iso(measurement.date);
      int existing = 0;
      *session_ << "SELECT COUNT(*) FROM maturity_measurements WHERE unit_code = :unit AND measured_on = :date "
                   "AND instrument = :instrument",
          soci::use(measurement.unit_code), soci::use(date), soci::use(measurement.instrument), soci::into(existing);
      for (const char* table : {"maturity_results", "maturity_focus_categories", "maturity_measurements"}) {
        *session_ << fmt::format("DELETE FROM {} WHERE unit_code = :unit AND measured_on = :date "
                                 "AND instrument = :instrument",
                                 table),
            soci::use(measurement.unit_code), soci::use(date), soci::use(measurement.instrument);
      }
      OptionalNumber benchmark(measurement.overall_benchmark);
      const int respondents = measurement.respondents.value_or(0);
      soci::indicator respondents_indicator = measurement.respondents ? soci::i_ok : soci::i_null;
      *session_ << "INSERT INTO maturity_measurements (unit_code, measured_on, instrument, overall, overall_benchmark, "
                   "organisation_type, respondents, imported_at, imported_by) VALUES (:unit, :date, :instrument, "
                   ":overall, :benchmark, :type, :respondents, :at, :by)",
          soci::use(measurement.unit_code), soci::use(date), soci::use(measurement.instrument),
          soci::use(measurement.overall), soci::use(benchmark.value, benchmark.indicator),
          soci::use(measurement.organisation_type), soci::use(respondents, respondents_indicator), soci::use(now),
          soci::use(actor.name);
      for (std::size_t position = 0; position < measurement.results.size(); ++position) {
        const core::MaturityResult& result = measurement.results[position];
        OptionalNumber result_benchmark(result.benchmark);
        const int at = static_cast<int>(position);
        *session_ << "INSERT INTO maturity_results (unit_code, measured_on, instrument, position, dimension, category, "
                     "value, benchmark) VALUES (:unit, :date, :instrument, :position, :dimension, :category, :value, "
                     ":benchmark)",
            soci::use(measurement.unit_code), soci::use(date), soci::use(measurement.instrument), soci::use(at),
            soci::use(result.dimension), soci::use(result.category), soci::use(result.value),
            soci::use(result_benchmark.value, result_benchmark.indicator);
      }
      for (std::size_t position = 0; position < measurement.focus_categories.size(); ++position) {
        const int at = static_cast<int>(position);
        *session_ << "INSERT INTO maturity_focus_categories (unit_code, measured_on, instrument, position, category) "
                     "VALUES (:unit, :date, :instrument, :position, :category)",
            soci::use(measurement.unit_code), soci::use(date), soci::use(measurement.instrument), soci::use(at),
            soci::use(measurement.focus_categories[position]);
      }
      entries.push_back({now, actor.name, "maturity.import", core::maturity_measurement_id(measurement),
                         fmt::format("overall {}, {} results{}{}", percent(measurement.overall),
                                     measurement.results.size(), existing > 0 ? " (replaced)" : "",
                                     actor.where(core::maturity_measurement_id(measurement)))});
    }
    if (!entries.empty()) append_audit_entries_in_transaction(entries);
    transaction.commit();
    return measurements.size();
  });
}

core::Result<std::vector<core::IndicatorSeries>> SqlMaturityStore::load_series() {
  return guarded("reading the indicator series", [&]() -> core::Result<std::vector<core::IndicatorSeries>> {
    std::vector<core::IndicatorSeries> series;
    std::map<std::string, std::size_t> index;
    soci::rowset<soci::row> rows =
        (session_->prepare << "SELECT name, measure, direction, unit_code FROM indicator_series ORDER BY name");
    for (const soci::row& row : rows) {
      core::IndicatorSeries one;
      one.name = row.get<std::string>(0);
      one.measure = core::parse_measure_unit(row.get<std::string>(1)).value_or(core::MeasureUnit::kIndex);
      one.direction =
          core::parse_series_direction(row.get<std::string>(2)).value_or(core::SeriesDirection::kHigherIsBetter);
      one.unit_code = row.get<std::string>(3);
      index.emplace(one.name, series.size());
      series.push_back(std::move(one));
    }
    soci::rowset<soci::row> values = (session_->prepare << "SELECT series, period, value, comparison, source "
                                                           "FROM indicator_values ORDER BY series, period");
    for (const soci::row& row : values) {
      const auto found = index.find(row.get<std::string>(0));
      if (found == index.end()) continue;
      series[found->second].values.push_back(
          {row.get<std::string>(1), row.get<double>(2), optional_double(row, 3), row.get<std::string>(4)});
    }
    return series;
  });
}

core::Result<std::size_t> SqlMaturityStore::save_series(const std::vector<core::IndicatorSeries>& series,
                                                        const Actor& actor) {
  return guarded("saving the indicator series", [&]() -> core::Result<std::size_t> {
    WriteTransaction transaction(*session_, *dialect_);
    const std::string now = utc_timestamp_now();
    std::vector<AuditEntry> entries;
    std::size_t written = 0;
    for (const core::IndicatorSeries& one : series) {
      const std::string measure(core::to_code(one.measure));
      const std::string direction(core::to_code(one.direction));
      *session_ << "INSERT INTO indicator_series (name, measure, direction, unit_code, updated_at, updated_by) "
                   "VALUES (:name, :measure, :direction, :unit, :at, :by) ON CONFLICT (name) DO UPDATE SET "
                   "measure = excluded.measure, direction = excluded.direction, unit_code = excluded.unit_code, "
                   "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
          soci::use(one.name), soci::use(measure), soci::use(direction), soci::use(one.unit_code), soci::use(now),
          soci::use(actor.name);
      std::string periods;
      for (const core::IndicatorValue& value : one.values) {
        OptionalNumber comparison(value.comparison);
        *session_ << "INSERT INTO indicator_values (series, period, value, comparison, source) "
                     "VALUES (:series, :period, :value, :comparison, :source) ON CONFLICT (series, period) DO UPDATE "
                     "SET value = excluded.value, comparison = excluded.comparison, source = excluded.source",
            soci::use(one.name), soci::use(value.period), soci::use(value.value),
            soci::use(comparison.value, comparison.indicator), soci::use(value.source);
        periods += (periods.empty() ? "" : " ") + value.period;
        ++written;
      }
      entries.push_back({now, actor.name, "indicator.import", one.name,
                         fmt::format("{} values: {}{}", one.values.size(), periods, actor.where(one.name))});
    }
    if (!entries.empty()) append_audit_entries_in_transaction(entries);
    transaction.commit();
    return written;
  });
}

}  // namespace trappa::store
