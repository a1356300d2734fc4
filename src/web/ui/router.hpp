// The router: which handler answers a method and a path, and the page table that the
// navigation and the home page's tiles are drawn from.
//
// Contract:
// - Built once at start-up (each capability's register_<capability>(Router&), see
//   web/routes.hpp), immutable afterwards: match() and pages() are const and may be called
//   from every request thread at once without locking. add() is not thread-safe and must not
//   be called once requests are served.
// - A pattern is an absolute path of segments; a segment "{name}" matches exactly one
//   non-empty segment (no '/') of the decoded path and binds it to `name`. Anything else must
//   match literally. Empty segments count: "/team/" does not match "/team" nor
//   "/team/{employee_id}". Where several patterns match a path, the one with a literal at the
//   first segment where they differ is tried first for the method.
// - A route registered for GET also answers HEAD (the server drops the body).
// - match() says kNotFound when no pattern matches the path, kMethodNotAllowed with `allow`
//   (every method registered for the patterns matching the path, plus HEAD where GET is, in
//   the order GET, HEAD, POST, PUT, DELETE, PATCH) when some pattern matches but none for
//   this method. It never throws.
// - add() throws std::logic_error for a malformed pattern or a method registered twice for
//   the same pattern: both are programming errors found when the server starts.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "web/server/http_types.hpp"
#include "web/ui/page_table.hpp"

namespace trappa::web {

struct AppContext;
struct PageRequest;

enum class Method { kGet, kPost, kPut, kDelete, kPatch };

// Who may reach a route. kSignedIn routes are answered only after the viewer is known (the
// application redirects visitors to the sign-in page or refuses their writes); kPublic routes
// (sign-in, sign-out) are reached without a session.
enum class Access { kSignedIn, kPublic };

// The parameters a pattern bound, by name: "/team/{employee_id}" on "/team/E1" gives
// employee_id = "E1".
class RouteParams {
 public:
  void set(std::string name, std::string value) { values_[std::move(name)] = std::move(value); }
  // The value bound to `name`; empty when the pattern has no such parameter.
  [[nodiscard]] const std::string& get(std::string_view name) const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// Handlers may read and change the page request (the viewer), and read the application.
using Handler = std::function<Response(AppContext& app, PageRequest& page, const RouteParams& params)>;

struct RouteMatch {
  enum class Outcome { kFound, kNotFound, kMethodNotAllowed };
  Outcome outcome = Outcome::kNotFound;
  const Handler* handler = nullptr;  // kFound: points into the router, valid while it lives
  RouteParams params;                // kFound
  Access access = Access::kSignedIn;  // kFound and kMethodNotAllowed: of the matched path
  std::string allow;                 // kMethodNotAllowed: "GET, HEAD, POST"
};

class Router {
 public:
  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Registers `handler` for `method` on `pattern`. Start-up only.
  void add(Method method, std::string_view pattern, Handler handler, Access access = Access::kSignedIn);
  void get(std::string_view pattern, Handler handler, Access access = Access::kSignedIn) {
    add(Method::kGet, pattern, std::move(handler), access);
  }
  void post(std::string_view pattern, Handler handler, Access access = Access::kSignedIn) {
    add(Method::kPost, pattern, std::move(handler), access);
  }
  void put(std::string_view pattern, Handler handler, Access access = Access::kSignedIn) {
    add(Method::kPut, pattern, std::move(handler), access);
  }

  // `method` as sent ("GET", "HEAD", ...); `path` decoded, without the query.
  [[nodiscard]] RouteMatch match(std::string_view method, std::string_view path) const;

  // The navigation and home tiles; capabilities add their entries while registering.
  [[nodiscard]] PageTable& pages() { return pages_; }
  [[nodiscard]] const PageTable& pages() const { return pages_; }

 private:
  struct Route;
  std::vector<std::unique_ptr<Route>> routes_;  // one per pattern, in registration order
  PageTable pages_;
};

}  // namespace trappa::web
