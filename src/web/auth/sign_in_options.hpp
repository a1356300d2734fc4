// How people sign in and how long they stay signed in: the `trappa serve` options of
// docs/web.md, "Sign-in and sessions". Plain values; validate() checks them before the
// server starts.
#pragma once

#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "web/auth/sign_in_throttle.hpp"

namespace trappa::web {

struct SignInOptions {
  double session_hours = 8;    // --session-hours: a session ends this long after sign-in
  double idle_minutes = 60;    // --idle-minutes: ... or this long after its last request
  bool secure_cookies = false;  // --secure-cookies: always mark cookies Secure
  // --trust-proxy-user-header: the header ("X-Remote-User") in which a trusted reverse proxy
  // names the signed-in person; empty: no sign-in through a proxy.
  std::string proxy_user_header;
  std::vector<std::string> trusted_proxies;  // --trusted-proxy: addresses or CIDR ranges
  SignInThrottleOptions throttle;            // --sign-in-failures-per-account / -per-address
};

// Errors name the option: a lifetime out of range, a proxy header without any
// --trusted-proxy, an unparseable address or range, a header name that is no token.
[[nodiscard]] core::Result<void> validate(const SignInOptions& options);

}  // namespace trappa::web
