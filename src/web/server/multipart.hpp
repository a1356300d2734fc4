// A small, strict reader of multipart/form-data request bodies (RFC 7578), for file uploads.
// Neither Boost.Beast nor Boost.URL reads them, and no other library in use does.
//
// Contract:
// - `content_type` must be multipart/form-data with a boundary parameter (quoted or not,
//   1–70 characters); the body must begin with the first delimiter ("--BOUNDARY" and CRLF)
//   and end with the closing one ("--BOUNDARY--", optionally followed by CRLF). Parts are
//   separated by CRLF--BOUNDARY exactly; the parser never guesses past a truncated part.
// - Every part has a Content-Disposition of form-data with a name; a filename, when given,
//   is kept without any directory (the last segment after '/' or '\'), for messages only.
// - Limits: at most 32 parts, 8 KiB of headers per part. The body's own size is bounded by
//   the server (ServerLimits::max_upload_bytes).
// - Any violation is kInvalidInput with one problem naming where ("part 2", "boundary",
//   "Content-Type") and why; nothing is returned then. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace trappa::web {

// The largest upload the server reads by default (ServerLimits::max_upload_bytes); a larger
// one is answered 413 before any handler runs (docs/web.md, "Importera").
inline constexpr std::size_t kMaxUploadBytes = 50 * 1024 * 1024;

struct MultipartPart {
  std::string name;
  std::optional<std::string> filename;  // set for a file field
  std::string content_type;             // as sent; empty when the part has none
  std::string body;
};

class MultipartForm {
 public:
  [[nodiscard]] static core::Result<MultipartForm> parse(std::string_view content_type, std::string_view body);

  // The first part named `name`, or nullptr.
  [[nodiscard]] const MultipartPart* part(std::string_view name) const;
  // The text of the first part named `name`, or "".
  [[nodiscard]] std::string get(std::string_view name) const;
  [[nodiscard]] const std::vector<MultipartPart>& parts() const { return parts_; }

  static constexpr std::size_t kMaxParts = 32;
  static constexpr std::size_t kMaxHeaderBytes = 8 * 1024;

 private:
  std::vector<MultipartPart> parts_;
};

}  // namespace trappa::web
