// Reading assessment forms into core::Assessment values, and the field errors shown beside
// the inputs. Shared by Min skattning, the conversation page and the API. Internal to the
// web layer; pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/assessment/assessment_edit.hpp"
#include "core/framework/framework.hpp"
#include "core/org/org.hpp"
#include "core/base/result.hpp"
#include "web/server/http_util.hpp"
#include "web/ui/template_engine.hpp"
#include "web/ui/texts.hpp"

namespace trappa::web {

// An error next to a field: `anchor` is the id of the input to focus (the first radio of a
// group), which also identifies the field.
struct FieldError {
  std::string anchor;
  std::string message;
  // The framework's text inside `message` (a competency's or area's name), which a page in
  // another language than the framework's marks with the framework's language.
  std::string framework_text = {};
};

[[nodiscard]] std::string level_anchor(const std::string& competency);     // "level-1.1-1"
[[nodiscard]] std::string motivation_anchor(const std::string& area);      // "motivation-1-1"
[[nodiscard]] std::string agreed_anchor(const std::string& competency);    // "agreed-1.1"
[[nodiscard]] std::string error_for(const std::vector<FieldError>& errors, const std::string& anchor);
// The list for {{#errors}}: anchor, message and message_html (the message escaped, its
// framework text in <span{fw_lang}>; fw_lang as framework_lang_attribute gives it).
[[nodiscard]] TemplateData errors_data(const std::vector<FieldError>& errors, std::string_view fw_lang = {});
// The error of `anchor` as HTML, as message_html above; "" when there is none.
[[nodiscard]] std::string error_html_for(const std::vector<FieldError>& errors, const std::string& anchor,
                                         std::string_view fw_lang);
[[nodiscard]] std::string level_name(const core::Framework& framework, int level);

// The codes of the competencies in the role's profile, in framework order.
[[nodiscard]] std::vector<const core::Competency*> profile_competencies(const core::Framework& framework,
                                                                        const std::string& role);

struct SelfAssessmentInput {
  std::map<std::string, std::optional<int>> levels;  // competency -> chosen level (nullopt: none)
  std::map<std::string, int> motivation;             // area -> 1..5
  std::vector<FieldError> errors;                    // values that are not numbers
};

// Reads "level.CODE" and "motivation.AREA" for the person's competencies and areas.
[[nodiscard]] SelfAssessmentInput read_self_assessment(const FormData& form, const core::Framework& framework,
                                                       const core::Person& person, Language language);
// The person's change as the form states it: every self level and motivation answer of the
// form; submitting also marks the assessment self-assessed (core/assessment/assessment_edit.hpp).
[[nodiscard]] core::AssessmentEdit self_assessment_edit(const SelfAssessmentInput& input, bool submit,
                                                        const std::string& editor_id, const std::string& at);
// A submitted assessment answers every competency and every motivation question.
void append_completeness_errors(const core::Framework& framework, const core::Person& person,
                                const SelfAssessmentInput& input, Language language, std::vector<FieldError>& errors);
// core::validate_assessment problems as field errors.
void append_rule_errors(const std::vector<core::Problem>& problems, Language language, std::vector<FieldError>& errors);

}  // namespace trappa::web
