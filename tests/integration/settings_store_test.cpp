// The organisation's settings in the store (store/settings/settings_store.hpp) and the learning
// targets over them (app/learning/learning_settings.hpp), on SQLite and PostgreSQL: values come
// back as saved after reopening, a change is audited with old and new value and recorded in
// the change feed as `settings`, an unchanged value writes nothing, and a bad key or value is
// refused with a problem naming it and nothing written.
#include <gtest/gtest.h>

#include "app/learning/learning_settings.hpp"
#include "store/audit/audit_store.hpp"
#include "store/change_feed.hpp"
#include "store/settings/settings_store.hpp"
#include "test_store.hpp"

namespace trappa::testing {
namespace {

using SettingsStoreTest = MigratedStoreTest;

TEST_F(SettingsStoreTest, settings_come_back_as_saved_and_each_change_is_audited_and_fed) {
  EXPECT_TRUE(store().settings().load_settings().value_or(std::map<std::string, std::string>{{"x", "y"}}).empty());
  const long long before = store().changes().latest_change().value_or(-1);
  auto saved = app::save_settings(store(), {{"learning.target_participants", "1098"},
                                            {"learning.target_hours_per_participant", "17,5"}},
                                  store::Actor{"cli:hr"});
  ASSERT_TRUE(saved.has_value()) << saved.error().describe();
  EXPECT_EQ(*saved, 2u);
  reopen();
  const auto settings = store().settings().load_settings();
  ASSERT_TRUE(settings.has_value());
  EXPECT_EQ(*settings, (std::map<std::string, std::string>{{"learning.target_hours_per_participant", "17.5"},
                                                           {"learning.target_participants", "1098"}}));
  const auto targets = app::load_learning_targets(store());
  ASSERT_TRUE(targets.has_value());
  EXPECT_EQ(targets->participants, 1098.0);
  EXPECT_EQ(targets->hours_per_participant, 17.5);

  auto changes = store().changes().changes_after(before, 10);
  ASSERT_TRUE(changes.has_value());
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ(changes->front().kind, store::ChangeKind::kSettings);

  // The same value again writes nothing; a changed one and a removal are audited.
  EXPECT_EQ(app::save_settings(store(), {{"learning.target_participants", "1098"}}, store::Actor{"cli:hr"}).value_or(9), 0u);
  auto changed = app::save_settings(store(), {{"learning.target_participants", "1200"},
                                              {"learning.target_hours_per_participant", std::nullopt}},
                                    store::Actor{"cli:hr"});
  ASSERT_TRUE(changed.has_value()) << changed.error().describe();
  EXPECT_EQ(*changed, 2u);
  auto trail = store().audit().load_audit("learning.target_participants");
  ASSERT_TRUE(trail.has_value());
  ASSERT_EQ(trail->size(), 2u);
  EXPECT_EQ(trail->front().action, "setting.update");
  EXPECT_EQ(trail->front().detail, "–→1098");
  EXPECT_EQ(trail->back().detail, "1098→1200");
  EXPECT_EQ(trail->back().actor, "cli:hr");
  auto removed = store().audit().load_audit("learning.target_hours_per_participant");
  ASSERT_TRUE(removed.has_value());
  EXPECT_EQ(removed->back().detail, "17.5→–");
  EXPECT_FALSE(app::load_learning_targets(store()).value().hours_per_participant.has_value());
}

TEST_F(SettingsStoreTest, a_bad_key_or_value_is_named_and_nothing_is_written) {
  auto refused = app::save_settings(store(), {{"learning.target_participants", "många"},
                                              {"learning.colour", "blue"},
                                              {"learning.target_hours_per_participant", "18"}},
                                    store::Actor{"cli:hr"});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kInvalidInput);
  ASSERT_EQ(refused.error().problems.size(), 2u);
  EXPECT_EQ(refused.error().problems[0].where, "learning.colour");
  EXPECT_EQ(refused.error().problems[1].where, "learning.target_participants");
  EXPECT_TRUE(store().settings().load_settings().value().empty());
  EXPECT_FALSE(app::save_settings(store(), {{"learning.target_participants", "-1"}}, store::Actor{"t"}).has_value());
}

}  // namespace
}  // namespace trappa::testing
