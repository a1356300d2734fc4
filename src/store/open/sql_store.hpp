// The Store over SQL: one connection (SqlSession) and the capabilities built on it. Store::open
// makes one; nothing else constructs it. A new capability adds its member and accessor here.
#pragma once

#include <memory>

#include "store/access/sql_access_store.hpp"
#include "store/assessment/sql_round_store.hpp"
#include "store/audit/sql_audit_store.hpp"
#include "store/changes/sql_change_feed.hpp"
#include "store/framework/sql_framework_store.hpp"
#include "store/learning/sql_learning_store.hpp"
#include "store/maturity/sql_survey_store.hpp"
#include "store/org/sql_organisation_store.hpp"
#include "store/people/sql_personal_data_store.hpp"
#include "store/settings/sql_settings_store.hpp"
#include "store/maturity/sql_maturity_store.hpp"
#include "store/sql/sql_session.hpp"
#include "store/supply_plan/sql_supply_plan_store.hpp"
#include "store/store.hpp"
#include "store/workforce/sql_employment_store.hpp"

namespace trappa::store {

class SqlStore final : public Store, private SqlCapability {
 public:
  SqlStore(std::unique_ptr<Dialect> dialect, std::unique_ptr<soci::session> session);

  std::string_view backend_name() const override;
  core::Result<int> migrate() override;
  core::Result<int> schema_version() override;

  OrganisationStore& organisation() override { return organisation_; }
  EmploymentStore& employments() override { return employments_; }
  FrameworkStore& frameworks() override { return frameworks_; }
  RoundStore& rounds() override { return rounds_; }
  AccessStore& access() override { return access_; }
  AuditStore& audit() override { return audit_; }
  LearningStore& learning() override { return learning_; }
  SettingsStore& settings() override { return settings_; }
  MaturityStore& maturity() override { return maturity_; }
  SupplyPlanStore& supply_plans() override { return supply_plans_; }
  SurveyStore& surveys() override { return surveys_; }
  PersonalDataStore& personal_data() override { return personal_data_; }
  ChangeFeed& changes() override { return changes_; }

 private:
  // The session is constructed first and destroyed last: every capability refers to it.
  struct Connection {
    SqlSession sql;
  };
  SqlStore(std::unique_ptr<Connection> connection);

  std::unique_ptr<Connection> connection_;
  SqlOrganisationStore organisation_;
  SqlEmploymentStore employments_;
  SqlFrameworkStore frameworks_;
  SqlRoundStore rounds_;
  SqlAccessStore access_;
  SqlAuditStore audit_;
  SqlLearningStore learning_;
  SqlSettingsStore settings_;
  SqlMaturityStore maturity_;
  SqlSupplyPlanStore supply_plans_;
  SqlSurveyStore surveys_;
  SqlPersonalDataStore personal_data_;
  SqlChangeFeed changes_;
};

}  // namespace trappa::store
