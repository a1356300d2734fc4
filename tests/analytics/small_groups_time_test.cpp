// Issue 12, leak 5: an observer who reads an open round before and after one person's save
// sees that person's change. The disclosure cache publishes an open round to suppressed
// viewers at most once a day, and withholds a cell whose change since it was last shown comes
// from 1..K-1 people (app/published/disclosure_cache.hpp).
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "app/published/disclosure_cache.hpp"
#include "core/analytics/gap_disclosure.hpp"
#include "core/analytics/gap_query.hpp"
#include "core/analytics/gap_snapshot.hpp"
#include "core/base/clock.hpp"

namespace trappa {
namespace {

constexpr std::size_t kK = core::kDefaultMinGroup;

// One unit of ten people in an open round; levels[i] is person i's level of the only competency.
class OpenRound {
 public:
  OpenRound() {
    framework_.id = "f";
    framework_.name = "F";
    framework_.scale = core::LevelScale{1, 5, {"1", "2", "3", "4", "5"}};
    framework_.areas = {core::Area{"1", "Område", "", "", {}, {core::Competency{"1.1", "Delkompetens", "", {}}}}};
    framework_.roles = {"medarbetare"};
    framework_.profiles["medarbetare"] = {{"1.1", 3}};
    tree_ = std::make_shared<const core::UnitTree>(core::UnitTree::build({{"U", "Enheten", "", core::UnitKind::kUnit}}));
    for (int i = 0; i < 10; ++i) {
      core::Person person;
      person.employee_id = "P" + std::to_string(i);
      person.gender = core::Gender::kWoman;
      person.unit_code = "U";
      person.role = "medarbetare";
      people_.push_back(person);
    }
  }

  std::vector<std::uint8_t> levels = std::vector<std::uint8_t>(10, 3);

  std::shared_ptr<const app::RoundView> publish() {
    core::RoundFacts facts;
    for (std::uint32_t i = 0; i < 10; ++i) {
      facts.statuses.push_back({i, core::AssessmentStatus::kSelfAssessed});
      facts.ratings.push_back({i, 0, levels[i], 0});
    }
    auto view = std::make_shared<app::RoundView>();
    view->round = core::Round{"2026", "f", 1, "", "", "", core::RoundState::kOpen};
    view->version = ++version_;
    view->snapshot = core::GapSnapshot::build(view->round, framework_, tree_, people_, facts);
    view->position.assign(10, 0);
    for (std::size_t p = 0; p < 10; ++p) view->position[view->snapshot->source_person()[p]] = static_cast<std::int32_t>(p);
    return view;
  }

 private:
  core::Framework framework_;
  std::shared_ptr<const core::UnitTree> tree_;
  std::vector<core::Person> people_;
  std::uint64_t version_ = 0;
};

// The unit's level sum on the self basis as a suppressed viewer reads it; nullopt when hidden.
std::optional<double> level_sum(const app::DisclosureCache::Decided& decided) {
  core::GapQuery query;
  query.unit = "U";
  query.basis = core::LevelBasis::kSelf;
  query.disclosure = decided.disclosure.get();
  const auto report = core::run_gap_query(*decided.view->snapshot, query).value();
  if (!report.competencies[0].mean_level) return std::nullopt;
  return *report.competencies[0].mean_level * static_cast<double>(*report.competencies[0].rated);
}

TEST(SmallGroupsTime, decisions_per_snapshot_alone_give_away_one_persons_save) {
  OpenRound round;
  const auto before = round.publish();
  round.levels[0] = 5;
  const auto after = round.publish();
  // What the cache did before: decide each snapshot on its own and serve the newest.
  const auto d0 = core::GapDisclosure::build(*before->snapshot, kK);
  const auto d1 = core::GapDisclosure::build(*after->snapshot, kK);
  const auto s0 = level_sum({before, d0});
  const auto s1 = level_sum({after, d1});
  ASSERT_TRUE(s0 && s1);
  EXPECT_NEAR(*s1 - *s0, 2.0, 1e-9) << "person 0's change from 3 to 5";
}

TEST(SmallGroupsTime, an_open_round_is_published_at_most_once_a_day_and_small_changes_are_withheld) {
  OpenRound round;
  core::FixedClock clock(std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} + std::chrono::hours(8));
  app::DisclosureCache cache(kK, clock);
  const auto first = cache.decided(round.publish());
  const auto shown = level_sum(first);
  ASSERT_TRUE(shown);
  EXPECT_NEAR(*shown, 30.0, 1e-9);

  // One save the same day: observers still get the morning's publication.
  round.levels[0] = 5;
  auto view = round.publish();
  clock.advance(std::chrono::hours(3));
  EXPECT_EQ(cache.decided(view).view, first.view);

  // The next day: a new publication, but the unit's change comes from one person: withheld.
  clock.advance(std::chrono::hours(24));
  const auto second = cache.decided(view);
  EXPECT_NE(second.view, first.view);
  EXPECT_FALSE(level_sum(second)) << "the unit's change comes from one person";

  // A day without saves: the unit stays hidden (else it would give away the change since
  // the first publication).
  view = round.publish();
  clock.advance(std::chrono::hours(24));
  const auto third = cache.decided(view);
  EXPECT_NE(third.view, second.view);
  EXPECT_FALSE(level_sum(third)) << "a withheld change stays withheld until K people changed";

  // Three more people save: four changed since the unit was last shown, still withheld.
  for (int i = 1; i <= 3; ++i) round.levels[static_cast<std::size_t>(i)] = 4;
  view = round.publish();
  clock.advance(std::chrono::hours(24));
  EXPECT_FALSE(level_sum(cache.decided(view)));

  // A fifth: the unit shows again, and its change since the first publication is five people's.
  round.levels[4] = 1;
  view = round.publish();
  clock.advance(std::chrono::hours(24));
  const auto fifth = cache.decided(view);
  const auto now = level_sum(fifth);
  ASSERT_TRUE(now);
  EXPECT_NEAR(*now - *shown, 2.0 + 3.0 - 2.0, 1e-9);
}

}  // namespace
}  // namespace trappa
