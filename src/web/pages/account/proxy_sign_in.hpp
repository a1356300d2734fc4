// Sign-in through a trusted reverse proxy (`trappa serve --trust-proxy-user-header NAME
// --trusted-proxy ADDRESS`): a city's single sign-on in front of Trappa names the signed-in
// person in a header, and Trappa starts a session for them without a password.
//
// The header counts only on a request whose socket peer is a trusted proxy; from any other
// address it is ignored (and logged), so a client cannot name someone by sending it. A
// session is started as for a password sign-in (new token, new CSRF token) and audited as
// "session.proxy_sign_in"; while the browser's session already belongs to the named person,
// nothing happens. A name that matches no account is answered 403. Thread-safe.
#pragma once

#include <optional>
#include <string>

#include "web/server/http_types.hpp"
#include "web/ui/texts.hpp"

namespace trappa::web {

struct AppContext;

struct ProxySignIn {
  std::optional<Response> refusal;  // answer this instead of routing (403, or 500 on a store failure)
  std::optional<Request> request;   // route this instead: the new session's cookie in place
  std::optional<std::string> set_cookie;  // add to the response: hands the new session over
};

// Looks at the request before it is routed. All members empty: route the request as it is.
[[nodiscard]] ProxySignIn proxy_sign_in(AppContext& app, const Request& request, Language language);

}  // namespace trappa::web
