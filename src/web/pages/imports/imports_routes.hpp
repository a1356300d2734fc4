// Importera (docs/web.md, "Importera"): HR and administrators upload a CSV file, see a
// preview of the records as Trappa reads them and every problem, confirm, and follow the
// import's progress.
#pragma once

#include <string_view>

namespace trappa::web {

class Router;
void register_imports(Router& router);

// Where the upload form posts (multipart/form-data, up to ServerLimits::max_upload_bytes).
inline constexpr std::string_view kImportUploadPath = "/importera";

}  // namespace trappa::web
