// Supply plans in the store (store/supply_plan/supply_plan_store.hpp) through their use cases
// (app/supply_plan), on SQLite and PostgreSQL: a plan comes back as saved after reopening
// (the document byte for byte, the list's columns), each save is audited, a plan whose unit
// does not exist is refused with $.unit named and nothing written, and a follow-up is
// frozen, audited and refused the second time.
#include <gtest/gtest.h>

#include "app/supply_plan/supply_plan_use_case.hpp"
#include "core/org/org.hpp"
#include "io/json/supply_plan_json.hpp"
#include "store/audit/audit_store.hpp"
#include "store/org/organisation_store.hpp"
#include "store/supply_plan/supply_plan_store.hpp"
#include "test_store.hpp"

namespace trappa::testing {
namespace {

using SupplyPlanStoreTest = MigratedStoreTest;

core::supply::SupplyPlan small_plan() {
  auto plan = io::parse_supply_plan(R"({"format": "trappa-supply-plan", "version": 1,
    "id": "KF-2025-2027", "unit": "KF", "title": "Kulturförvaltningens plan – åäö", "period": {"from": 2025, "to": 2027},
    "previous": "KF-2024-2026", "state": "draft",
    "analysis": {"key_figures_at": "2024-10-31", "mission": "Kultur åt alla", "needs_short_term": ["Bibliotekarier"]},
    "risks": [{"risk": "Pensioner", "likelihood": 3, "consequence": 4, "measure": "Kunskapsöverföring"}],
    "goals": [{"title": "Mål 1", "activities": [
      {"code": "A1", "title": "Mentorskap", "ubara": "behalla", "target_date": "2026-12-31", "responsible": "Hr-enheten",
       "status": "ongoing", "carry_over": true},
      {"code": "A2", "title": "Avveckling", "ubara": "avveckla", "start_date": "2026-01-01", "target_date": "2027-06-30",
       "responsible": "Chef"}]}],
    "follow_ups": [{"activity": "A1", "checkpoint": "VB", "year": 2024, "status": "ongoing", "comment": "Påbörjad",
                    "value": null, "frozen_at": ""}]})",
                                    "plan.json");
  EXPECT_TRUE(plan.has_value()) << plan.error().describe();
  return *plan;
}

void save_units(store::Store& store) {
  auto saved = store.organisation().save_units({{"STAD", "Staden", "", core::UnitKind::kUnit},
                                                {"KF", "Kulturförvaltningen", "STAD", core::UnitKind::kUnit}},
                                               store::Actor{"test"});
  ASSERT_TRUE(saved.has_value()) << saved.error().describe();
}

TEST_F(SupplyPlanStoreTest, a_plan_comes_back_as_saved_after_reopening_and_each_save_is_audited) {
  save_units(store());
  const core::supply::SupplyPlan plan = small_plan();
  auto created = app::save_supply_plan(store(), plan, "supply_plan.import", store::Actor{"cli:hr"});
  ASSERT_TRUE(created.has_value()) << created.error().describe();
  EXPECT_TRUE(*created);
  reopen();
  auto list = app::list_supply_plans(store());
  ASSERT_TRUE(list.has_value()) << list.error().describe();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().id, "KF-2025-2027");
  EXPECT_EQ(list->front().unit, "KF");
  EXPECT_EQ(list->front().state, "draft");
  EXPECT_EQ(list->front().period_from, 2025);
  EXPECT_EQ(list->front().period_to, 2027);
  EXPECT_EQ(list->front().previous, "KF-2024-2026");
  EXPECT_EQ(list->front().updated_by, "cli:hr");
  auto loaded = app::load_supply_plan(store(), "KF-2025-2027");
  ASSERT_TRUE(loaded.has_value()) << loaded.error().describe();
  EXPECT_EQ(io::write_supply_plan_json(*loaded), io::write_supply_plan_json(plan));
  EXPECT_EQ(loaded->title, "Kulturförvaltningens plan – åäö");

  auto replaced = app::save_supply_plan(store(), *loaded, "supply_plan.import", store::Actor{"cli:hr"});
  ASSERT_TRUE(replaced.has_value()) << replaced.error().describe();
  EXPECT_FALSE(*replaced);
  auto trail = store().audit().load_audit("KF-2025-2027");
  ASSERT_TRUE(trail.has_value());
  ASSERT_EQ(trail->size(), 2u);
  EXPECT_EQ((*trail)[0].action, "supply_plan.create");
  EXPECT_EQ((*trail)[1].action, "supply_plan.import");
  EXPECT_EQ((*trail)[1].detail, "KF 2025–2027 draft: 2 activities, 0 indicators, 1 follow-ups");
  EXPECT_EQ(app::load_supply_plan(store(), "NONE").error().kind, core::ErrorKind::kNotFound);
}

TEST_F(SupplyPlanStoreTest, a_plan_whose_unit_does_not_exist_is_refused_naming_the_unit_and_nothing_is_written) {
  auto refused = app::save_supply_plan(store(), small_plan(), "supply_plan.import", store::Actor{"cli:hr"}, "plan.json");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kInvalidInput);
  ASSERT_EQ(refused.error().problems.size(), 1u);
  EXPECT_EQ(refused.error().problems[0].where, "plan.json: $.unit");
  EXPECT_TRUE(store().supply_plans().list_supply_plans().value().empty());
}

TEST_F(SupplyPlanStoreTest, a_follow_up_is_recorded_once_per_checkpoint_and_year) {
  save_units(store());
  ASSERT_TRUE(app::save_supply_plan(store(), small_plan(), "supply_plan.import", store::Actor{"cli:hr"}).has_value());
  const core::Date day{std::chrono::year(2025), std::chrono::May, std::chrono::day(2)};
  auto added = app::follow_up_supply_plan(store(), "KF-2025-2027", core::supply::Checkpoint::kT1, 2025, day,
                                          "2025-05-02T08:00:00Z", store::Actor{"cli:hr"});
  ASSERT_TRUE(added.has_value()) << added.error().describe();
  ASSERT_EQ(added->size(), 2u);
  EXPECT_EQ((*added)[0].status, core::supply::ShownStatus::kOngoing);  // set by hand
  EXPECT_EQ((*added)[1].status, core::supply::ShownStatus::kPlanned);  // starts in 2026
  auto again = app::follow_up_supply_plan(store(), "KF-2025-2027", core::supply::Checkpoint::kT1, 2025, day,
                                          "2025-05-03T08:00:00Z", store::Actor{"cli:hr"});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().kind, core::ErrorKind::kConflict);
  auto loaded = app::load_supply_plan(store(), "KF-2025-2027");
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->follow_ups.size(), 3u);
  auto trail = store().audit().load_audit("KF-2025-2027");
  ASSERT_TRUE(trail.has_value());
  EXPECT_EQ(trail->back().action, "supply_plan.follow_up");
}

}  // namespace
}  // namespace trappa::testing
