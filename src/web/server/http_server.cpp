#include "web/server/http_server.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "web/server/beast_request.hpp"

namespace trappa::web {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

core::Result<ListenAddress> parse_listen_address(const std::string& text) {
  ListenAddress address;
  std::string port_text = text;
  if (const auto colon = text.rfind(':'); colon != std::string::npos) {
    if (colon > 0) address.host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
  }
  unsigned int port = 0;
  const auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (error != std::errc{} || end != port_text.data() + port_text.size() || port == 0 || port > 65535) {
    return core::invalid("invalid --listen address", {{"--listen", "'" + text + "' is not HOST:PORT"}});
  }
  address.port = static_cast<unsigned short>(port);
  return address;
}

namespace {

class Session;

// State shared by the acceptor and every session; guarded where noted.
struct ServerState {
  ServerLimits limits;
  Handler handler;
  std::atomic<bool> stopping{false};
  std::atomic<std::uint64_t> request_counter{0};
  std::string instance_prefix;
  std::mutex sessions_mutex;                     // guards `sessions`
  std::set<std::shared_ptr<Session>> sessions;   // live connections, to close idle ones on stop
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, ServerState& state) : stream_(std::move(socket)), state_(state) {
    beast::error_code ignored;
    remote_ = stream_.socket().remote_endpoint(ignored).address().to_string(ignored);
  }

  void start() {
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read, shared_from_this()));
  }

  // Called on stop: a connection waiting for its next request is closed at once; one
  // handling a request closes after sending the response.
  void close_if_idle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) self->close();
    });
  }

 private:
  void read() {
    if (state_.stopping) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(state_.limits.max_header_bytes));
    // The header decides which limit applies (on_header); Beast compares a Content-Length with
    // the limit while it reads the header, so it starts at the larger one.
    parser_->body_limit(state_.limits.upload_paths.empty()
                            ? state_.limits.max_body_bytes
                            : std::max(state_.limits.max_body_bytes, state_.limits.max_upload_bytes));
    stream_.expires_after(first_request_ ? state_.limits.request_timeout
                                         : state_.limits.idle_timeout + state_.limits.request_timeout);
    busy_ = false;
    upload_ = false;
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  // An upload path gets the larger body limit before the body is read.
  void on_header(beast::error_code error, std::size_t bytes) {
    upload_ = is_upload();
    if (error) return on_read(error, bytes);
    const std::size_t limit = upload_ ? state_.limits.max_upload_bytes : state_.limits.max_body_bytes;
    if (const auto length = parser_->content_length(); length && *length > limit) {
      return on_read(http::error::body_limit, bytes);
    }
    parser_->body_limit(limit);  // a chunked body is counted as it comes
    if (upload_) stream_.expires_after(state_.limits.upload_timeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  // Whether the header read so far is a POST to an upload path (also when Beast refused the
  // body's length while reading the header: the request line is known by then).
  bool is_upload() const {
    const auto& header = parser_->get();
    const std::string_view target = header.target();
    const std::string_view path = target.substr(0, target.find('?'));
    const auto& uploads = state_.limits.upload_paths;
    return header.method() == http::verb::post && std::find(uploads.begin(), uploads.end(), path) != uploads.end();
  }

  void on_read(beast::error_code error, std::size_t) {
    first_request_ = false;
    if (error == http::error::end_of_stream || error == beast::error::timeout || error == net::error::operation_aborted ||
        error == net::error::connection_reset || error == net::error::bad_descriptor) {
      return close();
    }
    busy_ = true;
    if (error == http::error::body_limit && upload_) {
      const std::size_t megabytes = state_.limits.max_upload_bytes / (1024 * 1024);
      return reply_plain(413,
                         fmt::format("Filen är för stor: högst {0} MB får laddas upp.\n"
                                     "The file is too large: uploads may be at most {0} MB.",
                                     megabytes),
                         true);
    }
    if (error == http::error::body_limit) return reply_plain(413, "Request body too large", true);
    if (error == http::error::header_limit) return reply_plain(431, "Request headers too large", true);
    if (error) return reply_plain(400, "Malformed request", true);

    const auto& message = parser_->get();
    // Framing Beast would accept but read differently from a proxy in front (a body sent with
    // "Transfer-Encoding: gzip" would be parsed as the next request): refused, and the
    // connection closed so nothing after it is answered (docs/security-input.md).
    if (auto refusal = transfer_encoding_refusal(message)) {
      spdlog::warn("access remote={} refused: {}", remote_, refusal->reason);
      return reply_plain(refusal->status, refusal->reason, true);
    }
    const auto started = std::chrono::steady_clock::now();
    const std::string id = fmt::format("{}-{:06}", state_.instance_prefix, ++state_.request_counter);
    Response response;
    try {
      response = state_.handler(to_request(message, remote_, id));
    } catch (const std::exception& failure) {
      spdlog::error("request_id={} unhandled error: {}", id, failure.what());
      response = Response{500, "text/plain; charset=utf-8",
                          "Internal error. Quote request id " + id + " when you report it.\n", {}};
    }
    const double milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    spdlog::info("access request_id={} remote={} method={} path={} status={} bytes={} ms={:.2f}", id, remote_,
                 std::string(message.method_string()), std::string(message.target()), response.status,
                 response.body.size(), milliseconds);

    http::response<http::string_body> reply{static_cast<http::status>(response.status), message.version()};
    reply.set(http::field::server, "trappa");
    reply.set(http::field::content_type, response.content_type);
    reply.set("X-Request-Id", id);
    add_security_headers(reply);
    for (const auto& [name, value] : response.headers) reply.insert(name, value);
    reply.keep_alive(message.keep_alive() && !state_.stopping);
    if (message.method() == http::verb::head) {
      reply.content_length(response.body.size());
    } else {
      reply.body() = std::move(response.body);
      reply.prepare_payload();
    }
    send(std::move(reply));
  }

  static void add_security_headers(http::response<http::string_body>& reply) {
    reply.set("X-Content-Type-Options", "nosniff");
    reply.set("Referrer-Policy", "same-origin");
    reply.set("X-Frame-Options", "DENY");
    reply.set("Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  }

  void reply_plain(int status, std::string_view text, bool close_after) {
    http::response<http::string_body> reply{static_cast<http::status>(status), 11};
    reply.set(http::field::content_type, "text/plain; charset=utf-8");
    add_security_headers(reply);
    reply.body() = std::string(text) + "\n";
    reply.keep_alive(!close_after);
    reply.prepare_payload();
    send(std::move(reply));
  }

  void send(http::response<http::string_body>&& reply) {
    auto shared_reply = std::make_shared<http::response<http::string_body>>(std::move(reply));
    stream_.expires_after(state_.limits.request_timeout);
    http::async_write(stream_, *shared_reply,
                      [self = shared_from_this(), shared_reply](beast::error_code error, std::size_t) {
                        if (error || !shared_reply->keep_alive()) return self->close();
                        self->read();
                      });
  }

  void close() {
    if (closed_) return;
    closed_ = true;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
    std::lock_guard lock(state_.sessions_mutex);
    state_.sessions.erase(shared_from_this());
  }

  beast::tcp_stream stream_;
  ServerState& state_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string remote_;
  bool first_request_ = true;
  bool upload_ = false;  // the request in hand is a POST to an upload path
  bool busy_ = false;
  bool closed_ = false;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& context, ServerState& state) : context_(context), acceptor_(context), state_(state) {}

  core::Result<void> listen(const ListenAddress& address) {
    beast::error_code error;
    const auto ip = net::ip::make_address(address.host, error);
    if (error) return core::invalid("invalid --listen address", {{"--listen", "'" + address.host + "' is not an IP address"}});
    const tcp::endpoint endpoint{ip, address.port};
    acceptor_.open(endpoint.protocol(), error);
    if (!error) acceptor_.set_option(net::socket_base::reuse_address(true), error);
    if (!error) acceptor_.bind(endpoint, error);
    if (!error) acceptor_.listen(net::socket_base::max_listen_connections, error);
    if (error) {
      return core::fail(core::ErrorKind::kInternal,
                        fmt::format("cannot listen on {}:{}: {}", address.host, address.port, error.message()));
    }
    return {};
  }

  void accept() {
    acceptor_.async_accept(net::make_strand(context_), [self = shared_from_this()](beast::error_code error,
                                                                                   tcp::socket socket) {
      if (error) {
        if (error == net::error::operation_aborted) return;
        spdlog::warn("accept failed: {}", error.message());
      } else {
        auto session = std::make_shared<Session>(std::move(socket), self->state_);
        {
          std::lock_guard lock(self->state_.sessions_mutex);
          self->state_.sessions.insert(session);
        }
        session->start();
      }
      if (!self->state_.stopping) self->accept();
    });
  }

  void stop() {
    beast::error_code ignored;
    acceptor_.close(ignored);
  }

 private:
  net::io_context& context_;
  tcp::acceptor acceptor_;
  ServerState& state_;
};

}  // namespace

core::Result<void> run_http_server(const ListenAddress& address, int threads, const ServerLimits& limits,
                                   Handler handler, const std::function<void()>& on_ready) {
  const int thread_count = std::max(1, threads);
  net::io_context context{thread_count};
  ServerState state;
  state.limits = limits;
  state.handler = std::move(handler);
  state.instance_prefix = fmt::format("{:x}", static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count() & 0xffffff));

  auto listener = std::make_shared<Listener>(context, state);
  if (auto listening = listener->listen(address); !listening) return listening;
  listener->accept();

  net::signal_set signals(context, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int signal_number) {
    spdlog::info("signal {} received: finishing requests in flight and stopping", signal_number);
    state.stopping = true;
    listener->stop();
    std::vector<std::shared_ptr<Session>> open;
    {
      std::lock_guard lock(state.sessions_mutex);
      open.assign(state.sessions.begin(), state.sessions.end());
    }
    for (const auto& session : open) session->close_if_idle();
  });

  if (on_ready) on_ready();
  std::vector<std::thread> workers;
  for (int i = 1; i < thread_count; ++i) workers.emplace_back([&context] { context.run(); });
  context.run();
  for (std::thread& worker : workers) worker.join();
  return {};
}

}  // namespace trappa::web
