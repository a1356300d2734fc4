// web/api/api_conventions.hpp: one status per kind of error, and one table of API routes with
// their query parameters that every registered API route goes through (issue 15, "API").
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <stdexcept>

#include "web/api/api_conventions.hpp"
#include "web/api/api_routes.hpp"
#include "web/ui/app_context.hpp"
#include "web/ui/router.hpp"

namespace trappa::web {
namespace {

TEST(ApiConventions, one_status_per_kind_of_error) {
  EXPECT_EQ(api_status(ApiErrorKind::kMalformed), 400);
  EXPECT_EQ(api_status(ApiErrorKind::kUnauthenticated), 401);
  EXPECT_EQ(api_status(ApiErrorKind::kForbidden), 403);
  EXPECT_EQ(api_status(ApiErrorKind::kNotFound), 404);
  EXPECT_EQ(api_status(ApiErrorKind::kMethodNotAllowed), 405);
  EXPECT_EQ(api_status(ApiErrorKind::kConflict), 409);
  EXPECT_EQ(api_status(ApiErrorKind::kUnsupportedMediaType), 415);
  EXPECT_EQ(api_status(ApiErrorKind::kRuleBroken), 422);
  EXPECT_EQ(api_status(ApiErrorKind::kBusy), 429);
  EXPECT_EQ(api_status(ApiErrorKind::kInternal), 500);
}

TEST(ApiConventions, core_errors_map_onto_the_api_kinds) {
  EXPECT_EQ(api_error_kind_of(core::ErrorKind::kInvalidInput), ApiErrorKind::kMalformed);
  EXPECT_EQ(api_error_kind_of(core::ErrorKind::kNotFound), ApiErrorKind::kNotFound);
  EXPECT_EQ(api_error_kind_of(core::ErrorKind::kForbidden), ApiErrorKind::kForbidden);
  EXPECT_EQ(api_error_kind_of(core::ErrorKind::kConflict), ApiErrorKind::kConflict);
  EXPECT_EQ(api_error_kind_of(core::ErrorKind::kStorage), ApiErrorKind::kInternal);
  EXPECT_EQ(api_error_kind_of(core::ErrorKind::kInternal), ApiErrorKind::kInternal);
}

// A concrete path for a pattern: every {name} becomes "x".
std::string concrete(std::string_view pattern) {
  std::string path;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      path += 'x';
      i = pattern.find('}', i);
    } else {
      path += pattern[i];
    }
  }
  return path;
}

const char* method_text(Method method) {
  switch (method) {
    case Method::kGet: return "GET";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kDelete: return "DELETE";
    case Method::kPatch: return "PATCH";
  }
  return "GET";
}

TEST(ApiConventions, every_route_of_the_table_is_registered_and_refuses_an_unknown_query_parameter) {
  Router router;
  register_api(router);
  ASSERT_FALSE(api_routes().empty());
  for (const ApiRoute& route : api_routes()) {
    const std::string path = concrete(route.pattern);
    const RouteMatch match = router.match(method_text(route.method), path);
    ASSERT_EQ(match.outcome, RouteMatch::Outcome::kFound) << method_text(route.method) << " " << path;
    // The check runs before the handler reads anything: an empty application suffices.
    AppContext app;
    Request request;
    request.method = method_text(route.method);
    request.path = path;
    request.query = {{"no_such_parameter", "1"}};
    PageRequest page{request, Language::kEnglish, std::nullopt};
    const Response response = (*match.handler)(app, page, match.params);
    EXPECT_EQ(response.status, 400) << path;
    const boost::json::value body = boost::json::parse(response.body);
    EXPECT_EQ(body.at("error").at("problems").at(0).at("where").as_string(), "no_such_parameter") << path;
    EXPECT_EQ(body.at("error").at("message").as_string(), "unknown query parameter: no_such_parameter") << path;
  }
}

TEST(ApiConventions, the_parameters_a_route_takes_are_not_problems) {
  const ApiRoute* gaps = nullptr;
  for (const ApiRoute& route : api_routes()) {
    if (route.pattern == "/api/v1/rounds/{round}/gaps") gaps = &route;
  }
  ASSERT_NE(gaps, nullptr);
  Request request;
  request.query = {{"by", "unit"}, {"compare", "2025"}, {"--round", "2025"}};
  const std::vector<core::Problem> problems = unknown_parameters(*gaps, request);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].where, "--round");
  EXPECT_NE(problems[0].what.find("it takes unit, role, gender, by, compare, basis, min_group"), std::string::npos);
}

TEST(ApiConventions, a_route_missing_from_the_table_is_refused_at_start_up) {
  Router router;
  EXPECT_THROW(add_api_route(router, Method::kGet, "/api/v1/not-in-the-table",
                             [](AppContext&, PageRequest&, const RouteParams&) { return Response{}; }),
               std::logic_error);
}

}  // namespace
}  // namespace trappa::web
