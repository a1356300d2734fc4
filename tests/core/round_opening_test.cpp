// Issue 13, item 5: opening round 2027 while 2026 was open worked before 2027's opening date
// and without a question. check_opening names every concern HR must confirm: open rounds of
// the same framework whose unit subtrees overlap, and an opening date still to come.
#include "core/assessment/round_opening.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace trappa::core {
namespace {

// KF ─┬─ BIB ── BIB-1
//     └─ MUS
// ANDRA (another administration)
UnitTree tree() {
  return UnitTree::build({{"KF", "Kulturförvaltningen", ""},
                          {"BIB", "Biblioteken", "KF"},
                          {"BIB-1", "Stadsbiblioteket", "BIB"},
                          {"MUS", "Museer", "KF"},
                          {"ANDRA", "Annan förvaltning", ""}});
}

Round round(std::string name, std::string framework, std::string scope, RoundState state, std::string opens = "") {
  return {std::move(name), std::move(framework), 1, std::move(scope), std::move(opens), "", state};
}

constexpr Date kToday{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{4}};

TEST(RoundOpening, unit_subtrees_overlap_when_one_holds_the_other_and_the_whole_organisation_holds_all) {
  const UnitTree units = tree();
  EXPECT_TRUE(scopes_overlap(units, "KF", "BIB-1"));
  EXPECT_TRUE(scopes_overlap(units, "BIB-1", "KF"));
  EXPECT_TRUE(scopes_overlap(units, "BIB", "BIB"));
  EXPECT_TRUE(scopes_overlap(units, "", "MUS"));
  EXPECT_TRUE(scopes_overlap(units, "", ""));
  EXPECT_FALSE(scopes_overlap(units, "BIB", "MUS"));
  EXPECT_FALSE(scopes_overlap(units, "KF", "ANDRA"));
  EXPECT_FALSE(scopes_overlap(units, "GONE", "KF"));  // an unknown scope unit holds nobody
}

TEST(RoundOpening, an_open_round_of_the_same_framework_and_overlapping_units_needs_a_confirmation) {
  const std::vector<Round> rounds{round("2025", "digital", "KF", RoundState::kClosed),
                                  round("2026", "digital", "KF", RoundState::kOpen),
                                  round("ledare", "ledarskap", "KF", RoundState::kOpen),
                                  round("andra", "digital", "ANDRA", RoundState::kOpen),
                                  round("2027", "digital", "BIB", RoundState::kDraft, "2027-01-11")};
  const OpeningCheck check = check_opening(rounds.back(), rounds, tree(), kToday);
  EXPECT_EQ(check.overlapping, std::vector<std::string>{"2026"});  // not closed, other framework, other units
  EXPECT_TRUE(check.before_opening_date);
  EXPECT_TRUE(check.needs_confirmation());
  std::vector<std::string> lines;
  for (const Problem& problem : opening_problems(rounds.back(), check)) lines.push_back(problem.to_string());
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "round 2026: is open for the same framework 'digital' and overlapping units; opening '2027' "
                       "too needs a confirmation",
                       "opens: the round opens on 2027-01-11; opening it earlier needs a confirmation"}));
}

TEST(RoundOpening, a_round_on_or_after_its_opening_day_alone_in_its_scope_opens_without_a_question) {
  const std::vector<Round> rounds{round("2026", "digital", "MUS", RoundState::kOpen),
                                  round("2027", "digital", "BIB", RoundState::kDraft, "2026-12-04")};
  const OpeningCheck check = check_opening(rounds.back(), rounds, tree(), kToday);
  EXPECT_TRUE(check.overlapping.empty());
  EXPECT_FALSE(check.before_opening_date);
  EXPECT_FALSE(check.needs_confirmation());
  EXPECT_TRUE(opening_problems(rounds.back(), check).empty());
}

}  // namespace
}  // namespace trappa::core
