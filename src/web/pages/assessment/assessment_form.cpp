#include "web/pages/assessment/assessment_form.hpp"

#include <algorithm>
#include <charconv>

#include "core/assessment/assessment_rules.hpp"

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

TemplateData errors_data(const std::vector<FieldError>& errors) {
  TemplateData result = list();
  for (const FieldError& error : errors) {
    TemplateData item;
    item.set("anchor", error.anchor);
    item.set("message", error.message);
    result.push_back(item);
  }
  return result;
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

void order_ratings(const core::Framework& framework, core::Assessment& assessment) {
  std::map<std::string, std::size_t> position;
  for (const core::Area& area : framework.areas) {
    for (const core::Competency& competency : area.competencies) position.emplace(competency.code, position.size());
  }
  std::stable_sort(assessment.ratings.begin(), assessment.ratings.end(), [&](const auto& a, const auto& b) {
    const auto pa = position.contains(a.competency) ? position.at(a.competency) : position.size();
    const auto pb = position.contains(b.competency) ? position.at(b.competency) : position.size();
    return pa < pb;
  });
}

core::Assessment apply_self_assessment(const core::Assessment& before, const SelfAssessmentInput& input, bool submit,
                                       const std::string& now) {
  core::Assessment after = before;
  for (const auto& [code, level] : input.levels) {
    auto rating = std::find_if(after.ratings.begin(), after.ratings.end(),
                               [&](const core::Rating& r) { return r.competency == code; });
    if (rating == after.ratings.end()) {
      if (!level) continue;
      after.ratings.push_back(core::Rating{code, level, std::nullopt, {}, {}});
    } else {
      rating->self_level = level;
    }
  }
  std::erase_if(after.ratings, [](const core::Rating& r) { return !r.self_level && !r.agreed_level; });
  after.motivation = input.motivation;
  if (submit) {
    if (after.status < core::AssessmentStatus::kSelfAssessed) after.status = core::AssessmentStatus::kSelfAssessed;
    after.self_assessed_at = now;
  }
  return after;
}

void append_completeness_errors(const core::Framework& framework, const core::Person& person,
                                const core::Assessment& assessment, Language language, std::vector<FieldError>& errors) {
  for (const core::Area* area : core::assessed_areas(framework, person.role)) {
    const core::RoleProfile* profile = framework.profile_of(person.role);
    for (const core::Competency& competency : area->competencies) {
      if (!profile->contains(competency.code)) continue;
      const core::Rating* rating = assessment.find_rating(competency.code);
      const std::string anchor = level_anchor(competency.code);
      if ((rating == nullptr || !rating->self_level) && error_for(errors, anchor).empty()) {
        std::string message = replace_all(std::string(text(language, "error_choose_level")), "{code}", competency.code);
        errors.push_back({anchor, replace_all(message, "{name}", competency.name)});
      }
    }
    const std::string anchor = motivation_anchor(area->code);
    if (!assessment.motivation.contains(area->code) && error_for(errors, anchor).empty()) {
      errors.push_back({anchor, replace_all(std::string(text(language, "error_choose_motivation")), "{name}", area->name)});
    }
  }
}

void append_rule_errors(const std::vector<core::Problem>& problems, Language language, std::vector<FieldError>& errors) {
  for (const core::Problem& problem : problems) {
    std::string anchor;
    if (problem.where.starts_with("ratings.")) {
      std::string code = problem.where.substr(8);
      if (const auto dot = code.rfind(".self_level"); dot != std::string::npos) code = code.substr(0, dot);
      if (const auto dot = code.rfind(".agreed_level"); dot != std::string::npos) code = code.substr(0, dot);
      anchor = level_anchor(code);
    } else if (problem.where.starts_with("motivation.")) {
      anchor = motivation_anchor(problem.where.substr(11));
    }
    if (!anchor.empty() && !error_for(errors, anchor).empty()) continue;
    errors.push_back({anchor, replace_all(std::string(text(language, "error_invalid_value")), "{field}",
                                          problem.where) +
                                  " (" + problem.what + ")"});
  }
}

}  // namespace trappa::web
