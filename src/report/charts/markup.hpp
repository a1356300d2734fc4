// Building blocks shared by the charts and the tables: escaping, ids, coordinates, text
// width estimates and the chart frame (the <svg> root with its <title> and <desc>).
//
// Everything here is pure and thread-safe. Output is XML that is also valid inline in
// HTML: every attribute double-quoted, every text escaped, and no style attribute (the
// page's Content-Security-Policy forbids inline styles; presentation attributes such as
// fill="#…" are allowed).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/ui_text.hpp"
#include "report/charts/number_format.hpp"

namespace trappa::report {

// Text for XML/HTML content or a double-quoted attribute: & < > " ' become entities,
// invalid UTF-8 becomes U+FFFD, and control characters that XML 1.0 forbids are dropped
// (tab, line feed and carriage return are kept).
[[nodiscard]] std::string escape_markup(std::string_view text);

// An XML id built from a caller's prefix: letters, digits, '-' and '_' are kept, anything
// else becomes '-', and a prefix that does not start with a letter gets "c-" in front
// (empty: "chart"). The caller keeps prefixes unique on a page; this cannot check that.
[[nodiscard]] std::string sanitize_id(std::string_view prefix);

// A coordinate or length for an attribute: '.' decimals, at most two, no trailing zeros.
[[nodiscard]] std::string coordinate(double value);

// The number of Unicode code points in valid UTF-8 (each invalid byte counts as one).
[[nodiscard]] std::size_t code_points(std::string_view text);

// A width estimate in user units for `text` set in a sans-serif face at `font_size`.
// Browsers measure for real; this is only for layout (label columns, whether a value fits
// inside a bar), deliberately on the wide side.
[[nodiscard]] double estimated_text_width(std::string_view text, double font_size);

// `text` cut at a code point boundary and ended with "…" so it fits in `max_width`; the text
// itself when it already fits.
[[nodiscard]] std::string fit_text(std::string_view text, double font_size, double max_width);

namespace detail {

// Chart typography and neutral colours, in one place so the charts look alike.
inline constexpr double kFontSize = 14;
inline constexpr double kSmallFontSize = 12;
inline constexpr double kBoldWidening = 1.1;  // semibold text (font-weight 600) is about this much wider
inline constexpr const char* kFontFamily = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";
inline constexpr const char* kTextColour = "#1f2933";     // 14.8:1 on white
inline constexpr const char* kMutedText = "#52606d";      //  6.4:1 on white
inline constexpr const char* kGridColour = "#e4e7eb";
inline constexpr const char* kAxisColour = "#9aa5b1";

// The opening of a chart: <svg …> with class, viewBox, natural size, role="img",
// aria-labelledby="ID-title ID-desc", then <title id="ID-title"> and <desc id="ID-desc">.
// `kind` names the chart in its class ("trappa-chart trappa-chart-KIND"). Close with "</svg>".
// `description_markup` is markup already (escaped text, and <span lang> around names: <desc>
// takes HTML content where an HTML page embeds the SVG).
[[nodiscard]] std::string open_chart(std::string_view id, std::string_view kind, double width, double height,
                                     std::string_view title, std::string_view description_markup);

// Marking a category name in another language than the chart's (ChartText::names_language,
// a BCP 47 code). `lang="sv"` for the element that holds such a name, or "" when it needs no
// mark (no code, or the code of `context`).
[[nodiscard]] std::string lang_attribute(std::string_view language, i18n::Language context);
// The name escaped, inside <span lang="…"> when it needs the mark (<tspan> inside an SVG <text>).
[[nodiscard]] std::string name_markup(std::string_view name, std::string_view language, i18n::Language context,
                                      std::string_view element = "span");

// <text> with escaped content; `anchor` is start, middle or end. `extra` is appended to the
// attributes as is (the caller escapes what it puts there).
[[nodiscard]] std::string text_element(double x, double y, std::string_view content, std::string_view anchor,
                                       double font_size, std::string_view fill, std::string_view extra = {});

// A label drawn cut to `max_width`; when cut, the full text goes in a <title> child so a
// mouse user can still read it (the chart's own title and desc carry it for everyone else).
// `extra` as for text_element (a lang attribute, say).
[[nodiscard]] std::string label_element(double x, double y, std::string_view label, std::string_view anchor,
                                        double font_size, double max_width, std::string_view extra = {});

// Tick values 0 = t0 < t1 < … ≥ `maximum`, about `target` of them, at 1, 2, 2.5 or 5 × 10^k.
struct Ticks {
  double step = 1;
  double end = 1;  // the last tick, ≥ the maximum asked for
};
[[nodiscard]] Ticks nice_ticks(double maximum, int target = 5);
// 0, step, 2·step, … up to `maximum`, and `maximum` itself when it is not a multiple of step.
[[nodiscard]] std::vector<double> tick_values(double minimum, double maximum, double step);
// The format for tick labels of `kind` with this step: as few decimals as the step needs.
[[nodiscard]] NumberFormat tick_format(ValueKind kind, double step);

// <rect> with a fill; `extra` as for text_element.
[[nodiscard]] std::string rect_element(double x, double y, double width, double height, std::string_view fill,
                                       std::string_view extra = {});
// <line> with a stroke; `extra` as for text_element.
[[nodiscard]] std::string line_element(double x1, double y1, double x2, double y2, std::string_view stroke,
                                       double stroke_width, std::string_view extra = {});

// A value as a description says it: the formatted number, or "ingen uppgift" / "no data".
[[nodiscard]] std::string spoken_value(const std::optional<double>& value, const NumberFormat& format,
                                       i18n::Language language);

// The catalogue's text for `key` (i18n/ui_text.cpp) as a string.
[[nodiscard]] std::string words(i18n::Language language, std::string_view key);
// `given` when it is not empty, else the catalogue's text for `key`: the default of a label.
[[nodiscard]] std::string given_or_words(const std::string& given, i18n::Language language, std::string_view key);

// The catalogue's text for `key` with each "{name}" replaced by its value; a name without a
// value stays as written (visible, so a test catches it).
struct Placeholder {
  std::string_view name;
  std::string value;
};
[[nodiscard]] std::string sentence(i18n::Language language, std::string_view key, std::initializer_list<Placeholder> values);
// The same for markup: the catalogue's text escaped, the values inserted as they are (markup).
[[nodiscard]] std::string sentence_markup(i18n::Language language, std::string_view key,
                                          std::initializer_list<Placeholder> values);

// Lower-cases an initial ASCII capital ("Kvinnor" → "kvinnor") for use mid-sentence.
[[nodiscard]] std::string lower_first(std::string text);

// Joins the parts with ", " and ends with "." – for lists in descriptions.
[[nodiscard]] std::string sentence_list(const std::vector<std::string>& parts);

}  // namespace detail

}  // namespace trappa::report
