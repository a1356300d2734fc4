// Mustache templates of the pages, rendered with kainjow::mustache (HTML-escaping by default).
//
// Internal to the web layer: only web/*.cpp include this header (it brings in kainjow).
// Template sources hold UI texts as [[key]] placeholders, replaced from the text catalogue
// (ui_text.hpp) once per language before the template is compiled, so a page costs no text
// look-ups when it renders. Compiled templates are cached per thread; render() is
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "web/ui/texts.hpp"

namespace trappa::web {

using TemplateData = kainjow::mustache::data;

enum class TemplateId {
  kLayout,
  kLogin,
  kHome,
  kAssessment,
  kAssessmentAreas,
  kTeam,
  kConversation,
  kOverview,
  kFramework,
  kRounds,
  kAccount,
  kError,
  kFigures,
  kPerson,  // Personuppgifter: a person's audit history and export (person_page.cpp)
};

// The source of a template, with its [[key]] placeholders (page_templates.cpp).
[[nodiscard]] std::string_view template_source(TemplateId id);

[[nodiscard]] std::string render(TemplateId id, Language language, const TemplateData& data);

// Every [[key]] placeholder that the catalogue lacks, as "template: key" (for tests and the
// start-up check); empty when all templates are complete.
[[nodiscard]] std::vector<std::string> missing_template_texts();

// Helpers for building view data.
[[nodiscard]] inline TemplateData flag(bool value) {
  return value ? TemplateData(TemplateData::type::bool_true) : TemplateData(TemplateData::type::bool_false);
}
[[nodiscard]] inline TemplateData list() { return TemplateData(TemplateData::type::list); }

// Building nested data in place. kainjow copies a value deeply on every set() and
// push_back(), so data built bottom-up is copied once per level; these helpers add an empty
// container first and return a reference to it to fill. (kainjow has no mutable accessor;
// the element lives in its parent's container, which is not const, so the cast is sound.)
inline TemplateData& add_object(TemplateData& list_data) {
  list_data.push_back(TemplateData(TemplateData::type::object));
  return const_cast<TemplateData&>(list_data.list_value().back());
}
inline TemplateData& add_list(TemplateData& object, const std::string& key) {
  object.set(key, TemplateData(TemplateData::type::list));
  return const_cast<TemplateData&>(*object.get(key));
}

}  // namespace trappa::web
