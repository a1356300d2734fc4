#include "web/ui/error_response.hpp"

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "web/ui/app_context.hpp"

namespace trappa::web {

namespace json = boost::json;

namespace {

void log_error(const PageRequest& page, const core::Error& error, int status) {
  if (status >= 500) {
    spdlog::error("request_id={} {} {}: {}", page.request.request_id, page.request.method, page.request.path,
                  error.describe());
  } else {
    spdlog::info("request_id={} {} {}: {} {}", page.request.request_id, page.request.method, page.request.path, status,
                 error.describe());
  }
}

}  // namespace

int http_status(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kInvalidInput: return 422;
    case core::ErrorKind::kNotFound: return 404;
    case core::ErrorKind::kConflict: return 409;
    case core::ErrorKind::kForbidden: return 403;
    case core::ErrorKind::kStorage:
    case core::ErrorKind::kInternal: return 500;
  }
  return 500;
}

Response error_response(const AppContext& app, const PageRequest& page, const core::Error& error) {
  const int status = http_status(error.kind);
  log_error(page, error, status);
  return error_page(app, page, status);
}

Response json_error(int status, std::string message, const std::vector<core::Problem>& problems) {
  json::array list;
  for (const core::Problem& problem : problems) list.push_back(json::object{{"where", problem.where}, {"what", problem.what}});
  json::object error{{"status", status}, {"message", std::move(message)}, {"problems", std::move(list)}};
  Response response = json_response(status, json::serialize(json::object{{"error", std::move(error)}}) + "\n");
  if (status == 401) response.headers.emplace_back("WWW-Authenticate", "Cookie realm=\"trappa\"");
  return response;
}

Response method_not_allowed_page(const AppContext& app, const PageRequest& page, const std::string& allow) {
  Response response = error_page(app, page, 405);
  response.headers.emplace_back("Allow", allow);
  return response;
}

Response method_not_allowed_json(const std::string& allow) {
  Response response = json_error(405, "use " + allow);
  response.headers.emplace_back("Allow", allow);
  return response;
}

}  // namespace trappa::web
