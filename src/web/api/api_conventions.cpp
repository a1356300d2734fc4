#include "web/api/api_conventions.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "web/ui/app_context.hpp"
#include "web/ui/error_response.hpp"

namespace trappa::web {

namespace {

using std::string_view_literals::operator""sv;

constexpr std::array<std::string_view, 0> kNone{};
constexpr std::array kFigures{"at"sv, "from"sv, "unit"sv, "retirement_age"sv};
constexpr std::array kForecast{"at"sv, "years"sv, "unit"sv, "history-years"sv, "retirement-age"sv, "round"sv};
constexpr std::array kLearningStats{"from"sv, "to"sv, "unit"sv, "by"sv, "target_participants"sv,
                                    "target_hours_per_participant"sv};
constexpr std::array kRecommendations{"round"sv, "budget_hours"sv, "on"sv};
constexpr std::array kPlansSummary{"round"sv, "unit"sv};
constexpr std::array kStatement{"statementId"sv, "voidedStatementId"sv};
constexpr std::array kGaps{"unit"sv, "role"sv, "gender"sv, "by"sv, "compare"sv, "basis"sv, "min_group"sv};

// The one list of API routes and their query parameters. docs/openapi.yaml describes the same
// routes with the same parameters; tests/api/contract.test.js fails when they differ.
const std::array kApiRoutes{
    ApiRoute{Method::kGet, "/api/v1/me", kNone},
    ApiRoute{Method::kGet, "/api/v1/figures", kFigures},
    ApiRoute{Method::kGet, "/api/v1/learning/stats", kLearningStats},
    ApiRoute{Method::kGet, "/api/v1/people/{id}/recommendations", kRecommendations},
    ApiRoute{Method::kGet, "/api/v1/plans/summary", kPlansSummary},
    ApiRoute{Method::kPost, "/api/v1/xapi/statements", kNone},
    ApiRoute{Method::kGet, "/api/v1/xapi/statements", kStatement},
    ApiRoute{Method::kGet, "/api/v1/forecast", kForecast},
    ApiRoute{Method::kPost, "/api/v1/forecast", kForecast},
    ApiRoute{Method::kGet, "/api/v1/rounds", kNone},
    ApiRoute{Method::kGet, "/api/v1/rounds/{round}", kNone},
    ApiRoute{Method::kGet, "/api/v1/rounds/{round}/gaps", kGaps},
    ApiRoute{Method::kGet, "/api/v1/rounds/{round}/assessments/{id}", kNone},
    ApiRoute{Method::kPut, "/api/v1/rounds/{round}/assessments/{id}", kNone},
};

std::string_view method_name(Method method) {
  switch (method) {
    case Method::kGet: return "GET";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kDelete: return "DELETE";
    case Method::kPatch: return "PATCH";
  }
  return "GET";
}

std::string accepted_list(const ApiRoute& route) {
  if (route.parameters.empty()) return "it takes none";
  std::string list = "it takes ";
  for (std::size_t i = 0; i < route.parameters.size(); ++i) {
    if (i > 0) list += ", ";
    list += route.parameters[i];
  }
  return list;
}

}  // namespace

int api_status(ApiErrorKind kind) {
  switch (kind) {
    case ApiErrorKind::kMalformed: return 400;
    case ApiErrorKind::kUnauthenticated: return 401;
    case ApiErrorKind::kForbidden: return 403;
    case ApiErrorKind::kNotFound: return 404;
    case ApiErrorKind::kMethodNotAllowed: return 405;
    case ApiErrorKind::kConflict: return 409;
    case ApiErrorKind::kUnsupportedMediaType: return 415;
    case ApiErrorKind::kRuleBroken: return 422;
    case ApiErrorKind::kBusy: return 429;
    case ApiErrorKind::kInternal: return 500;
  }
  return 500;
}

ApiErrorKind api_error_kind_of(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kInvalidInput: return ApiErrorKind::kMalformed;
    case core::ErrorKind::kNotFound: return ApiErrorKind::kNotFound;
    case core::ErrorKind::kConflict: return ApiErrorKind::kConflict;
    case core::ErrorKind::kForbidden: return ApiErrorKind::kForbidden;
    case core::ErrorKind::kStorage:
    case core::ErrorKind::kInternal: return ApiErrorKind::kInternal;
  }
  return ApiErrorKind::kInternal;
}

Response api_error(ApiErrorKind kind, std::string message, const std::vector<core::Problem>& problems) {
  return json_error(api_status(kind), std::move(message), problems);
}

Response api_failure(const PageRequest& page, const core::Error& error) {
  const int status = api_status(api_error_kind_of(error.kind));
  if (status >= 500) {
    spdlog::error("request_id={} {} {}: {}", page.request.request_id, page.request.method, page.request.path,
                  error.describe());
    return json_error(status, "internal error; quote request id " + page.request.request_id);
  }
  spdlog::info("request_id={} {} {}: {} {}", page.request.request_id, page.request.method, page.request.path, status,
               error.describe());
  return json_error(status, error.message, error.problems);
}

std::optional<Response> refuse_unit(const AppContext& app, std::string_view parameter, const std::string& unit,
                                    std::string_view scope) {
  if (unit.empty()) return std::nullopt;
  if (!app.directory->tree().index_of(unit)) {
    return api_error(ApiErrorKind::kNotFound, "unknown unit '" + unit + "'",
                     {{std::string(parameter), "unknown unit '" + unit + "'"}});
  }
  if (!app.directory->unit_in_subtree(unit, scope)) {
    return api_error(ApiErrorKind::kForbidden, "unit '" + unit + "' is outside your scope",
                     {{std::string(parameter), "is outside your scope"}});
  }
  return std::nullopt;
}

std::span<const ApiRoute> api_routes() { return kApiRoutes; }

std::vector<core::Problem> unknown_parameters(const ApiRoute& route, const Request& request) {
  std::vector<core::Problem> problems;
  for (const auto& [name, value] : request.query) {
    if (std::find(route.parameters.begin(), route.parameters.end(), name) != route.parameters.end()) continue;
    problems.push_back({name, "is not a parameter of " + std::string(method_name(route.method)) + " " +
                                  std::string(route.pattern) + "; " + accepted_list(route)});
  }
  return problems;
}

void add_api_route(Router& router, Method method, std::string_view pattern, Handler handler, Access access,
                   Response (*finish)(Response)) {
  const auto found = std::find_if(kApiRoutes.begin(), kApiRoutes.end(), [&](const ApiRoute& route) {
    return route.method == method && route.pattern == pattern;
  });
  if (found == kApiRoutes.end()) {
    throw std::logic_error("API route " + std::string(method_name(method)) + " " + std::string(pattern) +
                           " is not listed in kApiRoutes (web/api/api_conventions.cpp)");
  }
  const ApiRoute& route = *found;
  auto checked = [&route, handler = std::move(handler), finish](AppContext& app, PageRequest& page,
                                                                 const RouteParams& params) {
    const std::vector<core::Problem> problems = unknown_parameters(route, page.request);
    if (problems.empty()) return handler(app, page, params);
    std::string message = problems.size() == 1 ? "unknown query parameter: " : "unknown query parameters: ";
    for (std::size_t i = 0; i < problems.size(); ++i) message += (i > 0 ? ", " : "") + problems[i].where;
    Response refusal = api_error(ApiErrorKind::kMalformed, std::move(message), problems);
    return finish != nullptr ? finish(std::move(refusal)) : refusal;
  };
  router.add(method, pattern, std::move(checked), access);
}

}  // namespace trappa::web
