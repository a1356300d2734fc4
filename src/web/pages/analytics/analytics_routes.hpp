// Översikt and its CSV: registers the capability's routes and page-table entries (router.hpp).
// Called once at start-up by register_routes (web/routes.hpp).
#pragma once

namespace trappa::web {

class Router;

void register_analytics(Router& router);

}  // namespace trappa::web
