// Nyckeltal and Prognos with their CSVs: registers the capability's routes and page-table entries (router.hpp).
// Called once at start-up by register_routes (web/routes.hpp).
#pragma once

namespace trappa::web {

class Router;

void register_workforce(Router& router);
// Prognos and /prognos.csv (forecast_page.cpp); register_workforce calls it.
void register_forecast(Router& router);

}  // namespace trappa::web
