// A framework as another standard shapes it — a tree of any depth — and its flattening into
// Trappa's two levels, area → competency (docs/formats.md, "Frameworks from other standards").
//
// Readers of foreign formats (CASE, Moodle CSV, the DigComp workbook) build a FrameworkOutline
// and hand it to flatten_outline. What the source lacks is never made up silently: each gap
// (no roles, no level descriptors, no language, generated codes, flattened levels) becomes a
// line of ImportedFramework::warnings, which the import use case returns and the CLI prints.
// Pure functions.
#pragma once

#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/framework/framework.hpp"

namespace trappa::io {

// One node of the source's tree: an area at the top, a competency at a leaf, anything in
// between is a grouping whose name ends up in the path of the competencies below it.
struct OutlineNode {
  std::string code;        // the source's code; empty: generated from the position
  std::string name;
  std::string statement;   // the longer text: an area's description, a competency's definition
  std::string notes;       // an area's motivation question, when the source carries one
  std::vector<std::string> level_descriptors{};  // lowest level first; empty: none in the source
  std::vector<OutlineNode> children{};
};

struct FrameworkOutline {
  // id, name, version, description, provenance, language and scale; scale.names empty when
  // the source has no level scale. Roles, areas and profiles are left empty.
  core::Framework header{};
  std::vector<OutlineNode> top{};
};

// A framework read from a file, with what the reader had to leave out or fill in.
struct ImportedFramework {
  core::Framework framework{};
  std::string format;                  // "trappa-json", "case-1.0", "moodle-csv", "digcomp-xlsx"
  std::vector<std::string> warnings{};
};

// Flattens `outline` (rules in docs/formats.md) and validates the result; rule violations are
// reported as "FILE: field.path: reason". `warnings` holds the reader's own warnings and is
// extended with the gaps found here.
[[nodiscard]] core::Result<ImportedFramework> flatten_outline(FrameworkOutline outline, std::string format,
                                                             std::vector<std::string> warnings,
                                                             const std::string& file_name);

// "Digital kompetens 2.2" → "digital-kompetens-2-2": lower-case ASCII letters and digits
// (å, ä, ö become a, a, o) joined by single hyphens; for frameworks whose source has no id.
[[nodiscard]] std::string framework_id_from_title(const std::string& title);

}  // namespace trappa::io
