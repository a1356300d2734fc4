// Moodle's competency framework CSV (the format of admin tool "Import competency framework",
// tool_lpimportcsv), read into Trappa's framework and written from it (docs/formats.md,
// "Frameworks from other standards").
//
// Reading: the row with "Is framework" set gives the framework (ID number, Short name,
// Description, Scale values); the other rows are competencies joined by "Parent ID number",
// flattened by flatten_outline. HTML descriptions (Description format 1) are reduced to plain
// text. The "(optional)" columns (rules, exported ids) and cross-references are ignored.
// Problems are "FILE:LINE:COLUMN: reason".
//
// Writing: Moodle's own header, the framework row, one row per area and one per competency,
// plain-text descriptions (format 2); a comma in a level name becomes a semicolon (Moodle
// separates the levels of a scale with commas), and a text beginning with = + - @ gets the
// leading apostrophe of every Trappa CSV (csv_writer.hpp). Moodle has no place for level
// descriptors, motivation questions, version, language or roles; they are left out. Pure
// functions.
#pragma once

#include <string>

#include "core/base/result.hpp"
#include "core/framework/framework.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/frameworks/framework_outline.hpp"

namespace trappa::io {

// Whether `table`'s header is Moodle's ("Parent ID number" and "Is framework" among it).
[[nodiscard]] bool is_moodle_framework_csv(const CsvTable& table);

[[nodiscard]] core::Result<ImportedFramework> read_moodle_framework_csv(const CsvTable& table);

[[nodiscard]] std::string write_moodle_framework_csv(const core::Framework& framework);

}  // namespace trappa::io
