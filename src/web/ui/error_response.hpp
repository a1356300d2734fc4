// One mapping from core::Error to an HTTP answer for the pages, and the API's JSON error shape.
//
// - Pages: status per ErrorKind: kInvalidInput 422, kNotFound 404, kConflict 409,
//   kForbidden 403, kStorage and kInternal 500; the error page in the layout (error_page,
//   app_context.hpp) with the status's standard text.
// - A 500 is logged (spdlog error, with the request id and the error's full description) and
//   the client sees only the request id; the error's own text never reaches it. Other kinds
//   are logged at info level with the request id.
// - The API's statuses are its own (web/api/api_conventions.hpp: api_status, api_failure);
//   json_error gives its JSON shape (docs/openapi.yaml, Error):
//   {"error": {"status", "message", "problems": [{"where", "what"}]}}.
// Stateless; safe from every request thread.
#pragma once

#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "web/server/http_types.hpp"

namespace trappa::web {

struct AppContext;
struct PageRequest;

[[nodiscard]] int http_status(core::ErrorKind kind);

// The error page for `error` (see above).
[[nodiscard]] Response error_response(const AppContext& app, const PageRequest& page, const core::Error& error);

// A JSON error with the given status and message; 401 adds WWW-Authenticate.
[[nodiscard]] Response json_error(int status, std::string message, const std::vector<core::Problem>& problems = {});

// 405 for a known path with another method; `allow` lists the path's methods
// ("GET, HEAD, POST") and is sent as the Allow header.
[[nodiscard]] Response method_not_allowed_page(const AppContext& app, const PageRequest& page, const std::string& allow);
[[nodiscard]] Response method_not_allowed_json(const std::string& allow);

}  // namespace trappa::web
