// A problem with one parameter of a page's query string (Nyckeltal, Prognos), told twice: in
// the reader's language for the page, from the catalogue (problem_* texts, the field named as
// the form names it: param_* texts), and in English for the JSON API, whose problems are part
// of its contract (docs/api.md). The parsing is shared by page and API, so both are made here.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/result.hpp"
#include "web/ui/app_context.hpp"

namespace trappa::web {

struct ParameterProblem {
  core::Problem api;  // {"at", "'2099-13-45' is not a date (YYYY-MM-DD)"}
  std::string shown;  // "Datum: ”2099-13-45” är inget datum. Skriv det som ÅÅÅÅ-MM-DD."
  // What the API answers (web/api/api_conventions.hpp): a value that cannot be read is invalid
  // input (400), a unit or round that does not exist not found (404), a unit outside the
  // viewer's scope forbidden (403).
  core::ErrorKind kind = core::ErrorKind::kInvalidInput;
};

// `field` is the catalogue key of the field's name, `message` the key of the problem text with
// {field} and the {name} placeholders of `values`; `english` the API's text.
[[nodiscard]] ParameterProblem parameter_problem(const PageRequest& page, std::string parameter, std::string_view field,
                                                 std::string_view message,
                                                 std::initializer_list<std::pair<std::string_view, std::string>> values,
                                                 std::string english);

// The problems every parameter of a date, a unit or a number can have.
[[nodiscard]] ParameterProblem not_a_date(const PageRequest& page, std::string parameter, std::string_view field,
                                          const std::string& value);
[[nodiscard]] ParameterProblem not_a_whole_number(const PageRequest& page, std::string parameter, std::string_view field,
                                                  const std::string& value);
[[nodiscard]] ParameterProblem out_of_range(const PageRequest& page, std::string parameter, std::string_view field, int low,
                                            int high);
[[nodiscard]] ParameterProblem unknown_unit(const PageRequest& page, std::string parameter, const std::string& value);
[[nodiscard]] ParameterProblem unit_outside_scope(const PageRequest& page, std::string parameter, const std::string& value);

[[nodiscard]] std::vector<core::Problem> api_problems(const std::vector<ParameterProblem>& problems);
// The API's error for `problems` (not empty): every problem, under the kind that weighs most
// (forbidden, then not found, then invalid input).
[[nodiscard]] core::Error api_parameter_error(const std::vector<ParameterProblem>& problems);
// Every problem's text, one after the other, for the page's error message.
[[nodiscard]] std::string shown_problems(const std::vector<ParameterProblem>& problems);

}  // namespace trappa::web
