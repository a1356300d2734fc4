// Units and people over the shared SQL session (store/sql/sql_session.hpp). Internal to the store layer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/org/organisation_store.hpp"
#include "store/sql/sql_session.hpp"

namespace trappa::store {

class SqlOrganisationStore final : public OrganisationStore, private SqlCapability {
 public:
  explicit SqlOrganisationStore(SqlSession& sql) : SqlCapability(sql) {}

  core::Result<std::vector<core::Unit>> load_units() override;
  core::Result<std::vector<core::Person>> load_people() override;
  core::Result<void> save_units(const std::vector<core::Unit>& units, const Actor& actor) override;
  core::Result<void> save_people(const std::vector<core::Person>& people, const Actor& actor) override;
};

}  // namespace trappa::store
