// POST and GET /api/v1/xapi/statements (docs/learning.md "xAPI", docs/openapi.yaml): the
// learning platform's xAPI 1.0.3 statements. These routes are public to the session layer
// (Access::kPublic): they authenticate an API client by HTTP Basic authentication
// (`trappa client`), checked against the store on every request, and nothing else — a
// browser session does not reach them. Every answer carries X-Experience-API-Version.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/learning/xapi_service.hpp"
#include "io/json/xapi_json.hpp"
#include "web/api/api_conventions.hpp"
#include "web/api/api_routes.hpp"
#include "web/server/http_util.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"

namespace trappa::web {

namespace {

constexpr std::string_view kXapiVersion = "1.0.3";

// Standard base64 (RFC 4648, with or without padding); nullopt for anything else.
std::optional<std::string> decode_base64(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    int value = -1;
    if (c >= 'A' && c <= 'Z') value = c - 'A';
    else if (c >= 'a' && c <= 'z') value = c - 'a' + 26;
    else if (c >= '0' && c <= '9') value = c - '0' + 52;
    else if (c == '+') value = 62;
    else if (c == '/') value = 63;
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

Response with_version(Response response) {
  response.headers.emplace_back("X-Experience-API-Version", std::string(kXapiVersion));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Response xapi_error(ApiErrorKind kind, std::string message, const std::vector<core::Problem>& problems = {}) {
  Response response = api_error(kind, std::move(message), problems);
  if (kind == ApiErrorKind::kUnauthenticated) {
    for (auto& [name, value] : response.headers) {
      if (name == "WWW-Authenticate") value = "Basic realm=\"trappa-xapi\", charset=\"UTF-8\"";
    }
  }
  return with_version(std::move(response));
}

// The client named by the Authorization header when its secret is right; nullopt otherwise.
// A failure of the store is an error.
core::Result<std::optional<std::string>> authenticated_client(AppContext& app, const Request& request) {
  const std::string authorization = header(request, "authorization");
  constexpr std::string_view kBasic = "basic ";
  if (authorization.size() <= kBasic.size()) return std::nullopt;
  std::string scheme = authorization.substr(0, kBasic.size());
  for (char& c : scheme) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (scheme != kBasic) return std::nullopt;
  const auto decoded = decode_base64(std::string_view(authorization).substr(kBasic.size()));
  if (!decoded) return std::nullopt;
  const std::size_t colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  std::string name = decoded->substr(0, colon);
  ASSIGN_OR_RETURN(bool known, app.xapi->authenticate(name, std::string_view(*decoded).substr(colon + 1)));
  if (!known) return std::nullopt;
  return name;
}

// The door every xAPI request passes: the client, then the version header. A response to send
// instead when either is missing or wrong.
std::optional<Response> refused(AppContext& app, PageRequest& page, std::string& client) {
  auto found = authenticated_client(app, page.request);
  if (!found) return with_version(api_failure(page, found.error()));
  if (!*found) {
    return xapi_error(ApiErrorKind::kUnauthenticated,
                      "authenticate as an API client (HTTP Basic: name and secret of `trappa client add`)");
  }
  client = **found;
  const std::string version = header(page.request, "x-experience-api-version");
  if (version.empty()) {
    return xapi_error(ApiErrorKind::kMalformed, "the header X-Experience-API-Version is required",
                      {{"X-Experience-API-Version", "is missing; send 1.0.3"}});
  }
  if (!(version == "1.0" || version.starts_with("1.0."))) {
    return xapi_error(ApiErrorKind::kMalformed, "this LRS speaks xAPI 1.0.x",
                      {{"X-Experience-API-Version", "'" + version + "' is not 1.0.x"}});
  }
  return std::nullopt;
}

Response post_statements(AppContext& app, PageRequest& page, const RouteParams&) {
  std::string client;
  if (auto refusal = refused(app, page, client)) return std::move(*refusal);
  auto ids = app.xapi->receive(client, page.request.body);
  if (!ids) return with_version(api_failure(page, ids.error()));
  return with_version(json_response(200, io::write_xapi_ids(*ids)));
}

Response get_statement(AppContext& app, PageRequest& page, const RouteParams&) {
  std::string client;
  if (auto refusal = refused(app, page, client)) return std::move(*refusal);
  const std::string statement_id = query_value(page.request, "statementId");
  const std::string voided_id = query_value(page.request, "voidedStatementId");
  std::vector<core::Problem> problems;
  if (statement_id.empty() == voided_id.empty()) {
    problems.push_back({"statementId", "send exactly one of statementId and voidedStatementId"});
  }
  if (!problems.empty()) return xapi_error(ApiErrorKind::kMalformed, "the parameters are not valid", problems);
  const bool voided = !voided_id.empty();
  auto found = app.xapi->find(voided ? voided_id : statement_id, voided);
  if (!found) return with_version(api_failure(page, found.error()));
  if (!*found) {
    return xapi_error(ApiErrorKind::kNotFound, voided ? "no voided statement with id '" + voided_id + "'"
                                  : "no statement with id '" + statement_id + "' (a voided one is read by voidedStatementId)");
  }
  return with_version(json_response(200, std::move(**found)));
}

}  // namespace

void register_xapi_api(Router& router) {
  // Unknown query parameters are refused (400, with the version header) before the client is
  // authenticated: they say nothing about the store.
  add_api_route(router, Method::kPost, "/api/v1/xapi/statements", post_statements, Access::kPublic, with_version);
  add_api_route(router, Method::kGet, "/api/v1/xapi/statements", get_statement, Access::kPublic, with_version);
}

}  // namespace trappa::web
