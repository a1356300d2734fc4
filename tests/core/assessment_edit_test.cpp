// Who may change what in an assessment: the table of (before, editor, edit) → after | refusal
// in tests/fixtures/assessment_edits (its README gives the line format), run through
// core::apply_assessment_edit. The table must cover every editor × field × status of an open
// round; the last test checks that it does.
#include "core/assessment/assessment_edit.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/assessment/assessment_rules.hpp"

namespace trappa::core {
namespace {

constexpr const char* kNow = "2026-12-03T10:00:00Z";
constexpr const char* kT0 = "2026-01-01T00:00:00Z";

Framework edit_framework() {
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

struct Case {
  std::string where;  // file:line
  std::string editor;
  std::string before;
  std::string round;
  std::vector<std::string> edit;
  std::vector<std::string> outcome;
};

std::vector<Case> read_cases() {
  std::vector<Case> cases;
  const std::filesystem::path directory = std::filesystem::path(TRAPPA_FIXTURES_DIR) / "assessment_edits";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == ".cases") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.empty() || line.front() == '#') continue;
      std::istringstream words(line);
      Case item;
      item.where = file.filename().string() + ":" + std::to_string(number);
      words >> item.editor >> item.before >> item.round;
      bool after_arrow = false;
      for (std::string word; words >> word;) {
        if (word == "=>") after_arrow = true;
        else (after_arrow ? item.outcome : item.edit).push_back(word);
      }
      cases.push_back(std::move(item));
    }
  }
  return cases;
}

std::pair<std::string, std::string> split_token(const std::string& token) {
  const auto equals = token.find('=');
  if (equals == std::string::npos) return {token, ""};
  return {token.substr(0, equals), token.substr(equals + 1)};
}

std::optional<int> level_of(const std::string& text) {
  if (text == "-") return std::nullopt;
  return std::stoi(text);
}

std::string stamp_of(const std::string& text) {
  if (text == "NOW") return kNow;
  if (text == "T0") return kT0;
  return "";
}

std::vector<std::string> list_of(const std::string& text) {
  std::vector<std::string> items;
  std::istringstream parts(text);
  for (std::string item; std::getline(parts, item, ',');) items.push_back(item);
  return items;
}

std::string text_of(std::string text) {
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

Rating& rating_for(Assessment& assessment, const std::string& code) {
  for (Rating& rating : assessment.ratings) {
    if (rating.competency == code) return rating;
  }
  assessment.ratings.push_back({code, std::nullopt, std::nullopt, {}, {}});
  return assessment.ratings.back();
}

Assessment before_for(const std::string& status) {
  Assessment before{"2026", "E2", AssessmentStatus::kNotStarted, {}, {}, {}, {}, {}, {}, {}};
  if (status == "none") return before;
  before.status = *parse_assessment_status(status);
  before.ratings = {{"1.1", 2, std::nullopt, {}, {}}};
  before.motivation = {{"1", 3}};
  if (before.status >= AssessmentStatus::kSelfAssessed) before.self_assessed_at = kT0;
  if (before.status >= AssessmentStatus::kConversationHeld) {
    before.ratings.front().agreed_level = 3;
    before.ratings.front().agreed_by = "M1";
    before.ratings.front().agreed_at = kT0;
    before.priorities = {"1.1"};
    before.notes = "samtal";
    before.conversation_at = kT0;
  }
  if (before.status >= AssessmentStatus::kFollowedUp) before.followed_up_at = kT0;
  return before;
}

AssessmentEdit edit_for(const Case& item) {
  AssessmentEdit edit;
  edit.role = item.editor == "person" ? EditorRole::kPerson : EditorRole::kReviewer;
  edit.editor_id = item.editor == "manager" ? "M1" : item.editor == "hr" ? "H1" : "E2";
  edit.at = kNow;
  for (const std::string& token : item.edit) {
    const auto [field, value] = split_token(token);
    if (field.starts_with("self.")) edit.self_levels[field.substr(5)] = level_of(value);
    else if (field.starts_with("agreed.")) edit.agreed_levels[field.substr(7)] = level_of(value);
    else if (field.starts_with("motivation.")) {
      if (!edit.motivation) edit.motivation.emplace();
      (*edit.motivation)[field.substr(11)] = std::stoi(value);
    } else if (field == "priorities") edit.priorities = list_of(value);
    else if (field == "notes") edit.notes = text_of(value);
    else if (field == "status") edit.status = *parse_assessment_status(value);
    else if (field == "conversation") {
      edit.conversation = value == "held"          ? ConversationMark::kHeld
                          : value == "followed_up" ? ConversationMark::kFollowedUp
                                                   : ConversationMark::kNotHeld;
    } else if (field == "confirm") {
      edit.incomplete = IncompleteConversation::kConfirmed;
    } else {
      ADD_FAILURE() << item.where << ": unknown edit token " << token;
    }
  }
  return edit;
}

// `before` with the outcome's assertions applied; agreed levels that change are stamped with
// the editor and NOW, as the rule stamps them.
Assessment expected_after(const Case& item, const Assessment& before, const std::string& editor_id) {
  Assessment expected = before;
  for (std::size_t i = 1; i < item.outcome.size(); ++i) {
    const auto [field, value] = split_token(item.outcome[i]);
    if (field.starts_with("self.")) rating_for(expected, field.substr(5)).self_level = level_of(value);
    else if (field.starts_with("agreed.")) {
      Rating& rating = rating_for(expected, field.substr(7));
      const auto level = level_of(value);
      if (rating.agreed_level == level) continue;
      rating.agreed_level = level;
      rating.agreed_by = level ? editor_id : "";
      rating.agreed_at = level ? kNow : "";
    } else if (field.starts_with("agreed_by.")) {
      // Checked against the result below.
    } else if (field.starts_with("motivation.")) {
      if (value == "-") expected.motivation.erase(field.substr(11));
      else expected.motivation[field.substr(11)] = std::stoi(value);
    } else if (field == "priorities") expected.priorities = list_of(value);
    else if (field == "notes") expected.notes = text_of(value);
    else if (field == "status") expected.status = *parse_assessment_status(value);
    else if (field == "self_assessed_at") expected.self_assessed_at = stamp_of(value);
    else if (field == "conversation_at") expected.conversation_at = stamp_of(value);
    else if (field == "followed_up_at") expected.followed_up_at = stamp_of(value);
    else ADD_FAILURE() << item.where << ": unknown outcome token " << item.outcome[i];
  }
  std::erase_if(expected.ratings, [](const Rating& rating) { return !rating.self_level && !rating.agreed_level; });
  return expected;
}

RoundState round_of(const std::string& text) { return *parse_round_state(text); }

TEST(AssessmentEdit, every_case_of_the_table_holds) {
  const Framework framework = edit_framework();
  const auto cases = read_cases();
  ASSERT_GT(cases.size(), 100U);
  for (const Case& item : cases) {
    SCOPED_TRACE(item.where);
    ASSERT_FALSE(item.outcome.empty()) << "no outcome";
    const Assessment before = before_for(item.before);
    const AssessmentEdit edit = edit_for(item);
    const EditOutcome outcome = apply_assessment_edit(framework, kPerson, round_of(item.round), before, edit);
    const std::string& verdict = item.outcome.front();
    if (verdict == "forbidden" || verdict == "conflict") {
      ASSERT_TRUE(outcome.refusal.has_value()) << "accepted: " << describe_assessment_change(&before, outcome.after);
      EXPECT_EQ(outcome.refusal->kind, verdict == "forbidden" ? ErrorKind::kForbidden : ErrorKind::kConflict)
          << outcome.refusal->message;
    } else if (verdict.starts_with("invalid:")) {
      ASSERT_TRUE(outcome.refusal.has_value()) << "accepted: " << describe_assessment_change(&before, outcome.after);
      ASSERT_EQ(outcome.refusal->kind, ErrorKind::kInvalidInput) << outcome.refusal->message;
      const std::string field = verdict.substr(8);
      EXPECT_TRUE(std::any_of(outcome.refusal->problems.begin(), outcome.refusal->problems.end(),
                              [&](const Problem& problem) { return problem.where == field; }))
          << outcome.refusal->describe();
    } else {
      ASSERT_EQ(verdict, "ok");
      ASSERT_FALSE(outcome.refusal.has_value()) << outcome.refusal->describe();
      const Assessment expected = expected_after(item, before, edit.editor_id);
      EXPECT_EQ(outcome.after, expected) << "differs from the expected by: "
                                         << describe_assessment_change(&expected, outcome.after);
      for (std::size_t i = 1; i < item.outcome.size(); ++i) {
        const auto [field, value] = split_token(item.outcome[i]);
        if (!field.starts_with("agreed_by.")) continue;
        const Rating* rating = outcome.after.find_rating(field.substr(10));
        ASSERT_NE(rating, nullptr) << field;
        EXPECT_EQ(rating->agreed_by, value);
      }
    }
  }
}

TEST(AssessmentEdit, the_table_covers_every_editor_field_and_status_of_an_open_round) {
  std::set<std::string> covered;
  for (const Case& item : read_cases()) {
    if (item.round != "open" || item.edit.empty()) continue;
    std::string field = split_token(item.edit.front()).first;
    if (field == "status" || field == "conversation") field = item.edit.front();
    else field = field.substr(0, field.find('.'));
    covered.insert(item.editor + " " + field + " " + item.before);
  }
  std::vector<std::string> missing;
  for (const char* editor : {"person", "manager"}) {
    for (const char* field : {"self", "agreed", "motivation", "priorities", "notes", "status=not_started",
                              "status=self_assessed", "status=conversation_held", "status=followed_up",
                              "conversation=not_held", "conversation=held", "conversation=followed_up"}) {
      for (const char* status : {"not_started", "self_assessed", "conversation_held", "followed_up"}) {
        const std::string cell = std::string(editor) + " " + field + " " + status;
        if (!covered.contains(cell)) missing.push_back(cell);
      }
    }
  }
  EXPECT_TRUE(missing.empty()) << missing.size() << " cells without a case, the first: " << missing.front();
}

TEST(AssessmentEdit, a_refused_edit_still_shows_what_was_entered) {
  // The form comes back with the entered values beside the problem.
  AssessmentEdit edit;
  edit.role = EditorRole::kPerson;
  edit.editor_id = "E2";
  edit.at = kNow;
  edit.self_levels = {{"1.2", 3}, {"1.3", 2}};
  const EditOutcome outcome =
      apply_assessment_edit(edit_framework(), kPerson, RoundState::kOpen, before_for("self_assessed"), edit);
  ASSERT_TRUE(outcome.refusal.has_value());
  ASSERT_NE(outcome.after.find_rating("1.2"), nullptr);
  EXPECT_EQ(outcome.after.find_rating("1.2")->self_level, 3);
}

TEST(AssessmentEdit, nobody_may_agree_their_own_levels_hr_included) {
  EXPECT_FALSE(may_agree_levels({"E2", true}, kPerson));
  EXPECT_FALSE(may_agree_levels({"E2", false}, kPerson));
  EXPECT_TRUE(may_agree_levels({"H1", true}, kPerson));
  EXPECT_TRUE(may_agree_levels({"M1", false}, kPerson));
  EXPECT_FALSE(may_agree_levels({"X9", false}, kPerson));
}

}  // namespace
}  // namespace trappa::core
