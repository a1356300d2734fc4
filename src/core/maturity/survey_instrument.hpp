// The organisation's own maturity survey instrument (docs/maturity-survey.md): an instrument
// version is a tree of nodes (dimension → category → capability) with weights, whose items
// are statements answered on a scale. Pure values and their validation; no I/O.
//
// A version is immutable once any round has an answer to it (the store enforces the lock);
// a changed instrument is imported as a new version. Codes of nodes and items are unique
// within a version and keep their meaning across versions, so that results of two rounds can
// be compared node by node.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace trappa::core {

// A text in Swedish (always given) and English (may be empty: Swedish is shown instead).
struct SurveyText {
  std::string sv;
  std::string en{};
  bool operator==(const SurveyText&) const = default;
};

// The label of one step of an item's scale.
struct SurveyScaleLabel {
  int value = 0;
  SurveyText label{};
  bool operator==(const SurveyScaleLabel&) const = default;
};

struct SurveyItem {
  std::string code;
  SurveyText statement{};
  int scale_min = 1;
  int scale_max = 5;
  std::vector<SurveyScaleLabel> labels{};  // optional; each value within min..max, once
  bool reversed = false;                    // agreeing means less mature: scored 100 − x
  double weight = 1.0;                      // > 0
  bool not_applicable_allowed = false;      // the respondent may answer "N/A" (not scored)
  bool operator==(const SurveyItem&) const = default;
};

enum class SurveyNodeKind { kDimension, kCategory, kCapability };

[[nodiscard]] std::string_view to_code(SurveyNodeKind kind);  // "dimension", "category", "capability"
[[nodiscard]] std::optional<SurveyNodeKind> parse_survey_node_kind(std::string_view code);

struct SurveyNode {
  std::string code;
  SurveyNodeKind kind = SurveyNodeKind::kDimension;
  SurveyText name{};
  double weight = 1.0;                        // > 0, relative to the node's siblings and items
  std::vector<std::string> competence_areas{};  // codes of areas of the instrument's framework
  std::vector<SurveyItem> items{};
  std::vector<SurveyNode> children{};
  bool operator==(const SurveyNode&) const = default;
};

struct SurveyInstrument {
  std::string code;      // e.g. "offentlig-mognad"
  int version = 1;       // >= 1
  SurveyText title{};
  std::string framework{};    // the framework the nodes' competence_areas refer to; may be empty
  std::string attribution{};  // source and licence of borrowed items (e.g. CC BY 4.0); may be empty
  std::vector<SurveyNode> nodes{};  // the top nodes (dimensions)
  bool operator==(const SurveyInstrument&) const = default;
};

// Every problem of the instrument's content, each with a JSON-like path
// ("$.nodes[1].children[0].items[2].scale_max"): codes missing, repeated or not of the
// characters a-z A-Z 0-9 . _ -; a node below a node of the same or a higher level
// (dimension → category → capability); weights not above 0; a scale with max <= min or wider
// than 100 steps; labels outside the scale or repeated; a node without items or children;
// no nodes; competence areas named without a framework.
[[nodiscard]] std::vector<Problem> validate_survey_instrument(const SurveyInstrument& instrument);

// Every item of the instrument in tree order (depth first, a node's items before its children).
[[nodiscard]] std::vector<const SurveyItem*> survey_items(const SurveyInstrument& instrument);
[[nodiscard]] const SurveyItem* find_survey_item(const SurveyInstrument& instrument, std::string_view code);

}  // namespace trappa::core
