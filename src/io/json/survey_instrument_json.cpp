#include "io/json/survey_instrument_json.hpp"

#include <fstream>
#include <initializer_list>
#include <optional>
#include <sstream>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "io/json/json_text.hpp"

namespace trappa::io {

namespace json = boost::json;

namespace {

// What an item takes from "defaults" when it does not say.
struct ItemDefaults {
  int scale_min = 1;
  int scale_max = 5;
  std::vector<core::SurveyScaleLabel> labels;
  bool not_applicable = false;
};

class InstrumentReader {
 public:
  explicit InstrumentReader(std::vector<core::Problem>& problems) : problems_(problems) {}

  core::SurveyInstrument read(const json::value& document) {
    core::SurveyInstrument instrument;
    if (!document.is_object()) {
      problem("$", "an object expected");
      return instrument;
    }
    const json::object& root = document.get_object();
    // "defaults" first: the items read below use them.
    if (const json::value* defaults = root.if_contains("defaults")) read_defaults(*defaults, "$.defaults");
    for (const auto& member : root) {
      const std::string key(member.key());
      const std::string path = "$." + key;
      const json::value& value = member.value();
      if (key == "format") {
        if (!value.is_string() || value.get_string() != kSurveyInstrumentFormat) {
          problem(path, fmt::format("\"{}\" expected", kSurveyInstrumentFormat));
        }
      } else if (key == "format_version") {
        if (!value.is_int64() || value.get_int64() != kSurveyInstrumentFormatVersion) {
          problem(path, fmt::format("{} expected", kSurveyInstrumentFormatVersion));
        }
      } else if (key == "instrument") {
        instrument.code = string_of(value, path);
      } else if (key == "instrument_version") {
        instrument.version = whole_number(value, path, 1, 1000000).value_or(0);
      } else if (key == "title") {
        instrument.title = text_of(value, path);
      } else if (key == "framework") {
        instrument.framework = string_of(value, path);
      } else if (key == "attribution") {
        instrument.attribution = string_of(value, path);
      } else if (key == "defaults") {
        // read above
      } else if (key == "nodes") {
        instrument.nodes = nodes_of(value, path);
      } else {
        problem(path, "unknown field");
      }
    }
    for (const char* required : {"format", "format_version", "instrument", "instrument_version", "title", "nodes"}) {
      if (!root.contains(required)) problem(fmt::format("$.{}", required), "missing");
    }
    return instrument;
  }

 private:
  void read_defaults(const json::value& value, const std::string& path) {
    if (!value.is_object()) {
      problem(path, "an object expected");
      return;
    }
    for (const auto& member : value.get_object()) {
      const std::string key(member.key());
      const std::string field = path + "." + key;
      if (key == "scale_min") {
        defaults_.scale_min = whole_number(member.value(), field, -1000, 1000).value_or(defaults_.scale_min);
      } else if (key == "scale_max") {
        defaults_.scale_max = whole_number(member.value(), field, -1000, 1000).value_or(defaults_.scale_max);
      } else if (key == "labels") {
        defaults_.labels = labels_of(member.value(), field);
      } else if (key == "not_applicable") {
        defaults_.not_applicable = boolean(member.value(), field, false);
      } else {
        problem(field, "unknown field; scale_min, scale_max, labels or not_applicable expected");
      }
    }
  }

  std::vector<core::SurveyNode> nodes_of(const json::value& value, const std::string& path) {
    std::vector<core::SurveyNode> nodes;
    if (!value.is_array()) {
      problem(path, "a list of nodes expected");
      return nodes;
    }
    for (std::size_t i = 0; i < value.get_array().size(); ++i) {
      nodes.push_back(node_of(value.get_array()[i], fmt::format("{}[{}]", path, i)));
    }
    return nodes;
  }

  core::SurveyNode node_of(const json::value& value, const std::string& path) {
    core::SurveyNode node;
    if (!value.is_object()) {
      problem(path, "an object expected");
      return node;
    }
    for (const auto& member : value.get_object()) {
      const std::string key(member.key());
      const std::string field = path + "." + key;
      if (key == "code") {
        node.code = string_of(member.value(), field);
      } else if (key == "kind") {
        const std::string kind = string_of(member.value(), field);
        if (const auto parsed = core::parse_survey_node_kind(kind)) {
          node.kind = *parsed;
        } else if (member.value().is_string()) {
          problem(field, "\"dimension\", \"category\" or \"capability\" expected");
        }
      } else if (key == "name") {
        node.name = text_of(member.value(), field);
      } else if (key == "weight") {
        node.weight = weight_of(member.value(), field);
      } else if (key == "competence_areas") {
        node.competence_areas = strings_of(member.value(), field);
      } else if (key == "items") {
        node.items = items_of(member.value(), field);
      } else if (key == "children") {
        node.children = nodes_of(member.value(), field);
      } else {
        problem(field, "unknown field");
      }
    }
    for (const char* required : {"code", "kind", "name"}) {
      if (!value.get_object().contains(required)) problem(fmt::format("{}.{}", path, required), "missing");
    }
    return node;
  }

  std::vector<core::SurveyItem> items_of(const json::value& value, const std::string& path) {
    std::vector<core::SurveyItem> items;
    if (!value.is_array()) {
      problem(path, "a list of items expected");
      return items;
    }
    for (std::size_t i = 0; i < value.get_array().size(); ++i) {
      items.push_back(item_of(value.get_array()[i], fmt::format("{}[{}]", path, i)));
    }
    return items;
  }

  core::SurveyItem item_of(const json::value& value, const std::string& path) {
    core::SurveyItem item;
    item.scale_min = defaults_.scale_min;
    item.scale_max = defaults_.scale_max;
    item.labels = defaults_.labels;
    item.not_applicable_allowed = defaults_.not_applicable;
    if (!value.is_object()) {
      problem(path, "an object expected");
      return item;
    }
    for (const auto& member : value.get_object()) {
      const std::string key(member.key());
      const std::string field = path + "." + key;
      if (key == "code") {
        item.code = string_of(member.value(), field);
      } else if (key == "statement") {
        item.statement = text_of(member.value(), field);
      } else if (key == "scale_min") {
        item.scale_min = whole_number(member.value(), field, -1000, 1000).value_or(item.scale_min);
      } else if (key == "scale_max") {
        item.scale_max = whole_number(member.value(), field, -1000, 1000).value_or(item.scale_max);
      } else if (key == "labels") {
        item.labels = labels_of(member.value(), field);
      } else if (key == "reversed") {
        item.reversed = boolean(member.value(), field, false);
      } else if (key == "weight") {
        item.weight = weight_of(member.value(), field);
      } else if (key == "not_applicable") {
        item.not_applicable_allowed = boolean(member.value(), field, item.not_applicable_allowed);
      } else {
        problem(field, "unknown field");
      }
    }
    for (const char* required : {"code", "statement"}) {
      if (!value.get_object().contains(required)) problem(fmt::format("{}.{}", path, required), "missing");
    }
    return item;
  }

  std::vector<core::SurveyScaleLabel> labels_of(const json::value& value, const std::string& path) {
    std::vector<core::SurveyScaleLabel> labels;
    if (!value.is_array()) {
      problem(path, "a list of {\"value\", \"sv\", \"en\"} expected");
      return labels;
    }
    for (std::size_t i = 0; i < value.get_array().size(); ++i) {
      const json::value& entry = value.get_array()[i];
      const std::string entry_path = fmt::format("{}[{}]", path, i);
      if (!entry.is_object()) {
        problem(entry_path, "an object expected");
        continue;
      }
      core::SurveyScaleLabel label;
      for (const auto& member : entry.get_object()) {
        const std::string key(member.key());
        const std::string field = entry_path + "." + key;
        if (key == "value") {
          label.value = whole_number(member.value(), field, -1000, 1000).value_or(0);
        } else if (key == "sv") {
          label.label.sv = string_of(member.value(), field);
        } else if (key == "en") {
          label.label.en = string_of(member.value(), field);
        } else {
          problem(field, "unknown field; value, sv or en expected");
        }
      }
      if (!entry.get_object().contains("value")) problem(entry_path + ".value", "missing");
      labels.push_back(std::move(label));
    }
    return labels;
  }

  core::SurveyText text_of(const json::value& value, const std::string& path) {
    core::SurveyText text;
    if (!value.is_object()) {
      problem(path, "{\"sv\": text, \"en\": text} expected");
      return text;
    }
    for (const auto& member : value.get_object()) {
      const std::string key(member.key());
      if (key == "sv") {
        text.sv = string_of(member.value(), path + ".sv");
      } else if (key == "en") {
        text.en = string_of(member.value(), path + ".en");
      } else {
        problem(path + "." + key, "unknown field; sv or en expected");
      }
    }
    return text;
  }

  std::vector<std::string> strings_of(const json::value& value, const std::string& path) {
    std::vector<std::string> strings;
    if (!value.is_array()) {
      problem(path, "a list of texts expected");
      return strings;
    }
    for (std::size_t i = 0; i < value.get_array().size(); ++i) {
      strings.push_back(string_of(value.get_array()[i], fmt::format("{}[{}]", path, i)));
    }
    return strings;
  }

  std::string string_of(const json::value& value, const std::string& path) {
    if (!value.is_string()) {
      problem(path, "a text expected");
      return {};
    }
    return std::string(value.get_string());
  }

  std::optional<int> whole_number(const json::value& value, const std::string& path, int low, int high) {
    if (!value.is_int64() || value.get_int64() < low || value.get_int64() > high) {
      problem(path, fmt::format("a whole number from {} to {} expected", low, high));
      return std::nullopt;
    }
    return static_cast<int>(value.get_int64());
  }

  double weight_of(const json::value& value, const std::string& path) {
    const auto number = number_of(value);
    if (!number) {
      problem(path, "a number expected");
      return 1.0;
    }
    return *number;  // core::validate_survey_instrument checks that it is above 0
  }

  bool boolean(const json::value& value, const std::string& path, bool otherwise) {
    if (!value.is_bool()) {
      problem(path, "true or false expected");
      return otherwise;
    }
    return value.get_bool();
  }

  void problem(std::string where, std::string what) { problems_.push_back({std::move(where), std::move(what)}); }

  std::vector<core::Problem>& problems_;
  ItemDefaults defaults_;
};

json::object text_json(const core::SurveyText& text) {
  json::object object;
  object["sv"] = text.sv;
  object["en"] = text.en;
  return object;
}

json::object item_json(const core::SurveyItem& item) {
  json::object object;
  object["code"] = item.code;
  object["statement"] = text_json(item.statement);
  object["scale_min"] = item.scale_min;
  object["scale_max"] = item.scale_max;
  json::array labels;
  for (const core::SurveyScaleLabel& label : item.labels) {
    labels.push_back(json::object{{"value", label.value}, {"sv", label.label.sv}, {"en", label.label.en}});
  }
  object["labels"] = std::move(labels);
  object["reversed"] = item.reversed;
  object["weight"] = item.weight;
  object["not_applicable"] = item.not_applicable_allowed;
  return object;
}

json::object node_json(const core::SurveyNode& node) {
  json::object object;
  object["code"] = node.code;
  object["kind"] = std::string(core::to_code(node.kind));
  object["name"] = text_json(node.name);
  object["weight"] = node.weight;
  json::array areas;
  for (const std::string& area : node.competence_areas) areas.push_back(json::value(area));
  object["competence_areas"] = std::move(areas);
  json::array items;
  for (const core::SurveyItem& item : node.items) items.push_back(item_json(item));
  object["items"] = std::move(items);
  json::array children;
  for (const core::SurveyNode& child : node.children) children.push_back(node_json(child));
  object["children"] = std::move(children);
  return object;
}

}  // namespace

core::Result<core::SurveyInstrument> parse_survey_instrument(std::string_view text, const std::string& file_name) {
  auto document = parse_json_text(text, file_name);
  if (!document) return std::unexpected(document.error());
  std::vector<core::Problem> problems;
  core::SurveyInstrument instrument = InstrumentReader(problems).read(*document);
  // The content rules only once the shape is right: a missing field would repeat as a content problem.
  if (problems.empty()) problems = core::validate_survey_instrument(instrument);
  if (!problems.empty()) {
    for (core::Problem& problem : problems) problem.where = file_name + ": " + problem.where;
    return core::invalid("the survey instrument file is not valid", std::move(problems));
  }
  return instrument;
}

core::Result<core::SurveyInstrument> read_survey_instrument_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::fail(core::ErrorKind::kNotFound, fmt::format("cannot read '{}'", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_survey_instrument(text.str(), path.string());
}

std::string write_survey_instrument_json(const core::SurveyInstrument& instrument) {
  json::object root;
  root["format"] = std::string(kSurveyInstrumentFormat);
  root["format_version"] = kSurveyInstrumentFormatVersion;
  root["instrument"] = instrument.code;
  root["instrument_version"] = instrument.version;
  root["title"] = text_json(instrument.title);
  root["framework"] = instrument.framework;
  root["attribution"] = instrument.attribution;
  json::array nodes;
  for (const core::SurveyNode& node : instrument.nodes) nodes.push_back(node_json(node));
  root["nodes"] = std::move(nodes);
  return write_json_text(root);
}

}  // namespace trappa::io
