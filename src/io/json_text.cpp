#include "io/json_text.hpp"

#include <boost/json/stream_parser.hpp>
#include <fmt/format.h>

namespace trappa::io {

namespace {

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

}  // namespace

core::Result<boost::json::value> parse_json_text(std::string_view text, const std::string& file_name) {
  boost::json::stream_parser parser;
  boost::system::error_code error;
  const std::size_t consumed = parser.write_some(text.data(), text.size(), error);
  if (!error) parser.finish(error);
  if (error) {
    const std::size_t offset = std::min(consumed, text.size());
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') { ++line; column = 1; }
      else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) { ++column; }
    }
    return core::invalid("the file is not valid JSON",
                         {{fmt::format("{}:{}:{}", file_name, line, column), error.message()}});
  }
  return parser.release();
}

std::string write_json_text(const boost::json::value& value) {
  std::string out;
  append_value(out, value, 0);
  out += '\n';
  return out;
}

}  // namespace trappa::io
