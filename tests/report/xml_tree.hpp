// A small, strict XML reader for the report tests: it accepts exactly the well-formed XML
// the charts should produce (elements, double- or single-quoted attributes, text, the five
// predefined entities and numeric references) and reports the first problem otherwise.
// Not a general XML parser: no DOCTYPE, CDATA, comments or processing instructions, which
// the charts never emit.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trappa::report::testing {

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // values decoded
  std::vector<std::unique_ptr<XmlElement>> children;
  std::string text;  // all character data directly inside, decoded

  [[nodiscard]] std::optional<std::string> attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes) {
      if (k == key) return v;
    }
    return std::nullopt;
  }
  // Every element below (and including) this one, in document order.
  void collect(std::vector<const XmlElement*>& out) const {
    out.push_back(this);
    for (const auto& child : children) child->collect(out);
  }
  [[nodiscard]] std::vector<const XmlElement*> all() const {
    std::vector<const XmlElement*> out;
    collect(out);
    return out;
  }
  [[nodiscard]] std::vector<const XmlElement*> all_named(std::string_view wanted) const {
    std::vector<const XmlElement*> out;
    for (const XmlElement* e : all()) {
      if (e->name == wanted) out.push_back(e);
    }
    return out;
  }
  // Text of this element and all its descendants, in order.
  [[nodiscard]] std::string deep_text() const {
    std::string out = text;
    for (const auto& child : children) out += child->deep_text();
    return out;
  }
};

struct XmlParse {
  std::unique_ptr<XmlElement> root;
  std::string error;  // empty when well-formed
};

namespace detail {

inline bool name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}
inline bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
inline bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

inline void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  XmlParse parse() {
    XmlParse result;
    skip_space();
    if (!at('<')) return fail("document does not start with an element");
    result.root = element();
    if (!error_.empty()) return fail(error_);
    skip_space();
    if (pos_ != text_.size()) return fail("content after the root element");
    return result;
  }

 private:
  XmlParse fail(std::string message) {
    XmlParse result;
    result.error = message + " at offset " + std::to_string(pos_);
    return result;
  }
  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  void skip_space() {
    while (pos_ < text_.size() && space(text_[pos_])) ++pos_;
  }
  std::string name() {
    std::string out;
    if (pos_ >= text_.size() || !name_start(text_[pos_])) {
      error_ = "expected a name";
      return out;
    }
    while (pos_ < text_.size() && name_char(text_[pos_])) out += text_[pos_++];
    return out;
  }
  // Decodes character data up to `stop`; '<' is never allowed in it, '&' only as a reference.
  bool characters(std::string& out, std::string_view stop) {
    while (pos_ < text_.size() && stop.find(text_[pos_]) == std::string_view::npos) {
      const char c = text_[pos_];
      if (c == '<') {
        error_ = "'<' inside an attribute value";
        return false;
      }
      if (c != '&') {
        out += c;
        ++pos_;
        continue;
      }
      const std::size_t end = text_.find(';', pos_);
      if (end == std::string_view::npos || end - pos_ > 10) {
        error_ = "a bare '&'";
        return false;
      }
      const std::string_view ref = text_.substr(pos_ + 1, end - pos_ - 1);
      if (ref == "amp") out += '&';
      else if (ref == "lt") out += '<';
      else if (ref == "gt") out += '>';
      else if (ref == "quot") out += '"';
      else if (ref == "apos") out += '\'';
      else if (ref.size() > 1 && ref[0] == '#') {
        const bool hex = ref[1] == 'x';
        const std::string digits(ref.substr(hex ? 2 : 1));
        if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos) {
          error_ = "a malformed character reference";
          return false;
        }
        append_utf8(out, std::stoul(digits, nullptr, hex ? 16 : 10));
      } else {
        error_ = "an unknown entity &" + std::string(ref) + ";";
        return false;
      }
      pos_ = end + 1;
    }
    return true;
  }

  std::unique_ptr<XmlElement> element() {
    auto node = std::make_unique<XmlElement>();
    ++pos_;  // '<'
    node->name = name();
    if (!error_.empty()) return node;
    for (;;) {
      const std::size_t before = pos_;
      skip_space();
      if (at('/')) {
        ++pos_;
        if (!at('>')) {
          error_ = "expected '>' after '/'";
          return node;
        }
        ++pos_;
        return node;
      }
      if (at('>')) {
        ++pos_;
        break;
      }
      if (pos_ == before) {
        error_ = "expected a space before an attribute";
        return node;
      }
      std::string key = name();
      if (!error_.empty()) return node;
      if (node->attribute(key)) {
        error_ = "duplicate attribute " + key;
        return node;
      }
      skip_space();
      if (!at('=')) {
        error_ = "attribute " + key + " without a value";
        return node;
      }
      ++pos_;
      skip_space();
      if (!at('"') && !at('\'')) {
        error_ = "attribute " + key + " not quoted";
        return node;
      }
      const char quote = text_[pos_++];
      std::string value;
      if (!characters(value, std::string_view(quote == '"' ? "\"" : "'"))) return node;
      if (!at(quote)) {
        error_ = "unterminated attribute " + key;
        return node;
      }
      ++pos_;
      node->attributes.emplace_back(std::move(key), std::move(value));
    }
    for (;;) {
      if (pos_ >= text_.size()) {
        error_ = "unclosed <" + node->name + ">";
        return node;
      }
      if (text_.substr(pos_, 2) == "</") {
        pos_ += 2;
        const std::string closing = name();
        if (closing != node->name) {
          error_ = "</" + closing + "> closes <" + node->name + ">";
          return node;
        }
        skip_space();
        if (!at('>')) {
          error_ = "expected '>'";
          return node;
        }
        ++pos_;
        return node;
      }
      if (at('<')) {
        if (text_.substr(pos_, 2) == "<!" || text_.substr(pos_, 2) == "<?") {
          error_ = "comments, CDATA and processing instructions are not expected";
          return node;
        }
        node->children.push_back(element());
        if (!error_.empty()) return node;
        continue;
      }
      if (!characters(node->text, "<")) return node;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
};

}  // namespace detail

inline XmlParse parse_xml(std::string_view text) { return detail::Reader(text).parse(); }

}  // namespace trappa::report::testing
