// A DigComp-shaped workbook (XLSX): the JRC publishes DigComp as spreadsheets with one row per
// competence (or per learning outcome of a competence), read into Trappa's framework
// (docs/formats.md, "Frameworks from other standards").
//
// The first sheet's first non-empty row is the header. Recognised columns (case-insensitive,
// any order): "Competence area" (required) — "1 Information search …" or "1. …", a code and a
// name —, "Competence" (required) — "1.1 Browsing …" —, and optionally "Competence descriptor"
// or "Descriptor" and "Area descriptor". An empty area cell continues the area above it (merged
// cells); further rows of a competence already read (its learning outcomes) are counted and
// left out. DigComp's proficiency levels are not read: the import warns that the scale and the
// level descriptors are missing. Problems are "FILE:ROW:COLUMN: reason". Pure apart from
// reading the file.
#pragma once

#include <string>

#include "core/base/result.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/frameworks/framework_outline.hpp"

namespace trappa::io {

// Whether `table`'s header has DigComp's "Competence area" and "Competence" columns.
[[nodiscard]] bool is_digcomp_table(const CsvTable& table);

// `title`: the framework's name (the workbook has none of its own; the caller passes the
// file's name without its extension).
[[nodiscard]] core::Result<ImportedFramework> read_digcomp_table(const CsvTable& table, const std::string& title);

}  // namespace trappa::io
