// Every capability's routes and pages, registered in one place.
#pragma once

#include <string>
#include <vector>

namespace trappa::web {

class Router;

// Calls each capability's register_<capability> once. Start-up only.
void register_routes(Router& router);

// The paths whose POST bodies are file uploads (ServerLimits::upload_paths): Importera's.
[[nodiscard]] std::vector<std::string> upload_paths();

}  // namespace trappa::web
