#include "web/pages/assessment/assessment_form.hpp"

#include <algorithm>
#include <charconv>

#include "core/assessment/assessment_rules.hpp"
#include "web/server/http_util.hpp"

namespace trappa::web {

namespace {

std::optional<int> parse_int(const std::string& text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string replace_all(std::string text, std::string_view placeholder, const std::string& value) {
  for (std::size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
  }
  return text;
}

}  // namespace

std::string level_anchor(const std::string& competency) { return "level-" + competency + "-1"; }
std::string motivation_anchor(const std::string& area) { return "motivation-" + area + "-1"; }
std::string agreed_anchor(const std::string& competency) { return "agreed-" + competency; }

std::string error_for(const std::vector<FieldError>& errors, const std::string& anchor) {
  for (const FieldError& error : errors) {
    if (error.anchor == anchor) return error.message;
  }
  return {};
}

namespace {

std::string message_html(const FieldError& error, std::string_view fw_lang) {
  const auto at = error.framework_text.empty() ? std::string::npos : error.message.find(error.framework_text);
  if (fw_lang.empty() || at == std::string::npos) return html_escape(error.message);
  return html_escape(std::string_view(error.message).substr(0, at)) + "<span" + std::string(fw_lang) + ">" +
         html_escape(error.framework_text) + "</span>" +
         html_escape(std::string_view(error.message).substr(at + error.framework_text.size()));
}

}  // namespace

TemplateData errors_data(const std::vector<FieldError>& errors, std::string_view fw_lang) {
  TemplateData result = list();
  for (const FieldError& error : errors) {
    TemplateData item;
    item.set("anchor", error.anchor);
    item.set("message", error.message);
    item.set("message_html", message_html(error, fw_lang));
    result.push_back(item);
  }
  return result;
}

std::string error_html_for(const std::vector<FieldError>& errors, const std::string& anchor, std::string_view fw_lang) {
  for (const FieldError& error : errors) {
    if (error.anchor == anchor) return message_html(error, fw_lang);
  }
  return {};
}

std::string level_name(const core::Framework& framework, int level) {
  if (!framework.scale.contains(level)) return {};
  const auto offset = static_cast<std::size_t>(level - framework.scale.min);
  return offset < framework.scale.names.size() ? framework.scale.names[offset] : std::string{};
}

std::vector<const core::Competency*> profile_competencies(const core::Framework& framework, const std::string& role) {
  std::vector<const core::Competency*> result;
  const core::RoleProfile* profile = framework.profile_of(role);
  if (profile == nullptr) return result;
  for (const core::Area* area : core::assessed_areas(framework, role)) {
    for (const core::Competency& competency : area->competencies) {
      if (profile->contains(competency.code)) result.push_back(&competency);
    }
  }
  return result;
}

SelfAssessmentInput read_self_assessment(const FormData& form, const core::Framework& framework,
                                         const core::Person& person, Language language) {
  SelfAssessmentInput input;
  for (const core::Competency* competency : profile_competencies(framework, person.role)) {
    const std::string value = form.get("level." + competency->code);
    if (value.empty()) {
      input.levels[competency->code] = std::nullopt;
    } else if (auto level = parse_int(value)) {
      input.levels[competency->code] = *level;
    } else {
      input.errors.push_back({level_anchor(competency->code),
                              replace_all(std::string(text(language, "error_invalid_value")), "{field}",
                                          competency->code)});
    }
  }
  for (const core::Area* area : core::assessed_areas(framework, person.role)) {
    const std::string value = form.get("motivation." + area->code);
    if (value.empty()) continue;
    if (auto motivation = parse_int(value)) {
      input.motivation[area->code] = *motivation;
    } else {
      input.errors.push_back({motivation_anchor(area->code),
                              replace_all(std::string(text(language, "error_invalid_value")), "{field}", area->name)});
    }
  }
  return input;
}

core::AssessmentEdit self_assessment_edit(const SelfAssessmentInput& input, bool submit, const std::string& editor_id,
                                         const std::string& at) {
  core::AssessmentEdit edit;
  edit.role = core::EditorRole::kPerson;
  edit.editor_id = editor_id;
  edit.at = at;
  edit.self_levels = input.levels;
  edit.motivation = input.motivation;
  if (submit) edit.status = core::AssessmentStatus::kSelfAssessed;
  return edit;
}

void append_completeness_errors(const core::Framework& framework, const core::Person& person,
                                const SelfAssessmentInput& input, Language language, std::vector<FieldError>& errors) {
  for (const core::Area* area : core::assessed_areas(framework, person.role)) {
    const core::RoleProfile* profile = framework.profile_of(person.role);
    for (const core::Competency& competency : area->competencies) {
      if (!profile->contains(competency.code)) continue;
      const auto level = input.levels.find(competency.code);
      const std::string anchor = level_anchor(competency.code);
      if ((level == input.levels.end() || !level->second) && error_for(errors, anchor).empty()) {
        std::string message = replace_all(std::string(text(language, "error_choose_level")), "{code}", competency.code);
        errors.push_back({anchor, replace_all(message, "{name}", competency.name), competency.name});
      }
    }
    const std::string anchor = motivation_anchor(area->code);
    if (!input.motivation.contains(area->code) && error_for(errors, anchor).empty()) {
      errors.push_back(
          {anchor, replace_all(std::string(text(language, "error_choose_motivation")), "{name}", area->name), area->name});
    }
  }
}

void append_rule_errors(const std::vector<core::Problem>& problems, Language language, std::vector<FieldError>& errors) {
  for (const core::Problem& problem : problems) {
    std::string anchor;
    // The field by its code ("1.1", or the area's "2"); core's own words (English) are not shown.
    std::string field = problem.where;
    if (problem.where.starts_with("ratings.")) {
      std::string code = problem.where.substr(8);
      if (const auto dot = code.rfind(".self_level"); dot != std::string::npos) code = code.substr(0, dot);
      if (const auto dot = code.rfind(".agreed_level"); dot != std::string::npos) code = code.substr(0, dot);
      anchor = level_anchor(code);
      field = code;
    } else if (problem.where.starts_with("motivation.")) {
      anchor = motivation_anchor(problem.where.substr(11));
      field = problem.where.substr(11);
    }
    if (!anchor.empty() && !error_for(errors, anchor).empty()) continue;
    errors.push_back({anchor, replace_all(std::string(text(language, "error_invalid_value")), "{field}", field)});
  }
}

}  // namespace trappa::web
