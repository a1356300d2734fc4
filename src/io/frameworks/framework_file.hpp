// Reading a framework file in any format Trappa knows, recognised by its content rather than
// its name: Trappa's framework JSON, a 1EdTech CASE 1.0 package (JSON with a CFDocument),
// Moodle's competency framework CSV (header with "Parent ID number" and "Is framework"), and —
// read_framework_source only, as the XLSX reader reads files — a DigComp-shaped workbook. A
// file in none of these shapes is named for what it looks like (an XLSX workbook, some other
// CSV) with the formats that are accepted; only a file named *.json that is neither JSON nor
// Moodle's CSV gets the JSON reader's report (its syntax error, an empty file).
// docs/formats.md, "Frameworks from other standards".
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/base/result.hpp"
#include "io/frameworks/framework_outline.hpp"

namespace trappa::io {

[[nodiscard]] core::Result<ImportedFramework> parse_framework_source(std::string_view bytes, const std::string& file_name);
[[nodiscard]] core::Result<ImportedFramework> read_framework_source(const std::filesystem::path& path);

}  // namespace trappa::io
