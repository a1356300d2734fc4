// Fuzz target: the multipart/form-data reader of uploads (web/server/multipart.hpp). The first
// line of the input is the Content-Type header, the rest the body.
//
// Beyond not crashing: a refused body says where and why; an accepted one has at most 32
// parts, each with a field name and a file name without any directory, and written out again
// with the same boundary it reads back to the same parts.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "web/server/multipart.hpp"

using namespace trappa;

namespace {

std::string quoted(std::string_view text) {
  std::string result = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') result += '\\';
    result += c;
  }
  return result + "\"";
}

// The parts as a browser writes them, delimited by `boundary`.
std::string write_again(const web::MultipartForm& form, std::string_view boundary) {
  std::string body;
  for (const web::MultipartPart& part : form.parts()) {
    body += "--" + std::string(boundary) + "\r\nContent-Disposition: form-data; name=" + quoted(part.name);
    if (part.filename) body += "; filename=" + quoted(*part.filename);
    body += "\r\n";
    if (!part.content_type.empty()) body += "Content-Type: " + part.content_type + "\r\n";
    body += "\r\n" + part.body + "\r\n";
  }
  return body + "--" + std::string(boundary) + "--\r\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view content_type = input.substr(0, newline);
  const std::string_view body = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);

  auto form = web::MultipartForm::parse(content_type, body);
  if (!form) {
    fuzz::expect_explained(form.error(), "a refused multipart body");
    fuzz::expect(form.error().problems.size() == 1, "a refused body names one place");
    return 0;
  }
  fuzz::expect(!form->parts().empty() && form->parts().size() <= web::MultipartForm::kMaxParts,
               "an accepted body has 1 to 32 parts");
  for (const web::MultipartPart& part : form->parts()) {
    fuzz::expect(!part.name.empty(), "every part has a field name");
    if (part.filename) {
      fuzz::expect(part.filename->find_first_of("/\\") == std::string::npos, "a file name has no directory",
                   *part.filename);
    }
  }
  // A boundary no part contains: the parts read back as they were.
  std::string boundary = "fuzz-boundary";
  for (const web::MultipartPart& part : form->parts()) {
    while (part.body.find(boundary) != std::string::npos || part.content_type.find(boundary) != std::string::npos) {
      boundary += "x";
    }
  }
  if (boundary.size() > 70) return 0;
  auto again = web::MultipartForm::parse("multipart/form-data; boundary=" + boundary, write_again(*form, boundary));
  if (!again) fuzz::fail("written out again, the parts read back", again.error().describe());
  fuzz::expect(again->parts().size() == form->parts().size(), "the same number of parts read back");
  for (std::size_t i = 0; i < form->parts().size(); ++i) {
    const web::MultipartPart& first = form->parts()[i];
    const web::MultipartPart& second = again->parts()[i];
    fuzz::expect(first.name == second.name && first.filename == second.filename && first.body == second.body &&
                     first.content_type == second.content_type,
                 "every part reads back the same", first.name);
  }
  return 0;
}
