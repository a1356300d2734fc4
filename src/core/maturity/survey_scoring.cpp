#include "core/maturity/survey_scoring.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace trappa::core {

std::optional<std::string> survey_answer_problem(const SurveyItem& item, std::optional<int> value) {
  if (!value) {
    if (item.not_applicable_allowed) return std::nullopt;
    return fmt::format("the item '{}' does not allow N/A", item.code);
  }
  if (*value < item.scale_min || *value > item.scale_max) {
    return fmt::format("{} is outside the scale {}–{} of the item '{}'", *value, item.scale_min, item.scale_max, item.code);
  }
  return std::nullopt;
}

double normalised_survey_score(const SurveyItem& item, int value) {
  const double score = static_cast<double>(value - item.scale_min) / static_cast<double>(item.scale_max - item.scale_min) * 100.0;
  return item.reversed ? 100.0 - score : score;
}

namespace {

// Rounding noise must not decide publication: 0.6 written as three fifths is published.
constexpr double kShareTolerance = 1e-9;

struct ItemTally {
  double sum = 0;
  std::size_t count = 0;
  std::set<std::string> respondents;
};

// What a node hands its parent: its (published) score, its covered share and its respondents.
struct Subtree {
  bool published = false;
  std::optional<double> score;
  double covered = 0;
  std::set<std::string> respondents;
};

class Scorer {
 public:
  Scorer(std::map<std::string, ItemTally> tallies, std::size_t min_group)
      : tallies_(std::move(tallies)), min_group_(min_group) {}

  // Scores `node` and its subtree, appending their results in tree order.
  Subtree score(const SurveyNode& node, const std::string& parent, int depth, std::vector<SurveyNodeResult>& out) {
    const std::size_t position = out.size();
    out.push_back({.code = node.code, .parent = parent, .kind = node.kind, .name = node.name, .weight = node.weight,
                   .depth = depth, .leaf = node.children.empty()});
    double total_weight = 0;
    double covered_weight = 0;
    double score_weight = 0;
    double score_sum = 0;
    Subtree result;
    for (const SurveyItem& item : node.items) {
      total_weight += item.weight;
      const auto tally = tallies_.find(item.code);
      if (tally == tallies_.end() || tally->second.count == 0) continue;
      if (tally->second.count >= min_group_) covered_weight += item.weight;
      score_weight += item.weight;
      score_sum += item.weight * (tally->second.sum / static_cast<double>(tally->second.count));
      result.respondents.insert(tally->second.respondents.begin(), tally->second.respondents.end());
    }
    for (const SurveyNode& child : node.children) {
      Subtree below = score(child, node.code, depth + 1, out);
      total_weight += child.weight;
      covered_weight += child.weight * below.covered;
      if (below.published && below.score) {
        score_weight += child.weight;
        score_sum += child.weight * *below.score;
      }
      result.respondents.merge(below.respondents);
    }
    result.covered = total_weight > 0 ? covered_weight / total_weight : 0;
    result.published = result.covered + kShareTolerance >= kSurveyPublicationShare && score_weight > 0;
    if (result.published) result.score = score_sum / score_weight;
    SurveyNodeResult& mine = out[position];
    mine.published = result.published;
    mine.score = result.score;
    mine.respondents = result.respondents.size();
    mine.covered_share = result.covered;
    return result;
  }

 private:
  std::map<std::string, ItemTally> tallies_;
  std::size_t min_group_;
};

}  // namespace

SurveyResults score_survey(const SurveyInstrument& instrument, std::span<const SurveyAnswer> answers,
                           std::size_t min_group, const SurveyResults* previous) {
  std::map<std::string, const SurveyItem*> items;
  for (const SurveyItem* item : survey_items(instrument)) items.emplace(item->code, item);

  // The last answer of each respondent to each item.
  std::map<std::pair<std::string, std::string>, std::optional<int>> latest;
  for (const SurveyAnswer& answer : answers) {
    const auto item = items.find(answer.item);
    if (item == items.end() || survey_answer_problem(*item->second, answer.value)) continue;
    latest[{answer.item, answer.respondent}] = answer.value;
  }
  std::map<std::string, ItemTally> tallies;
  for (const auto& [key, value] : latest) {
    if (!value) continue;  // N/A: not counted
    ItemTally& tally = tallies[key.first];
    tally.sum += normalised_survey_score(*items.at(key.first), *value);
    ++tally.count;
    tally.respondents.insert(key.second);
  }

  SurveyResults results;
  results.min_group = min_group;
  Scorer scorer(std::move(tallies), min_group);
  double total_weight = 0;
  double covered_weight = 0;
  double score_weight = 0;
  double score_sum = 0;
  std::set<std::string> respondents;
  for (const SurveyNode& node : instrument.nodes) {
    Subtree top = scorer.score(node, {}, 0, results.nodes);
    total_weight += node.weight;
    covered_weight += node.weight * top.covered;
    if (top.published && top.score) {
      score_weight += node.weight;
      score_sum += node.weight * *top.score;
    }
    respondents.merge(top.respondents);
  }
  results.respondents = respondents.size();
  results.overall_covered_share = total_weight > 0 ? covered_weight / total_weight : 0;
  results.overall_published =
      results.overall_covered_share + kShareTolerance >= kSurveyPublicationShare && score_weight > 0;
  if (results.overall_published) results.overall_score = score_sum / score_weight;

  if (previous != nullptr) {
    std::map<std::string, double> before;
    for (const SurveyNodeResult& node : previous->nodes) {
      if (node.published && node.score) before.emplace(node.code, *node.score);
    }
    for (SurveyNodeResult& node : results.nodes) {
      const auto found = before.find(node.code);
      if (node.score && found != before.end()) node.change = *node.score - found->second;
    }
    if (results.overall_score && previous->overall_score) {
      results.overall_change = *results.overall_score - *previous->overall_score;
    }
  }

  std::vector<const SurveyNodeResult*> leaves;
  for (const SurveyNodeResult& node : results.nodes) {
    if (node.leaf && node.score) leaves.push_back(&node);
  }
  std::ranges::sort(leaves, [](const SurveyNodeResult* a, const SurveyNodeResult* b) {
    return *a->score != *b->score ? *a->score < *b->score : a->code < b->code;
  });
  for (std::size_t i = 0; i < leaves.size() && i < kSurveyWeakestCount; ++i) results.weakest.push_back(leaves[i]->code);
  return results;
}

}  // namespace trappa::core
