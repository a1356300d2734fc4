// Small helpers over Request and Response: cookies, form bodies, redirects, escaping.
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/server/http_types.hpp"

namespace trappa::web {

// A decoded application/x-www-form-urlencoded body. Keys may repeat (checkboxes).
class FormData {
 public:
  // Undecodable input yields an empty form (a request from no form of ours).
  [[nodiscard]] static FormData parse(std::string_view body);

  [[nodiscard]] std::string get(std::string_view key) const;  // first value, or ""
  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] std::vector<std::string> all(std::string_view key) const;
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Cookies of the request by name (the first of duplicates wins).
[[nodiscard]] std::map<std::string, std::string> parse_cookies(const Request& request);
[[nodiscard]] std::string header(const Request& request, std::string_view lower_case_name);
// The value of the query parameter `name`, or empty when the query has none.
[[nodiscard]] std::string query_value(const Request& request, std::string_view name);

// Whether the client reached us over TLS (directly or through a proxy that says so).
[[nodiscard]] bool is_secure_request(const Request& request);

enum class CookieLifetime { kSession, kPersistent, kExpired };
// A Set-Cookie value: Path=/, HttpOnly, SameSite=Lax, Secure when `secure`.
[[nodiscard]] std::string cookie_header(std::string_view name, std::string_view value, bool secure,
                                        CookieLifetime lifetime, long max_age_seconds = 0);

// 303 See Other to `location` (a path on this site).
[[nodiscard]] Response redirect_to(std::string location);
[[nodiscard]] Response json_response(int status, std::string body);
[[nodiscard]] Response html_response(int status, std::string body);

// Percent-encodes a query value (space as %20).
[[nodiscard]] std::string url_encode(std::string_view text);
// Escapes &, <, >, " and ' for HTML text and attribute values.
[[nodiscard]] std::string html_escape(std::string_view text);

// Swedish thousands separator (narrow no-break space): "50 000".
[[nodiscard]] std::string grouped_number(std::size_t value);

}  // namespace trappa::web
