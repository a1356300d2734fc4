#include "web/server/http_util.hpp"

#include <cctype>

#include <boost/url/params_view.hpp>

namespace trappa::web {

FormData FormData::parse(std::string_view body) {
  FormData form;
  try {
    boost::urls::encoding_opts options;
    options.space_as_plus = true;
    // Boost.URL 1.81's parse_query measures its input with strlen (found by fuzzing), reading
    // past the end of a view that no NUL follows; a std::string always has one.
    const std::string terminated(body);
    const boost::urls::params_view params(terminated, options);
    for (const auto& param : params) form.fields_.emplace_back(param.key, param.value);
  } catch (const std::exception&) {
    form.fields_.clear();
  }
  return form;
}

std::string FormData::get(std::string_view key) const {
  for (const auto& [name, value] : fields_) {
    if (name == key) return value;
  }
  return {};
}

bool FormData::has(std::string_view key) const {
  for (const auto& field : fields_) {
    if (field.first == key) return true;
  }
  return false;
}

std::vector<std::string> FormData::all(std::string_view key) const {
  std::vector<std::string> values;
  for (const auto& [name, value] : fields_) {
    if (name == key) values.push_back(value);
  }
  return values;
}

std::string header(const Request& request, std::string_view lower_case_name) {
  auto found = request.headers.find(std::string(lower_case_name));
  return found == request.headers.end() ? std::string{} : found->second;
}

std::map<std::string, std::string> parse_cookies(const Request& request) {
  std::map<std::string, std::string> cookies;
  const std::string text = header(request, "cookie");
  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t end = text.find(';', position);
    if (end == std::string::npos) end = text.size();
    std::string_view pair(text.data() + position, end - position);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (const auto equals = pair.find('='); equals != std::string_view::npos) {
      cookies.emplace(std::string(pair.substr(0, equals)), std::string(pair.substr(equals + 1)));
    }
    position = end + 1;
  }
  return cookies;
}

bool is_secure_request(const Request& request) {
  return header(request, "x-forwarded-proto") == "https";
}

std::string cookie_header(std::string_view name, std::string_view value, bool secure, CookieLifetime lifetime,
                          long max_age_seconds) {
  std::string cookie = std::string(name) + "=" + std::string(value) + "; Path=/; HttpOnly; SameSite=Lax";
  if (secure) cookie += "; Secure";
  if (lifetime == CookieLifetime::kExpired) cookie += "; Max-Age=0";
  if (lifetime == CookieLifetime::kPersistent) cookie += "; Max-Age=" + std::to_string(max_age_seconds);
  return cookie;
}

Response redirect_to(std::string location) {
  Response response;
  response.status = 303;
  response.content_type = "text/plain; charset=utf-8";
  response.body = "See " + location + "\n";
  response.headers.emplace_back("Location", std::move(location));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

std::string query_value(const Request& request, std::string_view name) {
  auto found = request.query.find(std::string(name));
  return found == request.query.end() ? std::string() : found->second;
}

Response json_response(int status, std::string body) {
  return Response{status, "application/json; charset=utf-8", std::move(body), {{"Cache-Control", "no-store"}}};
}

Response html_response(int status, std::string body) {
  return Response{status, "text/html; charset=utf-8", std::move(body), {{"Cache-Control", "no-store"}}};
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 15];
    }
  }
  return encoded;
}

std::string html_escape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\'': escaped += "&#39;"; break;
      default: escaped += c;
    }
  }
  return escaped;
}

std::string grouped_number(std::size_t value) {
  const std::string digits = std::to_string(value);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += "\u202f";
    grouped += digits[i];
  }
  return grouped;
}

}  // namespace trappa::web
