// The response of a file download (CSV or XLSX): attachment with the file name, never cached,
// since the figures behind it change with every import (docs/web.md, "Downloads").
#pragma once

#include <cctype>
#include <string>
#include <string_view>
#include <utility>

#include "web/server/http_types.hpp"

namespace trappa::web {

enum class FileKind { kCsv, kXlsx };

inline constexpr std::string_view kCsvMediaType = "text/csv; charset=utf-8";
inline constexpr std::string_view kXlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// A file name stem from names such as a round's or a framework's: letters and digits of ASCII,
// '-', '.' and '_' kept, every other byte '_' (no quote, slash or non-ASCII in the header).
[[nodiscard]] inline std::string safe_file_stem(std::string stem) {
  for (char& c : stem) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '.' && c != '_') c = '_';
  }
  return stem;
}

// `stem` is the file name without extension, already restricted to safe characters.
[[nodiscard]] inline Response file_download(FileKind kind, std::string body, const std::string& stem) {
  const bool xlsx = kind == FileKind::kXlsx;
  return {200, std::string(xlsx ? kXlsxMediaType : kCsvMediaType), std::move(body),
          {{"Content-Disposition", "attachment; filename=\"" + stem + (xlsx ? ".xlsx" : ".csv") + "\""},
           {"Cache-Control", "no-store"}}};
}

}  // namespace trappa::web
