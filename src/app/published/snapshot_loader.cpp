#include "app/published/snapshot_loader.hpp"
#include "store/assessment/round_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/org/organisation_store.hpp"

namespace trappa::app {

core::Result<OrganisationData> load_organisation(store::Store& store) {
  ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
  ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
  OrganisationData data;
  data.tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(units));
  data.people = std::move(people);
  data.employee_ids.reserve(data.people.size());
  for (const core::Person& person : data.people) data.employee_ids.push_back(person.employee_id);
  return data;
}

core::Result<std::shared_ptr<const core::GapSnapshot>> load_gap_snapshot(store::Store& store, const std::string& round,
                                                                        const OrganisationData& organisation) {
  ASSIGN_OR_RETURN(auto stored_round, store.rounds().load_round(round));
  if (!stored_round) return core::fail(core::ErrorKind::kNotFound, "no round named '" + round + "'");
  ASSIGN_OR_RETURN(auto framework, store.frameworks().load_framework(stored_round->framework_id, stored_round->framework_revision));
  if (!framework) {
    return core::fail(core::ErrorKind::kNotFound,
                      "the round's framework '" + stored_round->framework_id + "' is missing from the store");
  }
  ASSIGN_OR_RETURN(auto facts, store.rounds().load_round_facts(round, organisation.employee_ids, framework->framework));
  return core::GapSnapshot::build(*stored_round, framework->framework, organisation.tree, organisation.people, facts);
}

}  // namespace trappa::app
