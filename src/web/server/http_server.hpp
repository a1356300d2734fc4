// An asynchronous HTTP/1.1 server on Boost.Beast.
//
// Runs `threads` I/O threads over one io_context. Keeps connections alive, and bounds what a
// client can hold: header size, body size, time to send a request, idle time between
// requests. On SIGINT/SIGTERM it stops accepting, lets requests in flight finish, and returns.
// The handler is called from I/O threads concurrently and must be thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "web/server/http_types.hpp"
#include "web/server/multipart.hpp"

namespace trappa::web {

struct ServerLimits {
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  // Paths (without the query) whose POST bodies are file uploads, allowed up to
  // max_upload_bytes; a larger upload is answered 413 with the limit in the message.
  std::vector<std::string> upload_paths{};
  std::size_t max_upload_bytes = kMaxUploadBytes;
  std::chrono::seconds upload_timeout{300};  // to receive one whole upload (50 MB at 1.4 Mbit/s)
  std::chrono::seconds request_timeout{15};  // to receive one whole request
  std::chrono::seconds idle_timeout{30};     // between requests on a kept-alive connection
};

struct ListenAddress {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
};

// Parses "HOST:PORT" (or ":PORT", or "PORT"); an error names the parameter.
[[nodiscard]] core::Result<ListenAddress> parse_listen_address(const std::string& text);

using Handler = std::function<Response(const Request&)>;

// Serves until a stop signal arrives. `on_ready` is called once the socket listens.
[[nodiscard]] core::Result<void> run_http_server(const ListenAddress& address, int threads, const ServerLimits& limits,
                                                 Handler handler, const std::function<void()>& on_ready);

}  // namespace trappa::web
