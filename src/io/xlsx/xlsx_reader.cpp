#include "io/xlsx/xlsx_reader.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <variant>

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include "core/base/case_fold.hpp"

namespace trappa::io {

namespace {

constexpr std::uint64_t kMaxPartBytes = 512ULL << 20;
constexpr std::uint64_t kMaxWorkbookBytes = 2ULL << 30;
constexpr int kMaxRows = 1'048'576;
constexpr int kMaxColumns = 16'384;
constexpr std::size_t kMaxCellBytes = 4096;

core::Error problem(const std::string& where, std::string what) {
  return core::Error{core::ErrorKind::kInvalidInput, "cannot read the workbook", {{where, std::move(what)}}};
}

// The local name of an element: "x:row" and "row" are the same element (some writers prefix).
std::string_view local_name(const XML_Char* name) {
  std::string_view full(name);
  const std::size_t colon = full.rfind(':');
  return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

const XML_Char* attribute(const XML_Char** attributes, std::string_view wanted) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (local_name(attributes[i]) == wanted) return attributes[i + 1];
  }
  return nullptr;
}

// Excel writes characters XML cannot hold as _xHHHH_ ("_x000D_" for a carriage return).
std::string decode_excel_escapes(std::string text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    unsigned code = 0;
    if (text.compare(i, 2, "_x") == 0 && i + 7 <= text.size() && text[i + 6] == '_' &&
        std::from_chars(text.data() + i + 2, text.data() + i + 6, code, 16).ptr == text.data() + i + 6) {
      if (code < 0x80) {
        decoded += static_cast<char>(code);
      } else if (code < 0x800) {
        decoded += static_cast<char>(0xC0 | (code >> 6));
        decoded += static_cast<char>(0x80 | (code & 0x3F));
      } else {
        decoded += static_cast<char>(0xE0 | (code >> 12));
        decoded += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        decoded += static_cast<char>(0x80 | (code & 0x3F));
      }
      i += 7;
    } else {
      decoded += text[i++];
    }
  }
  return decoded;
}

// The workbook's ZIP container, closed on destruction.
class Archive {
 public:
  static core::Result<Archive> open(const std::filesystem::path& path) {
    int error_code = 0;
    zip_t* handle = zip_open(path.c_str(), ZIP_RDONLY, &error_code);
    if (handle == nullptr) {
      zip_error_t error;
      zip_error_init_with_code(&error, error_code);
      std::string reason = zip_error_strerror(&error);
      zip_error_fini(&error);
      return std::unexpected(problem(path.string(), "not a readable XLSX workbook (" + reason + ")"));
    }
    return Archive(path.string(), handle);
  }

  [[nodiscard]] bool has(const std::string& entry) const { return zip_name_locate(handle_.get(), entry.c_str(), 0) >= 0; }

  // Streams the entry's uncompressed bytes to `sink`, refusing an entry (or a workbook) larger
  // than the limits before inflating it and again while reading, in case the sizes lie.
  core::Result<std::monostate> stream(const std::string& entry,
                                      const std::function<core::Result<std::monostate>(std::string_view)>& sink) {
    const std::string where = file_ + ":" + entry;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(handle_.get(), entry.c_str(), 0, &stat) != 0) {
      return std::unexpected(problem(where, "the workbook has no such part"));
    }
    if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > kMaxPartBytes) {
      return std::unexpected(problem(where, fmt::format("the part is {} bytes uncompressed; at most {} are read",
                                                        stat.size, kMaxPartBytes)));
    }
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen(handle_.get(), entry.c_str(), 0), zip_fclose);
    if (!file) return std::unexpected(problem(where, std::string("cannot open the part: ") + zip_strerror(handle_.get())));
    std::uint64_t part_bytes = 0;
    std::string buffer(1 << 16, '\0');
    for (;;) {
      const zip_int64_t read = zip_fread(file.get(), buffer.data(), buffer.size());
      if (read < 0) {
        return std::unexpected(problem(where, std::string("the part is damaged: ") + zip_file_strerror(file.get())));
      }
      if (read == 0) break;
      part_bytes += static_cast<std::uint64_t>(read);
      total_bytes_ += static_cast<std::uint64_t>(read);
      if (part_bytes > kMaxPartBytes) {
        return std::unexpected(problem(where, fmt::format("the part inflates to more than {} bytes", kMaxPartBytes)));
      }
      if (total_bytes_ > kMaxWorkbookBytes) {
        return std::unexpected(problem(where, fmt::format("the workbook inflates to more than {} bytes", kMaxWorkbookBytes)));
      }
      TRY(sink(std::string_view(buffer.data(), static_cast<std::size_t>(read))));
    }
    return std::monostate{};
  }

  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  Archive(std::string file, zip_t* handle) : file_(std::move(file)), handle_(handle, zip_discard) {}

  std::string file_;
  std::unique_ptr<zip_t, decltype(&zip_discard)> handle_;
  std::uint64_t total_bytes_ = 0;
};

// Base for the parts' expat handlers: holds the parser, forwards callbacks, and records the
// first problem a handler finds (expat callbacks cannot return one).
class XmlPart {
 public:
  XmlPart() : parser_(XML_ParserCreate("UTF-8"), XML_ParserFree) {
    XML_SetUserData(parser_.get(), this);
    XML_SetElementHandler(
        parser_.get(),
        [](void* self, const XML_Char* name, const XML_Char** attributes) {
          static_cast<XmlPart*>(self)->start(local_name(name), attributes);
        },
        [](void* self, const XML_Char* name) { static_cast<XmlPart*>(self)->end(local_name(name)); });
    XML_SetCharacterDataHandler(parser_.get(), [](void* self, const XML_Char* text, int length) {
      auto* part = static_cast<XmlPart*>(self);
      if (part->collecting_) part->text_.append(text, static_cast<std::size_t>(length));
    });
  }
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;
  virtual ~XmlPart() = default;

  core::Result<std::monostate> parse(Archive& archive, const std::string& entry) {
    const std::string where = archive.file() + ":" + entry;
    TRY(archive.stream(entry, [&](std::string_view chunk) -> core::Result<std::monostate> {
      return feed(where, chunk, false);
    }));
    return feed(where, {}, true);
  }

 protected:
  virtual void start(std::string_view name, const XML_Char** attributes) = 0;
  virtual void end(std::string_view name) = 0;

  void collect() {
    collecting_ = true;
    text_.clear();
  }
  std::string take_text() {
    collecting_ = false;
    return std::move(text_);
  }
  void fail(std::string what) {
    if (!failure_) failure_ = std::move(what);
    XML_StopParser(parser_.get(), XML_FALSE);
  }

 private:
  core::Result<std::monostate> feed(const std::string& where, std::string_view chunk, bool last) {
    const auto status = XML_Parse(parser_.get(), chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0);
    if (failure_) return std::unexpected(problem(where, *failure_));
    if (status != XML_STATUS_OK) {
      return std::unexpected(problem(
          where, fmt::format("the XML is damaged at line {}: {}", XML_GetCurrentLineNumber(parser_.get()),
                             XML_ErrorString(XML_GetErrorCode(parser_.get())))));
    }
    return std::monostate{};
  }

  std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser_;
  bool collecting_ = false;
  std::string text_;
  std::optional<std::string> failure_;
};

struct SheetEntry {
  std::string name;
  std::string relationship;
};

// xl/workbook.xml: the sheets in order and the date system.
class WorkbookPart final : public XmlPart {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;

 protected:
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "sheet") {
      const XML_Char* sheet_name = attribute(attributes, "name");
      const XML_Char* id = attribute(attributes, "id");
      if (sheet_name == nullptr || id == nullptr) return fail("a sheet has no name or no relationship id");
      sheets.push_back({sheet_name, id});
    } else if (name == "workbookPr") {
      const XML_Char* value = attribute(attributes, "date1904");
      date1904 = value != nullptr && (std::string_view(value) == "1" || std::string_view(value) == "true");
    }
  }
  void end(std::string_view /*name*/) override {}
};

// xl/_rels/workbook.xml.rels: relationship id → part name inside the archive.
class RelationshipsPart final : public XmlPart {
 public:
  std::unordered_map<std::string, std::string> targets;
  std::string shared_strings;
  std::string styles;

 protected:
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name != "Relationship") return;
    const XML_Char* id = attribute(attributes, "Id");
    const XML_Char* target = attribute(attributes, "Target");
    const XML_Char* type = attribute(attributes, "Type");
    if (id == nullptr || target == nullptr) return;
    std::string part = target;
    part = part.starts_with('/') ? part.substr(1) : "xl/" + part;
    targets[id] = part;
    const std::string_view kind = type == nullptr ? "" : type;
    if (kind.ends_with("/sharedStrings")) shared_strings = part;
    if (kind.ends_with("/styles")) styles = part;
  }
  void end(std::string_view /*name*/) override {}
};

// A custom number format shows a date when it has a day or year code outside quoted text,
// escapes and [bracketed] parts ("[$-41D]yyyy-mm-dd", "d/m/yyyy"); "m" alone may be minutes.
bool format_shows_date(std::string_view code) {
  bool quoted = false;
  bool bracketed = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (bracketed) {
      bracketed = c != ']';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      bracketed = true;
    } else if (c == '\\') {
      ++i;
    } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y') {
      return true;
    }
  }
  return false;
}

// Built-in number formats that show a date (ECMA-376 §18.8.30; 27–36 and 50–58 are the East
// Asian locales' date formats). 18–21 and 45–47 are times of day, shown as numbers here.
bool builtin_format_shows_date(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// xl/styles.xml: which cell styles (the s attribute's index into cellXfs) show a date.
class StylesPart final : public XmlPart {
 public:
  std::vector<bool> style_is_date;

 protected:
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "numFmt") {
      const XML_Char* id = attribute(attributes, "numFmtId");
      const XML_Char* code = attribute(attributes, "formatCode");
      if (id != nullptr && code != nullptr && format_shows_date(code)) date_formats_.push_back(std::atoi(id));
    } else if (name == "cellXfs") {
      in_cell_formats_ = true;
    } else if (name == "xf" && in_cell_formats_) {
      const XML_Char* id = attribute(attributes, "numFmtId");
      const int format = id == nullptr ? 0 : std::atoi(id);
      style_is_date.push_back(builtin_format_shows_date(format) ||
                              std::find(date_formats_.begin(), date_formats_.end(), format) != date_formats_.end());
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_formats_ = false;
  }

 private:
  std::vector<int> date_formats_;
  bool in_cell_formats_ = false;
};

// xl/sharedStrings.xml: every <si>'s text, the runs joined, phonetic guides (<rPh>) left out.
class SharedStringsPart final : public XmlPart {
 public:
  std::vector<std::string> strings;

 protected:
  void start(std::string_view name, const XML_Char** /*attributes*/) override {
    if (name == "si") current_.clear();
    else if (name == "rPh") in_phonetic_ = true;
    else if (name == "t" && !in_phonetic_) collect();
  }
  void end(std::string_view name) override {
    if (name == "t" && !in_phonetic_) current_ += take_text();
    else if (name == "rPh") in_phonetic_ = false;
    else if (name == "si") strings.push_back(decode_excel_escapes(std::move(current_)));
  }

 private:
  std::string current_;
  bool in_phonetic_ = false;
};

// "C5" → (5, 3); nullopt for a reference that is not one.
std::optional<std::pair<int, int>> parse_reference(std::string_view reference) {
  int column = 0;
  std::size_t i = 0;
  while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z' && column <= kMaxColumns) {
    column = column * 26 + (reference[i] - 'A' + 1);
    ++i;
  }
  int row = 0;
  const auto [end, error] = std::from_chars(reference.data() + i, reference.data() + reference.size(), row);
  if (i == 0 || error != std::errc() || end != reference.data() + reference.size()) return std::nullopt;
  return std::pair{row, column};
}

// A number as a spreadsheet would show it in a general format, in the form the importers read.
std::string number_text(std::string_view value) {
  double number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(number)) return std::string(value);
  if (number == std::trunc(number) && std::fabs(number) < 1e15) {
    return fmt::format("{}", static_cast<long long>(number));
  }
  char buffer[64];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, number);
  return std::string(buffer, written.ptr);
}

// An Excel serial date as YYYY-MM-DD; the time of day is dropped. In the 1900 system serial 60
// is the 29 February 1900 that never was (Lotus's bug, kept by Excel); it and earlier serials
// count from 31 December 1899.
std::optional<std::string> serial_date_text(std::string_view value, bool date1904) {
  double serial = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), serial);
  if (error != std::errc() || end != value.data() + value.size() || serial < 0 || serial > 2958466) return std::nullopt;
  using namespace std::chrono;
  const auto whole_days = days(static_cast<long>(std::floor(serial)));
  sys_days date;
  if (date1904) date = sys_days(year(1904) / January / 1) + whole_days;
  else if (serial < 61) date = sys_days(year(1899) / December / 31) + whole_days;
  else date = sys_days(year(1899) / December / 30) + whole_days;
  const year_month_day ymd(date);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

// A worksheet part: every cell's shown text, row by row.
class SheetPart final : public XmlPart {
 public:
  SheetPart(const std::vector<std::string>& shared_strings, const std::vector<bool>& style_is_date, bool date1904,
            XlsxSheetRows& out)
      : shared_strings_(shared_strings), style_is_date_(style_is_date), date1904_(date1904), out_(out) {}

 protected:
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "row") {
      const XML_Char* number = attribute(attributes, "r");
      row_ = number != nullptr ? std::atoi(number) : row_ + 1;
      if (row_ < 1 || row_ > kMaxRows) return fail(fmt::format("row {} is outside 1–{}", row_, kMaxRows));
      cells_.clear();
      column_ = 0;
    } else if (name == "c") {
      const XML_Char* reference = attribute(attributes, "r");
      if (reference != nullptr) {
        const auto parsed = parse_reference(reference);
        if (!parsed) return fail(fmt::format("the cell reference '{}' is not one", reference));
        column_ = parsed->second;
      } else {
        ++column_;
      }
      if (column_ > kMaxColumns) return fail(fmt::format("a cell in row {} is beyond column {}", row_, kMaxColumns));
      const XML_Char* type = attribute(attributes, "t");
      type_ = type == nullptr ? "n" : type;
      const XML_Char* style = attribute(attributes, "s");
      const long index = style == nullptr ? 0 : std::atol(style);
      date_style_ = index >= 0 && static_cast<std::size_t>(index) < style_is_date_.size() &&
                    style_is_date_[static_cast<std::size_t>(index)];
      value_.clear();
      inline_text_.clear();
    } else if (name == "v") {
      collect();
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t" && !in_phonetic_) {
      collect();
    }
  }

  void end(std::string_view name) override {
    if (name == "v") {
      value_ = take_text();
    } else if (name == "t" && !in_phonetic_) {
      inline_text_ += take_text();
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "c") {
      std::string text = cell_text();
      if (failed_) return;
      if (text.empty()) return;
      if (cells_.size() < static_cast<std::size_t>(column_)) cells_.resize(static_cast<std::size_t>(column_));
      cells_[static_cast<std::size_t>(column_ - 1)] = std::move(text);
    } else if (name == "row") {
      if (!cells_.empty()) out_.rows.push_back({row_, std::move(cells_)});
      cells_ = {};
    }
  }

 private:
  std::string cell_text() {
    if (type_ == "s") {
      std::size_t index = 0;
      const auto [end, error] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (error != std::errc() || end != value_.data() + value_.size() || index >= shared_strings_.size()) {
        failed_ = true;
        fail(fmt::format("cell {} refers to shared string '{}', which the workbook does not have",
                         xlsx_cell_reference(row_, column_), value_));
        return {};
      }
      return shared_strings_[index];
    }
    if (type_ == "inlineStr") return decode_excel_escapes(std::move(inline_text_));
    if (type_ == "b") return value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    if (type_ == "str" || type_ == "e") return decode_excel_escapes(std::move(value_));
    if (type_ == "d") return value_.substr(0, value_.find('T'));
    if (value_.empty()) return {};
    if (date_style_) {
      if (auto date = serial_date_text(value_, date1904_)) return *date;
    }
    return number_text(value_);
  }

  const std::vector<std::string>& shared_strings_;
  const std::vector<bool>& style_is_date_;
  bool date1904_ = false;
  XlsxSheetRows& out_;
  int row_ = 0;
  int column_ = 0;
  std::string type_;
  bool date_style_ = false;
  bool in_phonetic_ = false;
  bool failed_ = false;
  std::string value_;
  std::string inline_text_;
  std::vector<std::string> cells_;
};

struct Workbook {
  explicit Workbook(Archive opened) : archive(std::move(opened)) {}
  Archive archive;
  WorkbookPart workbook;
  RelationshipsPart relationships;
};

core::Result<std::unique_ptr<Workbook>> open_workbook(const std::filesystem::path& path) {
  ASSIGN_OR_RETURN(Archive archive, Archive::open(path));
  if (!archive.has("xl/workbook.xml")) {
    return std::unexpected(problem(path.string(), "this ZIP archive is not an XLSX workbook (it has no xl/workbook.xml)"));
  }
  auto book = std::make_unique<Workbook>(std::move(archive));
  TRY(book->workbook.parse(book->archive, "xl/workbook.xml"));
  TRY(book->relationships.parse(book->archive, "xl/_rels/workbook.xml.rels"));
  return book;
}

}  // namespace

std::string xlsx_cell_reference(int row, int column) {
  std::string letters;
  for (int rest = column; rest > 0; rest = (rest - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (rest - 1) % 26));
  }
  return letters + std::to_string(row);
}

core::Result<std::vector<std::string>> xlsx_sheet_names(const std::filesystem::path& path) {
  ASSIGN_OR_RETURN(auto book, open_workbook(path));
  std::vector<std::string> names;
  for (const SheetEntry& sheet : book->workbook.sheets) names.push_back(sheet.name);
  return names;
}

core::Result<XlsxSheetRows> read_xlsx_sheet(const std::filesystem::path& path, const std::string& sheet) {
  ASSIGN_OR_RETURN(auto book, open_workbook(path));
  const auto& sheets = book->workbook.sheets;
  if (sheets.empty()) return std::unexpected(problem(path.string(), "the workbook has no sheets"));
  auto chosen = sheets.begin();
  if (!sheet.empty()) {
    chosen = std::find_if(sheets.begin(), sheets.end(), [&](const SheetEntry& entry) { return entry.name == sheet; });
    if (chosen == sheets.end()) {
      chosen = std::find_if(sheets.begin(), sheets.end(), [&](const SheetEntry& entry) {
        return core::ascii_lower(entry.name) == core::ascii_lower(sheet);
      });
    }
    if (chosen == sheets.end()) {
      std::string names;
      for (const SheetEntry& entry : sheets) names += (names.empty() ? "'" : ", '") + entry.name + "'";
      return std::unexpected(
          problem(path.string(), fmt::format("the workbook has no sheet '{}'; its sheets are {}", sheet, names)));
    }
  }
  const auto target = book->relationships.targets.find(chosen->relationship);
  if (target == book->relationships.targets.end()) {
    return std::unexpected(problem(path.string(), fmt::format("the workbook does not say where sheet '{}' is", chosen->name)));
  }

  SharedStringsPart shared;
  const std::string shared_part =
      book->relationships.shared_strings.empty() ? "xl/sharedStrings.xml" : book->relationships.shared_strings;
  if (book->archive.has(shared_part)) TRY(shared.parse(book->archive, shared_part));
  StylesPart styles;
  const std::string styles_part = book->relationships.styles.empty() ? "xl/styles.xml" : book->relationships.styles;
  if (book->archive.has(styles_part)) TRY(styles.parse(book->archive, styles_part));

  XlsxSheetRows result;
  result.name = chosen->name;
  SheetPart part(shared.strings, styles.style_is_date, book->workbook.date1904, result);
  TRY(part.parse(book->archive, target->second));
  return result;
}

core::Result<CsvTable> read_xlsx_table(const std::filesystem::path& path, const std::string& sheet) {
  ASSIGN_OR_RETURN(XlsxSheetRows rows, read_xlsx_sheet(path, sheet));
  CsvTable table;
  table.file = path.string();
  std::vector<core::Problem> problems;
  auto to_fields = [&](XlsxRow& row) {
    std::vector<CsvField> fields;
    fields.reserve(row.cells.size());
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      const int column = static_cast<int>(i) + 1;
      std::string& text = row.cells[i];
      if (text.size() > kMaxCellBytes) {
        problems.push_back({table.where(row.number, column),
                            fmt::format("cell {} is longer than {} bytes", xlsx_cell_reference(row.number, column),
                                        kMaxCellBytes)});
      }
      for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          problems.push_back({table.where(row.number, column),
                              fmt::format("cell {} contains the control character U+{:04X}, which no field may hold",
                                          xlsx_cell_reference(row.number, column), byte)});
          break;
        }
      }
      fields.push_back({std::move(text), row.number, column});
    }
    return fields;
  };
  for (std::size_t i = 0; i < rows.rows.size(); ++i) {
    if (i == 0) {
      table.header = to_fields(rows.rows[i]);
    } else {
      table.records.push_back({rows.rows[i].number, to_fields(rows.rows[i])});
    }
    if (problems.size() >= 100) break;
  }
  if (!problems.empty()) return core::invalid("the workbook has cells no import accepts", std::move(problems));
  return table;
}

}  // namespace trappa::io
