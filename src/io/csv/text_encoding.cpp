#include "io/csv/text_encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <memory>

#include <fmt/format.h>

#include "core/base/case_fold.hpp"

namespace trappa::io {

namespace {

core::Result<std::string> convert(std::string_view bytes, const char* from, const std::string& file) {
  iconv_t handle = iconv_open("UTF-8", from);
  if (handle == reinterpret_cast<iconv_t>(-1)) {
    return core::fail(core::ErrorKind::kInternal, fmt::format("this system cannot convert from {}", from));
  }
  std::unique_ptr<void, decltype(&iconv_close)> closer(handle, iconv_close);
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in_pointer = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_pointer = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(handle, &in_pointer, &in_left, &out_pointer, &out_left) != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) {
      const std::size_t used = static_cast<std::size_t>(out_pointer - out.data());
      out.resize(out.size() * 2);
      out_pointer = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    const std::size_t offset = bytes.size() - in_left;
    return core::invalid("cannot read the file",
                         {{file, fmt::format("byte {} is not {} text (is the encoding right?)", offset + 1, from)}});
  }
  out.resize(static_cast<std::size_t>(out_pointer - out.data()));
  return out;
}

}  // namespace

core::Result<TextEncoding> parse_text_encoding(std::string_view name) {
  const std::string lowered = core::ascii_lower(name);
  if (lowered.empty() || lowered == "utf-8" || lowered == "utf8") return TextEncoding::kUtf8;
  if (lowered == "utf-16" || lowered == "utf16") return TextEncoding::kUtf16;
  if (lowered == "cp1252" || lowered == "windows-1252") return TextEncoding::kCp1252;
  return core::invalid("unknown encoding",
                       {{"encoding", fmt::format("'{}' is not one of utf-8, utf-16, cp1252", name)}});
}

core::Result<std::string> decode_to_utf8(std::string bytes, TextEncoding encoding, const std::string& file) {
  const std::string_view view(bytes);
  if (view.starts_with("\xFF\xFE")) return convert(view.substr(2), "UTF-16LE", file);
  if (view.starts_with("\xFE\xFF")) return convert(view.substr(2), "UTF-16BE", file);
  switch (encoding) {
    case TextEncoding::kUtf8:
      return bytes;
    case TextEncoding::kUtf16:
      return core::invalid("cannot read the file",
                           {{file, "the file has no UTF-16 byte-order mark, so its byte order is unknown; save it "
                                   "as UTF-8, or as UTF-16 with a byte-order mark"}});
    case TextEncoding::kCp1252:
      return convert(view, "CP1252", file);
  }
  return bytes;
}

}  // namespace trappa::io
