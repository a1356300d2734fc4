#include "web/start_page.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include <kainjow/mustache.hpp>

namespace trappa::web {

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

std::string_view swedish_kind(core::UnitKind kind) {
  switch (kind) {
    case core::UnitKind::kCity: return "Stad";
    case core::UnitKind::kAdministration: return "Förvaltning";
    case core::UnitKind::kDepartment: return "Avdelning";
    case core::UnitKind::kUnit: return "Enhet";
    case core::UnitKind::kGroup: return "Grupp";
  }
  return "Enhet";
}

// Swedish thousands separator: a (non-breaking) space, "1 021".
std::string swedish_number(std::size_t value) {
  std::string digits = std::to_string(value);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += "\u00a0";
    grouped += digits[i];
  }
  return grouped;
}

constexpr std::string_view kLayoutStart = R"(<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} – {{organisation}}</title>
</head>
<body>
<header><p><strong>{{organisation}}</strong> · Trappa – kompetensförsörjning</p></header>
<main>
)";

constexpr std::string_view kLayoutEnd = R"(</main>
<footer><p>Trappa</p></footer>
</body>
</html>
)";

constexpr std::string_view kStartBody = R"(<h1>Organisationen</h1>
<p>{{total}} medarbetare, varav {{managers}} chefer, i {{unit_count}} enheter.</p>
{{#empty}}<p>Organisationen är tom. Importera enheter och personer med <code>trappa import units</code> och <code>trappa import people</code>, eller starta med <code>trappa serve --demo</code>.</p>{{/empty}}
{{^empty}}
<table>
<caption>Enheter och antal medarbetare (hela underliggande organisationen)</caption>
<thead><tr><th scope="col">Enhet</th><th scope="col">Typ</th><th scope="col">Kod</th><th scope="col">Medarbetare</th></tr></thead>
<tbody>
{{#units}}<tr><th scope="row">{{indent}}{{name}}</th><td>{{kind}}</td><td>{{code}}</td><td>{{people}}</td></tr>
{{/units}}</tbody>
</table>
{{/empty}}
)";

constexpr std::string_view kNotFoundBody = R"(<h1>Sidan finns inte</h1>
<p>Vi hittar ingen sida på adressen <code>{{path}}</code>.</p>
<p><a href="/">Till startsidan</a></p>
)";

std::string render(std::string_view title, const std::string& organisation, std::string_view body, data& values) {
  values.set("title", std::string(title));
  values.set("organisation", organisation);
  const std::string page = std::string(kLayoutStart) + std::string(body) + std::string(kLayoutEnd);
  return mustache(page).render(values);
}

}  // namespace

StartPageModel build_start_page_model(const std::vector<core::Unit>& units, const std::vector<core::Person>& people,
                                      const std::string& organisation_name) {
  StartPageModel model;
  model.organisation_name = organisation_name;
  model.total_people = people.size();

  std::unordered_map<std::string, std::size_t> direct;
  std::unordered_set<std::string> manager_ids;
  for (const core::Person& person : people) {
    ++direct[person.unit_code];
    if (!person.manager_id.empty()) manager_ids.insert(person.manager_id);
  }
  model.managers = manager_ids.size();

  std::unordered_map<std::string, std::vector<const core::Unit*>> children;
  std::vector<const core::Unit*> roots;
  std::unordered_set<std::string> codes;
  for (const core::Unit& unit : units) codes.insert(unit.code);
  for (const core::Unit& unit : units) {
    if (unit.parent_code.empty() || !codes.contains(unit.parent_code)) roots.push_back(&unit);
    else children[unit.parent_code].push_back(&unit);
  }
  std::function<std::size_t(const core::Unit&, int)> visit = [&](const core::Unit& unit, int depth) {
    const std::size_t row = model.units.size();
    model.units.push_back({unit.code, unit.name, std::string(swedish_kind(unit.kind)), depth, 0});
    std::size_t total = direct[unit.code];
    auto& below = children[unit.code];
    std::sort(below.begin(), below.end(), [](const core::Unit* a, const core::Unit* b) { return a->name < b->name; });
    for (const core::Unit* child : below) total += visit(*child, depth + 1);
    model.units[row].people = total;
    return total;
  };
  for (const core::Unit* root : roots) visit(*root, 0);
  return model;
}

std::string render_start_page(const StartPageModel& model) {
  data values;
  values.set("total", swedish_number(model.total_people));
  values.set("managers", swedish_number(model.managers));
  values.set("unit_count", swedish_number(model.units.size()));
  values.set("empty", model.units.empty() ? data::type::bool_true : data::type::bool_false);
  data rows{data::type::list};
  for (const UnitRow& unit : model.units) {
    data row;
    std::string indent;
    for (int i = 0; i < unit.depth; ++i) indent += "\u2003";  // em spaces show the depth
    row.set("indent", indent);
    row.set("name", unit.name);
    row.set("kind", unit.kind);
    row.set("code", unit.code);
    row.set("people", swedish_number(unit.people));
    rows.push_back(row);
  }
  values.set("units", rows);
  return render("Start", model.organisation_name, kStartBody, values);
}

std::string render_not_found_page(const std::string& organisation_name, const std::string& path) {
  data values;
  values.set("path", path);
  return render("Sidan finns inte", organisation_name, kNotFoundBody, values);
}

}  // namespace trappa::web
