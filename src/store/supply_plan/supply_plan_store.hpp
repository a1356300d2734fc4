// Competence supply plans (issue 19, docs/supply-plan.md). The store keeps each plan as its
// JSON document (io/json/supply_plan_json.hpp, written and read by app/supply_plan) beside the
// columns a list filters by; it does not read the document. Part of the Store
// (store/store.hpp); the same rules hold: not thread-safe, driver errors returned as kStorage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "store/store.hpp"

namespace trappa::store {

struct StoredSupplyPlan {
  std::string id;
  std::string unit;
  std::string title;
  std::string state;  // draft, adopted, archived
  int period_from = 0;
  int period_to = 0;
  std::string previous{};
  std::string document{};  // the plan's JSON document, follow-ups included
  std::string updated_at{};
  std::string updated_by{};
};

class SupplyPlanStore {
 public:
  virtual ~SupplyPlanStore() = default;

  // Every plan without its document, by unit, then period, then id.
  [[nodiscard]] virtual core::Result<std::vector<StoredSupplyPlan>> list_supply_plans() = 0;
  // The plan with its document; nullopt when there is none with this id.
  [[nodiscard]] virtual core::Result<std::optional<StoredSupplyPlan>> load_supply_plan(const std::string& id) = 0;
  // Creates or replaces the plan (updated_at and updated_by are set here) and audits it in the
  // same transaction: `action` ("supply_plan.create" when the id is new, else the caller's
  // action, such as "supply_plan.update" or "supply_plan.follow_up") under subject the plan's
  // id, with `detail`. Returns whether the plan was new.
  [[nodiscard]] virtual core::Result<bool> save_supply_plan(const StoredSupplyPlan& plan, const std::string& action,
                                                            const std::string& detail, const Actor& actor) = 0;
};

}  // namespace trappa::store
