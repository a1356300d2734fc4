// Personuppgifter: a person's audit history and data export: registers the capability's routes and page-table entries (router.hpp).
// Called once at start-up by register_routes (web/routes.hpp).
#pragma once

namespace trappa::web {

class Router;

void register_people(Router& router);

}  // namespace trappa::web
