// `serve --demo` on a large demo store (issue 12, finding 2): ensure_demo_accounts searched
// the people once per person (a quadratic scan) and spent over 15 minutes at 1.3 million
// people before the server listened. Its own work must stay in proportion to reading the
// organisation and the open round's snapshot, which it does first.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "app/demo/demo_accounts.hpp"
#include "app/demo/demo_loader.hpp"
#include "app/published/snapshot_loader.hpp"
#include "test_store.hpp"

namespace trappa {
namespace {

using Clock = std::chrono::steady_clock;

class DemoAccountsAtScale : public testing::StoreTest {};

TEST_F(DemoAccountsAtScale, are_found_in_time_proportional_to_reading_the_store) {
  // The store layer is the same on both backends; one large demo is enough.
  if (store().backend_name() != "sqlite") GTEST_SKIP() << "measured on SQLite only";
  ASSERT_TRUE(store().migrate().has_value());
  app::DemoOptions options;
  options.framework_file = std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json";
  options.scale = 60000;  // about 93 000 people with former staff (who have no manager)
  auto loaded = app::load_demo(store(), options);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().describe();
  ASSERT_GT(loaded->people, 90000u);
  // The first call also hashes the four passwords; the second finds the accounts made.
  auto made = app::ensure_demo_accounts(store());
  ASSERT_TRUE(made.has_value()) << made.error().describe();

  // What ensure_demo_accounts must read anyway: the organisation and the open round.
  const auto reading_started = Clock::now();
  auto organisation = app::load_organisation(store());
  ASSERT_TRUE(organisation.has_value()) << organisation.error().describe();
  auto snapshot = app::load_gap_snapshot(store(), "2026", *organisation);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().describe();
  const auto reading = Clock::now() - reading_started;

  const auto accounts_started = Clock::now();
  auto accounts = app::ensure_demo_accounts(store());
  const auto finding = Clock::now() - accounts_started;
  ASSERT_TRUE(accounts.has_value()) << accounts.error().describe();
  ASSERT_EQ(accounts->size(), 4u);
  for (std::size_t i = 0; i < accounts->size(); ++i) EXPECT_EQ((*accounts)[i].employee_id, (*made)[i].employee_id);
  std::cout << "reading the organisation and the round: "
            << std::chrono::duration_cast<std::chrono::milliseconds>(reading).count()
            << " ms; ensure_demo_accounts: " << std::chrono::duration_cast<std::chrono::milliseconds>(finding).count()
            << " ms\n";

  // Linear: about one reading. The quadratic scan added several times the reading at this
  // size (a full pass over the people for each of the ~30 000 without a manager), and grows
  // with the square of the people.
  const auto allowed = 2 * reading + std::chrono::seconds(1);
  EXPECT_LT(finding, allowed) << "ensure_demo_accounts took "
                              << std::chrono::duration_cast<std::chrono::milliseconds>(finding).count()
                              << " ms; reading the store took "
                              << std::chrono::duration_cast<std::chrono::milliseconds>(reading).count() << " ms";
}

}  // namespace
}  // namespace trappa
