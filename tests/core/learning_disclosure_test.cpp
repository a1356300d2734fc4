// The small-group rule of the learning statistics (core/learning/learning_disclosure.hpp) on
// figures made by hand, with K = 5.
#include "core/learning/learning_disclosure.hpp"

#include <gtest/gtest.h>

namespace trappa::core {
namespace {

LearningFigures figures(const char* key, std::size_t participants, std::array<std::size_t, 3> genders = {}) {
  LearningFigures made;
  made.key = key;
  made.name = key;
  made.participants = participants;
  made.participants_by_gender = genders;
  made.hours = static_cast<double>(participants) * 2;
  return made;
}

TEST(LearningDisclosure, ATotalOfFewerThanKIsHiddenWithEverything) {
  LearningStats stats;
  stats.total = figures("total", 4, {2, 2, 0});
  stats.groups = {figures("A", 4)};
  const LearningDisclosure decided = decide_learning_disclosure(stats, LearningGrouping::kActivity, 5);
  EXPECT_TRUE(decided.total.suppressed);
  EXPECT_EQ(decided.total.gender_suppressed, (std::array<bool, 3>{true, true, true}));
  ASSERT_EQ(decided.groups.size(), 1u);
  EXPECT_TRUE(decided.groups[0].suppressed);
}

TEST(LearningDisclosure, NobodyIsNoSmallGroup) {
  LearningStats stats;
  stats.total = figures("total", 0);
  EXPECT_FALSE(decide_learning_disclosure(stats, LearningGrouping::kNone, 5).total.suppressed);
}

TEST(LearningDisclosure, OneSmallGenderHidesTheSmallerOtherGenderToo) {
  // 820 women, 389 men, 4 X: X is hidden, and the total minus women would give X, so men go too.
  LearningStats stats;
  stats.total = figures("total", 1213, {820, 389, 4});
  const LearningDisclosure decided = decide_learning_disclosure(stats, LearningGrouping::kNone, 5);
  EXPECT_FALSE(decided.total.suppressed);
  EXPECT_EQ(decided.total.gender_suppressed, (std::array<bool, 3>{false, true, true}));
}

TEST(LearningDisclosure, HiddenGendersThatAddUpToKNeedNoMore) {
  LearningStats stats;
  stats.total = figures("total", 50, {42, 4, 4});
  const LearningDisclosure decided = decide_learning_disclosure(stats, LearningGrouping::kNone, 5);
  EXPECT_EQ(decided.total.gender_suppressed, (std::array<bool, 3>{false, true, true}));
}

TEST(LearningDisclosure, UnitsMustLeaveZeroOrKPeopleOutside) {
  // 30 people: units of 12, 10, 6 and 2 direct members of the selected unit. The direct
  // members (2) are a small rest, so the smallest shown unit (6) is hidden as well.
  LearningStats stats;
  stats.total = figures("total", 30, {15, 15, 0});
  stats.groups = {figures("U1", 12), figures("U2", 10), figures("U3", 6)};
  const LearningDisclosure decided = decide_learning_disclosure(stats, LearningGrouping::kUnit, 5);
  EXPECT_FALSE(decided.groups[0].suppressed);
  EXPECT_FALSE(decided.groups[1].suppressed);
  EXPECT_TRUE(decided.groups[2].suppressed);
}

TEST(LearningDisclosure, ASmallUnitHidesTheNextSmallestWhenTheRestIsSmall) {
  LearningStats stats;
  stats.total = figures("total", 25, {10, 15, 0});
  stats.groups = {figures("U1", 12), figures("U2", 10), figures("U3", 3)};
  const LearningDisclosure decided = decide_learning_disclosure(stats, LearningGrouping::kUnit, 5);
  EXPECT_FALSE(decided.groups[0].suppressed);
  EXPECT_TRUE(decided.groups[1].suppressed);  // else 25 − 12 − 10 = 3 gives U3
  EXPECT_TRUE(decided.groups[2].suppressed);
}

TEST(LearningDisclosure, ActivitiesHideOneShownGroupBesideASmallOne) {
  // A person may be in several activities, so the hidden groups' people are unknown: with A
  // hidden, the smallest shown activity (C, 7) goes too.
  LearningStats stats;
  stats.total = figures("total", 40, {20, 20, 0});
  stats.groups = {figures("A", 2), figures("B", 30), figures("C", 7), figures("D", 0)};
  const LearningDisclosure decided = decide_learning_disclosure(stats, LearningGrouping::kActivity, 5);
  EXPECT_TRUE(decided.groups[0].suppressed);
  EXPECT_FALSE(decided.groups[1].suppressed);
  EXPECT_TRUE(decided.groups[2].suppressed);
  EXPECT_FALSE(decided.groups[3].suppressed);  // nobody is no small group
}

TEST(LearningDisclosure, ActivitiesAllLargeHideNothing) {
  LearningStats stats;
  stats.total = figures("total", 40, {20, 20, 0});
  stats.groups = {figures("A", 5), figures("B", 30)};
  const LearningDisclosure decided = decide_learning_disclosure(stats, LearningGrouping::kMonth, 5);
  EXPECT_FALSE(decided.groups[0].suppressed);
  EXPECT_FALSE(decided.groups[1].suppressed);
}

TEST(LearningDisclosure, GenderGroupsAgreeWithTheTotalsGenders) {
  LearningStats stats;
  stats.total = figures("total", 1213, {820, 389, 4});
  stats.groups = {figures("K", 820), figures("M", 389), figures("X", 4)};
  const LearningDisclosure decided = decide_learning_disclosure(stats, LearningGrouping::kGender, 5);
  for (std::size_t g = 0; g < 3; ++g) EXPECT_EQ(decided.groups[g].suppressed, decided.total.gender_suppressed[g]) << g;
}

}  // namespace
}  // namespace trappa::core
