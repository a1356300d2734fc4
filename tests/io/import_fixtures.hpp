// Table-driven import tests over tests/fixtures/import/ (see its README.md): every case file
// CASE.csv or CASE.json has CASE.expected beside it holding exactly what the import reports,
// the error's message on the first line and then one line per problem. A new pair of files is
// a new test; nothing needs to be listed here.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace trappa::io::fixtures {

inline std::filesystem::path import_directory() { return std::filesystem::path(TRAPPA_FIXTURES_DIR) / "import"; }

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

inline std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// The names (without extension) of the case files `PREFIX*.EXTENSION` that have an .expected
// file beside them, sorted.
inline std::vector<std::string> case_names(std::string_view prefix, std::string_view extension) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(import_directory())) {
    const std::filesystem::path& path = entry.path();
    const std::string stem = path.stem().string();
    if (path.extension() != extension || !stem.starts_with(prefix)) continue;
    if (std::filesystem::exists(import_directory() / (stem + ".expected"))) names.push_back(stem);
  }
  std::sort(names.begin(), names.end());
  return names;
}

inline std::vector<std::string> expected_lines(const std::string& case_name) {
  return split_lines(read_text(import_directory() / (case_name + ".expected")));
}

// What the import reported: the message, then every problem as "where: what".
inline std::vector<std::string> reported_lines(const core::Error& error) {
  return split_lines(error.describe());
}

inline std::string case_test_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace trappa::io::fixtures
