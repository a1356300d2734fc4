// /api/v1/learning/stats and /api/v1/people/{id}/recommendations (docs/learning.md, "In the
// web"; docs/openapi.yaml): the documents of `trappa learning stats --format json` and
// `trappa recommend --format json`, from the published learning inputs.
//
// The statistics are for HR and administrators, within their scope, and for observers and
// managers with the overview under the small-group rule (core/learning/learning_disclosure.hpp,
// K = trappa serve --min-group); targets not given come from the organisation's settings. Recommendations
// are for the person, their manager and HR in scope; anyone else gets 404, as for the
// person's assessment.
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "core/base/clock.hpp"
#include "core/base/date.hpp"
#include "core/learning/learning_disclosure.hpp"
#include "core/learning/learning_stats.hpp"
#include "io/exports/learning_output.hpp"
#include "web/api/api_conventions.hpp"
#include "web/api/api_routes.hpp"
#include "web/server/http_util.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"

namespace trappa::web {

namespace {

// A number parameter: nullopt when absent; a problem naming it when it is not a number ≥ 0.
std::optional<double> number_parameter(const Request& request, const char* name, std::vector<core::Problem>& problems) {
  const std::string text = query_value(request, name);
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < 0) {
    problems.push_back({name, "must be a number of at least 0"});
    return std::nullopt;
  }
  return value;
}

std::optional<core::Date> date_parameter(const Request& request, const char* name, bool required,
                                         std::vector<core::Problem>& problems) {
  const std::string text = query_value(request, name);
  if (text.empty()) {
    if (required) problems.push_back({name, "is required (YYYY-MM-DD)"});
    return std::nullopt;
  }
  auto date = core::parse_iso_date(text);
  if (!date) problems.push_back({name, "'" + text + "' is not a date (YYYY-MM-DD)"});
  return date;
}

Response learning_stats(AppContext& app, PageRequest& page, const RouteParams&) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.sees_overview()) {
    return api_error(ApiErrorKind::kForbidden,
                     "the learning statistics are for HR, administrators, observers and managers with the overview");
  }
  const bool suppressed = !viewer.is_hr();
  std::vector<core::Problem> problems;
  core::LearningStatsQuery query;
  const auto from = date_parameter(page.request, "from", true, problems);
  const auto to = date_parameter(page.request, "to", true, problems);
  std::string unit = query_value(page.request, "unit");
  if (unit.empty()) unit = viewer.aggregate_scope();
  if (!unit.empty()) query.unit = unit;
  if (const std::string by = query_value(page.request, "by"); !by.empty()) {
    if (auto grouping = core::parse_learning_grouping(by)) query.by = *grouping;
    else problems.push_back({"by", "must be gender, unit, activity, format, area or month"});
  }
  query.targets = {number_parameter(page.request, "target_participants", problems),
                   number_parameter(page.request, "target_hours_per_participant", problems)};
  const core::LearningTargets& stored = app.published->learning->targets();
  if (!query.targets.participants) query.targets.participants = stored.participants;
  if (!query.targets.hours_per_participant) query.targets.hours_per_participant = stored.hours_per_participant;
  if (!problems.empty()) return api_error(ApiErrorKind::kMalformed, "the parameters are not valid", problems);
  if (auto refusal = refuse_unit(app, "unit", unit, viewer.aggregate_scope())) return std::move(*refusal);
  query.from = *from;
  query.to = *to;
  auto stats = app.published->learning->stats(query);
  if (!stats) return api_failure(page, stats.error());
  if (suppressed) {
    const core::LearningDisclosure disclosure =
        core::decide_learning_disclosure(*stats, query.by, app.disclosures->min_group());
    return json_response(200, io::write_learning_stats_json(*stats, query, &disclosure));
  }
  return json_response(200, io::write_learning_stats_json(*stats, query));
}

Response recommendations(AppContext& app, PageRequest& page, const RouteParams& params) {
  const Viewer& viewer = *page.viewer;
  const std::string employee_id = params.get("id");
  const auto person = app.directory->index_of(employee_id);
  if (!person) return api_error(ApiErrorKind::kNotFound, "no such person");
  const bool self = *person == viewer.person_index && !viewer.is_observer();
  if (!self && access_to_person(*app.directory, viewer, *person) == PersonAccess::kNone) {
    return api_error(ApiErrorKind::kNotFound, "no such person");
  }
  std::vector<core::Problem> problems;
  const auto budget = number_parameter(page.request, "budget_hours", problems);
  const auto on = date_parameter(page.request, "on", false, problems);
  if (!problems.empty()) return api_error(ApiErrorKind::kMalformed, "the parameters are not valid", problems);
  // The round asked for, else the newest open round the person takes part in.
  std::shared_ptr<const app::RoundView> round;
  if (const std::string name = query_value(page.request, "round"); !name.empty()) {
    round = app.rounds->find(name);
    if (!round) {
      return api_error(ApiErrorKind::kNotFound, "no round named '" + name + "'",
                       {{"round", "no round named '" + name + "'"}});
    }
  } else {
    round = app.rounds->current_open_round(*person);
    if (!round) return api_error(ApiErrorKind::kNotFound, "no open round; name one with the parameter round");
  }
  std::optional<core::Assessment> assessment;
  if (round->includes(*person)) {
    auto loaded = app.assessments->load(round->round.name, employee_id);
    if (!loaded) return api_failure(page, loaded.error());
    assessment = std::move(*loaded);
  }
  const core::RecommendationList list =
      app.published->learning->recommend(*person, assessment ? &*assessment : nullptr, round->snapshot->framework(),
                                         on.value_or(core::system_clock().today()), budget);
  return json_response(200, io::write_recommendations_json(employee_id, round->round.name, list));
}

}  // namespace

void register_learning_api(Router& router) {
  add_api_route(router, Method::kGet, "/api/v1/learning/stats", learning_stats);
  add_api_route(router, Method::kGet, "/api/v1/people/{id}/recommendations", recommendations);
}

}  // namespace trappa::web
