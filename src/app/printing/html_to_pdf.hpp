// Printing an HTML document to PDF with a headless Chromium (Debian's `chromium` package), the
// one folder that starts a browser. Used for the committee reports (docs/supply-plan.md).
//
// The document must be self-contained (styles inline, charts as inline SVG, no scripts, no
// external addresses, no scripts — Chromium's switch that turns scripts off also stops it from
// printing): the browser runs with no extensions, no first-run or background networking, every
// address but the machine's own sent to a closed port, and a profile of its own in a temporary
// directory that is removed afterwards. Page size, margins, page numbers and page breaks come from the document's own
// CSS (`@page` with margin boxes such as `@bottom-right { content: counter(page) }`, and
// `break-inside: avoid` on table rows), which Chromium 131 and later honour.
//
// The output appears whole or not at all: the PDF is written beside `output` under a
// temporary name and renamed into place only when the browser finished and left a PDF.
// Thread-safe: each call has its own directory and browser process.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string_view>

#include "core/base/result.hpp"

namespace trappa::app {

struct PdfPrintSettings {
  // The browser to run; empty = the first of $TRAPPA_CHROMIUM, `chromium`,
  // `chromium-browser` found (find_pdf_browser).
  std::filesystem::path browser{};
  // The browser is killed (with everything it started) when it takes longer.
  std::chrono::seconds timeout{120};
};

// The browser print_html_to_pdf would use, or nothing when none is installed.
[[nodiscard]] std::optional<std::filesystem::path> find_pdf_browser();

// Prints `html` (UTF-8) to the PDF file `output`, replacing it. Errors (kInternal): no browser
// installed (naming the package to install), a browser that failed or timed out (with the last
// lines it wrote), an output directory that cannot be written.
[[nodiscard]] core::Result<void> print_html_to_pdf(std::string_view html, const std::filesystem::path& output,
                                                   const PdfPrintSettings& settings = {});

// The same, returning the PDF's bytes (for a download) instead of writing a file.
[[nodiscard]] core::Result<std::string> print_html_to_pdf(std::string_view html, const PdfPrintSettings& settings = {});

}  // namespace trappa::app
