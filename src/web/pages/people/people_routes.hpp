// Personuppgifter: a person's audit history and data export: registers the capability's routes and page-table entries (router.hpp).
// Called once at start-up by register_routes (web/routes.hpp).
#pragma once

namespace trappa::web {

class Router;

void register_people(Router& router);
// Personer: HR's person search (people_search_page.cpp).
void register_people_search(Router& router);

}  // namespace trappa::web
