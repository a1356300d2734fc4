// Imports from the web (app/imports/web_imports.hpp) and what they need of the import use
// case (app/imports/import_service.hpp): progress by stage, a preview of the records as read,
// messages naming the uploaded file; uploads bound to their session, removed after the
// import, on cancel and when they expire.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>
#include <vector>

#include "app/imports/import_service.hpp"
#include "app/imports/web_imports.hpp"
#include "app/published/store_pool.hpp"
#include "core/base/clock.hpp"
#include "store/audit/audit_store.hpp"
#include "store/org/organisation_store.hpp"
#include "test_store.hpp"

namespace trappa::testing {
namespace {

constexpr const char* kHeader = "employee_id,name,email,gender,birth_year,unit_code,role,manager_id\n";
const std::string kGood = std::string(kHeader) + "W1,Wilma Web,,K,1980,KF,handläggare,\nW2,Walter Web,,M,1975,KF,handläggare,\n";
const std::string kBad = std::string(kHeader) + "W1,Wilma Web,,Q,1980,KF,handläggare,\n";

std::size_t files_in(const std::filesystem::path& directory) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(directory)) ++count;
  return count;
}

class WebImports : public MigratedStoreTest {
 protected:
  void SetUp() override {
    MigratedStoreTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(store().organisation().save_units({{"KF", "Kulturförvaltningen", "", core::UnitKind::kAdministration}},
                                                  store::Actor{"test"}).has_value());
  }

  std::filesystem::path write(const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("web-imports-test-" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path, std::ios::binary) << text;
    written_.push_back(path);
    return path;
  }

  void TearDown() override {
    for (const auto& path : written_) std::filesystem::remove(path);
    MigratedStoreTest::TearDown();
  }

  // Waits (at most five seconds) for a started job to end.
  static std::optional<app::WebImportJob> finished(app::WebImports& imports, const std::string& owner,
                                                   const std::string& token) {
    for (int i = 0; i < 500; ++i) {
      auto job = imports.job(owner, token);
      if (!job || (job->state != app::WebImportJob::State::kRunning)) return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return std::nullopt;
  }

  std::vector<std::filesystem::path> written_;
};

TEST_F(WebImports, the_use_case_reports_each_stage_and_previews_the_records_as_read) {
  app::ImportRequest request;
  request.kind = app::ImportKind::kPeople;
  request.file = write(kGood);
  request.display_name = "personal.csv";
  request.actor = store::Actor{"E9"};
  request.preview_rows = 1;
  std::vector<app::ImportProgress> stages;
  request.progress = [&](const app::ImportProgress& progress) { stages.push_back(progress); };
  auto outcome = app::import_file(store(), request);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().describe();
  ASSERT_EQ(stages.size(), 3U);
  EXPECT_EQ(stages[0].stage, app::ImportProgress::Stage::kRead);
  EXPECT_EQ(stages[1].stage, app::ImportProgress::Stage::kChecked);
  EXPECT_EQ(stages[2].stage, app::ImportProgress::Stage::kWritten);
  for (const auto& stage : stages) EXPECT_EQ(stage.rows, 2U);
  EXPECT_EQ(outcome->preview.total, 2U);
  ASSERT_EQ(outcome->preview.rows.size(), 1U);
  EXPECT_EQ(outcome->preview.columns.front(), "employee_id");
  EXPECT_EQ(outcome->preview.rows[0][0], "W1");
  EXPECT_EQ(outcome->preview.rows[0][1], "Wilma Web");
  EXPECT_EQ(outcome->preview.rows[0][4], "1980");
  EXPECT_EQ(outcome->preview.rows[0][5], "K");
}

TEST_F(WebImports, the_use_case_names_the_uploaded_file_in_problems_and_a_dry_run_stops_after_the_checks) {
  app::ImportRequest request;
  request.kind = app::ImportKind::kPeople;
  request.file = write(kBad);
  request.display_name = "personal.csv";
  request.dry_run = true;
  std::vector<app::ImportProgress> stages;
  request.progress = [&](const app::ImportProgress& progress) { stages.push_back(progress); };
  auto outcome = app::import_file(store(), request);
  ASSERT_FALSE(outcome.has_value());
  ASSERT_EQ(outcome.error().problems.size(), 1U);
  EXPECT_EQ(outcome.error().problems[0].where, "personal.csv:2:15");
  ASSERT_EQ(stages.size(), 1U);  // read, never checked
  request.file = write(kGood);
  stages.clear();
  ASSERT_TRUE(app::import_file(store(), request).has_value());
  ASSERT_EQ(stages.size(), 2U);
  EXPECT_EQ(stages[1].stage, app::ImportProgress::Stage::kChecked);
  EXPECT_TRUE(store().organisation().load_people().value().empty());
}

TEST_F(WebImports, an_upload_belongs_to_its_session_and_its_file_goes_after_the_import) {
  auto pool = app::StorePool::open(location(), 1);
  ASSERT_TRUE(pool.has_value()) << pool.error().describe();
  core::FixedClock clock(std::chrono::sys_days{std::chrono::year(2026) / 6 / 15});
  app::WebImports imports(**pool, clock);
  auto token = imports.stage("session-a", "personal.csv", kGood, {app::ImportKind::kPeople, {}, {}});
  ASSERT_TRUE(token.has_value());
  EXPECT_EQ(files_in(imports.directory()), 1U);
  EXPECT_EQ(imports.job("session-b", *token), std::nullopt);
  EXPECT_EQ(imports.preview("session-b", *token).error().kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(imports.start("session-b", *token, "E9").error().kind, core::ErrorKind::kNotFound);
  auto preview = imports.preview("session-a", *token);
  ASSERT_TRUE(preview.has_value()) << preview.error().describe();
  EXPECT_FALSE(preview->written);
  ASSERT_TRUE(imports.start("session-a", *token, "E9").has_value());
  EXPECT_EQ(imports.start("session-a", *token, "E9").error().kind, core::ErrorKind::kConflict);
  const auto job = finished(imports, "session-a", *token);
  ASSERT_TRUE(job.has_value());
  ASSERT_EQ(job->state, app::WebImportJob::State::kDone);
  EXPECT_EQ(job->outcome->what, "2 people");
  EXPECT_EQ(job->progress->stage, app::ImportProgress::Stage::kWritten);
  EXPECT_EQ(files_in(imports.directory()), 0U);
  EXPECT_EQ(store().organisation().load_people().value().size(), 2U);
  const auto audit = store().audit().load_audit("W2");
  ASSERT_TRUE(audit.has_value());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->back().actor, "E9");
  EXPECT_NE(audit->back().detail.find("(personal.csv:3)"), std::string::npos) << audit->back().detail;
  // A second import (the first one's thread is joined when it starts): a file that fails.
  auto second = imports.stage("session-a", "personal.csv", kBad, {app::ImportKind::kPeople, {}, {}});
  ASSERT_TRUE(second.has_value());
  ASSERT_TRUE(imports.start("session-a", *second, "E9").has_value());
  const auto failed = finished(imports, "session-a", *second);
  ASSERT_TRUE(failed.has_value());
  ASSERT_EQ(failed->state, app::WebImportJob::State::kFailed);
  EXPECT_EQ(failed->error->problems.at(0).where, "personal.csv:2:15");
  EXPECT_EQ(files_in(imports.directory()), 0U);
  EXPECT_EQ(store().organisation().load_people().value().at(0).gender, core::Gender::kWoman);  // unchanged
}

// The command line's --encoding, --unit-by name and --date-format, given by the web form
// (issue 15), reach the import; the result says how many people lack a role or birth year.
TEST_F(WebImports, the_form_options_reach_the_import_and_the_result_counts_unknown_roles_and_birth_years) {
  auto pool = app::StorePool::open(location(), 1);
  ASSERT_TRUE(pool.has_value()) << pool.error().describe();
  core::FixedClock clock(std::chrono::sys_days{std::chrono::year(2026) / 6 / 15});
  app::WebImports imports(**pool, clock);
  // Windows-1252: "Åsa Ödmark" and "Kulturförvaltningen" with single bytes for Å, Ö and ö.
  const std::string cp1252 = "employee_id,name,gender,unit_code,city_start_date\r\n"
                             "W5,\xC5sa \xD6" "dmark,K,Kulturf\xF6rvaltningen,31/12/2019\r\n";
  app::WebImportOptions options;
  options.kind = app::ImportKind::kPeople;
  const auto as_utf8 = imports.stage("s", "gammal.csv", cp1252, options);  // without the options: not UTF-8
  ASSERT_TRUE(as_utf8.has_value());
  EXPECT_FALSE(imports.preview("s", *as_utf8).has_value());
  ASSERT_TRUE(imports.cancel("s", *as_utf8).has_value());
  options.encoding = "cp1252";
  options.unit_by_name = true;
  options.date_format = "DD/MM/YYYY";
  auto token = imports.stage("s", "gammal.csv", cp1252, options);
  ASSERT_TRUE(token.has_value());
  auto preview = imports.preview("s", *token);
  ASSERT_TRUE(preview.has_value()) << preview.error().describe();
  ASSERT_TRUE(imports.start("s", *token, "E9").has_value());
  const auto job = finished(imports, "s", *token);
  ASSERT_TRUE(job.has_value());
  ASSERT_EQ(job->state, app::WebImportJob::State::kDone) << (job->error ? job->error->describe() : "");
  EXPECT_EQ(job->outcome->what, "1 people (1 without role, 1 without birth year)");
  const auto people = store().organisation().load_people().value();
  ASSERT_EQ(people.size(), 1U);
  EXPECT_EQ(people[0].name, "Åsa Ödmark");
  EXPECT_EQ(people[0].unit_code, "KF");
  EXPECT_EQ(people[0].city_start_date, "2019-12-31");
}

TEST_F(WebImports, a_cancelled_or_expired_upload_leaves_no_file) {
  auto pool = app::StorePool::open(location(), 1);
  ASSERT_TRUE(pool.has_value()) << pool.error().describe();
  core::FixedClock clock(std::chrono::sys_days{std::chrono::year(2026) / 6 / 15});
  app::WebImports imports(**pool, clock);
  auto cancelled = imports.stage("s", "a.csv", kGood, {app::ImportKind::kPeople, {}, {}});
  auto expiring = imports.stage("s", "b.csv", kGood, {app::ImportKind::kPeople, {}, {}});
  ASSERT_TRUE(cancelled.has_value() && expiring.has_value());
  EXPECT_EQ(files_in(imports.directory()), 2U);
  ASSERT_TRUE(imports.cancel("s", *cancelled).has_value());
  EXPECT_EQ(imports.job("s", *cancelled)->state, app::WebImportJob::State::kCancelled);
  EXPECT_EQ(imports.start("s", *cancelled, "E9").error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(files_in(imports.directory()), 1U);
  clock.advance(std::chrono::minutes(61));
  EXPECT_EQ(imports.job("s", *expiring), std::nullopt);
  EXPECT_EQ(files_in(imports.directory()), 0U);
  EXPECT_TRUE(store().organisation().load_people().value().empty());
}

}  // namespace
}  // namespace trappa::testing
