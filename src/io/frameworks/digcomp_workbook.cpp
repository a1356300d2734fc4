#include "io/frameworks/digcomp_workbook.hpp"

#include <cctype>
#include <map>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace trappa::io {

namespace {

constexpr std::string_view kArea = "competence area";
constexpr std::string_view kCompetence = "competence";
constexpr std::string_view kDescriptor = "competence descriptor";
constexpr std::string_view kShortDescriptor = "descriptor";
constexpr std::string_view kAreaDescriptor = "area descriptor";

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// "1.1 Browsing …", "1. Information …", "1.1. x" → {"1.1", "Browsing …"}; no leading code → {"", text}.
std::pair<std::string, std::string> split_code(const std::string& text) {
  std::size_t end = 0;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) ++end;
  std::string code = text.substr(0, end);
  while (!code.empty() && code.back() == '.') code.pop_back();
  if (code.empty() || end >= text.size() || text[end] != ' ') return {"", text};
  std::size_t start = end;
  while (start < text.size() && text[start] == ' ') ++start;
  return {code, text.substr(start)};
}

}  // namespace

bool is_digcomp_table(const CsvTable& table) {
  bool area = false;
  bool competence = false;
  for (const CsvField& field : table.header) {
    const std::string name = lower(field.text);
    area = area || name == kArea;
    competence = competence || name == kCompetence;
  }
  return area && competence;
}

core::Result<ImportedFramework> read_digcomp_table(const CsvTable& table, const std::string& title) {
  ASSIGN_OR_RETURN(auto columns, CsvColumns::bind(table, {kArea, kCompetence},
                                                  {kDescriptor, kShortDescriptor, kAreaDescriptor}));
  std::vector<core::Problem> problems;
  FrameworkOutline outline;
  outline.header.name = title;
  outline.header.scale.names.clear();
  std::map<std::string, std::size_t> area_index;
  std::map<std::string, int> competence_rows;  // code → row
  std::size_t further_rows = 0;
  std::string current_area;

  for (const CsvRecord& record : table.records) {
    const CsvField area_field = columns.get(record, kArea);
    const CsvField competence_field = columns.get(record, kCompetence);
    if (!area_field.text.empty()) {
      auto [code, name] = split_code(area_field.text);
      if (code.empty()) {
        problems.push_back({table.where(area_field), "the competence area '" + area_field.text +
                                                         "' does not begin with its number (\"1 Information …\")"});
        continue;
      }
      current_area = code;
      if (!area_index.contains(code)) {
        area_index.emplace(code, outline.top.size());
        OutlineNode area;
        area.code = code;
        area.name = name;
        if (columns.has(kAreaDescriptor)) area.statement = columns.get(record, kAreaDescriptor).text;
        outline.top.push_back(std::move(area));
      }
    }
    if (competence_field.text.empty()) continue;  // an area's own row
    if (current_area.empty()) {
      problems.push_back({table.where(area_field), "a competence before the first competence area"});
      continue;
    }
    auto [code, name] = split_code(competence_field.text);
    if (code.empty()) {
      problems.push_back({table.where(competence_field), "the competence '" + competence_field.text +
                                                              "' does not begin with its number (\"1.1 Browsing …\")"});
      continue;
    }
    if (competence_rows.contains(code)) {
      ++further_rows;  // a learning outcome or proficiency row of a competence already read
      continue;
    }
    competence_rows.emplace(code, record.line);
    OutlineNode competence;
    competence.code = code;
    competence.name = name;
    if (columns.has(kDescriptor)) {
      competence.statement = columns.get(record, kDescriptor).text;
    } else if (columns.has(kShortDescriptor)) {
      competence.statement = columns.get(record, kShortDescriptor).text;
    }
    outline.top[area_index.at(current_area)].children.push_back(std::move(competence));
  }
  if (outline.top.empty() && problems.empty()) {
    problems.push_back({table.file, "no competence area and competence rows below the header"});
  }
  for (const OutlineNode& area : outline.top) {
    if (area.children.empty() && problems.empty()) {
      problems.push_back({table.file, "competence area " + area.code + " has no competences"});
    }
  }
  if (!problems.empty()) return core::invalid("the DigComp workbook has problems", std::move(problems));

  std::vector<std::string> warnings;
  warnings.push_back("the workbook names no framework; its file name '" + title + "' is the framework's name");
  if (further_rows > 0) {
    warnings.push_back(fmt::format("{} further rows of competences already read (learning outcomes, proficiency "
                                   "levels) are left out", further_rows));
  }
  return flatten_outline(std::move(outline), "digcomp-xlsx", std::move(warnings), table.file);
}

}  // namespace trappa::io
