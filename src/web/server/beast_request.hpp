// Turning a request that Boost.Beast has parsed into the application's Request.
//
// Shared by the HTTP server and the HTTP fuzz target (tests/fuzz), so that the fuzzer drives
// the same conversion as a socket does.
#pragma once

#include <optional>
#include <string>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "web/server/http_types.hpp"

namespace trappa::web {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Method, target, decoded path and query, headers (names in lower case) and body.
[[nodiscard]] Request to_request(const BeastRequest& message, const std::string& remote_address, std::string request_id);

// A request whose framing Trappa will not trust, answered with `status` and `reason` and
// then the connection closed, so nothing after it on that connection is read as a request.
struct FramingRefusal {
  int status = 400;
  std::string reason;
};

// Transfer-Encoding as RFC 9112 (6.1, 6.3) wants it for a request: absent, or one header
// whose codings end in a single `chunked`. Beast treats any other Transfer-Encoding
// ("gzip", "chunked, gzip") as a request without body and would parse the body as the next
// request on the connection (the request-smuggling shape). Refused with 400: two
// Transfer-Encoding headers, Transfer-Encoding together with Content-Length, on HTTP/1.0, an
// empty coding, or codings whose last is not one `chunked`; with 501: a coding other than
// chunked (gzip, deflate, anything) before the final chunked, which Trappa does not decode.
[[nodiscard]] std::optional<FramingRefusal> transfer_encoding_refusal(const BeastRequest& message);

}  // namespace trappa::web
