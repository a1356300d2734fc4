// The framework file (JSON), as documented in docs/formats.md.
//
// write_framework_json produces the canonical form: keys in documented order, two-space
// indentation, non-ASCII letters written as they are. Reading what it wrote gives back an
// equal Framework, and writing that again gives the same bytes.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/framework/framework.hpp"
#include "core/base/result.hpp"

namespace trappa::io {

// Parses and validates a framework. Syntax errors are reported as FILE:LINE:COLUMN; wrong
// or missing fields and rule violations as "FILE: field.path: reason", all of them at once.
[[nodiscard]] core::Result<core::Framework> parse_framework_json(std::string_view text, const std::string& file_name);
[[nodiscard]] core::Result<core::Framework> read_framework_file(const std::filesystem::path& path);

[[nodiscard]] std::string write_framework_json(const core::Framework& framework);

}  // namespace trappa::io
