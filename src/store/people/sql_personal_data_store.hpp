// Personal-data rights over the shared SQL session (store/sql/sql_session.hpp). Internal to the store layer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/assessment/sql_round_store.hpp"
#include "store/people/personal_data_store.hpp"
#include "store/sql/sql_session.hpp"

namespace trappa::store {

class SqlPersonalDataStore final : public PersonalDataStore, private SqlCapability {
 public:
  // Reads assessments through `rounds`, which must outlive it.
  SqlPersonalDataStore(SqlSession& sql, SqlRoundStore& rounds) : SqlCapability(sql), rounds_(rounds) {}

  core::Result<std::vector<AuditEntry>> load_person_audit(const std::string& employee_id) override;
  core::Result<std::optional<core::PersonRecord>> load_person_record(const std::string& employee_id) override;
  core::Result<ErasureSummary> erase_person(const std::string& employee_id, const Actor& actor) override;

 private:
  std::vector<AuditEntry> read_person_audit(const std::string& employee_id);
  SqlRoundStore& rounds_;
};

}  // namespace trappa::store
