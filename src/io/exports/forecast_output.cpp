#include "io/exports/forecast_output.hpp"

#include <cmath>
#include <optional>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/base/date.hpp"
#include "io/csv/csv_writer.hpp"
#include "io/json/json_text.hpp"

namespace trappa::io {

namespace json = boost::json;

namespace {

constexpr int kCountDecimals = 2;  // expected headcounts, retirements, leavers, ...
constexpr int kShareDecimals = 4;  // rates, shares, hazards (fractions of 1)

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double result = std::round(value * scale) / scale;
  return result == 0.0 ? 0.0 : result;  // no "-0"
}

json::value share_or_null(const std::optional<double>& value) {
  if (!value) return nullptr;
  return rounded(*value, kShareDecimals);
}

std::string number_text(double value, int decimals) { return fmt::format("{}", rounded(value, decimals)); }

json::object year_object(const core::ForecastYear& year) {
  json::object object;
  object["year"] = year.year;
  object["start"] = rounded(year.start, kCountDecimals);
  object["retirements"] = rounded(year.retirements, kCountDecimals);
  object["leavers"] = rounded(year.leavers, kCountDecimals);
  object["demand"] = rounded(year.demand, kCountDecimals);
  object["recruitment_need"] = rounded(year.recruitment_need, kCountDecimals);
  object["end"] = rounded(year.end, kCountDecimals);
  object["turning_65"] = year.turning_65;
  object["turning_67"] = year.turning_67;
  object["turning_69"] = year.turning_69;
  return object;
}

json::array years_array(const std::vector<core::ForecastYear>& years) {
  json::array array;
  for (const core::ForecastYear& year : years) array.push_back(year_object(year));
  return array;
}

json::array shares_array(const std::vector<std::optional<double>>& shares) {
  json::array array;
  for (const auto& share : shares) array.push_back(share_or_null(share));
  return array;
}

json::object retirement_object(const core::Forecast& forecast) {
  json::object object;
  object["rule"] = core::to_code(forecast.rule);
  if (forecast.rule == core::RetirementRule::kFixed) object["age"] = forecast.fixed_age;
  json::object hazard;
  for (std::size_t a = 0; a < core::kHazardAges; ++a) {
    hazard[std::to_string(core::kHazardFirstAge + static_cast<int>(a))] = rounded(forecast.hazard[a], kShareDecimals);
  }
  object["hazard"] = std::move(hazard);
  object["person_years"] = rounded(forecast.hazard_person_years, kCountDecimals);
  object["pension_departures"] = forecast.pension_departures;
  return object;
}

json::object role_object(const core::RoleForecast& role) {
  json::object object;
  object["role"] = role.role;
  object["start"] = role.start;
  object["leaving_rate"] = rounded(role.leaving_rate, kShareDecimals);
  object["rate_source"] = core::to_code(role.rate_source);
  object["measured_leaving_rate"] = rounded(role.measured_leaving_rate, kShareDecimals);
  object["leaving_rate_from_scenario"] = role.rate_from_scenario;
  object["history_leavers"] = role.leavers;
  object["exposure"] = rounded(role.exposure, kCountDecimals);
  object["years"] = years_array(role.years);
  json::array competencies;
  for (const core::CompetencyForecast& competency : role.competencies) {
    json::object entry;
    entry["code"] = competency.code;
    entry["start_share"] = share_or_null(competency.start_share);
    entry["recruit_share"] = share_or_null(competency.recruit_share);
    entry["development_rate"] = rounded(competency.development_rate, kShareDecimals);
    entry["shares"] = shares_array(competency.shares);
    entry["area"] = competency.area;
    entry["rated"] = competency.rated;
    entry["recruits_rated"] = competency.recruits_rated;
    entry["development_rate_from_scenario"] = competency.development_rate_from_scenario;
    competencies.push_back(std::move(entry));
  }
  object["competencies"] = std::move(competencies);
  return object;
}

std::string optional_share_text(const std::optional<double>& share) {
  return share ? fmt::format("{:.1f} %", *share * 100) : std::string("–");
}

}  // namespace

std::string write_forecast_json(const core::Forecast& forecast) {
  json::object document;
  document["at"] = core::to_iso(forecast.at);
  document["years"] = forecast.years;
  document["unit"] = forecast.unit_code.empty() ? json::value(nullptr) : json::value(forecast.unit_code);
  document["retirement"] = retirement_object(forecast);
  document["history"] = {{"from", core::to_iso(forecast.history_from)}, {"to", core::to_iso(forecast.history_to)}};
  document["round"] = forecast.round.empty() ? json::value(nullptr) : json::value(forecast.round);
  document["earlier_round"] = forecast.earlier_round.empty() ? json::value(nullptr) : json::value(forecast.earlier_round);
  document["unit_leaving_rate"] = rounded(forecast.leaving_rate_unit, kShareDecimals);
  json::array roles;
  for (const core::RoleForecast& role : forecast.roles) roles.push_back(role_object(role));
  document["roles"] = std::move(roles);
  document["totals"] = {{"years", years_array(forecast.totals)}};
  json::array areas;
  for (const core::AreaForecast& area : forecast.areas) {
    areas.push_back(json::object{{"code", area.code}, {"shares", shares_array(area.shares)}});
  }
  document["areas"] = std::move(areas);
  return write_json_text(document);
}

std::string write_forecast_csv(const core::Forecast& forecast, const CsvDialect& dialect,
                               const std::vector<std::string>& header) {
  std::string text(csv_start(dialect));
  text += csv_line(header.empty() ? std::vector<std::string>(kForecastCsvColumns.begin(), kForecastCsvColumns.end())
                                  : header,
                   dialect);
  for (const core::RoleForecast& role : forecast.roles) {
    for (const core::ForecastYear& year : role.years) {
      CsvRow row(dialect);
      row.text(role.role).number(std::to_string(year.year));
      for (double count : {year.start, year.retirements, year.leavers, year.demand, year.recruitment_need, year.end}) {
        row.number(number_text(count, kCountDecimals));
      }
      row.number(std::to_string(year.turning_65)).number(std::to_string(year.turning_67));
      row.number(std::to_string(year.turning_69));
      text += row.line();
    }
  }
  return text;
}

std::string write_forecast_table(const core::Forecast& forecast) {
  std::string text;
  text += fmt::format("Prognos per {} för {} år{}\n", core::to_iso(forecast.at), forecast.years,
                      forecast.unit_code.empty() ? std::string() : ", enhet " + forecast.unit_code);
  text += fmt::format("Historik {} – {}; personalens avgångstakt för hela enheten {:.2f} %\n",
                      core::to_iso(forecast.history_from), core::to_iso(forecast.history_to),
                      forecast.leaving_rate_unit * 100);
  if (forecast.rule == core::RetirementRule::kFixed) {
    text += fmt::format("Pension: fast ålder {} ({:.1f} personår 60–68 i historiken)\n", forecast.fixed_age,
                        forecast.hazard_person_years);
  } else {
    text += fmt::format("Pension: uppmätt risk per ålder ({:.1f} personår, {} pensionsavgångar 60–68):",
                        forecast.hazard_person_years, forecast.pension_departures);
    for (std::size_t a = 0; a < core::kHazardAges; ++a) {
      text += fmt::format(" {}:{:.3f}", core::kHazardFirstAge + static_cast<int>(a), forecast.hazard[a]);
    }
    text += '\n';
  }
  text += fmt::format("Omgång: {}\n", forecast.round.empty() ? std::string("ingen (ingen kompetensdel)")
                                                             : forecast.round + (forecast.earlier_round.empty()
                                                                                     ? std::string()
                                                                                     : " (föregående " + forecast.earlier_round + ")"));
  auto flows = [&](const std::string& title, const std::vector<core::ForecastYear>& years) {
    text += '\n' + title + '\n';
    text += fmt::format("  {:>4}  {:>9}  {:>9}  {:>9}  {:>9}  {:>9}  {:>9}  {:>5} {:>5} {:>5}\n", "år", "start",
                        "pension", "slutar", "behov", "rekrytera", "slut", "65", "67", "69");
    for (const core::ForecastYear& year : years) {
      text += fmt::format("  {:>4}  {:>9.2f}  {:>9.2f}  {:>9.2f}  {:>9.2f}  {:>9.2f}  {:>9.2f}  {:>5} {:>5} {:>5}\n",
                          year.year, year.start, year.retirements, year.leavers, year.demand, year.recruitment_need,
                          year.end, year.turning_65, year.turning_67, year.turning_69);
    }
  };
  for (const core::RoleForecast& role : forecast.roles) {
    const char* source = role.rate_from_scenario                        ? "scenario"
                         : role.rate_source == core::RateSource::kRole ? "rollens historik"
                                                                       : "enhetens historik";
    flows(fmt::format("{}: {} personer, avgångstakt {:.2f} % ({})", role.role, role.start, role.leaving_rate * 100,
                      source),
          role.years);
    for (const core::CompetencyForecast& competency : role.competencies) {
      text += fmt::format("    {:<6} start {:>8}  rekryter {:>8}  utveckling {:>5.1f} %  →", competency.code,
                          optional_share_text(competency.start_share), optional_share_text(competency.recruit_share),
                          competency.development_rate * 100);
      for (const auto& share : competency.shares) text += fmt::format(" {:>8}", optional_share_text(share));
      text += '\n';
    }
  }
  flows("Totalt", forecast.totals);
  if (!forecast.areas.empty()) {
    text += "\nOmråden (andel på förväntad nivå)\n";
    for (const core::AreaForecast& area : forecast.areas) {
      text += fmt::format("  {:<6}", area.code);
      for (const auto& share : area.shares) text += fmt::format(" {:>8}", optional_share_text(share));
      text += '\n';
    }
  }
  return text;
}

}  // namespace trappa::io
