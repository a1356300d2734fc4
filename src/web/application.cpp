#include "web/application.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/org.hpp"
#include "store/store.hpp"
#include "web/start_page.hpp"

namespace trappa::web {

struct Application::State {
  ApplicationOptions options;
  StartPageModel start_page;
};

Application::Application(std::unique_ptr<State> state) : state_(std::move(state)) {}
Application::~Application() = default;

core::Result<std::unique_ptr<Application>> Application::load(store::Store& store, const ApplicationOptions& options) {
  auto units = store.load_units();
  if (!units) return std::unexpected(units.error());
  auto people = store.load_people();
  if (!people) return std::unexpected(people.error());
  auto state = std::make_unique<State>();
  state->options = options;
  state->start_page = build_start_page_model(*units, *people, options.organisation_name);
  return std::unique_ptr<Application>(new Application(std::move(state)));
}

Response Application::handle(const Request& request) const {
  if (request.path == "/healthz" || request.path == "/readyz") {
    return {200, "text/plain; charset=utf-8", "ok\n", {{"Cache-Control", "no-store"}}};
  }
  if (request.method != "GET" && request.method != "HEAD") {
    return {405, "text/plain; charset=utf-8", "Method not allowed\n", {{"Allow", "GET, HEAD"}}};
  }
  if (request.path == "/") {
    return {200, "text/html; charset=utf-8", render_start_page(state_->start_page), {}};
  }
  return {404, "text/html; charset=utf-8", render_not_found_page(state_->options.organisation_name, request.path), {}};
}

}  // namespace trappa::web
