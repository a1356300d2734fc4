#include "io/frameworks/framework_outline.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace trappa::io {

namespace {

constexpr const char* kPathSeparator = " › ";

struct Flattener {
  const core::LevelScale& scale;
  std::size_t generated_codes = 0;
  std::size_t flattened = 0;
  std::size_t without_descriptors = 0;
  std::size_t competencies = 0;

  core::Competency competency(const OutlineNode& leaf, const std::string& code, const std::string& path) {
    core::Competency result;
    result.code = code;
    result.name = leaf.name;
    if (path.empty()) {
      result.definition = leaf.statement;
    } else {
      ++flattened;
      result.definition = leaf.statement.empty() ? path : path + ": " + leaf.statement;
    }
    ++competencies;
    if (!leaf.level_descriptors.empty() && static_cast<int>(leaf.level_descriptors.size()) == scale.size()) {
      result.level_descriptors = leaf.level_descriptors;
    } else {
      ++without_descriptors;
      result.level_descriptors.assign(static_cast<std::size_t>(std::max(scale.size(), 0)), std::string());
    }
    return result;
  }

  std::string code_of(const OutlineNode& node, const std::string& generated) {
    if (!node.code.empty()) return node.code;
    ++generated_codes;
    return generated;
  }

  // The leaves below `node`, depth first in source order; `path` names the groupings passed.
  void collect(const OutlineNode& node, const std::string& code_prefix, const std::string& path, core::Area& area) {
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      const OutlineNode& child = node.children[i];
      const std::string generated = fmt::format("{}.{}", code_prefix, i + 1);
      if (child.children.empty()) {
        area.competencies.push_back(competency(child, code_of(child, generated), path));
      } else {
        const std::string child_code = child.code.empty() ? generated : child.code;
        collect(child, child_code, path.empty() ? child.name : path + kPathSeparator + child.name, area);
      }
    }
  }
};

}  // namespace

std::string framework_id_from_title(const std::string& title) {
  std::string id;
  bool hyphen = false;
  for (std::size_t i = 0; i < title.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(title[i]);
    char letter = 0;
    if (c >= 'A' && c <= 'Z') letter = static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) letter = static_cast<char>(c);
    else if (c == 0xC3 && i + 1 < title.size()) {
      // å ä Å Ä → a, ö Ö → o, é É → e: the letters of Swedish titles.
      const unsigned char next = static_cast<unsigned char>(title[i + 1]);
      if (next == 0xA5 || next == 0xA4 || next == 0x85 || next == 0x84) letter = 'a';
      else if (next == 0xB6 || next == 0x96) letter = 'o';
      else if (next == 0xA9 || next == 0x89) letter = 'e';
      ++i;
    }
    if (letter != 0) {
      if (hyphen && !id.empty()) id += '-';
      id += letter;
      hyphen = false;
    } else {
      hyphen = true;
    }
  }
  return id;
}

core::Result<ImportedFramework> flatten_outline(FrameworkOutline outline, std::string format,
                                                std::vector<std::string> warnings, const std::string& file_name) {
  ImportedFramework imported;
  imported.format = std::move(format);
  core::Framework& framework = imported.framework;
  framework = std::move(outline.header);
  framework.roles.clear();
  framework.areas.clear();
  framework.profiles.clear();
  framework.default_profile.clear();

  if (framework.id.empty()) {
    framework.id = framework_id_from_title(framework.name);
    warnings.push_back("the source has no framework id; '" + framework.id + "' is made from its title");
  }
  if (framework.scale.names.empty()) {
    framework.scale = core::LevelScale{1, 5, {"1", "2", "3", "4", "5"}};
    warnings.push_back("the source has no level scale; the scale 1–5 with the level names 1 to 5 is used");
  }

  Flattener flattener{framework.scale};
  std::vector<const OutlineNode*> loose;  // top-level leaves: competencies without an area
  for (std::size_t a = 0; a < outline.top.size(); ++a) {
    const OutlineNode& node = outline.top[a];
    if (node.children.empty()) {
      loose.push_back(&node);
      continue;
    }
    core::Area area;
    area.code = flattener.code_of(node, std::to_string(a + 1));
    area.name = node.name;
    area.description = node.statement;
    area.motivation_question = node.notes;
    flattener.collect(node, area.code, "", area);
    framework.areas.push_back(std::move(area));
  }
  if (!loose.empty()) {
    core::Area area;
    area.code = "0";
    area.name = framework.name;
    for (std::size_t i = 0; i < loose.size(); ++i) {
      area.competencies.push_back(
          flattener.competency(*loose[i], flattener.code_of(*loose[i], fmt::format("0.{}", i + 1)), ""));
    }
    framework.areas.insert(framework.areas.begin(), std::move(area));
    warnings.push_back(fmt::format("{} competencies stand at the top of the source without an area; they are put in "
                                   "area 0, named after the framework", loose.size()));
  }

  if (flattener.flattened > 0) {
    warnings.push_back(fmt::format("{} competencies were deeper than area → competency; the names of the levels "
                                   "between are kept at the start of their definition (\"A › B: …\")",
                                   flattener.flattened));
  }
  if (flattener.generated_codes > 0) {
    warnings.push_back(fmt::format("{} areas or competencies have no code in the source; their codes are made from "
                                   "their position (1, 1.1, …)", flattener.generated_codes));
  }
  if (flattener.without_descriptors > 0) {
    warnings.push_back(fmt::format("{} of {} competencies have no level descriptors in the source; their level texts "
                                   "are empty", flattener.without_descriptors, flattener.competencies));
  }
  std::size_t without_question = 0;
  for (const core::Area& area : framework.areas) without_question += area.motivation_question.empty() ? 1 : 0;
  if (without_question > 0) {
    warnings.push_back(fmt::format("{} of {} areas have no motivation question in the source", without_question,
                                   framework.areas.size()));
  }
  if (framework.language.empty()) {
    warnings.push_back("the source does not state the language of its texts; Swedish is assumed (set \"language\" "
                       "in the framework file if that is wrong)");
  }
  warnings.push_back("the source has no roles or role profiles; import a profile matrix with "
                     "`trappa import profiles` before a round assesses anyone against this framework");

  std::vector<core::Problem> problems = core::validate_framework(framework);
  if (!problems.empty()) {
    for (core::Problem& problem : problems) problem.where = file_name + ": " + problem.where;
    return core::invalid("the framework read from the file has problems", std::move(problems));
  }
  imported.warnings = std::move(warnings);
  return imported;
}

}  // namespace trappa::io
