// SVG charts for server-rendered pages and reports.
//
// Each function is pure and thread-safe: it reads its argument and returns one
// self-contained <svg> element as a string, ready to be placed in HTML as is (the one place
// where pages emit raw markup). Every chart:
//   - has role="img" and aria-labelledby="ID-title ID-desc", pointing at its own <title>
//     (the caller's title) and <desc> (the main figures in words, in the chart's language),
//     with ID the caller's `id` passed through sanitize_id; give every chart on a page its
//     own id;
//   - has a viewBox and its natural width and height as attributes; a page that wants it to
//     shrink with the column sets `svg.trappa-chart { max-width: 100%; height: auto; }`;
//   - uses presentation attributes only (fill="#…"), never style="", so it passes a CSP
//     without 'unsafe-inline'; class="trappa-chart trappa-chart-KIND" is there for page CSS;
//   - escapes every text it is given (names may hold & < > " and any Unicode);
//   - does not draw its title: the page shows it (a <figure> with a <figcaption>, say).
//
// Give each chart its table too: table_for(chart) (data_table.hpp) returns the same
// numbers as a DataTable for data_table_html and data_table_csv.
//
// Every word a chart adds itself (legends, headings left empty, the description) comes from
// the i18n catalogue in the language of its ChartText; the caller's texts (title, labels)
// are used as given, so the caller passes them in the same language — except the names of
// the categories (see ChartText::names_language), which may be in another.
//
// Missing values (std::nullopt: no data, or a group suppressed for privacy) are drawn as
// "–" and described as "ingen uppgift" / "no data"; non-finite values count as missing. Negative values
// are not drawn as bars (length 0) but are stated as numbers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "i18n/ui_text.hpp"
#include "report/charts/number_format.hpp"

namespace trappa::report {

// What every chart has: its id prefix, its title, an optional first sentence for the
// description (context the figures need, e.g. "Omgång 2025, Socialförvaltningen."), and the
// language of the words the chart adds (set it to the reader's: page.language).
struct ChartText {
  std::string id;       // e.g. "gap-areas"; ids become "gap-areas-title", "gap-areas-desc"
  std::string title;    // e.g. "Andel med kompetensbehov per kompetensområde"
  std::string summary;  // optional; put first in <desc>
  i18n::Language language = i18n::Language::kSwedish;
  // The language (a BCP 47 code such as "sv") of the category names the caller gives — bar
  // labels, heatmap column names, line series labels — when it may differ from `language`: a
  // Swedish framework's area names on an English page. A name in another language than the
  // chart's is marked lang="…" wherever the chart draws, describes or tables it (WCAG 2.1
  // 3.1.2). Empty: the chart's language.
  std::string names_language{};
};

// --- Horizontal bar chart -------------------------------------------------------------

struct Bar {
  std::string label;                  // category, e.g. "Digital säkerhet"
  std::optional<double> value;        // nullopt: drawn and described as missing
  std::optional<double> comparison;   // e.g. the previous round; a thinner grey bar below
};

struct ReferenceLine {
  double value = 0;
  std::string label;  // e.g. "Förväntad nivå"
};

struct BarChart {
  ChartText text;
  std::vector<Bar> bars;                  // drawn top to bottom in this order
  NumberFormat format = NumberFormat::share();
  std::string value_label;                // legend and table heading of value, e.g. "2025"; empty: "Värde"
  std::string comparison_label;           // legend and table heading of comparison, e.g. "2024"; empty: "Jämförelse"
  std::optional<ReferenceLine> reference; // a dashed vertical line across all bars
  // End of the value axis. Default: a round number above the largest value (or the
  // reference), for shares at most 100 % unless a value exceeds it. Set it for fixed scales
  // (levels 1–5: 5; a share that must read against the whole: 1).
  std::optional<double> axis_maximum;
  std::string category_heading;  // table heading of the labels; empty: "Kategori"
};

[[nodiscard]] std::string bar_chart(const BarChart& chart);

// --- One bar split into parts ---------------------------------------------------------

struct StackedPart {
  std::string label;  // e.g. "Ej påbörjad"
  double value = 0;   // a count (or any non-negative amount); negative counts as 0
};

struct StackedBar {
  ChartText text;
  std::vector<StackedPart> parts;          // left to right, coloured light to dark
  NumberFormat format = NumberFormat::count();
  std::string part_heading;                // table heading of the part labels; empty: "Status"
  std::string value_heading;               // table heading of the values; empty: "Antal"
};

[[nodiscard]] std::string stacked_bar(const StackedBar& chart);

// --- Heatmap of shares ------------------------------------------------------------------

struct HeatmapColumn {
  std::string code;  // drawn as the column heading, e.g. "1.2"
  std::string name;  // optional full name for the description and table, e.g. "Digital säkerhet"
};

struct HeatmapRow {
  std::string label;                         // e.g. a department
  std::vector<std::optional<double>> values; // one share (0–1) per column; nullopt: no data
};

// The fills follow a scale chosen from the data (palette.hpp, heatmap_scale_for): five steps
// from 0 to the first round percentage at or above the largest share, shown in the legend.
struct Heatmap {
  ChartText text;
  std::vector<HeatmapColumn> columns;
  std::vector<HeatmapRow> rows;   // a row with fewer values than columns is padded with nullopt
  std::string row_heading;       // empty: "Grupp"
  int decimals = 0;               // of the percentages shown
  std::string missing_label;     // legend of hatched cells; empty: "Ingen uppgift (saknas eller för få svar)"
};

[[nodiscard]] std::string heatmap(const Heatmap& chart);

// --- Population pyramid -------------------------------------------------------------------

struct PyramidBand {
  std::string label;             // e.g. "30–39"
  std::optional<double> women;
  std::optional<double> men;
  std::optional<double> other;   // gender X (other or not stated): in the text and table, not drawn
};

struct Pyramid {
  ChartText text;
  std::vector<PyramidBand> bands;  // youngest first; drawn with the oldest at the top
  NumberFormat format = NumberFormat::count();
  // Empty: the catalogue's words in the chart's language ("Kvinnor", "Män", "Annat/ej
  // angivet", "Ålder" / "Women", "Men", "Other/not stated", "Age").
  std::string women_label;
  std::string men_label;
  std::string other_label;
  std::string band_heading;
};

[[nodiscard]] std::string population_pyramid(const Pyramid& chart);

// --- Line chart ------------------------------------------------------------------------------

struct LineSeries {
  std::string label;                          // e.g. "Kvinnor"
  std::vector<std::optional<double>> values;  // one per period; nullopt leaves a gap
};

enum class AxisStart { kZero, kFitData };

struct LineChart {
  ChartText text;
  std::vector<std::string> periods;  // e.g. "2023", "2024", "2025", oldest first
  std::vector<LineSeries> series;    // up to five look distinct; more reuse styles
  NumberFormat format = NumberFormat::count();
  AxisStart axis_start = AxisStart::kZero;
  std::string period_heading;  // empty: "År"
};

[[nodiscard]] std::string line_chart(const LineChart& chart);

}  // namespace trappa::report
