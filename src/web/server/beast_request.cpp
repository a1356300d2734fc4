#include "web/server/beast_request.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>
#include <vector>

#include <boost/url/parse.hpp>

namespace trappa::web {

Request to_request(const BeastRequest& message, const std::string& remote_address, std::string request_id) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  request.remote_address = remote_address;
  request.request_id = std::move(request_id);
  request.body = message.body();
  auto url = boost::urls::parse_origin_form(message.target());
  if (url) {
    request.path = std::string(url->path());
    for (const auto& parameter : url->params()) request.query[std::string(parameter.key)] = std::string(parameter.value);
  } else {
    // Not origin-form ("*", an absolute URL, bad escapes): kept as sent, so no route matches.
    request.path = std::string(message.target());
  }
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers[name] = std::string(field.value());
  }
  return request;
}

std::optional<FramingRefusal> transfer_encoding_refusal(const BeastRequest& message) {
  namespace http = boost::beast::http;
  const auto [first, last] = message.equal_range(http::field::transfer_encoding);
  const auto headers = std::distance(first, last);
  if (headers == 0) return std::nullopt;
  if (headers > 1) return FramingRefusal{400, "Bad request: more than one Transfer-Encoding header"};
  if (message.count(http::field::content_length) > 0) {
    return FramingRefusal{400, "Bad request: Transfer-Encoding together with Content-Length"};
  }
  if (message.version() < 11) return FramingRefusal{400, "Bad request: Transfer-Encoding in an HTTP/1.0 request"};
  // The comma-separated codings, without surrounding spaces and tabs, in lower case.
  std::vector<std::string> codings;
  const std::string_view value = first->value();
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find(',', start);
    if (end == std::string_view::npos) end = value.size();
    std::string_view coding = value.substr(start, end - start);
    while (!coding.empty() && (coding.front() == ' ' || coding.front() == '\t')) coding.remove_prefix(1);
    while (!coding.empty() && (coding.back() == ' ' || coding.back() == '\t')) coding.remove_suffix(1);
    std::string lowered(coding);
    for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    codings.push_back(std::move(lowered));
    start = end + 1;
  }
  for (const std::string& coding : codings) {
    if (coding.empty()) return FramingRefusal{400, "Bad request: an empty Transfer-Encoding coding"};
  }
  if (codings.back() != "chunked") {
    return FramingRefusal{400, "Bad request: the last Transfer-Encoding coding must be chunked"};
  }
  if (std::count(codings.begin(), codings.end(), "chunked") > 1) {
    return FramingRefusal{400, "Bad request: chunked may be applied only once"};
  }
  if (codings.size() > 1) {
    return FramingRefusal{501, "Not implemented: Transfer-Encoding '" + codings.front() + "'; only chunked is accepted"};
  }
  return std::nullopt;
}

}  // namespace trappa::web
