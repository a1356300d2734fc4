// The checks every request passes before a route sees it, and the last check on every
// response: the doors of the web application (docs/security-input.md). Pure functions;
// thread-safe.
//
// - The target must be origin-form ("/path?query") with valid %-escapes, and its decoded
//   path and query must be UTF-8 without control characters: 400 otherwise.
// - A form post (every POST outside /api) must be application/x-www-form-urlencoded (415),
//   decode cleanly, and hold UTF-8 without control characters other than tab and line ends
//   in every name and value (400, naming the field).
// - A response header never carries CR, LF or NUL, whatever a route put in it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "web/server/http_types.hpp"

namespace trappa::web {

// Why the request target cannot be accepted (for logs), or nullopt when it can.
[[nodiscard]] std::optional<std::string> target_problem(const Request& request);

// Whether the body is declared as application/x-www-form-urlencoded (parameters allowed).
[[nodiscard]] bool is_form_body(const Request& request);
// Whether the body is multipart/form-data (file uploads, web/server/multipart.hpp).
[[nodiscard]] bool is_multipart_body(const Request& request);

// A form body that cannot be accepted: `field` is the name of the offending field, or empty
// when the body cannot be decoded at all (or the name itself is the problem).
struct FormProblem {
  std::string field;
  std::string what;  // for logs
};
[[nodiscard]] std::optional<FormProblem> form_problem(std::string_view body);

// A path of this site to redirect to, built from a decoded path: every segment
// percent-encoded (so no CR, LF, backslash or '?' survives) and never starting with "//",
// which a browser would read as another host.
[[nodiscard]] std::string local_location(std::string_view decoded_path);

// Whether every extra header of the response is free of CR, LF and NUL.
[[nodiscard]] bool headers_are_safe(const Response& response);

}  // namespace trappa::web
