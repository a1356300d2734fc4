// A file embedded in the program at build time (cmake/embed_files.cmake): the page templates
// and the store's migrations. The texts live in static storage for the program's lifetime.
#pragma once

#include <string_view>

namespace trappa::core {

struct EmbeddedFile {
  std::string_view name;    // the file name without folder and extension: "layout", "001_organisation"
  std::string_view file;    // the source file, for messages: "src/web/ui/layout.mustache"
  std::string_view source;  // the file's bytes
};

}  // namespace trappa::core
