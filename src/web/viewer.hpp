// Who is asking, and what they may see. Every page and API handler decides access here,
// server-side, from the signed-in account and the organisation data.
#pragma once

#include <cstdint>
#include <string>

#include "core/account.hpp"
#include "core/org.hpp"
#include "web/directory.hpp"

namespace trappa::web {

struct Viewer {
  core::Account account;
  std::uint32_t person_index = 0;      // into Directory::people()
  const core::Person* person = nullptr;  // owned by the Directory, which outlives requests
  std::string csrf_token;
  std::string session_digest;
  bool manages_anyone = false;         // someone's manager_id names this person

  [[nodiscard]] bool is_hr() const {
    return account.role == core::AccountRole::kHr || account.role == core::AccountRole::kAdmin;
  }
  [[nodiscard]] bool is_observer() const { return account.role == core::AccountRole::kObserver; }
  // Aggregated figures of the organisation: HR, administrators and observers.
  [[nodiscard]] bool sees_overview() const { return is_hr() || is_observer(); }
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
[[nodiscard]] PersonAccess access_to_person(const Directory& directory, const Viewer& viewer, std::uint32_t person);

// Smallest group observers may see figures of.
inline constexpr std::size_t kObserverMinGroup = 5;

}  // namespace trappa::web
