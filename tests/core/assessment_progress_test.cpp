// The one status model (issue 13, item 4) and what a conversation would leave missing (item 2):
// core/assessment/assessment_progress.hpp. Table-driven: each stored status with and without
// the person's own answers gives exactly one state, and each state has one code.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/assessment/assessment_progress.hpp"

namespace trappa::core {
namespace {

Framework two_area_framework() {
  Framework framework;
  framework.id = "f";
  framework.name = "F";
  framework.version = "1";
  framework.scale = {1, 4, {"1", "2", "3", "4"}};
  framework.roles = {"r"};
  framework.areas = {
      {"1", "Ett", "", "Hur motiverad?", {}, {{"1.1", "a", "", {}}, {"1.2", "b", "", {}}, {"1.3", "c", "", {}}}},
      {"2", "Två", "", "Hur motiverad?", {}, {{"2.1", "d", "", {}}}},
  };
  framework.profiles = {{"r", {{"1.1", 3}, {"1.2", 3}, {"2.1", 2}}}};
  return framework;
}

const Person kPerson{"E2", "Eva", "", Gender::kWoman, 1980, "U", "r", "M1", {}};

Assessment with(AssessmentStatus status) {
  Assessment assessment;
  assessment.round = "2026";
  assessment.employee_id = "E2";
  assessment.status = status;
  return assessment;
}

TEST(AssessmentProgress, each_stored_status_with_or_without_own_answers_is_one_state) {
  struct Row {
    AssessmentStatus status;
    bool answers;
    Progress expected;
  };
  const Row rows[] = {
      {AssessmentStatus::kNotStarted, false, Progress::kNotStarted},
      {AssessmentStatus::kNotStarted, true, Progress::kDraft},
      {AssessmentStatus::kSelfAssessed, true, Progress::kSelfAssessed},
      {AssessmentStatus::kSelfAssessed, false, Progress::kSelfAssessed},
      {AssessmentStatus::kConversationHeld, true, Progress::kConversationHeld},
      {AssessmentStatus::kConversationHeld, false, Progress::kConversationHeld},
      {AssessmentStatus::kFollowedUp, true, Progress::kFollowedUp},
      {AssessmentStatus::kFollowedUp, false, Progress::kFollowedUp},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(progress_of(row.status, row.answers), row.expected)
        << to_code(row.status) << (row.answers ? " with" : " without") << " answers";
  }
}

TEST(AssessmentProgress, a_saved_draft_is_a_draft_whether_it_holds_levels_or_only_motivation) {
  Assessment levels = with(AssessmentStatus::kNotStarted);
  levels.ratings.push_back({"1.1", 2, std::nullopt, {}, {}});
  EXPECT_EQ(progress_of(levels), Progress::kDraft);
  Assessment motivation = with(AssessmentStatus::kNotStarted);
  motivation.motivation["1"] = 4;
  EXPECT_EQ(progress_of(motivation), Progress::kDraft);
  // Levels the manager agreed before the person answered are not the person's draft.
  Assessment agreed_only = with(AssessmentStatus::kNotStarted);
  agreed_only.ratings.push_back({"1.1", std::nullopt, 3, "M1", "2026-01-01T00:00:00Z"});
  EXPECT_EQ(progress_of(agreed_only), Progress::kNotStarted);
  EXPECT_EQ(progress_of(with(AssessmentStatus::kNotStarted)), Progress::kNotStarted);
}

TEST(AssessmentProgress, every_state_has_its_own_code_that_reads_back) {
  std::set<std::string> codes;
  for (Progress progress : kAllProgress) {
    const std::string code(to_code(progress));
    EXPECT_TRUE(codes.insert(code).second) << code;
    EXPECT_EQ(parse_progress(code), progress) << code;
  }
  EXPECT_EQ(codes, (std::set<std::string>{"not_started", "draft", "self_assessed", "conversation_held", "followed_up"}));
  EXPECT_EQ(parse_progress("Utkast sparat"), std::nullopt);
}

TEST(AssessmentProgress, a_person_counts_as_assessed_only_with_a_rating) {
  Assessment held = with(AssessmentStatus::kConversationHeld);
  held.conversation_at = "2026-03-01T10:00:00Z";
  held.notes = "samtal";
  EXPECT_FALSE(has_rating(held)) << "a conversation without levels is no rating";
  held.motivation["1"] = 4;
  EXPECT_FALSE(has_rating(held)) << "motivation is no rating";
  held.ratings.push_back({"2.1", std::nullopt, 2, "M1", "2026-03-01T10:00:00Z"});
  EXPECT_TRUE(has_rating(held));
}

TEST(AssessmentProgress, the_gaps_of_a_conversation_name_the_missing_submission_and_every_competency_without_a_level) {
  const Framework framework = two_area_framework();
  const ConversationGaps nothing = conversation_gaps(framework, kPerson, with(AssessmentStatus::kConversationHeld));
  EXPECT_TRUE(nothing.not_submitted);
  EXPECT_EQ(nothing.without_level, (std::vector<std::string>{"1.1", "1.2", "2.1"})) << "1.3 is not in the profile";

  Assessment partly = with(AssessmentStatus::kSelfAssessed);
  partly.self_assessed_at = "2026-02-01T09:00:00Z";
  partly.ratings.push_back({"1.1", 2, std::nullopt, {}, {}});
  partly.ratings.push_back({"2.1", std::nullopt, 3, "M1", "2026-03-01T10:00:00Z"});
  const ConversationGaps some = conversation_gaps(framework, kPerson, partly);
  EXPECT_FALSE(some.not_submitted);
  EXPECT_EQ(some.without_level, (std::vector<std::string>{"1.2"}));
  EXPECT_FALSE(some.empty());

  partly.ratings.push_back({"1.2", 3, std::nullopt, {}, {}});
  EXPECT_TRUE(conversation_gaps(framework, kPerson, partly).empty());
}

}  // namespace
}  // namespace trappa::core
