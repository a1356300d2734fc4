#include "report/charts/markup.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

namespace trappa::report {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at `text[i]`, or 0 when it is not valid
// (overlong forms, surrogates and code points past U+10FFFF are not).
std::size_t utf8_sequence(std::string_view text, std::size_t i, char32_t& code_point) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  code_point = value;
  return length;
}

// Em widths of common glyphs in a wide sans-serif face (DejaVu Sans, the widest of the
// usual fallbacks), rounded up.
double glyph_em(char32_t c) {
  if (c == ' ' || c == '.' || c == ',' || c == ':' || c == ';' || c == '\'' || c == '|' || c == '!') return 0.34;
  if (c == 'i' || c == 'j' || c == 'l' || c == 'I' || c == 'f' || c == 't' || c == 'r' || c == '(' || c == ')')
    return 0.42;
  if (c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '%' || c == '@') return 0.96;
  if (c >= '0' && c <= '9') return 0.64;
  if ((c >= 'A' && c <= 'Z') || c == 0xC5 || c == 0xC4 || c == 0xD6) return 0.72;  // incl. Å Ä Ö
  if (c == 0x00A0 || c == 0x202F) return 0.34;
  return 0.62;
}

}  // namespace

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = utf8_sequence(text, i, c);
    if (length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // XML 1.0 allows only tab, LF and CR below U+0020, and not U+FFFE/U+FFFF.
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) break;
        out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string sanitize_id(std::string_view prefix) {
  if (prefix.empty()) return "chart";
  std::string id;
  for (char c : prefix) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    id += keep ? c : '-';
  }
  if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'))) id = "c-" + id;
  return id;
}

std::string coordinate(double value) {
  if (!std::isfinite(value)) return "0";
  std::string text = fmt::format("{:.2f}", std::round(value * 100.0) / 100.0);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  return text;
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    char32_t c = 0;
    i += std::max<std::size_t>(1, utf8_sequence(text, i, c));
  }
  return count;
}

double estimated_text_width(std::string_view text, double font_size) {
  double em = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = utf8_sequence(text, i, c);
    em += length == 0 ? 0.6 : glyph_em(c);
    i += std::max<std::size_t>(1, length);
  }
  return em * font_size;
}

std::string fit_text(std::string_view text, double font_size, double max_width) {
  if (estimated_text_width(text, font_size) <= max_width) return std::string(text);
  const std::string_view ellipsis = "…";
  double width = estimated_text_width(ellipsis, font_size);
  std::size_t end = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = std::max<std::size_t>(1, utf8_sequence(text, i, c));
    width += estimated_text_width(text.substr(i, length), font_size);
    if (width > max_width) break;
    i += length;
    end = i;
  }
  std::string cut(text.substr(0, end));
  while (!cut.empty() && cut.back() == ' ') cut.pop_back();
  return cut + std::string(ellipsis);
}

namespace detail {

std::string open_chart(std::string_view id, std::string_view kind, double width, double height,
                       std::string_view title, std::string_view description_markup) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trappa-chart trappa-chart-{kind}\" "
      "viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" "
      "aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{font}\" font-size=\"{size}\">"
      "<title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{desc}</desc>",
      fmt::arg("kind", kind), fmt::arg("w", coordinate(width)), fmt::arg("h", coordinate(height)),
      fmt::arg("id", id), fmt::arg("font", kFontFamily), fmt::arg("size", coordinate(kFontSize)),
      fmt::arg("title", escape_markup(title)), fmt::arg("desc", description_markup));
}

std::string lang_attribute(std::string_view language, i18n::Language context) {
  if (language.empty() || language == i18n::language_code(context)) return {};
  return fmt::format("lang=\"{}\"", escape_markup(language));
}

std::string name_markup(std::string_view name, std::string_view language, i18n::Language context,
                        std::string_view element) {
  const std::string lang = lang_attribute(language, context);
  if (lang.empty()) return escape_markup(name);
  return fmt::format("<{0} {1}>{2}</{0}>", element, lang, escape_markup(name));
}

std::string text_element(double x, double y, std::string_view content, std::string_view anchor, double font_size,
                         std::string_view fill, std::string_view extra) {
  return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"{}\" fill=\"{}\"{}{}>{}</text>",
                     coordinate(x), coordinate(y), anchor, coordinate(font_size), fill, extra.empty() ? "" : " ",
                     extra, escape_markup(content));
}

std::string label_element(double x, double y, std::string_view label, std::string_view anchor, double font_size,
                          double max_width, std::string_view extra) {
  const std::string shown = fit_text(label, font_size, max_width);
  if (shown == label) return text_element(x, y, label, anchor, font_size, kTextColour, extra);
  return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"{}\" fill=\"{}\"{}{}><title>{}</title>{}</text>",
                     coordinate(x), coordinate(y), anchor, coordinate(font_size), kTextColour, extra.empty() ? "" : " ",
                     extra, escape_markup(label), escape_markup(shown));
}

Ticks nice_ticks(double maximum, int target) {
  if (!(maximum > 0) || !std::isfinite(maximum)) return {1, 1};
  const double rough = maximum / std::max(1, target);
  const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  double step = magnitude;
  for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = factor * magnitude;
    if (step >= rough) break;
  }
  const double end = std::ceil(maximum / step - 1e-9) * step;
  return {step, end};
}

std::vector<double> tick_values(double minimum, double maximum, double step) {
  std::vector<double> values;
  if (!(step > 0) || !(maximum >= minimum)) return {minimum};
  const double first = std::ceil(minimum / step - 1e-9) * step;
  if (first - minimum > 1e-9) values.push_back(minimum);
  for (int i = 0;; ++i) {
    const double value = first + i * step;
    if (value > maximum + step * 1e-6 || i > 1000) break;
    values.push_back(std::abs(value) < step * 1e-9 ? 0.0 : value);
  }
  if (values.empty() || maximum - values.back() > step * 1e-6) values.push_back(maximum);
  return values;
}

NumberFormat tick_format(ValueKind kind, double step) {
  const double scaled = kind == ValueKind::kShare ? step * 100.0 : step;
  int decimals = 0;
  while (decimals < 3) {
    const double shifted = scaled * std::pow(10.0, decimals);
    if (std::abs(shifted - std::round(shifted)) < 1e-6) break;
    ++decimals;
  }
  return {kind, decimals};
}

std::string rect_element(double x, double y, double width, double height, std::string_view fill,
                         std::string_view extra) {
  return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}{}/>", coordinate(x),
                     coordinate(y), coordinate(std::max(0.0, width)), coordinate(std::max(0.0, height)), fill,
                     extra.empty() ? "" : " ", extra);
}

std::string line_element(double x1, double y1, double x2, double y2, std::string_view stroke, double stroke_width,
                         std::string_view extra) {
  return fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}{}/>",
                     coordinate(x1), coordinate(y1), coordinate(x2), coordinate(y2), stroke,
                     coordinate(stroke_width), extra.empty() ? "" : " ", extra);
}

std::string spoken_value(const std::optional<double>& value, const NumberFormat& format, i18n::Language language) {
  if (!value || !std::isfinite(*value)) return words(language, "report_no_data");
  return format_value(value, format);
}

std::string words(i18n::Language language, std::string_view key) { return std::string(i18n::text(language, key)); }

std::string given_or_words(const std::string& given, i18n::Language language, std::string_view key) {
  return given.empty() ? words(language, key) : given;
}

namespace {

// The pattern with each "{name}" replaced by its value; a name without a value stays.
std::string fill_placeholders(std::string_view pattern, std::initializer_list<Placeholder> values) {
  std::string text;
  std::size_t at = 0;
  while (at < pattern.size()) {
    const std::size_t open = pattern.find('{', at);
    const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) break;
    text.append(pattern.substr(at, open - at));
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    const auto* found = std::ranges::find(values, name, &Placeholder::name);
    if (found != values.end()) {
      text += found->value;
    } else {
      text.append(pattern.substr(open, close - open + 1));
    }
    at = close + 1;
  }
  if (at < pattern.size()) text.append(pattern.substr(at));
  return text;
}

}  // namespace

std::string sentence(i18n::Language language, std::string_view key, std::initializer_list<Placeholder> values) {
  return fill_placeholders(i18n::text(language, key), values);
}

// Escaping leaves "{" and "}" alone, so the placeholders survive it.
std::string sentence_markup(i18n::Language language, std::string_view key, std::initializer_list<Placeholder> values) {
  return fill_placeholders(escape_markup(i18n::text(language, key)), values);
}

std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

std::string sentence_list(const std::vector<std::string>& parts) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += ", ";
    text += parts[i];
  }
  if (!text.empty()) text += '.';
  return text;
}

}  // namespace detail

}  // namespace trappa::report
