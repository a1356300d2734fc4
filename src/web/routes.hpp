// Every capability's routes and pages, registered in one place.
#pragma once

namespace trappa::web {

class Router;

// Calls each capability's register_<capability> once. Start-up only.
void register_routes(Router& router);

}  // namespace trappa::web
