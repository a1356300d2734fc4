// Several connections writing at once, as `trappa serve` does with its pool of store
// connections (SQLite and PostgreSQL alike, see test_store.hpp). Regression for issue 6: the
// mixed load of bench/load.sh got "database is locked" on SQLite for about one save in
// twelve, because a transaction that read first could not wait for the write lock.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "io/json/framework_json.hpp"
#include "store/assessment/round_store.hpp"
#include "store/audit/audit_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/org/organisation_store.hpp"
#include "test_store.hpp"

namespace trappa {
namespace {

using testing::MigratedStoreTest;

constexpr int kWriters = 4;
constexpr int kSavesPerWriter = 25;

class ConcurrentWrites : public MigratedStoreTest {
 protected:
  void SetUp() override {
    MigratedStoreTest::SetUp();
    if (HasFatalFailure()) return;
    const store::Actor actor{"test"};
    auto framework = io::read_framework_file(std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json");
    ASSERT_TRUE(framework.has_value()) << framework.error().describe();
    ASSERT_TRUE(store().frameworks().save_framework(*framework, actor).has_value());
    ASSERT_TRUE(store().organisation().save_units({{"KF", "Kulturförvaltningen", "", core::UnitKind::kAdministration}}, actor)
                    .has_value());
    std::vector<core::Person> people{{"E1", "Åsa Chef", "", core::Gender::kWoman, 1970, "KF", "chef", "", {}}};
    for (int writer = 0; writer < kWriters; ++writer) {
      people.push_back({employee_of(writer), "Medarbetare " + std::to_string(writer), "", core::Gender::kMan, 1985,
                        "KF", "bibliotekarie", "E1", {}});
    }
    ASSERT_TRUE(store().organisation().save_people(people, actor).has_value());
    ASSERT_TRUE(store().rounds().create_round({"2026", framework->id, 1, "", "2026-01-12", "2026-12-18",
                                      core::RoundState::kDraft}, actor).has_value());
    ASSERT_TRUE(store().rounds().set_round_state("2026", core::RoundState::kOpen, actor).has_value());
  }

  static std::string employee_of(int writer) { return "E" + std::to_string(writer + 2); }

  // The save number `save` of a writer: levels that differ from one save to the next.
  static core::Assessment assessment(const std::string& employee_id, int save) {
    core::Assessment result;
    result.round = "2026";
    result.employee_id = employee_id;
    result.status = core::AssessmentStatus::kSelfAssessed;
    result.ratings = {{"1.1", 1 + save % 5, std::nullopt, "", ""}, {"1.2", 1 + (save + 2) % 5, std::nullopt, "", ""}};
    result.motivation = {{"1", 1 + save % 5}};
    return result;
  }

  // Runs `save(store, writer, n)` from kWriters threads, each on its own connection, and
  // returns the error descriptions of the saves that failed.
  template <typename Save>
  std::vector<std::string> run_writers(Save save) {
    std::vector<std::unique_ptr<store::Store>> connections;
    for (int writer = 0; writer < kWriters; ++writer) {
      auto opened = store::Store::open(location());
      EXPECT_TRUE(opened.has_value()) << opened.error().describe();
      if (!opened) return {"a connection could not be opened"};
      connections.push_back(std::move(*opened));
    }
    std::vector<std::vector<std::string>> failures(kWriters);
    std::vector<std::thread> threads;
    for (int writer = 0; writer < kWriters; ++writer) {
      threads.emplace_back([&, writer] {
        for (int n = 0; n < kSavesPerWriter; ++n) {
          auto saved = save(*connections[static_cast<std::size_t>(writer)], writer, n);
          if (!saved) failures[static_cast<std::size_t>(writer)].push_back(saved.error().describe());
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
    std::vector<std::string> all;
    for (const auto& list : failures) all.insert(all.end(), list.begin(), list.end());
    return all;
  }

  std::size_t saves_audited(const std::string& employee_id) {
    auto audit = store().audit().load_audit(employee_id);
    EXPECT_TRUE(audit.has_value());
    if (!audit) return 0;
    std::size_t count = 0;
    for (const store::AuditEntry& entry : *audit) count += entry.action == "assessment.save" ? 1 : 0;
    return count;
  }
};

TEST_F(ConcurrentWrites, every_save_of_different_people_at_once_succeeds_and_the_last_one_stays) {
  const auto failures = run_writers([](store::Store& connection, int writer, int n) {
    return connection.rounds().save_assessment(assessment(employee_of(writer), n), store::Actor{employee_of(writer)});
  });
  EXPECT_TRUE(failures.empty()) << failures.size() << " saves failed, the first: " << failures.front();
  for (int writer = 0; writer < kWriters; ++writer) {
    auto loaded = store().rounds().load_assessment("2026", employee_of(writer));
    ASSERT_TRUE(loaded.has_value() && loaded->has_value()) << employee_of(writer);
    EXPECT_EQ(**loaded, assessment(employee_of(writer), kSavesPerWriter - 1));
    EXPECT_EQ(saves_audited(employee_of(writer)), static_cast<std::size_t>(kSavesPerWriter));
  }
}

TEST_F(ConcurrentWrites, every_save_of_one_person_from_several_connections_succeeds) {
  // The person and their manager saving the same assessment at the same moment.
  const auto failures = run_writers([](store::Store& connection, int writer, int n) {
    return connection.rounds().save_assessment(assessment("E2", writer * kSavesPerWriter + n), store::Actor{"test"});
  });
  EXPECT_TRUE(failures.empty()) << failures.size() << " saves failed, the first: " << failures.front();
  auto loaded = store().rounds().load_assessment("2026", "E2");
  ASSERT_TRUE(loaded.has_value() && loaded->has_value());
  // Whichever save committed last: one of the writers' final saves, whole (not a mixture).
  bool is_a_last_save = false;
  for (int writer = 0; writer < kWriters; ++writer) {
    is_a_last_save = is_a_last_save || **loaded == assessment("E2", writer * kSavesPerWriter + kSavesPerWriter - 1);
  }
  EXPECT_TRUE(is_a_last_save);
  EXPECT_EQ(saves_audited("E2"), static_cast<std::size_t>(kWriters * kSavesPerWriter));
}

TEST_F(ConcurrentWrites, changes_of_one_assessment_from_several_connections_lose_no_update) {
  // Each change appends its writer's letter to the note of what is stored: a change that
  // worked on a stale copy would drop another writer's letter (issue 11, the lost update).
  const auto failures = run_writers([](store::Store& connection, int writer, int) -> core::Result<void> {
    auto changed = connection.rounds().change_assessment(
        "2026", "E2",
        [writer](const core::Assessment& before, core::RoundState) -> core::Result<core::Assessment> {
          core::Assessment after = before;
          after.notes += static_cast<char>('a' + writer);
          return after;
        },
        store::Actor{employee_of(writer)});
    if (!changed) return std::unexpected(changed.error());
    return {};
  });
  EXPECT_TRUE(failures.empty()) << failures.size() << " changes failed, the first: " << failures.front();
  auto loaded = store().rounds().load_assessment("2026", "E2");
  ASSERT_TRUE(loaded.has_value() && loaded->has_value());
  const std::string& notes = (*loaded)->notes;
  EXPECT_EQ(notes.size(), static_cast<std::size_t>(kWriters * kSavesPerWriter));
  for (int writer = 0; writer < kWriters; ++writer) {
    EXPECT_EQ(std::count(notes.begin(), notes.end(), static_cast<char>('a' + writer)), kSavesPerWriter)
        << "writer " << writer;
  }
  EXPECT_EQ(saves_audited("E2"), static_cast<std::size_t>(kWriters * kSavesPerWriter));
}

TEST_F(ConcurrentWrites, a_refused_change_writes_and_audits_nothing) {
  auto refused = store().rounds().change_assessment(
      "2026", "E2",
      [](const core::Assessment&, core::RoundState) -> core::Result<core::Assessment> {
        return core::fail(core::ErrorKind::kForbidden, "not yours");
      },
      store::Actor{"E1"});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kForbidden);
  auto loaded = store().rounds().load_assessment("2026", "E2");
  ASSERT_TRUE(loaded.has_value());
  EXPECT_FALSE(loaded->has_value());
  EXPECT_EQ(saves_audited("E2"), 0U);
}

}  // namespace
}  // namespace trappa
