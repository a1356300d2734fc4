// The conventions every /api/v1 route follows (docs/web.md, "API conventions";
// docs/openapi.yaml), kept in one place so that no route can drift from them:
//
// - One status per kind of error (api_status): a malformed request or value 400, no session
//   or client 401, not permitted 403, a route, round, unit, person or statement that does not
//   exist (or that the caller may not see) 404, another method 405, a clash with stored data
//   or a closed round 409, a body that is not JSON 415, a well-formed assessment change that
//   breaks the assessment rules 422, busy 429, a failure of the server 500. core::ErrorKind
//   maps onto these kinds once (api_error_kind_of).
// - Errors name the API's own parameter names (`round`, `unit`, `by`), never the command
//   line's flags (`--round`).
// - Every route accepts exactly the query parameters listed for it in kApiRoutes
//   (api_conventions.cpp); any other is a 400 naming it, before the route's handler runs.
//   add_api_route refuses (std::logic_error at start-up) a route missing from that list.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "web/ui/router.hpp"

namespace trappa::web {

enum class ApiErrorKind {
  kMalformed,             // 400
  kUnauthenticated,       // 401
  kForbidden,             // 403
  kNotFound,              // 404
  kMethodNotAllowed,      // 405
  kConflict,              // 409
  kUnsupportedMediaType,  // 415
  kRuleBroken,            // 422
  kBusy,                  // 429
  kInternal,              // 500
};

// The one status of each kind (see above).
[[nodiscard]] int api_status(ApiErrorKind kind);
// core's error kinds as the API answers them: kInvalidInput is a malformed request (400).
[[nodiscard]] ApiErrorKind api_error_kind_of(core::ErrorKind kind);

// The JSON error {"error": {"status", "message", "problems"}} of `kind`.
[[nodiscard]] Response api_error(ApiErrorKind kind, std::string message,
                                 const std::vector<core::Problem>& problems = {});
// `error` with the status of its kind; a 500 is logged and shows only the request id.
[[nodiscard]] Response api_failure(const PageRequest& page, const core::Error& error);

// The refusal of a `unit` parameter (named `parameter`): 404 when no unit has that code, 403
// when it lies outside `scope` (the viewer's; empty = everything); nullopt when it may be read.
[[nodiscard]] std::optional<Response> refuse_unit(const AppContext& app, std::string_view parameter,
                                                  const std::string& unit, std::string_view scope);

// One API route: its method, its pattern under the router and the query parameters it takes.
struct ApiRoute {
  Method method = Method::kGet;
  std::string_view pattern{};
  std::span<const std::string_view> parameters{};
};

// Every API route, in docs/openapi.yaml's order.
[[nodiscard]] std::span<const ApiRoute> api_routes();

// The query parameters of `request` that `route` does not take, as problems naming each.
[[nodiscard]] std::vector<core::Problem> unknown_parameters(const ApiRoute& route, const Request& request);

// Registers `handler` for `method` on `pattern`, behind the check of unknown query parameters
// (a 400 naming each; `finish` may add headers to that answer, as the xAPI routes do).
void add_api_route(Router& router, Method method, std::string_view pattern, Handler handler,
                   Access access = Access::kSignedIn, Response (*finish)(Response) = nullptr);

}  // namespace trappa::web
