#include "web/pages/account/proxy_sign_in.hpp"

#include <atomic>
#include <cctype>

#include <spdlog/spdlog.h>

#include "web/ui/app_context.hpp"

namespace trappa::web {

namespace {

std::string lower_case(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool is_api(const Request& request) { return request.path == "/api" || request.path.starts_with("/api/"); }

Response refuse(AppContext& app, const Request& request, Language language, int status, std::string_view text_key) {
  const PageRequest page{request, language, std::nullopt};
  if (is_api(request)) {
    return json_response(status, "{\"error\":{\"status\":" + std::to_string(status) + ",\"message\":\"" +
                                     std::string(text(Language::kEnglish, text_key)) + "\",\"problems\":[]}}\n");
  }
  return error_page(app, page, status, page.t(text_key));
}

// The request as if the browser had sent the new session's cookie (other cookies kept).
Request with_session_cookie(const Request& request, const std::string& token) {
  Request rewritten = request;
  std::string cookie_line;
  for (const auto& [name, value] : parse_cookies(request)) {
    if (name == kSessionCookie) continue;
    cookie_line += name + "=" + value + "; ";
  }
  cookie_line += std::string(kSessionCookie) + "=" + token;
  rewritten.headers["cookie"] = cookie_line;
  return rewritten;
}

}  // namespace

ProxySignIn proxy_sign_in(AppContext& app, const Request& request, Language language) {
  ProxySignIn outcome;
  const std::string& header_name = app.sessions->options().proxy_user_header;
  if (header_name.empty() || request.path.starts_with("/static/") || request.path == "/healthz" ||
      request.path == "/readyz") {
    return outcome;
  }
  auto header = request.headers.find(lower_case(header_name));
  if (header == request.headers.end() || header->second.empty()) return outcome;
  if (!app.sessions->trusted_proxies().contains(request.remote_address)) {
    // Anyone can send the header; only the proxy's word counts.
    spdlog::warn("request_id={} proxy sign-in: header {} from {}, which is no --trusted-proxy: ignored",
                 request.request_id, header_name, request.remote_address);
    return outcome;
  }
  const std::string& name = header->second;
  const auto person = app.sessions->find_person(name);
  std::optional<core::Account> account;
  if (person) {
    auto loaded = app.accounts->find(*person);
    if (!loaded) {
      spdlog::error("request_id={} proxy sign-in: {}", request.request_id, loaded.error().describe());
      outcome.refusal = refuse(app, request, language, 500, "error_500_text");
      return outcome;
    }
    account = std::move(*loaded);
  }
  if (!account) {
    spdlog::warn("request_id={} proxy sign-in: {} names no account in Trappa ('{}', from {})", request.request_id,
                 header_name, name.substr(0, 100), request.remote_address);
    outcome.refusal = refuse(app, request, language, 403, "proxy_unknown_user");
    return outcome;
  }
  const std::string& employee_id = account->employee_id;
  if (auto current = app.sessions->resolve(request, *app.directory); current && current->account.employee_id == employee_id) {
    return outcome;  // already signed in as the named person
  }
  // No session, or someone else's (a shared computer): that one ends, a new one begins.
  app.sessions->sign_out_cookie_of(request);
  auto session = app.sessions->start_session(employee_id);
  if (!session) {
    outcome.refusal = refuse(app, request, language, 500, "error_500_text");
    return outcome;
  }
  if (auto audited = app.access_log->record(employee_id, "session.proxy_sign_in",
                                            "proxy " + request.remote_address + ", header " + header_name);
      !audited) {
    spdlog::error("request_id={} proxy sign-in audit: {}", request.request_id, audited.error().describe());
  }
  spdlog::info("request_id={} sign-in through proxy {}: {}", request.request_id, request.remote_address, employee_id);
  outcome.request = with_session_cookie(request, session->token);
  outcome.set_cookie = app.sessions->session_cookie(request, session->token);
  return outcome;
}

}  // namespace trappa::web
