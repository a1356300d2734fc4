#include "core/maturity/survey_instrument.hpp"

#include <set>

#include <fmt/format.h>

namespace trappa::core {

std::string_view to_code(SurveyNodeKind kind) {
  switch (kind) {
    case SurveyNodeKind::kDimension: return "dimension";
    case SurveyNodeKind::kCategory: return "category";
    case SurveyNodeKind::kCapability: return "capability";
  }
  return "dimension";
}

std::optional<SurveyNodeKind> parse_survey_node_kind(std::string_view code) {
  if (code == "dimension") return SurveyNodeKind::kDimension;
  if (code == "category") return SurveyNodeKind::kCategory;
  if (code == "capability") return SurveyNodeKind::kCapability;
  return std::nullopt;
}

namespace {

// The largest number of scale steps accepted: beyond it a "scale" is a free number.
constexpr int kMaxScaleSteps = 100;

bool is_code(std::string_view code) {
  if (code.empty() || code.size() > 64) return false;
  for (const char c : code) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

class InstrumentCheck {
 public:
  explicit InstrumentCheck(const SurveyInstrument& instrument) : instrument_(instrument) {}

  std::vector<Problem> run() {
    if (!is_code(instrument_.code)) add("$.instrument", "a code of letters, digits, '.', '_' or '-' expected");
    if (instrument_.version < 1) add("$.version", "a whole number of at least 1 expected");
    if (instrument_.title.sv.empty()) add("$.title.sv", "missing");
    if (instrument_.nodes.empty()) add("$.nodes", "at least one node expected");
    for (std::size_t i = 0; i < instrument_.nodes.size(); ++i) {
      check_node(instrument_.nodes[i], fmt::format("$.nodes[{}]", i), std::nullopt);
    }
    return std::move(problems_);
  }

 private:
  void check_node(const SurveyNode& node, const std::string& path, std::optional<SurveyNodeKind> parent) {
    check_code(node.code, path + ".code", node_codes_, "node");
    if (parent && static_cast<int>(node.kind) <= static_cast<int>(*parent)) {
      add(path + ".kind", fmt::format("a {} cannot be below a {} (dimension → category → capability)",
                                      to_code(node.kind), to_code(*parent)));
    }
    if (node.name.sv.empty()) add(path + ".name.sv", "missing");
    if (!(node.weight > 0)) add(path + ".weight", "a number above 0 expected");
    if (node.items.empty() && node.children.empty()) add(path, "a node needs items or child nodes");
    if (!node.competence_areas.empty() && instrument_.framework.empty()) {
      add(path + ".competence_areas", "competence areas need the instrument's framework ($.framework)");
    }
    for (std::size_t i = 0; i < node.competence_areas.size(); ++i) {
      if (node.competence_areas[i].empty()) add(fmt::format("{}.competence_areas[{}]", path, i), "empty");
    }
    for (std::size_t i = 0; i < node.items.size(); ++i) check_item(node.items[i], fmt::format("{}.items[{}]", path, i));
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      check_node(node.children[i], fmt::format("{}.children[{}]", path, i), node.kind);
    }
  }

  void check_item(const SurveyItem& item, const std::string& path) {
    check_code(item.code, path + ".code", item_codes_, "item");
    if (item.statement.sv.empty()) add(path + ".statement.sv", "missing");
    if (item.scale_max <= item.scale_min) {
      add(path + ".scale_max", fmt::format("must be above scale_min ({})", item.scale_min));
    } else if (item.scale_max - item.scale_min > kMaxScaleSteps) {
      add(path + ".scale_max", fmt::format("a scale of at most {} steps expected", kMaxScaleSteps));
    }
    if (!(item.weight > 0)) add(path + ".weight", "a number above 0 expected");
    std::set<int> seen;
    for (std::size_t i = 0; i < item.labels.size(); ++i) {
      const SurveyScaleLabel& label = item.labels[i];
      const std::string label_path = fmt::format("{}.labels[{}]", path, i);
      if (label.value < item.scale_min || label.value > item.scale_max) {
        add(label_path + ".value", fmt::format("{} is outside the scale {}–{}", label.value, item.scale_min, item.scale_max));
      } else if (!seen.insert(label.value).second) {
        add(label_path + ".value", fmt::format("{} is labelled twice", label.value));
      }
      if (label.label.sv.empty()) add(label_path + ".sv", "missing");
    }
  }

  void check_code(const std::string& code, const std::string& path, std::set<std::string>& seen, std::string_view what) {
    if (!is_code(code)) {
      add(path, "a code of letters, digits, '.', '_' or '-' expected");
    } else if (!seen.insert(code).second) {
      add(path, fmt::format("the {} code '{}' is used twice", what, code));
    }
  }

  void add(std::string where, std::string what) { problems_.push_back({std::move(where), std::move(what)}); }

  const SurveyInstrument& instrument_;
  std::set<std::string> node_codes_;
  std::set<std::string> item_codes_;
  std::vector<Problem> problems_;
};

void collect_items(const SurveyNode& node, std::vector<const SurveyItem*>& items) {
  for (const SurveyItem& item : node.items) items.push_back(&item);
  for (const SurveyNode& child : node.children) collect_items(child, items);
}

}  // namespace

std::vector<Problem> validate_survey_instrument(const SurveyInstrument& instrument) {
  return InstrumentCheck(instrument).run();
}

std::vector<const SurveyItem*> survey_items(const SurveyInstrument& instrument) {
  std::vector<const SurveyItem*> items;
  for (const SurveyNode& node : instrument.nodes) collect_items(node, items);
  return items;
}

const SurveyItem* find_survey_item(const SurveyInstrument& instrument, std::string_view code) {
  for (const SurveyItem* item : survey_items(instrument)) {
    if (item->code == code) return item;
  }
  return nullptr;
}

}  // namespace trappa::core
