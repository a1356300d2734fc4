#include "web/viewer.hpp"

namespace trappa::web {

PersonAccess access_to_person(const Directory& directory, const Viewer& viewer, std::uint32_t person) {
  if (viewer.is_observer()) return PersonAccess::kNone;
  const core::Person& subject = directory.people()[person];
  if (viewer.is_hr() && directory.in_subtree(subject, viewer.scope())) return PersonAccess::kManage;
  if (person == viewer.person_index) return PersonAccess::kNone;
  if (directory.is_manager_of(viewer.person_index, person, true)) return PersonAccess::kManage;
  if (directory.is_manager_of(viewer.person_index, person, false)) return PersonAccess::kRead;
  return PersonAccess::kNone;
}

}  // namespace trappa::web
