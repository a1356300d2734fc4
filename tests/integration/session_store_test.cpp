// Web sessions in the store, on SQLite and PostgreSQL alike (see test_store.hpp): the idle
// deadline moves with touch_session, and a session that was signed out is never brought back.
#include <gtest/gtest.h>

#include "store/access/access_store.hpp"
#include "store/org/organisation_store.hpp"
#include "test_store.hpp"

namespace trappa {
namespace {

using testing::MigratedStoreTest;

const store::Actor kActor{"test"};

class StoreSessions : public MigratedStoreTest {
 protected:
  void SetUp() override {
    MigratedStoreTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(store().organisation().save_units({{"KF", "Kulturförvaltningen", "", core::UnitKind::kAdministration}}, kActor)
                    .has_value());
    ASSERT_TRUE(store().organisation().save_people({{"E1", "Åsa Chef", "", core::Gender::kWoman, 1970, "KF", "chef", "", {}}}, kActor)
                    .has_value());
    ASSERT_TRUE(store().access().save_account({"E1", core::AccountRole::kEmployee, "$argon2id$v=19$fake-hash-for-tests", false,
                                      "", ""},
                                     kActor)
                    .has_value());
    ASSERT_TRUE(store().access().create_session(session_).has_value());
  }

  const core::SessionRecord session_{"digest-1", "E1", "csrf-1", "2026-11-23T08:00:00Z", "2026-11-23T09:00:00Z"};
};

TEST_F(StoreSessions, touching_a_session_moves_its_expiry_and_nothing_else) {
  auto touched = store().access().touch_session("digest-1", "2026-11-23T09:30:00Z");
  ASSERT_TRUE(touched.has_value()) << touched.error().describe();
  EXPECT_TRUE(*touched);
  auto loaded = store().access().load_session("digest-1");
  ASSERT_TRUE(loaded.has_value() && loaded->has_value());
  core::SessionRecord expected = session_;
  expected.expires_at = "2026-11-23T09:30:00Z";
  EXPECT_EQ(**loaded, expected);
}

TEST_F(StoreSessions, a_signed_out_session_is_not_brought_back_by_a_touch) {
  ASSERT_TRUE(store().access().delete_session("digest-1").has_value());
  auto touched = store().access().touch_session("digest-1", "2026-11-23T09:30:00Z");
  ASSERT_TRUE(touched.has_value()) << touched.error().describe();
  EXPECT_FALSE(*touched);
  auto loaded = store().access().load_session("digest-1");
  ASSERT_TRUE(loaded.has_value());
  EXPECT_FALSE(loaded->has_value());
}

TEST_F(StoreSessions, an_idle_session_is_swept_once_its_expiry_has_passed) {
  auto swept = store().access().delete_sessions("2026-11-23T08:59:59Z");
  ASSERT_TRUE(swept.has_value());
  EXPECT_EQ(*swept, 0u);
  swept = store().access().delete_sessions("2026-11-23T09:00:01Z");
  ASSERT_TRUE(swept.has_value());
  EXPECT_EQ(*swept, 1u);
}

}  // namespace
}  // namespace trappa
