#include "web/server/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace trappa::web {

namespace {

constexpr std::string_view kCrlf = "\r\n";

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

core::Result<MultipartForm> problem(std::string where, std::string why) {
  return core::invalid("the upload is not a valid multipart/form-data body", {{std::move(where), std::move(why)}});
}

// The parameters after the first ';' of a header value: name (lower case) -> value, quotes
// removed (a backslash escapes the next character inside quotes). nullopt when malformed.
std::optional<std::vector<std::pair<std::string, std::string>>> parameters(std::string_view value) {
  std::vector<std::pair<std::string, std::string>> result;
  std::size_t at = value.find(';');
  while (at != std::string_view::npos && at < value.size()) {
    ++at;
    while (at < value.size() && (value[at] == ' ' || value[at] == '\t')) ++at;
    if (at == value.size()) break;
    const std::size_t equals = value.find('=', at);
    if (equals == std::string_view::npos) return std::nullopt;
    std::string name = lower(trim(value.substr(at, equals - at)));
    std::string text;
    at = equals + 1;
    if (at < value.size() && value[at] == '"') {
      ++at;
      bool closed = false;
      while (at < value.size()) {
        const char c = value[at++];
        if (c == '\\' && at < value.size()) {
          text += value[at++];
        } else if (c == '"') {
          closed = true;
          break;
        } else {
          text += c;
        }
      }
      if (!closed) return std::nullopt;
      while (at < value.size() && (value[at] == ' ' || value[at] == '\t')) ++at;
      if (at < value.size() && value[at] != ';') return std::nullopt;
    } else {
      const std::size_t end = value.find(';', at);
      text = std::string(trim(value.substr(at, end == std::string_view::npos ? value.size() - at : end - at)));
      at = end;
      if (text.empty()) return std::nullopt;
      result.emplace_back(std::move(name), std::move(text));
      continue;
    }
    result.emplace_back(std::move(name), std::move(text));
    if (at >= value.size()) break;
  }
  return result;
}

std::optional<std::string> parameter(const std::vector<std::pair<std::string, std::string>>& list,
                                     std::string_view name) {
  for (const auto& [key, value] : list) {
    if (key == name) return value;
  }
  return std::nullopt;
}

bool valid_boundary(std::string_view boundary) {
  if (boundary.empty() || boundary.size() > 70 || boundary.back() == ' ') return false;
  return std::all_of(boundary.begin(), boundary.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || std::string_view("'()+_,-./:=? ").find(static_cast<char>(c)) != std::string_view::npos;
  });
}

// The file name without any directory a browser (or a client) put in front of it.
std::string base_name(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}

}  // namespace

core::Result<MultipartForm> MultipartForm::parse(std::string_view content_type, std::string_view body) {
  const std::string_view media = trim(content_type.substr(0, content_type.find(';')));
  if (lower(media) != "multipart/form-data") {
    return problem("Content-Type", "expected multipart/form-data, got '" + std::string(media) + "'");
  }
  const auto params = parameters(content_type);
  if (!params) return problem("Content-Type", "its parameters are malformed");
  const auto boundary = parameter(*params, "boundary");
  if (!boundary) return problem("Content-Type", "the boundary parameter is missing");
  if (!valid_boundary(*boundary)) return problem("boundary", "it must be 1 to 70 characters of the allowed set");

  const std::string delimiter = "--" + *boundary;
  const std::string separator = std::string(kCrlf) + delimiter;
  if (!body.starts_with(delimiter)) return problem("boundary", "the body does not begin with the boundary");
  std::size_t at = delimiter.size();
  MultipartForm form;
  for (std::size_t number = 1;; ++number) {
    const std::string where = "part " + std::to_string(number);
    // After a delimiter: "--" ends the body, CRLF begins a part.
    if (body.substr(at).starts_with("--")) {
      const std::string_view rest = body.substr(at + 2);
      if (!rest.empty() && rest != kCrlf) return problem("boundary", "text follows the closing boundary");
      if (form.parts_.empty()) return problem("boundary", "the body has no parts");
      return form;
    }
    if (!body.substr(at).starts_with(kCrlf)) return problem(where, "the boundary is not followed by a line end");
    if (number > kMaxParts) return problem(where, "more than " + std::to_string(kMaxParts) + " parts");
    at += kCrlf.size();
    const std::size_t headers_end = body.find("\r\n\r\n", at);
    const bool no_headers = body.substr(at).starts_with(kCrlf);
    if (!no_headers && headers_end == std::string_view::npos) return problem(where, "its headers never end");
    const std::size_t header_block_end = no_headers ? at : headers_end;
    if (header_block_end - at > kMaxHeaderBytes) return problem(where, "its headers are longer than 8 KiB");
    MultipartPart part;
    bool has_disposition = false;
    std::string_view headers = body.substr(at, header_block_end - at);
    while (!headers.empty()) {
      const std::size_t end = headers.find(kCrlf);
      const std::string_view line = headers.substr(0, end);
      headers = end == std::string_view::npos ? std::string_view() : headers.substr(end + 2);
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0) return problem(where, "a header line has no name");
      const std::string name = lower(trim(line.substr(0, colon)));
      const std::string_view value = trim(line.substr(colon + 1));
      if (name == "content-disposition") {
        if (has_disposition) return problem(where, "Content-Disposition appears twice");
        has_disposition = true;
        if (lower(trim(value.substr(0, value.find(';')))) != "form-data") {
          return problem(where, "Content-Disposition is not form-data");
        }
        const auto disposition = parameters(value);
        if (!disposition) return problem(where, "Content-Disposition's parameters are malformed");
        const auto field = parameter(*disposition, "name");
        if (!field || field->empty()) return problem(where, "Content-Disposition has no field name");
        part.name = *field;
        if (auto filename = parameter(*disposition, "filename")) part.filename = base_name(*filename);
      } else if (name == "content-type") {
        part.content_type = std::string(value);
      }
    }
    if (!has_disposition) return problem(where, "Content-Disposition is missing");
    at = header_block_end + (no_headers ? 2 : 4);
    const std::size_t end = body.find(separator, at);
    if (end == std::string_view::npos) return problem(where, "it is truncated: the next boundary never comes");
    part.body = std::string(body.substr(at, end - at));
    form.parts_.push_back(std::move(part));
    at = end + separator.size();
  }
}

const MultipartPart* MultipartForm::part(std::string_view name) const {
  for (const MultipartPart& candidate : parts_) {
    if (candidate.name == name) return &candidate;
  }
  return nullptr;
}

std::string MultipartForm::get(std::string_view name) const {
  const MultipartPart* found = part(name);
  return found == nullptr ? std::string() : found->body;
}

}  // namespace trappa::web
