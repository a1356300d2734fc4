// Scoring a round of the organisation's own maturity survey (docs/maturity-survey.md,
// "Scoring"). Pure: the caller passes the instrument, the round's answers and K.
//
// - An answer x on an item with scale min–max scores (x − min) / (max − min) × 100; a reversed
//   item 100 − that. An N/A answer is not counted anywhere (neither score nor respondents).
// - An item's score is the mean of its answers' scores over respondents.
// - A node's score is the weighted mean of its items' scores and its children's scores, in ONE
//   pool: an item weighs its `weight`, a child node its `weight`, side by side. An item
//   without answers and a child that is not published are left out of the pool (the other
//   weights are renormalised), so no unpublished figure can be read back by difference.
// - Publication (the 60 % / K rule): a node's weight is shared out over the pool as above, and
//   a child's share further down to its own items, so every item of the subtree carries a
//   share of the node's weight. The node is published when items with at least K respondents
//   carry at least 60 % of it; otherwise it is "too few answers" and has no score.
// - The overall score is the same rule one level up: the weighted mean of the published top
//   nodes, published when items with at least K respondents carry 60 % of the top nodes'
//   weight.
// - Change: a published node's score minus the same node's (same code) in the previous round
//   of the same instrument, when it was published there too.
// - The three weakest nodes: the published nodes without child nodes, lowest score first
//   (ties by code).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/maturity/survey_instrument.hpp"

namespace trappa::core {

// The share of a node's weight that must lie on items with at least K respondents.
inline constexpr double kSurveyPublicationShare = 0.6;
// How many weakest nodes the results name.
inline constexpr std::size_t kSurveyWeakestCount = 3;

// One stored answer: a pseudonymous respondent token (never an employee id), the item's code
// and the scale value, or nullopt for N/A.
struct SurveyAnswer {
  std::string respondent;
  std::string item;
  std::optional<int> value{};
};

// Why `value` is not an answer to `item` (outside the scale, N/A where not allowed), or
// nullopt when it is.
[[nodiscard]] std::optional<std::string> survey_answer_problem(const SurveyItem& item, std::optional<int> value);

// An answer's score 0–100 (the item's direction applied).
[[nodiscard]] double normalised_survey_score(const SurveyItem& item, int value);

struct SurveyNodeResult {
  std::string code;
  std::string parent{};         // empty for a top node
  SurveyNodeKind kind = SurveyNodeKind::kDimension;
  SurveyText name{};
  double weight = 1.0;
  int depth = 0;                // 0 for top nodes
  bool leaf = true;             // no child nodes
  bool published = false;
  std::optional<double> score{};   // only when published
  std::size_t respondents = 0;     // who answered (not N/A) at least one item below the node
  double covered_share = 0;        // the share of weight on items with >= K respondents, 0–1
  std::optional<double> change{};  // since the previous round, when both are published
};

struct SurveyResults {
  std::size_t min_group = 0;       // K used
  std::size_t respondents = 0;     // who answered (not N/A) at least one item
  bool overall_published = false;
  std::optional<double> overall_score{};
  std::optional<double> overall_change{};
  double overall_covered_share = 0;
  std::vector<SurveyNodeResult> nodes{};  // tree order (depth first)
  std::vector<std::string> weakest{};     // node codes, weakest first, at most 3
};

// Scores the answers of one round. Answers to items the instrument does not have, and values
// survey_answer_problem refuses, are ignored (the store refuses them on save); a respondent's
// later answer to the same item replaces the earlier. `previous`: the results of the previous
// round of the same instrument, for the change.
[[nodiscard]] SurveyResults score_survey(const SurveyInstrument& instrument, std::span<const SurveyAnswer> answers,
                                         std::size_t min_group, const SurveyResults* previous = nullptr);

}  // namespace trappa::core
