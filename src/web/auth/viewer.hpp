// Who is asking, and what they may see. Every page and API handler decides access here,
// server-side, from the signed-in account and the organisation data.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/access/account.hpp"
#include "core/org/org.hpp"
#include "app/published/directory.hpp"

namespace trappa::web {

struct Viewer {
  core::Account account;
  std::uint32_t person_index = 0;      // into app::Directory::people()
  const core::Person* person = nullptr;  // owned by the app::Directory, which outlives requests
  std::string csrf_token;
  std::string session_digest;
  // How long the session lasts without another request (its stored idle deadline, never past
  // its absolute end), as of this request: pages warn before it ends (issue 13, item 1).
  std::chrono::seconds session_left{0};
  bool manages_anyone = false;         // someone's manager_id names this person
  // Set per request when `trappa serve --manager-overview` is on and the person manages
  // someone (grant_manager_overview): the overview and key figures of their own unit.
  bool manager_overview = false;

  [[nodiscard]] bool is_hr() const {
    return account.role == core::AccountRole::kHr || account.role == core::AccountRole::kAdmin;
  }
  [[nodiscard]] bool is_observer() const { return account.role == core::AccountRole::kObserver; }
  // Aggregated figures of the organisation (Översikt, Nyckeltal, the API's gap analytics and
  // key figures): HR, administrators, observers, and managers with --manager-overview.
  [[nodiscard]] bool sees_overview() const { return is_hr() || is_observer() || manager_overview; }
  // Whether those figures are shown with small groups suppressed (docs/analytics.md, "Small
  // groups"): for everyone but HR and administrators.
  [[nodiscard]] bool suppressed_aggregates() const { return !is_hr(); }
  // The subtree whose aggregates the viewer sees: HR's scope (everything for administrators
  // and observers without a scope), a manager's own unit.
  [[nodiscard]] std::string aggregate_scope() const {
    if (manager_overview && !is_hr() && !is_observer()) return person != nullptr ? person->unit_code : std::string{};
    return scope();
  }
  // HR's subtree; administrators see everything.
  [[nodiscard]] std::string scope() const {
    return account.role == core::AccountRole::kAdmin ? std::string{} : account.scope_unit;
  }
};

// What a viewer may do with another person's assessment.
enum class PersonAccess {
  kNone,    // not even that the assessment exists (answer 404)
  kRead,    // an indirect manager
  kManage,  // the direct manager, or HR with the person in scope: may agree levels
};

// The person's own assessment is reached through "Min skattning", never through this rule:
// for the viewer's own index it answers kNone unless the viewer is HR.
[[nodiscard]] PersonAccess access_to_person(const app::Directory& directory, const Viewer& viewer, std::uint32_t person);

// Lets a manager see the overview and key figures of their own unit (with small groups
// suppressed) when the server runs with --manager-overview.
void grant_manager_overview(Viewer& viewer, bool enabled);

}  // namespace trappa::web
