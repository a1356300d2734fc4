#include "app/supply_plan/indicator_bindings.hpp"

#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "app/learning/learning_use_case.hpp"
#include "app/maturity/maturity_values.hpp"
#include "app/published/snapshot_loader.hpp"
#include "core/analytics/gap_query.hpp"
#include "core/base/date.hpp"
#include "core/learning/learning_disclosure.hpp"
#include "core/org/unit_tree.hpp"
#include "core/workforce/key_figures.hpp"
#include "store/org/organisation_store.hpp"
#include "store/workforce/employment_store.hpp"

namespace trappa::app {

namespace {

// The rounding the commands print with: io/exports/key_figures_json.cpp prints shares and
// rates to 4 decimals, io/exports/learning_output.cpp hours to 2.
double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double result = std::round(value * scale) / scale;
  return result == 0.0 ? 0.0 : result;
}
constexpr int kRateDecimals = 4;
constexpr int kHourDecimals = 2;

core::Error parameter_error(core::ErrorKind kind, std::string_view parameter, std::string what) {
  return core::Error{kind, fmt::format("{}: {}", parameter, what), {{std::string(parameter), std::move(what)}}};
}

// A use case's error about the parameter's value, named after it; a failure of the store or of
// the program passes through as it is.
core::Error as_parameter(core::Error error, std::string_view parameter) {
  if (error.kind == core::ErrorKind::kStorage || error.kind == core::ErrorKind::kInternal) return error;
  // A use case that named the problem says it better than its summary ("bad measurement").
  std::string what = error.problems.size() == 1 ? std::move(error.problems.front().what) : std::move(error.message);
  return parameter_error(error.kind, parameter, std::move(what));
}

std::string parameter_or_empty(const core::supply::Indicator& indicator, std::string_view name) {
  const std::string* value = indicator.parameter(name);
  return value == nullptr ? std::string() : *value;
}

core::Result<core::Date> date_parameter(const core::supply::Indicator& indicator, std::string_view name) {
  const std::string text = parameter_or_empty(indicator, name);
  if (auto date = core::parse_iso_date(text)) return *date;
  return std::unexpected(
      parameter_error(core::ErrorKind::kInvalidInput, name, fmt::format("'{}' is not a date (YYYY-MM-DD)", text)));
}

IndicatorValue shown(std::optional<double> value) { return IndicatorValue{value, false}; }
IndicatorValue suppressed() { return IndicatorValue{std::nullopt, true}; }

}  // namespace

struct IndicatorEvaluator::Cache {
  std::optional<OrganisationData> organisation;
  std::map<std::string, std::shared_ptr<const core::GapSnapshot>> snapshots;
  std::map<std::pair<std::string, std::string>, core::GapReport> gap_reports;  // (round, unit)
  std::optional<std::vector<core::Unit>> units;
  std::optional<std::vector<core::Employment>> employments;
  std::map<std::pair<int, std::string>, core::KeyFigures> key_figures;  // (day, unit)
  std::map<std::tuple<int, int, std::string>, core::LearningStats> learning;  // (from, to, unit)
};

IndicatorEvaluator::IndicatorEvaluator(store::Store& store, BindingViewer viewer)
    : store_(store), viewer_(viewer), cache_(std::make_unique<Cache>()) {}

IndicatorEvaluator::~IndicatorEvaluator() = default;

core::Result<IndicatorValue> IndicatorEvaluator::value(const core::supply::Indicator& indicator) {
  const std::string& kind = indicator.kind;
  const std::string unit = parameter_or_empty(indicator, "unit");
  if (kind.starts_with("gap.")) {
    const std::string round = parameter_or_empty(indicator, "round");
    if (!cache_->organisation) {
      ASSIGN_OR_RETURN(auto organisation, load_organisation(store_));
      cache_->organisation = std::move(organisation);
    }
    if (!unit.empty() && !cache_->organisation->tree->index_of(unit)) {
      return std::unexpected(parameter_error(core::ErrorKind::kNotFound, "unit", fmt::format("'{}' is no unit", unit)));
    }
    auto report_entry = cache_->gap_reports.find({round, unit});
    if (report_entry == cache_->gap_reports.end()) {
      auto snapshot_entry = cache_->snapshots.find(round);
      if (snapshot_entry == cache_->snapshots.end()) {
        auto snapshot = load_gap_snapshot(store_, round, *cache_->organisation);
        if (!snapshot) {
          return std::unexpected(as_parameter(snapshot.error(), "round"));
        }
        snapshot_entry = cache_->snapshots.emplace(round, std::move(*snapshot)).first;
      }
      // The query of `trappa analyze gaps --round R [--unit U]`: agreed levels, no grouping.
      core::GapQuery query;
      query.basis = core::LevelBasis::kAgreed;
      query.unit = unit;
      query.min_group = viewer_.min_group;
      auto report = core::run_gap_query(*snapshot_entry->second, query);
      if (!report) return std::unexpected(as_parameter(report.error(), "unit"));
      report_entry = cache_->gap_reports.emplace(std::pair{round, unit}, std::move(*report)).first;
    }
    const core::GapReport& report = report_entry->second;
    if (report.suppressed) return suppressed();
    if (kind == "gap.share_with_need") return shown(report.share_with_need);
    if (kind == "gap.participation") return shown(report.participation);
    if (kind == "gap.area_need_share" || kind == "gap.area_high_motivation_share") {
      const std::string area = parameter_or_empty(indicator, "area");
      for (const core::AreaFigures& figures : report.areas) {
        if (figures.code != area) continue;
        if (figures.suppressed) return suppressed();
        return shown(kind == "gap.area_need_share" ? figures.need_share : figures.high_motivation_share);
      }
      return std::unexpected(parameter_error(core::ErrorKind::kNotFound, "area",
                                             fmt::format("'{}' is no area of round {}'s framework", area, round)));
    }
    if (kind == "gap.competency_need_share") {
      const std::string competency = parameter_or_empty(indicator, "competency");
      for (const core::CompetencyFigures& figures : report.competencies) {
        if (figures.code != competency) continue;
        if (figures.suppressed) return suppressed();
        return shown(figures.need_share);
      }
      return std::unexpected(parameter_error(
          core::ErrorKind::kNotFound, "competency",
          fmt::format("'{}' is no competency of round {}'s framework", competency, round)));
    }
  } else if (kind.starts_with("figures.")) {
    ASSIGN_OR_RETURN(const core::Date at, date_parameter(indicator, "at"));
    auto entry = cache_->key_figures.find({core::day_number(at), unit});
    if (entry == cache_->key_figures.end()) {
      if (!cache_->units) {
        ASSIGN_OR_RETURN(auto units, store_.organisation().load_units());
        cache_->units = std::move(units);
      }
      if (!cache_->organisation) {
        ASSIGN_OR_RETURN(auto organisation, load_organisation(store_));
        cache_->organisation = std::move(organisation);
      }
      if (!cache_->employments) {
        ASSIGN_OR_RETURN(auto employments, store_.employments().load_employments());
        cache_->employments = std::move(employments);
      }
      // The query of `trappa figures --at D [--unit U]`: the default period and retirement age.
      core::KeyFigureQuery query;
      query.at = at;
      query.unit_code = unit;
      auto figures = core::compute_key_figures(cache_->organisation->people, *cache_->employments, *cache_->units, query);
      if (!figures) return std::unexpected(as_parameter(figures.error(), "unit"));
      entry = cache_->key_figures.emplace(std::pair{core::day_number(at), unit}, std::move(*figures)).first;
    }
    // Headcounts by gender and turnover describe the whole group and are never hidden
    // (core/workforce/key_figure_disclosure.hpp), so these figures are not suppressed.
    const core::KeyFigures& figures = entry->second;
    const core::GenderCounts& all = figures.headcount[0].all;
    if (kind == "figures.headcount") return shown(static_cast<double>(all.total()));
    if (kind == "figures.share_women") {
      if (all.total() == 0) return shown(std::nullopt);
      return shown(static_cast<double>(all.of(core::Gender::kWoman)) / static_cast<double>(all.total()));
    }
    if (kind == "figures.external_turnover") {
      const auto& rate = figures.turnover.external.rate;
      return shown(rate ? std::optional<double>(rounded(*rate, kRateDecimals)) : std::nullopt);
    }
  } else if (kind.starts_with("learning.")) {
    ASSIGN_OR_RETURN(const core::Date from, date_parameter(indicator, "from"));
    ASSIGN_OR_RETURN(const core::Date to, date_parameter(indicator, "to"));
    const auto key = std::tuple{core::day_number(from), core::day_number(to), unit};
    auto entry = cache_->learning.find(key);
    if (entry == cache_->learning.end()) {
      // The query of `trappa learning stats --from D --to D [--unit U]`.
      core::LearningStatsQuery query;
      query.from = from;
      query.to = to;
      if (!unit.empty()) query.unit = unit;
      auto stats = run_learning_stats(store_, query);
      if (!stats) return std::unexpected(as_parameter(stats.error(), "unit"));
      entry = cache_->learning.emplace(key, std::move(*stats)).first;
    }
    const core::LearningStats& stats = entry->second;
    if (viewer_.min_group > 0 &&
        core::decide_learning_disclosure(stats, core::LearningGrouping::kNone, viewer_.min_group).total.suppressed) {
      return suppressed();
    }
    if (kind == "learning.participants") return shown(static_cast<double>(stats.total.participants));
    if (kind == "learning.hours_per_participant") {
      const auto& hours = stats.total.hours_per_participant;
      return shown(hours ? std::optional<double>(rounded(*hours, kHourDecimals)) : std::nullopt);
    }
  } else if (kind == "maturity.overall") {
    // Measurements describe a whole unit and series are refused below K employees at import
    // (docs/maturity.md): nothing here is about a small group.
    const std::string* measurement = indicator.parameter("measurement");
    if (measurement == nullptr) return std::unexpected(parameter_error(core::ErrorKind::kInvalidInput, "measurement", "is missing"));
    auto overall = maturity_overall(store_, *measurement);
    if (!overall) return std::unexpected(as_parameter(std::move(overall).error(), "measurement"));
    return shown(*overall);
  } else if (kind == "series") {
    const std::string* name = indicator.parameter("name");
    if (name == nullptr) return std::unexpected(parameter_error(core::ErrorKind::kInvalidInput, "name", "is missing"));
    // An unknown series is the name's fault; a known one without that period, the period's.
    auto latest = series_value(store_, *name);
    if (!latest) return std::unexpected(as_parameter(std::move(latest).error(), "name"));
    const std::string* period = indicator.parameter("period");
    if (period == nullptr) return shown(latest->value);
    auto value = series_value(store_, *name, *period);
    if (!value) return std::unexpected(as_parameter(std::move(value).error(), "period"));
    return shown(value->value);
  }
  return std::unexpected(parameter_error(core::ErrorKind::kInvalidInput, "kind", fmt::format("'{}' is no binding", kind)));
}

std::vector<core::Problem> IndicatorEvaluator::check_bindings(const core::supply::SupplyPlan& plan) {
  std::vector<core::Problem> problems;
  auto units = store_.organisation().load_units();
  if (!units) return {{"$", units.error().message}};
  const core::UnitTree tree = core::UnitTree::build(*units);
  const std::optional<std::uint32_t> plan_unit = tree.index_of(plan.unit);
  if (!plan_unit) problems.push_back({"$.unit", fmt::format("'{}' is no unit of the organisation", plan.unit)});
  for (std::size_t g = 0; g < plan.goals.size(); ++g) {
    for (std::size_t a = 0; a < plan.goals[g].activities.size(); ++a) {
      const core::supply::Activity& activity = plan.goals[g].activities[a];
      if (!activity.indicator) continue;
      const std::string path = fmt::format("$.goals[{}].activities[{}].indicator", g, a);
      if (const std::string* unit = activity.indicator->parameter("unit"); unit != nullptr && plan_unit) {
        const auto index = tree.index_of(*unit);
        if (index && (*index < *plan_unit || *index >= tree.subtree_end(*plan_unit))) {
          problems.push_back({path + ".unit", fmt::format("'{}' is outside the plan's unit {}", *unit, plan.unit)});
          continue;
        }
      }
      auto value = this->value(*activity.indicator);
      if (value) continue;
      if (value.error().problems.empty()) {
        problems.push_back({path, value.error().message});
      } else {
        for (const core::Problem& problem : value.error().problems) {
          problems.push_back({path + "." + problem.where, problem.what});
        }
      }
    }
  }
  return problems;
}

}  // namespace trappa::app
