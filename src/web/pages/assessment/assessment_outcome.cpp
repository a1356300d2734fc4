#include "web/pages/assessment/assessment_outcome.hpp"

#include <algorithm>

#include "core/assessment/assessment_rules.hpp"
#include "web/pages/assessment/assessment_form.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

std::string level_text(const core::Framework& framework, const std::optional<int>& level) {
  return level ? std::to_string(*level) + " – " + level_name(framework, *level) : std::string("–");
}

}  // namespace

std::string render_conversation_outcome(const PageRequest& page, const core::Framework& framework,
                                        const core::Person& person, const core::Assessment& assessment) {
  TemplateData data;
  data.set("fw_lang", framework_lang_attribute(page, framework));
  data.set("has_conversation_at", flag(!assessment.conversation_at.empty()));
  data.set("conversation_at", format_date(page.language, assessment.conversation_at));
  data.set("has_followed_up_at", flag(!assessment.followed_up_at.empty()));
  data.set("followed_up_at", format_date(page.language, assessment.followed_up_at));
  data.set("has_notes", flag(!assessment.notes.empty()));
  data.set("notes", assessment.notes);
  const core::RoleProfile* profile = framework.profile_of(person.role);
  TemplateData& areas = add_list(data, "areas");
  TemplateData& priorities = add_list(data, "priorities");
  for (const std::string& code : assessment.priorities) {
    const core::Competency* competency = framework.find_competency(code);
    TemplateData& item = add_object(priorities);
    item.set("code", code);
    item.set("name", competency != nullptr ? competency->name : std::string{});
  }
  data.set("has_priorities", flag(!assessment.priorities.empty()));
  if (profile == nullptr) return render("assessment_outcome", page.language, data);
  for (const core::Area* area : core::assessed_areas(framework, person.role)) {
    TemplateData& section = add_object(areas);
    section.set("code", area->code);
    section.set("name", area->name);
    auto motivation = assessment.motivation.find(area->code);
    section.set("motivation", motivation != assessment.motivation.end() ? std::to_string(motivation->second)
                                                                        : std::string(page.t("not_answered")));
    TemplateData& rows = add_list(section, "competencies");
    for (const core::Competency& competency : area->competencies) {
      auto expected = profile->find(competency.code);
      if (expected == profile->end()) continue;
      const core::Rating* rating = assessment.find_rating(competency.code);
      const std::optional<int> self = rating != nullptr ? rating->self_level : std::nullopt;
      const std::optional<int> agreed = rating != nullptr ? rating->agreed_level : std::nullopt;
      TemplateData& row = add_object(rows);
      row.set("code", competency.code);
      row.set("name", competency.name);
      row.set("self", level_text(framework, self));
      row.set("agreed", level_text(framework, agreed));
      row.set("expected", level_text(framework, expected->second));
      row.set("changed", flag(self && agreed && *self != *agreed));
      row.set("below", flag(agreed && *agreed < expected->second));
      row.set("prioritised", flag(std::find(assessment.priorities.begin(), assessment.priorities.end(),
                                            competency.code) != assessment.priorities.end()));
    }
  }
  return render("assessment_outcome", page.language, data);
}

}  // namespace trappa::web
