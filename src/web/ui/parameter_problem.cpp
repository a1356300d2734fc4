#include "web/ui/parameter_problem.hpp"

namespace trappa::web {

ParameterProblem parameter_problem(const PageRequest& page, std::string parameter, std::string_view field,
                                   std::string_view message,
                                   std::initializer_list<std::pair<std::string_view, std::string>> values,
                                   std::string english) {
  // The field's name first: the values (which the reader typed) are put in last, so a "{…}"
  // inside them is never taken for a placeholder.
  std::string shown = format_text(page.t(message), {{"field", std::string(page.t(field))}});
  shown = format_text(shown, values);
  return {{std::move(parameter), std::move(english)}, std::move(shown)};
}

ParameterProblem not_a_date(const PageRequest& page, std::string parameter, std::string_view field, const std::string& value) {
  return parameter_problem(page, std::move(parameter), field, "problem_not_a_date", {{"value", value}},
                           "'" + value + "' is not a date (YYYY-MM-DD)");
}

ParameterProblem not_a_whole_number(const PageRequest& page, std::string parameter, std::string_view field,
                                    const std::string& value) {
  return parameter_problem(page, std::move(parameter), field, "problem_not_a_whole_number", {{"value", value}},
                           "'" + value + "' is not a whole number");
}

ParameterProblem out_of_range(const PageRequest& page, std::string parameter, std::string_view field, int low, int high) {
  return parameter_problem(page, std::move(parameter), field, "problem_out_of_range",
                           {{"low", std::to_string(low)}, {"high", std::to_string(high)}},
                           "must be from " + std::to_string(low) + " to " + std::to_string(high));
}

ParameterProblem unknown_unit(const PageRequest& page, std::string parameter, const std::string& value) {
  ParameterProblem problem = parameter_problem(page, std::move(parameter), "label_unit", "problem_unknown_unit",
                                               {{"value", value}}, "unknown unit '" + value + "'");
  problem.kind = core::ErrorKind::kNotFound;
  return problem;
}

ParameterProblem unit_outside_scope(const PageRequest& page, std::string parameter, const std::string& value) {
  ParameterProblem problem = parameter_problem(page, std::move(parameter), "label_unit", "problem_unit_outside_scope",
                                               {{"value", value}}, "unit '" + value + "' is outside your scope");
  problem.kind = core::ErrorKind::kForbidden;
  return problem;
}

std::vector<core::Problem> api_problems(const std::vector<ParameterProblem>& problems) {
  std::vector<core::Problem> list;
  list.reserve(problems.size());
  for (const ParameterProblem& problem : problems) list.push_back(problem.api);
  return list;
}

core::Error api_parameter_error(const std::vector<ParameterProblem>& problems) {
  const auto weight = [](core::ErrorKind kind) {
    return kind == core::ErrorKind::kForbidden ? 2 : kind == core::ErrorKind::kNotFound ? 1 : 0;
  };
  core::ErrorKind kind = core::ErrorKind::kInvalidInput;
  for (const ParameterProblem& problem : problems) {
    if (weight(problem.kind) > weight(kind)) kind = problem.kind;
  }
  return core::Error{kind, "the parameters are not valid", api_problems(problems)};
}

std::string shown_problems(const std::vector<ParameterProblem>& problems) {
  std::string text;
  for (const ParameterProblem& problem : problems) text += (text.empty() ? "" : " ") + problem.shown;
  return text;
}

}  // namespace trappa::web
