// Rounds and assessments in the store, on SQLite and PostgreSQL alike (see test_store.hpp).
#include <gtest/gtest.h>

#include "app/published/snapshot_loader.hpp"
#include "core/analytics/gap_query.hpp"
#include "demo/rounds.hpp"
#include "io/json/framework_json.hpp"
#include "store/assessment/round_store.hpp"
#include "store/audit/audit_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/org/organisation_store.hpp"
#include "test_store.hpp"

namespace trappa {
namespace {

using testing::MigratedStoreTest;

const store::Actor kActor{"test"};

class StoreRounds : public MigratedStoreTest {
 protected:
  void SetUp() override {
    MigratedStoreTest::SetUp();
    if (HasFatalFailure()) return;
    auto framework = io::read_framework_file(std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json");
    ASSERT_TRUE(framework.has_value()) << framework.error().describe();
    framework_ = *framework;
    ASSERT_TRUE(store().frameworks().save_framework(framework_, kActor).has_value());
    ASSERT_TRUE(store().organisation().save_units({{"KF", "Kulturförvaltningen", "", core::UnitKind::kAdministration},
                                    {"KF-BIB", "Stadsbiblioteket", "KF", core::UnitKind::kDepartment}},
                                   kActor).has_value());
    ASSERT_TRUE(store().organisation().save_people({{"E1", "Åsa Chef", "", core::Gender::kWoman, 1970, "KF-BIB", "chef", "", {}},
                                     {"E2", "Örjan Bibliotekarie", "", core::Gender::kMan, 1985, "KF-BIB",
                                      "bibliotekarie", "E1", {}}},
                                    kActor).has_value());
    ASSERT_TRUE(store().rounds().create_round({"2026", framework_.id, 1, "KF", "2026-01-12", "2026-12-18",
                                      core::RoundState::kDraft}, kActor).has_value());
    ASSERT_TRUE(store().rounds().set_round_state("2026", core::RoundState::kOpen, kActor).has_value());
  }

  static core::Assessment sample_assessment() {
    core::Assessment assessment;
    assessment.round = "2026";
    assessment.employee_id = "E2";
    assessment.status = core::AssessmentStatus::kConversationHeld;
    assessment.self_assessed_at = "2026-02-01T09:00:00Z";
    assessment.conversation_at = "2026-03-01T14:00:00Z";
    assessment.ratings = {{"1.1", 2, 3, "E1", "2026-03-01T14:00:00Z"}, {"1.2", 4, std::nullopt, "", ""}};
    assessment.motivation = {{"1", 5}, {"2", 3}};
    assessment.priorities = {"2.1", "1.1"};
    assessment.notes = "Vill lära mig mer om öppna data; \"citat\" & tecken.";
    return assessment;
  }

  core::Framework framework_;
};

TEST_F(StoreRounds, a_round_comes_back_with_its_pinned_revision_scope_and_state) {
  auto rounds = store().rounds().list_rounds();
  ASSERT_TRUE(rounds.has_value());
  ASSERT_EQ(rounds->size(), 1u);
  EXPECT_EQ(rounds->front(), (core::Round{"2026", "digital-kompetens", 1, "KF", "2026-01-12", "2026-12-18",
                                          core::RoundState::kOpen}));
}

TEST_F(StoreRounds, a_second_round_with_the_same_name_is_refused) {
  auto created = store().rounds().create_round({"2026", framework_.id, 1, "", "", "", core::RoundState::kDraft}, kActor);
  ASSERT_FALSE(created.has_value());
  EXPECT_EQ(created.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(created.error().message, "a round named '2026' already exists");
}

TEST_F(StoreRounds, rounds_only_move_forward) {
  auto reopened = store().rounds().set_round_state("2026", core::RoundState::kDraft, kActor);
  ASSERT_FALSE(reopened.has_value());
  EXPECT_EQ(reopened.error().message, "round '2026' is open; it cannot become draft");
}

TEST_F(StoreRounds, an_assessment_comes_back_exactly_as_saved) {
  const core::Assessment saved = sample_assessment();
  ASSERT_TRUE(store().rounds().save_assessment(saved, kActor).has_value());
  auto loaded = store().rounds().load_assessment("2026", "E2");
  ASSERT_TRUE(loaded.has_value()) << loaded.error().describe();
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ(**loaded, saved);
  auto all = store().rounds().load_assessments("2026");
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front(), saved);
}

TEST_F(StoreRounds, saving_again_replaces_ratings_and_audits_old_and_new_values) {
  ASSERT_TRUE(store().rounds().save_assessment(sample_assessment(), kActor).has_value());
  core::Assessment changed = sample_assessment();
  changed.ratings = {{"1.1", 2, 4, "E1", "2026-03-02T10:00:00Z"}};
  changed.motivation = {{"1", 4}};
  changed.priorities = {};
  ASSERT_TRUE(store().rounds().save_assessment(changed, kActor).has_value());
  auto loaded = store().rounds().load_assessment("2026", "E2");
  ASSERT_TRUE(loaded.has_value() && loaded->has_value());
  EXPECT_EQ(**loaded, changed);

  auto audit = store().audit().load_audit("E2");
  ASSERT_TRUE(audit.has_value());
  ASSERT_EQ(audit->size(), 3u);  // the person's creation by the fixture's import, then two saves
  EXPECT_EQ(audit->front().action, "person.create");
  EXPECT_EQ(audit->back().action, "assessment.save");
  EXPECT_EQ(audit->back().actor, "test");
  EXPECT_EQ(audit->back().detail, "round 2026: 1.1 agreed 3→4; 1.2 removed; motivation 1 5→4; priorities [2.1,1.1]→[]");
}

TEST_F(StoreRounds, a_closed_round_refuses_writes_and_keeps_what_it_had) {
  ASSERT_TRUE(store().rounds().save_assessment(sample_assessment(), kActor).has_value());
  ASSERT_TRUE(store().rounds().set_round_state("2026", core::RoundState::kClosed, kActor).has_value());
  core::Assessment changed = sample_assessment();
  changed.ratings.front().agreed_level = 5;
  auto refused = store().rounds().save_assessment(changed, kActor);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(refused.error().message, "round '2026' is closed; its assessments can no longer change");
  auto bulk = store().rounds().save_assessments("2026", {changed}, kActor);
  ASSERT_FALSE(bulk.has_value());
  EXPECT_EQ(bulk.error().kind, core::ErrorKind::kConflict);
  auto loaded = store().rounds().load_assessment("2026", "E2");
  ASSERT_TRUE(loaded.has_value() && loaded->has_value());
  EXPECT_EQ(**loaded, sample_assessment());
}

TEST_F(StoreRounds, a_failed_bulk_save_leaves_no_assessment_behind) {
  core::Assessment unknown_person = sample_assessment();
  unknown_person.employee_id = "E999";
  auto refused = store().rounds().save_assessments("2026", {sample_assessment(), unknown_person}, kActor);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kStorage);
  auto all = store().rounds().load_assessments("2026");
  ASSERT_TRUE(all.has_value());
  EXPECT_TRUE(all->empty());
}

TEST_F(StoreRounds, the_snapshot_from_the_store_counts_the_saved_levels) {
  ASSERT_TRUE(store().rounds().save_assessment(sample_assessment(), kActor).has_value());
  auto organisation = app::load_organisation(store());
  ASSERT_TRUE(organisation.has_value());
  auto snapshot = app::load_gap_snapshot(store(), "2026", *organisation);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().describe();
  EXPECT_EQ((*snapshot)->people(), 2u);
  auto report = core::run_gap_query(**snapshot, {});
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->assessed, 1u);
  const core::CompetencyFigures& first = report->competencies.front();
  EXPECT_EQ(first.code, "1.1");
  EXPECT_EQ(first.rated, 1u);
  EXPECT_EQ(first.mean_level, 3.0);  // the agreed level, not the self level 2
}

TEST_F(StoreRounds, demo_assessments_survive_a_bulk_round_trip) {
  auto people = store().organisation().load_people();
  ASSERT_TRUE(people.has_value());
  const std::vector<bool> everyone(people->size(), true);
  std::vector<core::Assessment> demo;
  for (std::uint64_t seed = 1; demo.empty() && seed < 50; ++seed) {
    demo = demo::build_demo_assessments(framework_, *people, everyone, 0, people->size(), 1, seed);
  }
  ASSERT_FALSE(demo.empty());
  ASSERT_TRUE(store().rounds().save_assessments("2026", demo, kActor).has_value());
  auto loaded = store().rounds().load_assessments("2026");
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(*loaded, demo);
}

}  // namespace
}  // namespace trappa

namespace trappa {
namespace {

// Issue 13, "Who has not started": the reminders sent are stored, so the per-round limit holds
// on every node and after a restart, and every batch is audited under the round and each person.
class StoreReminders : public StoreRounds {};

TEST_F(StoreReminders, a_batch_is_stored_and_audited_under_the_round_and_each_person) {
  auto none = store().rounds().load_reminders("2026");
  ASSERT_TRUE(none.has_value()) << none.error().describe();
  EXPECT_TRUE(none->empty());
  ASSERT_TRUE(store().rounds().record_reminders("2026", {"E2", "E1"}, "2026-12-04T07:00:00Z", 1'796'367'600,
                                                store::Actor{"E9"}).has_value());
  ASSERT_TRUE(store().rounds().record_reminders("2026", {"E2"}, "2026-12-05T07:00:00Z", 1'796'454'000,
                                                store::Actor{"E9"}).has_value());
  auto sent = store().rounds().load_reminders("2026");
  ASSERT_TRUE(sent.has_value()) << sent.error().describe();
  EXPECT_EQ(*sent, (std::vector<core::SentReminder>{{"2026", "E1", "2026-12-04T07:00:00Z", 1'796'367'600, "E9"},
                                                    {"2026", "E2", "2026-12-04T07:00:00Z", 1'796'367'600, "E9"},
                                                    {"2026", "E2", "2026-12-05T07:00:00Z", 1'796'454'000, "E9"}}));
  auto round_trail = store().audit().load_audit("2026");
  ASSERT_TRUE(round_trail.has_value());
  std::vector<std::string> details;
  for (const core::AuditEntry& entry : *round_trail) {
    if (entry.action == "round.reminders") details.push_back(entry.actor + " " + entry.detail);
  }
  EXPECT_EQ(details, (std::vector<std::string>{"E9 2 reminder e-mails sent: E2, E1", "E9 1 reminder e-mail sent: E2"}));
  auto person_trail = store().audit().load_audit("E2");
  ASSERT_TRUE(person_trail.has_value());
  std::size_t reminded = 0;
  for (const core::AuditEntry& entry : *person_trail) reminded += entry.action == "reminder.sent" ? 1 : 0;
  EXPECT_EQ(reminded, 2u);
}

TEST_F(StoreReminders, an_empty_batch_writes_nothing_and_an_unknown_round_is_refused) {
  ASSERT_TRUE(store().rounds().record_reminders("2026", {}, "2026-12-04T07:00:00Z", 1, kActor).has_value());
  auto trail = store().audit().load_audit("2026");
  ASSERT_TRUE(trail.has_value());
  for (const core::AuditEntry& entry : *trail) EXPECT_NE(entry.action, "round.reminders");
  auto unknown = store().rounds().record_reminders("2099", {"E2"}, "2026-12-04T07:00:00Z", 1, kActor);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, core::ErrorKind::kNotFound);
  auto stored = store().rounds().load_reminders("2099");
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(stored->empty());
}

}  // namespace
}  // namespace trappa
