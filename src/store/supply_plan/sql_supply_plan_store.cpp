#include "store/supply_plan/sql_supply_plan_store.hpp"

#include <soci/soci.h>

#include <fmt/format.h>

#include "store/sql/row_scan.hpp"

namespace trappa::store {

namespace {

constexpr std::string_view kColumns =
    "id, unit_code, title, state, period_from, period_to, previous, updated_at, updated_by";

StoredSupplyPlan plan_of(const RowScan& row) {
  StoredSupplyPlan plan;
  plan.id = row.text(0);
  plan.unit = row.text(1);
  plan.title = row.text(2);
  plan.state = row.text(3);
  plan.period_from = static_cast<int>(row.integer(4));
  plan.period_to = static_cast<int>(row.integer(5));
  plan.previous = row.text(6);
  plan.updated_at = row.text(7);
  plan.updated_by = row.text(8);
  return plan;
}

}  // namespace

core::Result<std::vector<StoredSupplyPlan>> SqlSupplyPlanStore::list_supply_plans() {
  return guarded("reading the supply plans", [&]() -> core::Result<std::vector<StoredSupplyPlan>> {
    std::vector<StoredSupplyPlan> plans;
    const std::string sql = fmt::format("SELECT {} FROM supply_plans ORDER BY unit_code, period_from, id", kColumns);
    for (auto row = scan(sql); row->next();) plans.push_back(plan_of(*row));
    return plans;
  });
}

core::Result<std::optional<StoredSupplyPlan>> SqlSupplyPlanStore::load_supply_plan(const std::string& id) {
  return guarded("reading a supply plan", [&]() -> core::Result<std::optional<StoredSupplyPlan>> {
    const std::string sql = fmt::format("SELECT {}, document FROM supply_plans WHERE id = $1", kColumns);
    auto row = scan(sql, {id});
    if (!row->next()) return std::nullopt;
    StoredSupplyPlan plan = plan_of(*row);
    plan.document = row->text(9);
    return plan;
  });
}

core::Result<bool> SqlSupplyPlanStore::save_supply_plan(const StoredSupplyPlan& plan, const std::string& action,
                                                        const std::string& detail, const Actor& actor) {
  return guarded("saving a supply plan", [&]() -> core::Result<bool> {
    WriteTransaction transaction(*session_, *dialect_);
    int existing = 0;
    *session_ << "SELECT COUNT(*) FROM supply_plans WHERE id = :id", soci::use(plan.id), soci::into(existing);
    const std::string now = utc_timestamp_now();
    if (existing == 0) {
      *session_ << "INSERT INTO supply_plans (id, unit_code, title, state, period_from, period_to, previous, "
                   "document, updated_at, updated_by) VALUES (:id, :unit, :title, :state, :from, :to, :previous, "
                   ":document, :at, :by)",
          soci::use(plan.id), soci::use(plan.unit), soci::use(plan.title), soci::use(plan.state),
          soci::use(plan.period_from), soci::use(plan.period_to), soci::use(plan.previous), soci::use(plan.document),
          soci::use(now), soci::use(actor.name);
    } else {
      *session_ << "UPDATE supply_plans SET unit_code = :unit, title = :title, state = :state, period_from = :from, "
                   "period_to = :to, previous = :previous, document = :document, updated_at = :at, "
                   "updated_by = :by WHERE id = :id",
          soci::use(plan.unit), soci::use(plan.title), soci::use(plan.state), soci::use(plan.period_from),
          soci::use(plan.period_to), soci::use(plan.previous), soci::use(plan.document), soci::use(now),
          soci::use(actor.name), soci::use(plan.id);
    }
    const bool created = existing == 0;
    append_audit_in_transaction(
        {now, actor.name, created ? "supply_plan.create" : action, plan.id, detail + actor.where(plan.id)});
    transaction.commit();
    return created;
  });
}

}  // namespace trappa::store
