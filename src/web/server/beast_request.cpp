#include "web/server/beast_request.hpp"

#include <cctype>

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

}  // namespace trappa::web
