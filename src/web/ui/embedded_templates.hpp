// The page templates, embedded at build time (docs/web.md, "Templates and golden pages").
//
// Every .mustache file under src/web becomes one entry; cmake/embed_templates.cmake generates
// the definition of embedded_templates() into the build directory. Internal to the web layer:
// template_engine.cpp is the only reader.
#pragma once

#include <span>
#include <string_view>

namespace trappa::web {

struct EmbeddedTemplate {
  std::string_view name;    // the file name without its extension: "layout", "assessment_areas"
  std::string_view file;    // the source file, for messages: "src/web/ui/layout.mustache"
  std::string_view source;  // the file's bytes, with [[key]] text placeholders
};

// Sorted by name; names are unique (the build checks).
[[nodiscard]] std::span<const EmbeddedTemplate> embedded_templates();

}  // namespace trappa::web
