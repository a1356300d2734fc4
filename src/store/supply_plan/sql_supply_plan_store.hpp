// Supply plans over the shared SQL session (store/sql/sql_session.hpp), table supply_plans
// (migration 016). Internal to the store layer.
#pragma once

#include "store/sql/sql_session.hpp"
#include "store/supply_plan/supply_plan_store.hpp"

namespace trappa::store {

class SqlSupplyPlanStore final : public SupplyPlanStore, private SqlCapability {
 public:
  explicit SqlSupplyPlanStore(SqlSession& sql) : SqlCapability(sql) {}

  core::Result<std::vector<StoredSupplyPlan>> list_supply_plans() override;
  core::Result<std::optional<StoredSupplyPlan>> load_supply_plan(const std::string& id) override;
  core::Result<bool> save_supply_plan(const StoredSupplyPlan& plan, const std::string& action,
                                      const std::string& detail, const Actor& actor) override;
};

}  // namespace trappa::store
