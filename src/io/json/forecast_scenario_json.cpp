#include "io/json/forecast_scenario_json.hpp"

#include <fstream>
#include <sstream>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "io/json/json_text.hpp"

namespace trappa::io {

namespace json = boost::json;

namespace {

class ScenarioReader {
 public:
  explicit ScenarioReader(std::vector<core::Problem>& problems) : problems_(problems) {}

  core::ForecastScenario read(const json::value& document) {
    core::ForecastScenario scenario;
    if (!document.is_object()) {
      problem("$", "an object expected");
      return scenario;
    }
    const json::object& root = document.get_object();
    for (const auto& member : root) {
      const std::string key(member.key());
      const std::string path = "$." + key;
      const json::value& value = member.value();
      if (key == "format") {
        if (!value.is_string() || value.get_string() != kForecastScenarioFormat) {
          problem(path, fmt::format("\"{}\" expected", kForecastScenarioFormat));
        }
      } else if (key == "version") {
        if (!value.is_int64() || value.get_int64() != kForecastScenarioVersion) {
          problem(path, fmt::format("{} expected", kForecastScenarioVersion));
        }
      } else if (key == "retirement_age") {
        if (!value.is_int64() || value.get_int64() < 40 || value.get_int64() > 100) {
          problem(path, "a whole number between 40 and 100 expected");
        } else {
          scenario.retirement_age = static_cast<int>(value.get_int64());
        }
      } else if (key == "demand") {
        read_demand(value, path, scenario);
      } else if (key == "recruit") {
        if (value.is_string() && value.get_string() == "replace") {
          scenario.recruit = core::RecruitPolicy::kReplace;
        } else if (value.is_string() && value.get_string() == "none") {
          scenario.recruit = core::RecruitPolicy::kNone;
        } else {
          problem(path, "\"replace\" or \"none\" expected");
        }
      } else if (key == "leaving_rate") {
        read_rates(value, path, scenario.leaving_rate);
      } else if (key == "development_rate") {
        read_rates(value, path, scenario.development_rate);
      } else {
        problem(path, "unknown field");
      }
    }
    if (!root.contains("format")) problem("$.format", "missing");
    if (!root.contains("version")) problem("$.version", "missing");
    return scenario;
  }

 private:
  void read_demand(const json::value& value, const std::string& path, core::ForecastScenario& scenario) {
    if (!value.is_object()) {
      problem(path, "an object of roles expected");
      return;
    }
    for (const auto& member : value.get_object()) {
      const std::string role(member.key());
      const std::string role_path = path + "." + role;
      if (!member.value().is_object() || member.value().get_object().size() != 1) {
        problem(role_path, "{\"growth\": number} or {\"headcount\": [numbers]} expected");
        continue;
      }
      const auto& [kind, detail] = *member.value().get_object().begin();
      core::DemandScenario demand;
      if (kind == "growth") {
        const auto growth = number_of(detail);
        if (!growth || *growth <= -1 || *growth > 1) {
          problem(role_path + ".growth", "a number above -1 and at most 1 expected");
          continue;
        }
        demand.growth = *growth;
      } else if (kind == "headcount") {
        if (!detail.is_array() || detail.get_array().empty()) {
          problem(role_path + ".headcount", "a list of numbers expected, one per forecast year");
          continue;
        }
        bool good = true;
        for (std::size_t i = 0; i < detail.get_array().size(); ++i) {
          const auto number = number_of(detail.get_array()[i]);
          if (!number || *number < 0) {
            problem(fmt::format("{}.headcount[{}]", role_path, i), "a number of at least 0 expected");
            good = false;
          } else {
            demand.headcount.push_back(*number);
          }
        }
        if (!good) continue;
      } else {
        problem(role_path + "." + std::string(kind), "unknown field; \"growth\" or \"headcount\" expected");
        continue;
      }
      scenario.demand.emplace(role, std::move(demand));
    }
  }

  void read_rates(const json::value& value, const std::string& path, std::map<std::string, double>& rates) {
    if (!value.is_object()) {
      problem(path, "an object of rates expected");
      return;
    }
    for (const auto& member : value.get_object()) {
      const std::string name(member.key());
      const auto rate = number_of(member.value());
      if (!rate || *rate < 0 || *rate > 1) {
        problem(path + "." + name, "a number between 0 and 1 expected");
        continue;
      }
      rates.emplace(name, *rate);
    }
  }

  void problem(std::string where, std::string what) { problems_.push_back({std::move(where), std::move(what)}); }

  std::vector<core::Problem>& problems_;
};

}  // namespace

core::Result<core::ForecastScenario> parse_forecast_scenario(std::string_view text, const std::string& file_name) {
  auto document = parse_json_text(text, file_name);
  if (!document) return std::unexpected(document.error());
  std::vector<core::Problem> problems;
  core::ForecastScenario scenario = ScenarioReader(problems).read(*document);
  if (!problems.empty()) {
    for (core::Problem& problem : problems) problem.where = file_name + ": " + problem.where;
    return core::invalid("the scenario file is not valid", std::move(problems));
  }
  return scenario;
}

core::Result<core::ForecastScenario> read_forecast_scenario_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::fail(core::ErrorKind::kNotFound, fmt::format("cannot read '{}'", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_forecast_scenario(text.str(), path.string());
}

}  // namespace trappa::io
