// Mustache templates of the pages, rendered with kainjow::mustache (HTML-escaping by default).
//
// Internal to the web layer: only web/*.cpp include this header (it brings in kainjow).
// Each template is a file <name>.mustache beside the page module that renders it (the layout
// and the error page in web/ui/), embedded at build time (embedded_templates.hpp) and found by
// its name. [[key]] is a text of the catalogue (ui_text.hpp), replaced once per language
// before the template is compiled, so a page costs no text look-ups when it renders; {{name}}
// is escaped view data; {{{name}}} is raw HTML, used only for page bodies inside the layout and
// for the SVG charts of report/charts.hpp. Compiled templates are cached per thread; render()
// is thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "web/ui/texts.hpp"

namespace trappa::web {

using TemplateData = kainjow::mustache::data;

// Renders the template <name>.mustache ("layout", "assessment_areas", ...). An unknown name
// throws std::invalid_argument (a request turns it into a 500 page).
[[nodiscard]] std::string render(std::string_view name, Language language, const TemplateData& data);

// Renders `source` as a template named `name` (in messages), compiled on every call: for tests.
[[nodiscard]] std::string render_text(std::string_view name, std::string_view source, Language language,
                                      const TemplateData& data);

// The source of a template, with its [[key]] placeholders; empty for an unknown name.
[[nodiscard]] std::string_view template_source(std::string_view name);

// Every [[key]] placeholder that the catalogue lacks, as "sv template name: key", and every
// template that does not compile; empty when all templates are complete (for tests and the
// start-up check).
[[nodiscard]] std::vector<std::string> missing_template_texts();

// Check mode, for tests (the golden pages): while on, every render in the process records each
// {{name}} or {{{name}}} that resolved to nothing, or to something other than text (a flag, a
// list, an object, which render as nothing), as "template: {{name}} ...". Names used as
// sections ({{#name}}, {{^name}}) anywhere in the template are not reported: a missing
// section is an ordinary false. Off by default; render() then costs nothing extra.
void set_template_checking(bool on);
// The problems recorded since the last call, and clears them.
[[nodiscard]] std::vector<std::string> take_template_problems();

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
