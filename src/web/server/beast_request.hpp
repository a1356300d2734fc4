// Turning a request that Boost.Beast has parsed into the application's Request.
//
// Shared by the HTTP server and the HTTP fuzz target (tests/fuzz), so that the fuzzer drives
// the same conversion as a socket does.
#pragma once

#include <string>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "web/server/http_types.hpp"

namespace trappa::web {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Method, target, decoded path and query, headers (names in lower case) and body.
[[nodiscard]] Request to_request(const BeastRequest& message, const std::string& remote_address, std::string request_id);

}  // namespace trappa::web
