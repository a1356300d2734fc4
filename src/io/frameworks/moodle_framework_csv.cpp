#include "io/frameworks/moodle_framework_csv.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "io/csv/csv_writer.hpp"

namespace trappa::io {

namespace {

constexpr std::string_view kParent = "parent id number";  // CsvColumns matches case-insensitively on lower case
constexpr std::string_view kIdNumber = "id number";
constexpr std::string_view kShortName = "short name";
constexpr std::string_view kDescription = "description";
constexpr std::string_view kDescriptionFormat = "description format";
constexpr std::string_view kScaleValues = "scale values";
constexpr std::string_view kIsFramework = "is framework";

// Moodle's text formats (FORMAT_MOODLE 0, FORMAT_HTML 1, FORMAT_PLAIN 2, FORMAT_MARKDOWN 4).
constexpr std::string_view kHtmlFormat = "1";
constexpr std::string_view kPlainFormat = "2";

// HTML as Moodle's editor writes it, as plain text: tags dropped (block ends become spaces),
// the common entities decoded, runs of white space made one space.
std::string plain_text_of_html(std::string_view html) {
  std::string text;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      const std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      text += ' ';
      i = end;
    } else if (html[i] == '&') {
      static const std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}};
      bool decoded = false;
      for (const auto& [entity, character] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
          text += character;
          i += entity.size() - 1;
          decoded = true;
          break;
        }
      }
      if (!decoded) text += '&';
    } else {
      text += html[i];
    }
  }
  std::string collapsed;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += c;
    }
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

std::vector<std::string> split_scale(const std::string& values) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= values.size()) {
    std::size_t end = values.find(',', start);
    if (end == std::string::npos) end = values.size();
    std::string name = values.substr(start, end - start);
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    while (!name.empty() && name.back() == ' ') name.pop_back();
    names.push_back(std::move(name));
    start = end + 1;
  }
  return names;
}

bool is_set(const std::string& flag) { return !flag.empty() && flag != "0"; }

struct Row {
  const CsvRecord* record = nullptr;
  CsvField parent;
  OutlineNode node;
};

// Deeper trees are refused: no real framework needs more, and it bounds the recursion.
constexpr int kMaxDepth = 32;

OutlineNode build(std::size_t index, const std::vector<Row>& rows, const std::multimap<std::string, std::size_t>& children,
                  std::set<std::size_t>& placed, int depth) {
  placed.insert(index);
  OutlineNode node = rows[index].node;
  if (depth >= kMaxDepth) return node;
  auto [begin, end] = children.equal_range(node.code);
  for (auto it = begin; it != end; ++it) {
    if (!placed.contains(it->second)) node.children.push_back(build(it->second, rows, children, placed, depth + 1));
  }
  return node;
}

}  // namespace

bool is_moodle_framework_csv(const CsvTable& table) {
  bool parent = false;
  bool framework = false;
  for (const CsvField& field : table.header) {
    std::string name = field.text;
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    parent = parent || name == "parent id number";
    framework = framework || name == "is framework";
  }
  return parent && framework;
}

core::Result<ImportedFramework> read_moodle_framework_csv(const CsvTable& table) {
  ASSIGN_OR_RETURN(auto columns, CsvColumns::bind(table, {kParent, kIdNumber, kShortName, kIsFramework},
                                                  {kDescription, kDescriptionFormat, kScaleValues}));
  std::vector<core::Problem> problems;
  std::vector<std::string> warnings;
  auto problem = [&](const CsvField& field, std::string what) { problems.push_back({table.where(field), std::move(what)}); };

  FrameworkOutline outline;
  const CsvRecord* framework_record = nullptr;
  std::vector<Row> rows;
  std::map<std::string, std::size_t> by_id;
  bool html = false;
  std::size_t own_scales = 0;

  auto text_of = [&](const CsvRecord& record) {
    const std::string format = columns.has(kDescriptionFormat) ? columns.get(record, kDescriptionFormat).text : "";
    std::string description = columns.has(kDescription) ? columns.get(record, kDescription).text : "";
    if (format == kHtmlFormat) {
      html = html || description.find('<') != std::string::npos || description.find('&') != std::string::npos;
      description = plain_text_of_html(description);
    }
    return description;
  };

  for (const CsvRecord& record : table.records) {
    const CsvField id = columns.get(record, kIdNumber);
    const CsvField name = columns.get(record, kShortName);
    if (is_set(columns.get(record, kIsFramework).text)) {
      if (framework_record != nullptr) {
        problem(columns.get(record, kIsFramework),
                fmt::format("a second framework row; the framework is the one on line {}", framework_record->line));
        continue;
      }
      framework_record = &record;
      outline.header.id = id.text;
      outline.header.name = name.text;
      if (name.text.empty()) problem(name, "the framework's short name must not be empty");
      outline.header.description = text_of(record);
      outline.header.scale.names.clear();
      const std::string scale = columns.has(kScaleValues) ? columns.get(record, kScaleValues).text : "";
      if (!scale.empty()) {
        outline.header.scale.names = split_scale(scale);
        outline.header.scale.min = 1;
        outline.header.scale.max = static_cast<int>(outline.header.scale.names.size());
      }
      continue;
    }
    if (id.text.empty()) {
      problem(id, "a competency needs an ID number");
      continue;
    }
    if (name.text.empty()) problem(name, "a competency needs a short name");
    if (auto [found, inserted] = by_id.try_emplace(id.text, rows.size()); !inserted) {
      problem(id, fmt::format("the ID number '{}' is already used on line {}", id.text, rows[found->second].record->line));
      continue;
    }
    Row row;
    row.record = &record;
    row.parent = columns.get(record, kParent);
    row.node.code = id.text;
    row.node.name = name.text;
    row.node.statement = text_of(record);
    if (columns.has(kScaleValues)) {
      const CsvField scale = columns.get(record, kScaleValues);
      if (!scale.text.empty() && framework_record != nullptr &&
          scale.text != columns.get(*framework_record, kScaleValues).text) {
        ++own_scales;
      }
    }
    rows.push_back(std::move(row));
  }
  if (framework_record == nullptr) {
    problems.push_back({table.file, "no row has 'Is framework' set to 1; Moodle's export has the framework on its "
                                    "first row"});
  }

  // Parents: the framework (an empty Parent ID number, or the framework's own) or another row.
  std::multimap<std::string, std::size_t> children;
  std::vector<std::size_t> top;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string& parent = rows[i].parent.text;
    if (parent.empty() || (framework_record != nullptr && parent == outline.header.id)) {
      top.push_back(i);
    } else if (!by_id.contains(parent)) {
      problem(rows[i].parent, "no competency has the ID number '" + parent + "'");
    } else {
      children.emplace(parent, i);
    }
  }
  std::set<std::size_t> placed;
  for (std::size_t i : top) outline.top.push_back(build(i, rows, children, placed, 1));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!placed.contains(i) && by_id.contains(rows[i].parent.text)) {
      problem(rows[i].parent, fmt::format("the competency is not below the framework: its parents form a cycle or go "
                                          "deeper than {} levels", kMaxDepth));
    }
  }
  if (!problems.empty()) return core::invalid("the Moodle competency framework file has problems", std::move(problems));

  if (html) warnings.push_back("HTML descriptions (Description format 1) were reduced to plain text");
  if (own_scales > 0) {
    warnings.push_back(fmt::format("{} competencies have a scale of their own; Trappa uses the framework's scale for "
                                   "every competency", own_scales));
  }
  return flatten_outline(std::move(outline), "moodle-csv", std::move(warnings), table.file);
}

std::string write_moodle_framework_csv(const core::Framework& framework) {
  // Moodle keeps a scale as its level names joined by commas, so a comma inside a name would
  // split it: such commas are written as semicolons.
  std::string scale_values;
  for (std::string name : framework.scale.names) {
    std::replace(name.begin(), name.end(), ',', ';');
    scale_values += (scale_values.empty() ? "" : ",") + name;
  }
  // The scale's first level is the default, its highest the proficient one; scaleid 0 is
  // replaced by Moodle on import with the id of the matching (or a new) scale.
  std::string scale_configuration = "[{\"scaleid\":\"0\"}";
  for (std::size_t i = 0; i < framework.scale.names.size(); ++i) {
    scale_configuration += fmt::format(",{{\"id\":{},\"scaledefault\":{},\"proficient\":{}}}", i + 1, i == 0 ? 1 : 0,
                                       i + 1 == framework.scale.names.size() ? 1 : 0);
  }
  scale_configuration += "]";

  std::string text = csv_line({"Parent ID number", "ID number", "Short name", "Description", "Description format",
                               "Scale values", "Scale configuration", "Rule type (optional)", "Rule outcome (optional)",
                               "Rule config (optional)", "Cross-referenced competency ID numbers",
                               "Exported ID (optional)", "Is framework", "Taxonomy"});
  auto row = [](const std::string& parent, const std::string& id, const std::string& name, const std::string& description,
                const std::string& scale, const std::string& configuration, const std::string& is_framework,
                const std::string& taxonomy) {
    return csv_line({parent, id, name, description, std::string(kPlainFormat), scale, configuration, "", "", "", "", "",
                     is_framework, taxonomy});
  };
  text += row("", framework.id, framework.name, framework.description, scale_values, scale_configuration, "1",
              "domain,competency");
  for (const core::Area& area : framework.areas) {
    text += row("", area.code, area.name, area.description, "", "", "", "");
    for (const core::Competency& competency : area.competencies) {
      text += row(area.code, competency.code, competency.name, competency.definition, "", "", "", "");
    }
  }
  return text;
}

}  // namespace trappa::io
