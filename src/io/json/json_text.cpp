#include "io/json/json_text.hpp"

#include <cstdint>
#include <set>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/stream_parser.hpp>
#include <fmt/format.h>

#include "core/base/text_checks.hpp"

namespace trappa::io {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

void append_string(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_value(std::string& out, const boost::json::value& value, int depth) {
  const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
  const std::string closing_indent(static_cast<std::size_t>(depth) * 2, ' ');
  switch (value.kind()) {
    case boost::json::kind::object: {
      const auto& object = value.get_object();
      if (object.empty()) { out += "{}"; return; }
      out += "{\n";
      bool first = true;
      for (const auto& member : object) {
        if (!first) out += ",\n";
        first = false;
        out += indent;
        append_string(out, member.key());
        out += ": ";
        append_value(out, member.value(), depth + 1);
      }
      out += '\n' + closing_indent + '}';
      return;
    }
    case boost::json::kind::array: {
      const auto& array = value.get_array();
      if (array.empty()) { out += "[]"; return; }
      out += "[\n";
      bool first = true;
      for (const auto& element : array) {
        if (!first) out += ",\n";
        first = false;
        out += indent;
        append_value(out, element, depth + 1);
      }
      out += '\n' + closing_indent + ']';
      return;
    }
    case boost::json::kind::string: append_string(out, value.get_string()); return;
    case boost::json::kind::int64: out += std::to_string(value.get_int64()); return;
    case boost::json::kind::uint64: out += std::to_string(value.get_uint64()); return;
    case boost::json::kind::double_: out += fmt::format("{}", value.get_double()); return;
    case boost::json::kind::bool_: out += value.get_bool() ? "true" : "false"; return;
    case boost::json::kind::null: out += "null"; return;
  }
}

// "FILE:LINE:COLUMN" of a byte offset, the column counted in characters from 1.
std::string where(std::string_view text, const std::string& file_name, std::size_t offset) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') { line += 1; column = 1; }
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) { ++column; }
  }
  return fmt::format("{}:{}:{}", file_name, line, column);
}

// A Boost.JSON parser handler that builds nothing and stops at the first key that appears
// twice in the same object (Boost.JSON's document would keep only one of them).
class KeyCheckingHandler {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  bool duplicate = false;
  std::string duplicate_key;

  using error_code = boost::system::error_code;
  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_object_begin(error_code&) { keys_.emplace_back(); return true; }
  bool on_object_end(std::size_t, error_code&) { keys_.pop_back(); return true; }
  bool on_array_begin(error_code&) { return true; }
  bool on_array_end(std::size_t, error_code&) { return true; }
  bool on_key_part(boost::json::string_view part, std::size_t, error_code&) {
    key_.append(part.data(), part.size());
    return true;
  }
  bool on_key(boost::json::string_view part, std::size_t, error_code& error) {
    key_.append(part.data(), part.size());
    if (!keys_.back().insert(key_).second) {
      duplicate = true;
      duplicate_key = key_;
      error = boost::json::error::syntax;
      return false;
    }
    key_.clear();
    return true;
  }
  bool on_string_part(boost::json::string_view, std::size_t, error_code&) { return true; }
  bool on_string(boost::json::string_view, std::size_t, error_code&) { return true; }
  bool on_number_part(boost::json::string_view, error_code&) { return true; }
  bool on_int64(std::int64_t, boost::json::string_view, error_code&) { return true; }
  bool on_uint64(std::uint64_t, boost::json::string_view, error_code&) { return true; }
  bool on_double(double, boost::json::string_view, error_code&) { return true; }
  bool on_bool(bool, error_code&) { return true; }
  bool on_null(error_code&) { return true; }
  bool on_comment_part(boost::json::string_view, error_code&) { return true; }
  bool on_comment(boost::json::string_view, error_code&) { return true; }

 private:
  std::vector<std::set<std::string>> keys_;  // the keys seen in each open object
  std::string key_;
};

}  // namespace

core::Result<boost::json::value> parse_json_text(std::string_view text, const std::string& file_name) {
  // A byte-order mark is what Notepad and Excel put first; it carries no content.
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  auto failure = [&](std::size_t offset, std::string reason) -> core::Result<boost::json::value> {
    return core::invalid("the file is not valid JSON", {{where(text, file_name, offset), std::move(reason)}});
  };
  // Raw control characters are never valid JSON, and bytes that are not UTF-8 would only be
  // called a "syntax error" by the parser: name both plainly.
  if (const auto flaw = core::find_text_flaw(text)) {
    return failure(flaw->offset, flaw->kind == core::TextFlaw::Kind::kInvalidUtf8
                                     ? "the text is not valid UTF-8 (save the file as UTF-8)"
                                     : "the text " + core::describe(*flaw));
  }
  // First pass: syntax, depth and duplicate keys, which the document would silently merge.
  boost::json::basic_parser<KeyCheckingHandler> checker{boost::json::parse_options{}};
  boost::system::error_code error;
  const std::size_t consumed = checker.write_some(false, text.data(), text.size(), error);
  if (error) {
    const std::size_t offset = std::min(consumed, text.size());
    const KeyCheckingHandler& handler = checker.handler();
    if (handler.duplicate) return failure(offset, "the key '" + handler.duplicate_key + "' appears twice in one object");
    return failure(offset, error.message());
  }
  // The parser stops after one complete document (and the whitespace after it).
  if (consumed < text.size()) return failure(consumed, "unexpected text after the end of the JSON document");
  boost::json::stream_parser parser;
  parser.write(text.data(), text.size(), error);
  if (!error) parser.finish(error);
  if (error) return failure(text.size(), error.message());  // the first pass accepted it: not expected
  return parser.release();
}

std::string write_json_text(const boost::json::value& value) {
  std::string out;
  append_value(out, value, 0);
  out += '\n';
  return out;
}

std::optional<double> number_of(const boost::json::value& value) {
  if (value.is_double()) return value.get_double();
  if (value.is_int64()) return static_cast<double>(value.get_int64());
  if (value.is_uint64()) return static_cast<double>(value.get_uint64());
  return std::nullopt;
}

}  // namespace trappa::io
