// The page templates, embedded at build time (docs/web.md, "Templates and golden pages").
//
// Every .mustache file under src/web becomes one entry; cmake/embed_files.cmake generates
// the definition of embedded_templates() into the build directory. Internal to the web layer:
// template_engine.cpp is the only reader.
#pragma once

#include <span>
#include <string_view>

#include "core/base/embedded_file.hpp"

namespace trappa::web {

using EmbeddedTemplate = core::EmbeddedFile;  // name: the file name without its extension

// Sorted by name; names are unique (the build checks).
[[nodiscard]] std::span<const core::EmbeddedFile> embedded_templates();

}  // namespace trappa::web
