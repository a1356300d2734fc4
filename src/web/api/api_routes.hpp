// /api/v1 (docs/openapi.yaml): registers the API's endpoints (router.hpp). Called once at
// start-up by register_routes (web/routes.hpp). API routes answer JSON, errors included.
#pragma once

namespace trappa::web {

class Router;

void register_api(Router& router);
// /api/v1/learning/stats and /api/v1/people/{id}/recommendations (learning_api.cpp).
void register_learning_api(Router& router);
void register_plans_api(Router& router);
// POST and GET /api/v1/xapi/statements, HTTP Basic authentication of API clients (xapi_api.cpp).
void register_xapi_api(Router& router);

}  // namespace trappa::web
