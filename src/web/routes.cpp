// One line per capability: adding a page edits its own module and, for a new capability,
// adds its line here (docs/web.md, "Routes and the page table").
#include "web/routes.hpp"

#include "web/api/api_routes.hpp"
#include "web/pages/account/account_routes.hpp"
#include "web/pages/analytics/analytics_routes.hpp"
#include "web/pages/assessment/assessment_routes.hpp"
#include "web/pages/framework/framework_routes.hpp"
#include "web/pages/imports/imports_routes.hpp"
#include "web/pages/learning/learning_routes.hpp"
#include "web/pages/people/people_routes.hpp"
#include "web/pages/plans/plans_routes.hpp"
#include "web/pages/rounds/rounds_routes.hpp"
#include "web/pages/team/team_routes.hpp"
#include "web/pages/workforce/workforce_routes.hpp"
#include "web/ui/router.hpp"

namespace trappa::web {

void register_routes(Router& router) {
  register_account(router);
  register_assessment(router);
  register_team(router);
  register_plans(router);
  register_analytics(router);
  register_workforce(router);
  register_framework(router);
  register_rounds(router);
  register_people(router);
  register_learning(router);
  register_imports(router);
  register_api(router);
}

std::vector<std::string> upload_paths() { return {std::string(kImportUploadPath)}; }

}  // namespace trappa::web
