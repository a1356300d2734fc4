// Scoring of the organisation's own maturity survey (core/maturity/survey_scoring.hpp) on
// instruments and answers made by hand, with K = 3 unless a test says otherwise.
#include "core/maturity/survey_scoring.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace trappa::core {
namespace {

SurveyItem item(std::string code, double weight = 1, bool reversed = false, int min = 1, int max = 5) {
  SurveyItem made;
  made.code = std::move(code);
  made.statement = {"Påstående", "Statement"};
  made.scale_min = min;
  made.scale_max = max;
  made.weight = weight;
  made.reversed = reversed;
  made.not_applicable_allowed = true;
  return made;
}

SurveyNode node(std::string code, SurveyNodeKind kind, double weight, std::vector<SurveyItem> items,
                std::vector<SurveyNode> children = {}) {
  SurveyNode made;
  made.code = std::move(code);
  made.kind = kind;
  made.name = {"Nod", "Node"};
  made.weight = weight;
  made.items = std::move(items);
  made.children = std::move(children);
  return made;
}

SurveyInstrument instrument(std::vector<SurveyNode> nodes) {
  SurveyInstrument made;
  made.code = "test";
  made.version = 1;
  made.title = {"Test", "Test"};
  made.nodes = std::move(nodes);
  return made;
}

// `count` respondents r1..rN each answering `value` to `item_code`.
void answer_all(std::vector<SurveyAnswer>& answers, const std::string& item_code, int count, std::optional<int> value) {
  for (int i = 1; i <= count; ++i) answers.push_back({"r" + std::to_string(i), item_code, value});
}

const SurveyNodeResult& result_of(const SurveyResults& results, const std::string& code) {
  for (const SurveyNodeResult& node : results.nodes) {
    if (node.code == code) return node;
  }
  throw std::runtime_error("no node " + code);
}

TEST(SurveyScoring, AnswersAreNormalisedToZeroToHundredAndReversedItemsTurned) {
  const SurveyItem plain = item("a", 1, false, 1, 5);
  const SurveyItem reversed = item("b", 1, true, 1, 5);
  EXPECT_DOUBLE_EQ(normalised_survey_score(plain, 1), 0);
  EXPECT_DOUBLE_EQ(normalised_survey_score(plain, 4), 75);
  EXPECT_DOUBLE_EQ(normalised_survey_score(plain, 5), 100);
  EXPECT_DOUBLE_EQ(normalised_survey_score(reversed, 4), 25);
  EXPECT_DOUBLE_EQ(normalised_survey_score(item("c", 1, false, 0, 10), 3), 30);
}

TEST(SurveyScoring, ANodeIsTheWeightedMeanOfItsItemsMeansOverRespondents) {
  const auto survey = instrument({node("d", SurveyNodeKind::kDimension, 1, {item("a", 1), item("b", 3)})});
  std::vector<SurveyAnswer> answers;
  // a: 1, 5, 3 -> 0, 100, 50 -> mean 50; b: 5, 5, 4 -> 100, 100, 75 -> mean 91.67
  answers.push_back({"r1", "a", 1});
  answers.push_back({"r2", "a", 5});
  answers.push_back({"r3", "a", 3});
  answers.push_back({"r1", "b", 5});
  answers.push_back({"r2", "b", 5});
  answers.push_back({"r3", "b", 4});
  const SurveyResults results = score_survey(survey, answers, 3);
  const SurveyNodeResult& d = result_of(results, "d");
  ASSERT_TRUE(d.published);
  EXPECT_NEAR(*d.score, (50.0 * 1 + (275.0 / 3) * 3) / 4, 1e-9);
  EXPECT_EQ(d.respondents, 3u);
  ASSERT_TRUE(results.overall_score);
  EXPECT_NEAR(*results.overall_score, *d.score, 1e-9);
}

TEST(SurveyScoring, AReversedItemCountsAgreementAsLessMature) {
  const auto survey = instrument({node("d", SurveyNodeKind::kDimension, 1, {item("a", 1, true)})});
  std::vector<SurveyAnswer> answers;
  answer_all(answers, "a", 3, 4);
  EXPECT_DOUBLE_EQ(*score_survey(survey, answers, 3).nodes[0].score, 25);
}

TEST(SurveyScoring, NotApplicableAnswersAreNotCountedInScoresOrRespondents) {
  const auto survey = instrument({node("d", SurveyNodeKind::kDimension, 1, {item("a")})});
  std::vector<SurveyAnswer> answers;
  answer_all(answers, "a", 3, 5);
  answers.push_back({"r4", "a", std::nullopt});
  answers.push_back({"r5", "a", std::nullopt});
  const SurveyResults results = score_survey(survey, answers, 3);
  EXPECT_DOUBLE_EQ(*results.nodes[0].score, 100);
  EXPECT_EQ(results.nodes[0].respondents, 3u);
  EXPECT_EQ(results.respondents, 3u);
  // With only N/A from a fourth respondent nobody is added: 2 real answers stay below K = 3.
  std::vector<SurveyAnswer> few;
  answer_all(few, "a", 2, 5);
  few.push_back({"r9", "a", std::nullopt});
  EXPECT_FALSE(score_survey(survey, few, 3).nodes[0].published);
}

TEST(SurveyScoring, ANodeIsPublishedOnlyWhenItemsCarryingSixtyPercentOfItsWeightHaveKRespondents) {
  // Items of weight 3 and 2: 3/5 = 60 % is enough, 2/5 = 40 % is not.
  const auto survey = instrument({node("d", SurveyNodeKind::kDimension, 1, {item("heavy", 3), item("light", 2)})});
  std::vector<SurveyAnswer> heavy_answered;
  answer_all(heavy_answered, "heavy", 3, 5);
  answer_all(heavy_answered, "light", 2, 1);
  const SurveyResults enough = score_survey(survey, heavy_answered, 3);
  EXPECT_TRUE(enough.nodes[0].published);
  EXPECT_NEAR(enough.nodes[0].covered_share, 0.6, 1e-12);
  // The item below K still counts in the published score: (3·100 + 2·0) / 5.
  EXPECT_DOUBLE_EQ(*enough.nodes[0].score, 60);

  std::vector<SurveyAnswer> light_answered;
  answer_all(light_answered, "light", 3, 5);
  answer_all(light_answered, "heavy", 2, 5);
  const SurveyResults too_few = score_survey(survey, light_answered, 3);
  EXPECT_FALSE(too_few.nodes[0].published);
  EXPECT_FALSE(too_few.nodes[0].score);
  EXPECT_EQ(too_few.nodes[0].respondents, 3u);
  EXPECT_FALSE(too_few.overall_published);
  EXPECT_FALSE(too_few.overall_score);
}

TEST(SurveyScoring, KIsTheCallersThreshold) {
  const auto survey = instrument({node("d", SurveyNodeKind::kDimension, 1, {item("a")})});
  std::vector<SurveyAnswer> answers;
  answer_all(answers, "a", 4, 3);
  EXPECT_FALSE(score_survey(survey, answers, 5).nodes[0].published);
  answers.push_back({"r5", "a", 3});
  EXPECT_TRUE(score_survey(survey, answers, 5).nodes[0].published);
}

TEST(SurveyScoring, ItemsAndChildrenShareOnePoolOfWeightAndAnUnpublishedChildIsLeftOut) {
  // d has an item of weight 1 and two categories of weight 1 and 2.
  const auto survey = instrument({node("d", SurveyNodeKind::kDimension, 1, {item("own")},
                                      {node("c1", SurveyNodeKind::kCategory, 1, {item("x")}),
                                       node("c2", SurveyNodeKind::kCategory, 2, {item("y")})})});
  std::vector<SurveyAnswer> answers;
  answer_all(answers, "own", 3, 5);  // 100
  answer_all(answers, "x", 3, 1);    // 0
  answer_all(answers, "y", 3, 3);    // 50
  const SurveyResults all = score_survey(survey, answers, 3);
  EXPECT_DOUBLE_EQ(*result_of(all, "d").score, (100.0 * 1 + 0 * 1 + 50.0 * 2) / 4);

  // c1 below K: c1 is too few answers and is left out of d, whose weight share on items with
  // K respondents is (1 + 2) / 4 = 75 %: published, from own and c2 only.
  std::vector<SurveyAnswer> partial;
  answer_all(partial, "own", 3, 5);
  answer_all(partial, "x", 2, 1);
  answer_all(partial, "y", 3, 3);
  const SurveyResults some = score_survey(survey, partial, 3);
  EXPECT_FALSE(result_of(some, "c1").published);
  EXPECT_TRUE(result_of(some, "d").published);
  EXPECT_NEAR(result_of(some, "d").covered_share, 0.75, 1e-12);
  EXPECT_DOUBLE_EQ(*result_of(some, "d").score, (100.0 * 1 + 50.0 * 2) / 3);
}

TEST(SurveyScoring, AChildsShareReachesDownToItsItemsForTheSixtyPercentRule) {
  // d's weight is all in c (weight 1), whose items weigh 1 and 1: one item with K respondents
  // covers half of c and so half of d — too few for either.
  const auto survey = instrument({node("d", SurveyNodeKind::kDimension, 1, {},
                                      {node("c", SurveyNodeKind::kCategory, 1, {item("a"), item("b")})})});
  std::vector<SurveyAnswer> answers;
  answer_all(answers, "a", 3, 5);
  const SurveyResults results = score_survey(survey, answers, 3);
  EXPECT_NEAR(result_of(results, "d").covered_share, 0.5, 1e-12);
  EXPECT_FALSE(result_of(results, "d").published);
  EXPECT_FALSE(result_of(results, "c").published);
}

TEST(SurveyScoring, TheOverallScoreIsTheWeightedMeanOfThePublishedTopNodes) {
  const auto survey = instrument({node("d1", SurveyNodeKind::kDimension, 1, {item("a")}),
                                  node("d2", SurveyNodeKind::kDimension, 3, {item("b")}),
                                  node("d3", SurveyNodeKind::kDimension, 1, {item("c")})});
  std::vector<SurveyAnswer> answers;
  answer_all(answers, "a", 3, 5);  // 100
  answer_all(answers, "b", 3, 1);  // 0
  answer_all(answers, "c", 1, 3);  // below K: d3 too few, 4/5 of the weight covered
  const SurveyResults results = score_survey(survey, answers, 3);
  ASSERT_TRUE(results.overall_published);
  EXPECT_DOUBLE_EQ(*results.overall_score, (100.0 * 1 + 0 * 3) / 4);
  EXPECT_FALSE(result_of(results, "d3").published);
}

TEST(SurveyScoring, ChangeIsAgainstTheSameNodeOfThePreviousRoundWhenBothArePublished) {
  const auto survey = instrument({node("d1", SurveyNodeKind::kDimension, 1, {item("a")}),
                                  node("d2", SurveyNodeKind::kDimension, 1, {item("b")})});
  std::vector<SurveyAnswer> before;
  answer_all(before, "a", 3, 3);  // 50
  answer_all(before, "b", 2, 3);  // too few
  const SurveyResults previous = score_survey(survey, before, 3);
  std::vector<SurveyAnswer> now;
  answer_all(now, "a", 4, 4);  // 75
  answer_all(now, "b", 3, 5);  // 100
  const SurveyResults current = score_survey(survey, now, 3, &previous);
  EXPECT_DOUBLE_EQ(*result_of(current, "d1").change, 25);
  EXPECT_FALSE(result_of(current, "d2").change);
  // Overall, the previous round covered half the weight only: no overall figure to compare with.
  EXPECT_FALSE(previous.overall_published);
  EXPECT_FALSE(current.overall_change);
  std::vector<SurveyAnswer> later;
  answer_all(later, "a", 3, 5);  // 100
  answer_all(later, "b", 3, 3);  // 50
  const SurveyResults next = score_survey(survey, later, 3, &current);
  ASSERT_TRUE(next.overall_change);
  EXPECT_DOUBLE_EQ(*next.overall_change, 75 - 87.5);
}

TEST(SurveyScoring, TheThreeWeakestArePublishedLeafNodesLowestFirst) {
  const auto survey = instrument({node("d1", SurveyNodeKind::kDimension, 1, {},
                                       {node("c1", SurveyNodeKind::kCategory, 1, {item("a")}),
                                        node("c2", SurveyNodeKind::kCategory, 1, {item("b")})}),
                                  node("d2", SurveyNodeKind::kDimension, 1, {},
                                       {node("c3", SurveyNodeKind::kCategory, 1, {item("c")}),
                                        node("c4", SurveyNodeKind::kCategory, 1, {item("d")}),
                                        node("c5", SurveyNodeKind::kCategory, 1, {item("e")})})});
  std::vector<SurveyAnswer> answers;
  answer_all(answers, "a", 3, 2);  // 25
  answer_all(answers, "b", 3, 5);  // 100
  answer_all(answers, "c", 3, 1);  // 0
  answer_all(answers, "d", 3, 4);  // 75
  answer_all(answers, "e", 2, 1);  // too few: not among the weakest
  const SurveyResults results = score_survey(survey, answers, 3);
  EXPECT_EQ(results.weakest, (std::vector<std::string>{"c3", "c1", "c4"}));
}

TEST(SurveyScoring, ALaterAnswerReplacesTheEarlierAndInvalidValuesAreIgnored) {
  const auto survey = instrument({node("d", SurveyNodeKind::kDimension, 1, {item("a")})});
  std::vector<SurveyAnswer> answers;
  answer_all(answers, "a", 3, 1);
  answer_all(answers, "a", 3, 5);
  answers.push_back({"r4", "a", 9});        // outside 1–5
  answers.push_back({"r5", "unknown", 3});  // no such item
  const SurveyResults results = score_survey(survey, answers, 3);
  EXPECT_DOUBLE_EQ(*results.nodes[0].score, 100);
  EXPECT_EQ(results.respondents, 3u);
}

TEST(SurveyScoring, AnswerProblemsNameTheScaleAndNotApplicable) {
  SurveyItem strict = item("a");
  strict.not_applicable_allowed = false;
  EXPECT_TRUE(survey_answer_problem(strict, std::nullopt));
  EXPECT_TRUE(survey_answer_problem(strict, 0));
  EXPECT_FALSE(survey_answer_problem(strict, 5));
  EXPECT_FALSE(survey_answer_problem(item("b"), std::nullopt));
}

TEST(SurveyInstrumentValidation, ReportsEveryProblemWithItsPath) {
  SurveyInstrument bad = instrument({node("d", SurveyNodeKind::kCategory, 0, {item("a"), item("a")},
                                          {node("d", SurveyNodeKind::kDimension, 1, {})})});
  bad.nodes[0].items[0].scale_max = 1;
  bad.nodes[0].items[1].labels = {{7, {"sju", "seven"}}};
  bad.nodes[0].competence_areas = {"1.1"};
  const std::vector<Problem> problems = validate_survey_instrument(bad);
  std::vector<std::string> where;
  for (const Problem& problem : problems) where.push_back(problem.where);
  EXPECT_EQ(where, (std::vector<std::string>{"$.nodes[0].weight", "$.nodes[0].competence_areas",
                                             "$.nodes[0].items[0].scale_max", "$.nodes[0].items[1].code",
                                             "$.nodes[0].items[1].labels[0].value", "$.nodes[0].children[0].code",
                                             "$.nodes[0].children[0].kind", "$.nodes[0].children[0]"}));
}

TEST(SurveyInstrumentValidation, AWellFormedTreeHasNoProblems) {
  const auto survey = instrument({node("d", SurveyNodeKind::kDimension, 1, {item("a")},
                                      {node("c", SurveyNodeKind::kCategory, 1, {},
                                            {node("k", SurveyNodeKind::kCapability, 1, {item("b")})})})});
  EXPECT_TRUE(validate_survey_instrument(survey).empty());
  EXPECT_EQ(survey_items(survey).size(), 2u);
  EXPECT_NE(find_survey_item(survey, "b"), nullptr);
}

}  // namespace
}  // namespace trappa::core
