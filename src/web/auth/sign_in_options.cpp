#include "web/auth/sign_in_options.hpp"

#include <cctype>

#include "web/server/trusted_proxies.hpp"

namespace trappa::web {

namespace {

bool is_header_token(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

}  // namespace

core::Result<void> validate(const SignInOptions& options) {
  std::vector<core::Problem> problems;
  // At least a second, so that a session can be used at all; at most a year.
  if (!(options.session_hours * 3600 >= 1 && options.session_hours <= 24 * 366)) {
    problems.push_back({"--session-hours", "must be more than 0 and at most 8784 (a year)"});
  }
  if (!(options.idle_minutes * 60 >= 1 && options.idle_minutes <= 60 * 24 * 366)) {
    problems.push_back({"--idle-minutes", "must be more than 0 and at most 527040 (a year)"});
  }
  if (options.throttle.per_account.free_failures < 1 || options.throttle.per_account.free_failures > 1000) {
    problems.push_back({"--sign-in-failures-per-account", "must be between 1 and 1000"});
  }
  if (options.throttle.per_address.free_failures < 1 || options.throttle.per_address.free_failures > 100000) {
    problems.push_back({"--sign-in-failures-per-address", "must be between 1 and 100000"});
  }
  if (!options.proxy_user_header.empty()) {
    if (!is_header_token(options.proxy_user_header)) {
      problems.push_back({"--trust-proxy-user-header",
                          "'" + options.proxy_user_header + "' is not a header name (letters, digits, '-')"});
    }
    // Without a proxy to trust, any client could name anyone in the header.
    if (options.trusted_proxies.empty()) {
      problems.push_back({"--trust-proxy-user-header",
                          "needs at least one --trusted-proxy (the address of the proxy that sets the header)"});
    }
  }
  if (auto proxies = TrustedProxies::parse(options.trusted_proxies); !proxies) {
    for (const core::Problem& problem : proxies.error().problems) problems.push_back(problem);
  }
  if (!problems.empty()) return core::invalid("invalid sign-in options", std::move(problems));
  return {};
}

}  // namespace trappa::web
