#include "web/server/input_checks.hpp"

#include <exception>

#include <boost/url/params_view.hpp>
#include <boost/url/parse.hpp>

#include "core/base/case_fold.hpp"
#include "core/base/text_checks.hpp"
#include "web/server/http_util.hpp"

namespace trappa::web {

namespace {

bool is_clean(std::string_view text, core::LineBreaks line_breaks) {
  return !core::find_text_flaw(text, line_breaks).has_value();
}

}  // namespace

std::optional<std::string> target_problem(const Request& request) {
  auto url = boost::urls::parse_origin_form(request.target);
  if (!url) return "the target is not an origin-form path with valid %-escapes";
  if (!is_clean(url->path(), core::LineBreaks::kRefused)) return "the decoded path is not UTF-8 without control characters";
  for (const auto& parameter : url->params()) {
    if (!is_clean(parameter.key, core::LineBreaks::kRefused) || !is_clean(parameter.value, core::LineBreaks::kRefused)) {
      return "a decoded query parameter is not UTF-8 without control characters";
    }
  }
  return std::nullopt;
}

bool is_form_body(const Request& request) {
  const std::string type = core::ascii_lower(header(request, "content-type"));
  const std::string_view media_type = std::string_view(type).substr(0, type.find(';'));
  std::string_view trimmed = media_type;
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  return trimmed == "application/x-www-form-urlencoded";
}

bool is_multipart_body(const Request& request) {
  const std::string type = core::ascii_lower(header(request, "content-type"));
  std::string_view media_type = std::string_view(type).substr(0, type.find(';'));
  while (!media_type.empty() && media_type.back() == ' ') media_type.remove_suffix(1);
  return media_type == "multipart/form-data";
}

std::optional<FormProblem> form_problem(std::string_view body) {
  boost::urls::encoding_opts options;
  options.space_as_plus = true;
  std::optional<boost::urls::params_view> params;
  try {
    params.emplace(body, options);  // throws on a bad %-escape, as FormData::parse does
  } catch (const std::exception&) {
    return FormProblem{{}, "the body is not url-encoded (bad %-escape)"};
  }
  for (const auto& parameter : *params) {
    if (!is_clean(parameter.key, core::LineBreaks::kRefused)) {
      return FormProblem{{}, "a field name is not UTF-8 without control characters"};
    }
    if (!is_clean(parameter.value, core::LineBreaks::kAllowed)) {
      return FormProblem{parameter.key, "the value is not UTF-8 without control characters"};
    }
  }
  return std::nullopt;
}

std::string local_location(std::string_view decoded_path) {
  std::string location;
  std::size_t position = 0;
  while (position <= decoded_path.size()) {
    std::size_t end = decoded_path.find('/', position);
    if (end == std::string_view::npos) end = decoded_path.size();
    const std::string_view segment = decoded_path.substr(position, end - position);
    // Empty segments ("//") are dropped; they only matter to a browser, as a host name.
    if (!segment.empty()) location += "/" + url_encode(segment);
    position = end + 1;
  }
  if (decoded_path.ends_with('/') && !location.empty()) location += '/';
  return location.empty() ? "/" : location;
}

bool headers_are_safe(const Response& response) {
  auto safe = [](std::string_view text) { return text.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos; };
  if (!safe(response.content_type)) return false;
  for (const auto& [name, value] : response.headers) {
    if (!safe(name) || !safe(value)) return false;
  }
  return true;
}

}  // namespace trappa::web
