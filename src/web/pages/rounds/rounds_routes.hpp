// Omgångar: registers the capability's routes and page-table entries (router.hpp).
// Called once at start-up by register_routes (web/routes.hpp).
#pragma once

namespace trappa::web {

class Router;

void register_rounds(Router& router);
// Ej påbörjade: who has not started a round, its downloads and reminders (not_started_page.cpp).
// Called by register_rounds.
void register_not_started(Router& router);

}  // namespace trappa::web
