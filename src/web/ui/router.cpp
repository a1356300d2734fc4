#include "web/ui/router.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>

namespace trappa::web {

namespace {

constexpr std::array<std::pair<Method, std::string_view>, 5> kMethodNames{
    {{Method::kGet, "GET"}, {Method::kPost, "POST"}, {Method::kPut, "PUT"}, {Method::kDelete, "DELETE"},
     {Method::kPatch, "PATCH"}}};

std::optional<Method> parse_method(std::string_view name) {
  if (name == "HEAD") return Method::kGet;  // HEAD is GET without the body
  for (const auto& [method, text] : kMethodNames) {
    if (text == name) return method;
  }
  return std::nullopt;
}

// "/a/b/" -> "a", "b", "" (empty segments are kept: they are part of the address).
std::vector<std::string_view> split_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') return segments;
  path.remove_prefix(1);
  if (path.empty()) return segments;  // "/" has no segments
  std::size_t start = 0;
  while (true) {
    const std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) {
      segments.push_back(path.substr(start));
      return segments;
    }
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

const std::string& RouteParams::get(std::string_view name) const {
  static const std::string kEmpty;
  auto found = values_.find(name);
  return found == values_.end() ? kEmpty : found->second;
}

struct Router::Route {
  struct Segment {
    std::string text;  // the literal, or the parameter's name
    bool parameter = false;
  };
  std::string pattern;
  std::vector<Segment> segments;
  Access access = Access::kSignedIn;
  std::map<Method, Handler> handlers;

  [[nodiscard]] bool matches(const std::vector<std::string_view>& path) const {
    if (path.size() != segments.size()) return false;
    for (std::size_t i = 0; i < path.size(); ++i) {
      if (segments[i].parameter ? path[i].empty() : path[i] != segments[i].text) return false;
    }
    return true;
  }
  // Literal segments before parameters, compared from the first segment on.
  [[nodiscard]] bool more_specific_than(const Route& other) const {
    for (std::size_t i = 0; i < segments.size() && i < other.segments.size(); ++i) {
      if (segments[i].parameter != other.segments[i].parameter) return !segments[i].parameter;
    }
    return false;
  }
};

Router::Router() = default;
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::add(Method method, std::string_view pattern, Handler handler, Access access) {
  if (!handler) throw std::logic_error("route " + std::string(pattern) + " has no handler");
  if (pattern.empty() || pattern.front() != '/') throw std::logic_error("route pattern must start with '/': " + std::string(pattern));
  std::vector<Route::Segment> segments;
  for (std::string_view segment : split_segments(pattern)) {
    if (segment.empty()) throw std::logic_error("route pattern has an empty segment: " + std::string(pattern));
    const bool parameter = segment.front() == '{' && segment.back() == '}' && segment.size() > 2;
    if (!parameter && (segment.find('{') != std::string_view::npos || segment.find('}') != std::string_view::npos)) {
      throw std::logic_error("route pattern segment must be a literal or a whole {name}: " + std::string(pattern));
    }
    segments.push_back({std::string(parameter ? segment.substr(1, segment.size() - 2) : segment), parameter});
  }
  auto existing = std::find_if(routes_.begin(), routes_.end(), [&](const auto& route) { return route->pattern == pattern; });
  if (existing == routes_.end()) {
    auto route = std::make_unique<Route>();
    route->pattern = std::string(pattern);
    route->segments = std::move(segments);
    route->access = access;
    routes_.push_back(std::move(route));
    existing = routes_.end() - 1;
  } else if ((*existing)->access != access) {
    throw std::logic_error("route " + std::string(pattern) + " registered with two kinds of access");
  }
  if (!(*existing)->handlers.emplace(method, std::move(handler)).second) {
    throw std::logic_error("route " + std::string(pattern) + " registered twice for one method");
  }
}

RouteMatch Router::match(std::string_view method_name, std::string_view path) const {
  RouteMatch result;
  const std::vector<std::string_view> segments = split_segments(path);
  if (path.empty() || path.front() != '/') return result;
  std::vector<const Route*> candidates;
  for (const auto& route : routes_) {
    if (route->matches(segments)) candidates.push_back(route.get());
  }
  if (candidates.empty()) return result;
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Route* a, const Route* b) { return a->more_specific_than(*b); });
  const std::optional<Method> method = parse_method(method_name);
  if (method) {
    for (const Route* route : candidates) {
      auto found = route->handlers.find(*method);
      if (found == route->handlers.end()) continue;
      result.outcome = RouteMatch::Outcome::kFound;
      result.handler = &found->second;
      result.access = route->access;
      for (std::size_t i = 0; i < segments.size(); ++i) {
        if (route->segments[i].parameter) result.params.set(route->segments[i].text, std::string(segments[i]));
      }
      return result;
    }
  }
  result.outcome = RouteMatch::Outcome::kMethodNotAllowed;
  result.access = candidates.front()->access;
  for (const auto& [registered, text] : kMethodNames) {
    const bool any = std::any_of(candidates.begin(), candidates.end(),
                                 [&](const Route* route) { return route->handlers.contains(registered); });
    if (!any) continue;
    if (!result.allow.empty()) result.allow += ", ";
    result.allow += text;
    if (registered == Method::kGet) result.allow += ", HEAD";
  }
  return result;
}

}  // namespace trappa::web
