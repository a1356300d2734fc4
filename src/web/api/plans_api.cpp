// GET /api/v1/plans/summary?round=R[&unit=U] (docs/learning.md, "Plans in aggregate";
// docs/openapi.yaml): people with a plan and an agreed plan, agreed goals per area and the
// share of them done, for HR (their scope, every figure) and for observers and managers with
// the overview (their aggregate scope, with the small-group rule: a unit whose figures could
// show a group of 1..K−1 people answers `suppressed: true` and no figures).
#include <boost/json.hpp>

#include "app/learning/plan_summary.hpp"
#include "web/api/api_conventions.hpp"
#include "web/api/api_routes.hpp"
#include "web/server/http_util.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"

namespace trappa::web {

namespace {

boost::json::value count_or_null(bool suppressed, std::size_t value) {
  return suppressed ? boost::json::value(nullptr) : boost::json::value(value);
}

Response plans_summary(AppContext& app, PageRequest& page, const RouteParams&) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.sees_overview()) {
    return api_error(ApiErrorKind::kForbidden,
                     "the plans' aggregates are for HR, observers and managers with the overview");
  }
  const std::string round_name = query_value(page.request, "round");
  if (round_name.empty()) {
    return api_error(ApiErrorKind::kMalformed, "the parameters are not valid", {{"round", "is required"}});
  }
  auto round = app.rounds->find(round_name);
  if (!round) {
    return api_error(ApiErrorKind::kNotFound, "no round named '" + round_name + "'",
                     {{"round", "no round named '" + round_name + "'"}});
  }
  std::string unit = query_value(page.request, "unit");
  if (unit.empty()) unit = viewer.aggregate_scope();
  if (auto refusal = refuse_unit(app, "unit", unit, viewer.aggregate_scope())) return std::move(*refusal);
  auto plans = app.plans->load_round(round->round.name);
  if (!plans) return api_failure(page, plans.error());
  const std::optional<std::size_t> min_group =
      viewer.suppressed_aggregates() ? std::optional<std::size_t>(app.options.min_group) : std::nullopt;
  auto summary = app::summarise_plans(*app.directory, *round, *plans, unit, min_group);
  if (!summary) return api_failure(page, summary.error());
  const bool hidden = summary->suppressed;
  boost::json::object body;
  body["round"] = summary->round;
  body["unit"] = summary->unit.empty() ? boost::json::value(nullptr) : boost::json::value(summary->unit);
  body["min_group"] = min_group ? boost::json::value(*min_group) : boost::json::value(nullptr);
  body["suppressed"] = hidden;
  body["people_in_round"] = count_or_null(hidden, summary->people_in_round);
  body["people_with_plan"] = count_or_null(hidden, summary->people_with_plan);
  body["people_with_agreed_plan"] = count_or_null(hidden, summary->people_with_agreed_plan);
  body["goals"] = count_or_null(hidden, summary->goals);
  body["goals_done"] = count_or_null(hidden, summary->goals_done);
  body["share_of_goals_done"] = !hidden && summary->share_of_goals_done
                                    ? boost::json::value(*summary->share_of_goals_done)
                                    : boost::json::value(nullptr);
  boost::json::array areas;
  if (!hidden) {
    for (const app::PlanAreaSummary& area : summary->areas) {
      areas.push_back(boost::json::object{{"area", area.code}, {"name", area.name}, {"people", area.people},
                                          {"goals", area.goals}, {"done", area.done}});
    }
  }
  body["areas"] = std::move(areas);
  return json_response(200, boost::json::serialize(body) + "\n");
}

}  // namespace

void register_plans_api(Router& router) { add_api_route(router, Method::kGet, "/api/v1/plans/summary", plans_summary); }

}  // namespace trappa::web
