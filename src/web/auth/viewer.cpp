#include "web/auth/viewer.hpp"

namespace trappa::web {

PersonAccess access_to_person(const app::Directory& directory, const Viewer& viewer, std::uint32_t person) {
  if (viewer.is_observer()) return PersonAccess::kNone;
  const core::Person& subject = directory.people()[person];
  if (viewer.is_hr() && directory.in_subtree(subject, viewer.scope())) return PersonAccess::kManage;
  if (person == viewer.person_index) return PersonAccess::kNone;
  if (directory.is_manager_of(viewer.person_index, person, true)) return PersonAccess::kManage;
  if (directory.is_manager_of(viewer.person_index, person, false)) return PersonAccess::kRead;
  return PersonAccess::kNone;
}

void grant_manager_overview(Viewer& viewer, bool enabled) {
  viewer.manager_overview = enabled && viewer.manages_anyone && !viewer.is_hr() && !viewer.is_observer() &&
                            viewer.person != nullptr && !viewer.person->unit_code.empty();
}

}  // namespace trappa::web
