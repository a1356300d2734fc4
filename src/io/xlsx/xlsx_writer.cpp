#include "io/xlsx/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace trappa::io {

namespace {

// libxlsxwriter writes to a named file; a private one in the temporary directory, removed at
// the end whatever happens.
class TemporaryFile {
 public:
  TemporaryFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "trappa-XXXXXX.xlsx").string();
    const int fd = mkstemps(pattern.data(), 5);
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ~TemporaryFile() {
    if (!path_.empty()) {
      std::error_code ignored;
      std::filesystem::remove(path_, ignored);
    }
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The value of a decimal written with '.', nothing for anything else (or for nan/inf).
std::optional<double> decimal_value(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

bool valid_sheet_name(const std::string& name) {
  return !name.empty() && name.size() <= 31 && name.find_first_of("[]:*?/\\") == std::string::npos;
}

}  // namespace

core::Result<std::string> write_xlsx(const std::vector<XlsxSheet>& sheets) {
  for (const XlsxSheet& sheet : sheets) {
    if (!valid_sheet_name(sheet.name)) {
      return core::fail(core::ErrorKind::kInvalidInput, "'" + sheet.name + "' cannot name a worksheet");
    }
  }
  TemporaryFile file;
  if (file.path().empty()) return core::fail(core::ErrorKind::kStorage, "no temporary file for the workbook");
  lxw_workbook* workbook = workbook_new(file.path().c_str());
  if (workbook == nullptr) return core::fail(core::ErrorKind::kStorage, "the workbook could not be started");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* percentage = workbook_add_format(workbook);
  format_set_num_format(percentage, "0.0%");
  for (const XlsxSheet& sheet : sheets) {
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
    std::vector<std::size_t> widths;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      const auto& row = sheet.rows[r];
      widths.resize(std::max(widths.size(), row.size()), 8);
      for (std::size_t c = 0; c < row.size(); ++c) {
        const XlsxColumn kind = c < sheet.columns.size() ? sheet.columns[c] : XlsxColumn::kText;
        const auto at_row = static_cast<lxw_row_t>(r);
        const auto at_column = static_cast<lxw_col_t>(c);
        if (r > 0 && kind != XlsxColumn::kText && row[c].empty()) continue;  // a missing value
        if (const auto value = r > 0 && kind != XlsxColumn::kText ? decimal_value(row[c]) : std::nullopt) {
          worksheet_write_number(worksheet, at_row, at_column, *value,
                                 kind == XlsxColumn::kPercentage ? percentage : nullptr);
        } else {
          worksheet_write_string(worksheet, at_row, at_column, row[c].c_str(), r == 0 ? bold : nullptr);
        }
        widths[c] = std::max(widths[c], std::min<std::size_t>(row[c].size() + 2, 60));
      }
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
      worksheet_set_column(worksheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(widths[c]), nullptr);
    }
    if (!sheet.rows.empty()) worksheet_freeze_panes(worksheet, 1, 0);
  }
  if (const lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR) {
    return core::fail(core::ErrorKind::kStorage, std::string("the workbook could not be written: ") +
                                                      lxw_strerror(error));
  }
  std::ifstream in(file.path(), std::ios::binary);
  if (!in) return core::fail(core::ErrorKind::kStorage, "the workbook could not be read back");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace trappa::io
