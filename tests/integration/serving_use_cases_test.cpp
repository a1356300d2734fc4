// The use cases the web pages call instead of the store (app/serving/services.hpp): frameworks,
// round administration, personal data, accounts, stored sessions and the access log, over a
// real store on SQLite and PostgreSQL alike (see test_store.hpp), through the connection pool
// the Services open, as the web application uses them.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "app/access/password.hpp"
#include "app/serving/services.hpp"
#include "core/base/clock.hpp"
#include "person_fixture.hpp"
#include "store/assessment/round_store.hpp"
#include "store/audit/audit_store.hpp"
#include "store/learning/learning_store.hpp"

namespace trappa {
namespace {

using namespace std::chrono_literals;

class ServingUseCases : public testing::PersonStoreTest {
 protected:
  void SetUp() override {
    PersonStoreTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(app::initialise_crypto().has_value());
    app::ServicesOptions options;
    options.database = location();
    options.store_connections = 2;
    options.min_group = 5;
    options.clock = &clock_;
    auto opened = app::Services::open(store(), options);
    ASSERT_TRUE(opened.has_value()) << opened.error().describe();
    services_ = std::move(*opened);
  }

  void TearDown() override {
    services_.reset();  // its connections close before the database goes
    PersonStoreTest::TearDown();
  }

  // E2's audit history as the Personuppgifter page reads it.
  std::vector<core::AuditEntry> history_of_e2() {
    auto history = services_->personal_data->history("E2");
    EXPECT_TRUE(history.has_value()) << history.error().describe();
    return history.value_or(std::vector<core::AuditEntry>{});
  }

  // Later than anything the fixture or the store stamps with the system clock, so the entries
  // the use cases stamp come last in the history, which is ordered by time.
  core::FixedClock clock_{std::chrono::sys_days{std::chrono::year{2099} / 12 / 3} + 8h + 15min};
  std::unique_ptr<app::Services> services_;
};

TEST_F(ServingUseCases, the_catalogue_lists_the_frameworks_and_gives_the_latest_revision) {
  auto listed = services_->frameworks->list();
  ASSERT_TRUE(listed.has_value()) << listed.error().describe();
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().id, framework_.id);
  EXPECT_EQ(listed->front().revision, 1);

  auto latest = services_->frameworks->latest(framework_.id);
  ASSERT_TRUE(latest.has_value()) << latest.error().describe();
  ASSERT_TRUE(latest->has_value());
  EXPECT_EQ((*latest)->revision, 1);
  EXPECT_EQ((*latest)->framework.name, framework_.name);

  auto missing = services_->frameworks->latest("no-such-framework");
  ASSERT_TRUE(missing.has_value()) << missing.error().describe();
  EXPECT_FALSE(missing->has_value());
}

TEST_F(ServingUseCases, a_created_round_pins_the_latest_revision_and_is_published_as_a_draft) {
  auto created = services_->published()->round_administration->create(
      app::NewRound{"2027", framework_.id, "KF-BIB", "2027-01-11", "2027-12-17"}, "E1");
  ASSERT_TRUE(created.has_value()) << created.error().describe();
  EXPECT_FALSE(created->not_published.has_value());

  const auto view = services_->published()->rounds->find("2027");
  ASSERT_NE(view, nullptr);
  EXPECT_EQ(view->round.framework_id, framework_.id);
  EXPECT_EQ(view->round.framework_revision, 1);
  EXPECT_EQ(view->round.scope_unit, "KF-BIB");
  EXPECT_EQ(view->round.opens, "2027-01-11");
  EXPECT_EQ(view->round.closes, "2027-12-17");
  EXPECT_EQ(view->round.state, core::RoundState::kDraft);
  auto audit = store().audit().load_audit("2027");
  ASSERT_TRUE(audit.has_value()) << audit.error().describe();
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->front().action, "round.create");
  EXPECT_EQ(audit->front().actor, "E1");
}

TEST_F(ServingUseCases, a_round_is_refused_for_a_taken_name_or_an_unknown_framework_and_nothing_changes) {
  const auto before = services_->published()->rounds->rounds()->size();
  auto taken = services_->published()->round_administration->create(app::NewRound{"2026", framework_.id, "", "", ""}, "E1");
  ASSERT_FALSE(taken.has_value());
  EXPECT_EQ(taken.error().kind, core::ErrorKind::kConflict);

  auto unknown = services_->published()->round_administration->create(app::NewRound{"2028", "no-such-framework", "", "", ""}, "E1");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(services_->published()->rounds->find("2028"), nullptr);
  EXPECT_EQ(services_->published()->rounds->rounds()->size(), before);
  auto stored = store().rounds().load_round("2028");
  ASSERT_TRUE(stored.has_value()) << stored.error().describe();
  EXPECT_FALSE(stored->has_value());
}

TEST_F(ServingUseCases, rounds_move_forward_only_and_each_move_is_published) {
  ASSERT_TRUE(services_->published()->round_administration->create(app::NewRound{"2027", framework_.id, "", "", ""}, "E1"));
  // 2026 is open for the same framework (docs: the confirmation is tested below).
  auto opened = services_->published()->round_administration->change_state("2027", core::RoundState::kOpen, "E1", clock_.today(), app::OpeningConfirmation::kConfirmed);
  ASSERT_TRUE(opened.has_value()) << opened.error().describe();
  EXPECT_FALSE(opened->unconfirmed.has_value());
  EXPECT_EQ(services_->published()->rounds->find("2027")->round.state, core::RoundState::kOpen);

  auto closed = services_->published()->round_administration->change_state("2027", core::RoundState::kClosed, "E1", clock_.today(), app::OpeningConfirmation::kNotConfirmed);
  ASSERT_TRUE(closed.has_value()) << closed.error().describe();
  EXPECT_EQ(services_->published()->rounds->find("2027")->round.state, core::RoundState::kClosed);

  auto back = services_->published()->round_administration->change_state("2027", core::RoundState::kOpen, "E1", clock_.today(), app::OpeningConfirmation::kNotConfirmed);
  ASSERT_FALSE(back.has_value());
  EXPECT_EQ(back.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(services_->published()->rounds->find("2027")->round.state, core::RoundState::kClosed);

  auto unknown = services_->published()->round_administration->change_state("1999", core::RoundState::kOpen, "E1", clock_.today(), app::OpeningConfirmation::kNotConfirmed);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, core::ErrorKind::kNotFound);
}

TEST_F(ServingUseCases, an_export_is_recorded_before_it_is_handed_out) {
  const auto before = history_of_e2().size();
  auto exported = services_->personal_data->export_record("E2", "E1", "trappa-person-export version 1 in a test");
  ASSERT_TRUE(exported.has_value()) << exported.error().describe();
  ASSERT_TRUE(exported->has_value());
  const app::PersonExport& handed_out = **exported;
  EXPECT_EQ(handed_out.record.person.employee_id, "E2");
  const core::AuditEntry expected{"2099-12-03T08:15:00Z", "E1", "person.export", "E2",
                                  "trappa-person-export version 1 in a test"};
  EXPECT_EQ(handed_out.recorded, expected);
  ASSERT_FALSE(handed_out.record.audit.empty());
  EXPECT_EQ(handed_out.record.audit.back(), expected);

  const auto after = history_of_e2();
  ASSERT_EQ(after.size(), before + 1);
  EXPECT_EQ(after.back(), expected);
}

TEST_F(ServingUseCases, an_unknown_person_has_no_history_and_no_export_is_recorded) {
  auto history = services_->personal_data->history("E404");
  ASSERT_FALSE(history.has_value());
  EXPECT_EQ(history.error().kind, core::ErrorKind::kNotFound);

  auto exported = services_->personal_data->export_record("E404", "E1", "test");
  ASSERT_TRUE(exported.has_value()) << exported.error().describe();
  EXPECT_FALSE(exported->has_value());
  auto audit = store().audit().load_audit("E404");
  ASSERT_TRUE(audit.has_value()) << audit.error().describe();
  EXPECT_TRUE(audit->empty());
}

TEST_F(ServingUseCases, a_changed_password_is_stored_hashed_and_clears_the_one_time_flag) {
  auto found = services_->accounts->find("E2");
  ASSERT_TRUE(found.has_value()) << found.error().describe();
  ASSERT_TRUE(found->has_value());
  core::Account account = **found;
  account.must_change_password = true;

  auto changed = services_->accounts->change_password(account, "ett nytt långt lösenord", "E2");
  ASSERT_TRUE(changed.has_value()) << changed.error().describe();
  EXPECT_FALSE(changed->must_change_password);
  EXPECT_TRUE(app::verify_password("ett nytt långt lösenord", changed->password_hash));

  auto stored = services_->accounts->find("E2");
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  EXPECT_EQ(**stored, *changed);
  const auto history = history_of_e2();
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back().action, "account.update");
  EXPECT_EQ(history.back().actor, "E2");
  EXPECT_EQ(history.back().detail.find(changed->password_hash), std::string::npos);

  auto nobody = services_->accounts->find("E1");
  ASSERT_TRUE(nobody.has_value()) << nobody.error().describe();
  EXPECT_FALSE(nobody->has_value());
}

TEST_F(ServingUseCases, a_stored_session_is_found_with_its_account_extended_and_ended) {
  auto found = services_->session_records->find("digest-of-e2");
  ASSERT_TRUE(found.has_value()) << found.error().describe();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->record.employee_id, "E2");
  EXPECT_EQ((*found)->record.csrf_token, "csrf-e2");
  EXPECT_EQ((*found)->account.employee_id, "E2");

  auto extended = services_->session_records->extend("digest-of-e2", "2999-06-01T00:00:00Z");
  ASSERT_TRUE(extended.has_value()) << extended.error().describe();
  EXPECT_TRUE(*extended);
  EXPECT_EQ((*services_->session_records->find("digest-of-e2"))->record.expires_at, "2999-06-01T00:00:00Z");

  ASSERT_TRUE(services_->session_records->end("digest-of-e2").has_value());
  auto gone = services_->session_records->find("digest-of-e2");
  ASSERT_TRUE(gone.has_value()) << gone.error().describe();
  EXPECT_FALSE(gone->has_value());
  auto not_brought_back = services_->session_records->extend("digest-of-e2", "2999-07-01T00:00:00Z");
  ASSERT_TRUE(not_brought_back.has_value()) << not_brought_back.error().describe();
  EXPECT_FALSE(*not_brought_back);
  EXPECT_TRUE(services_->session_records->end("digest-of-e2").has_value());  // gone already: no error
}

TEST_F(ServingUseCases, starting_a_session_sweeps_the_expired_ones_and_a_password_change_ends_them_all) {
  ASSERT_TRUE(services_->session_records->start({"old", "E2", "csrf-old", "2026-01-01T08:00:00Z", "2026-01-01T09:00:00Z"},
                                                "2026-01-01T08:30:00Z"));
  ASSERT_TRUE(services_->session_records->start({"new", "E2", "csrf-new", "2026-12-03T08:15:00Z", "2026-12-03T09:15:00Z"},
                                                "2026-12-03T08:15:00Z"));
  EXPECT_FALSE(services_->session_records->find("old")->has_value());
  EXPECT_TRUE(services_->session_records->find("new")->has_value());

  auto ended = services_->session_records->end_all_of("E2");
  ASSERT_TRUE(ended.has_value()) << ended.error().describe();
  EXPECT_EQ(*ended, 2U);  // "new" and the fixture's "digest-of-e2"
  EXPECT_FALSE(services_->session_records->find("new")->has_value());
  EXPECT_FALSE(services_->session_records->find("digest-of-e2")->has_value());
}

TEST_F(ServingUseCases, the_access_log_records_the_person_acting_on_their_own_account) {
  ASSERT_TRUE(services_->access_log->record("E2", "account.password_check_failed", "from 192.0.2.7"));
  const core::AuditEntry expected{"2099-12-03T08:15:00Z", "E2", "account.password_check_failed", "E2",
                                  "from 192.0.2.7"};
  EXPECT_EQ(history_of_e2().back(), expected);
}

// Issue 13, item 5: opening 2027 while 2026 was open (same framework, overlapping units) and
// before 2027's opening date worked without a question. It now waits for a confirmation that
// names the open round and the date, and writes nothing until then.
TEST_F(ServingUseCases, opening_a_round_over_an_open_one_or_early_waits_for_a_confirmation) {
  auto& rounds = *services_->published()->round_administration;
  ASSERT_TRUE(rounds.create(app::NewRound{"2100", framework_.id, "", "2100-01-11", "2100-05-29"}, "E1"));
  auto held = rounds.change_state("2100", core::RoundState::kOpen, "E1", clock_.today(), app::OpeningConfirmation::kNotConfirmed);
  ASSERT_TRUE(held.has_value()) << held.error().describe();
  ASSERT_TRUE(held->unconfirmed.has_value());
  EXPECT_EQ(held->unconfirmed->overlapping, std::vector<std::string>{"2026"});
  EXPECT_TRUE(held->unconfirmed->before_opening_date);
  EXPECT_EQ(services_->published()->rounds->find("2100")->round.state, core::RoundState::kDraft);
  auto stored = store().rounds().load_round("2100");
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  EXPECT_EQ((*stored)->state, core::RoundState::kDraft);

  auto confirmed = rounds.change_state("2100", core::RoundState::kOpen, "E1", clock_.today(), app::OpeningConfirmation::kConfirmed);
  ASSERT_TRUE(confirmed.has_value()) << confirmed.error().describe();
  EXPECT_FALSE(confirmed->unconfirmed.has_value());
  EXPECT_EQ(services_->published()->rounds->find("2100")->round.state, core::RoundState::kOpen);
}

// Development plans (app/learning/development_plans.hpp): the person saves a draft, cannot
// agree it, the manager agrees, and the first follow-up brings the held conversation's
// assessment to followed_up through the assessment's own rules.
TEST_F(ServingUseCases, a_follow_up_of_an_agreed_plan_brings_the_assessment_to_followed_up) {
  const auto published = services_->published();
  const core::Person* person = published->directory->find("E2");
  ASSERT_NE(person, nullptr);
  const auto round = published->rounds->find("2026");
  ASSERT_NE(round, nullptr);
  app::DevelopmentPlans& plans = *published->plans;
  const core::PlanContent content{{{"1.2", 5, *core::parse_iso_date("2027-06-30")}}, {}, "Fördjupa"};
  auto saved = plans.save(*person, *round, app::PlanRole::kPerson, "E2", content, {});
  ASSERT_TRUE(saved.has_value()) << saved.error().describe();
  EXPECT_EQ(saved->proposed_by, "E2");
  auto refused = plans.save(*person, *round, app::PlanRole::kReader, "E1", content, {});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kForbidden);
  auto own = plans.agree(*person, *round, app::PlanRole::kPerson, "E2");
  ASSERT_FALSE(own.has_value());
  EXPECT_EQ(own.error().kind, core::ErrorKind::kForbidden);
  auto early = plans.follow_up(*person, *round, app::PlanRole::kManager,
                               {*core::parse_iso_date("2026-04-01"), core::GoalProgress::kInProgress, "", "E1"});
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().kind, core::ErrorKind::kConflict);

  auto agreed = plans.agree(*person, *round, app::PlanRole::kManager, "E1");
  ASSERT_TRUE(agreed.has_value()) << agreed.error().describe();
  EXPECT_EQ(agreed->agreed_by, "E1");
  EXPECT_EQ(agreed->agreed_at, clock_.utc_timestamp());
  auto followed = plans.follow_up(*person, *round, app::PlanRole::kManager,
                                  {*core::parse_iso_date("2026-04-01"), core::GoalProgress::kInProgress, "Bra", "E1"});
  ASSERT_TRUE(followed.has_value()) << followed.error().describe();

  auto assessments = store().rounds().load_assessments("2026");
  ASSERT_TRUE(assessments.has_value()) << assessments.error().describe();
  const auto e2 = std::find_if(assessments->begin(), assessments->end(),
                               [](const core::Assessment& a) { return a.employee_id == "E2"; });
  ASSERT_NE(e2, assessments->end());
  EXPECT_EQ(e2->status, core::AssessmentStatus::kFollowedUp);
  EXPECT_EQ(e2->followed_up_at, clock_.utc_timestamp());
  auto stored = plans.load("E2", "2026");
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  EXPECT_EQ(**stored, *followed);
}

// Registration from the web (app/learning/registration_use_case.hpp): capacity, a second
// registration, cancel and registering over a cancelled row; refusals write nothing.
TEST_F(ServingUseCases, registrations_respect_capacity_and_one_row_per_person) {
  core::LearningActivity activity;
  activity.code = "ONE";
  activity.title = "En plats";
  activity.framework_id = framework_.id;
  activity.competencies = {"1.1"};
  activity.level_from = 1;
  activity.level_to = 3;
  activity.hours = 2;
  activity.starts = *core::parse_iso_date("2099-01-01");
  activity.ends = *core::parse_iso_date("2100-12-31");
  activity.capacity = 1;
  activity.status = core::ActivityStatus::kOpen;
  core::LearningActivity closed = activity;
  closed.code = "SHUT";
  closed.status = core::ActivityStatus::kClosed;
  core::LearningActivity over = activity;
  over.code = "OVER";
  over.ends = *core::parse_iso_date("2099-12-01");
  ASSERT_TRUE(store().learning().save_activities({activity, closed, over}, store::Actor{"test"}).has_value());
  app::Registrations& registrations = *services_->registrations;
  using app::RegistrationOutcome;
  EXPECT_EQ(registrations.register_person("E2", "NONE", "E2").value(), RegistrationOutcome::kUnknownActivity);
  EXPECT_EQ(registrations.register_person("E2", "SHUT", "E2").value(), RegistrationOutcome::kNotOpen);
  EXPECT_EQ(registrations.register_person("E2", "OVER", "E2").value(), RegistrationOutcome::kEnded);
  EXPECT_EQ(registrations.register_person("E2", "ONE", "E2").value(), RegistrationOutcome::kRegistered);
  EXPECT_EQ(registrations.register_person("E2", "ONE", "E1").value(), RegistrationOutcome::kAlreadyHasRow);
  EXPECT_EQ(registrations.register_person("E3", "ONE", "E1").value(), RegistrationOutcome::kFull);
  EXPECT_EQ(registrations.cancel("E3", "ONE", "E3").value(), RegistrationOutcome::kNotRegistered);
  EXPECT_EQ(registrations.cancel("E2", "ONE", "E2").value(), RegistrationOutcome::kCancelled);
  EXPECT_EQ(registrations.register_person("E3", "ONE", "E1").value(), RegistrationOutcome::kRegistered);
  auto rows = store().learning().load_participation_of_activity("ONE");
  ASSERT_TRUE(rows.has_value());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].status, core::ParticipationStatus::kCancelled);
  EXPECT_EQ((*rows)[1].status, core::ParticipationStatus::kRegistered);
  EXPECT_EQ((*rows)[1].source, "web");
  EXPECT_EQ((*rows)[1].date, clock_.today());
  auto trail = store().audit().load_audit("E3");
  ASSERT_TRUE(trail.has_value());
  ASSERT_FALSE(trail->empty());
  EXPECT_EQ(trail->back().action, "participation.create");
  EXPECT_EQ(trail->back().actor, "E1");
  EXPECT_EQ(trail->back().detail, "ONE: registered");
}

}  // namespace
}  // namespace trappa
