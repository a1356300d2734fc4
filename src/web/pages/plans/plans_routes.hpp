// Min utvecklingsplan and a report's plan on the manager's side: registers the capability's
// routes and page-table entry (router.hpp). Called once at start-up by register_routes
// (web/routes.hpp).
#pragma once

namespace trappa::web {

class Router;

void register_plans(Router& router);

}  // namespace trappa::web
