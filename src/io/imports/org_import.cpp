#include "io/imports/org_import.hpp"

#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/base/case_fold.hpp"
#include "core/base/date.hpp"

namespace trappa::io {

namespace {

// Follows `next` from every start and reports the starts that lead back to themselves.
// `next` maps a key to the key it points to (parent unit, manager).
std::unordered_set<std::string> keys_on_cycles(const std::unordered_map<std::string, std::string>& next) {
  std::unordered_set<std::string> on_cycle;
  std::unordered_map<std::string, int> state;  // 0 unseen, 1 on current path, 2 done
  for (const auto& [start, ignored] : next) {
    if (state[start] != 0) continue;
    std::vector<std::string> path;
    std::string key = start;
    while (true) {
      int& key_state = state[key];
      if (key_state == 2) break;
      if (key_state == 1) {
        // Everything on the path from the first occurrence of `key` is a cycle.
        bool inside = false;
        for (const std::string& step : path) {
          if (step == key) inside = true;
          if (inside) on_cycle.insert(step);
        }
        break;
      }
      key_state = 1;
      path.push_back(key);
      auto found = next.find(key);
      if (found == next.end() || found->second.empty()) break;
      key = found->second;
    }
    for (const std::string& step : path) state[step] = 2;
  }
  return on_cycle;
}

// E-mail addresses compare with letter case ignored (ASCII, as mail systems and sign-in do).
std::string fold_email(std::string_view email) { return core::ascii_lower(email); }

}  // namespace

core::Result<std::vector<core::Unit>> read_units(const CsvTable& table, const std::vector<core::Unit>& existing) {
  ASSIGN_OR_RETURN(auto columns, CsvColumns::bind(table, {"code", "name", "parent_code", "kind"}));

  std::vector<core::Problem> problems;
  std::vector<core::Unit> units;
  std::unordered_map<std::string, CsvField> code_fields;
  std::vector<CsvField> parent_fields;
  for (const CsvRecord& record : table.records) {
    core::Unit unit;
    const CsvField code = columns.get(record, "code");
    const CsvField name = columns.get(record, "name");
    const CsvField parent = columns.get(record, "parent_code");
    const CsvField kind = columns.get(record, "kind");
    if (code.text.empty()) {
      problems.push_back({table.where(code), "the unit code is empty"});
    } else if (auto [it, inserted] = code_fields.emplace(code.text, code); !inserted) {
      problems.push_back({table.where(code), fmt::format("duplicate unit code '{}' (first on line {})", code.text,
                                                         it->second.line)});
    }
    if (name.text.empty()) problems.push_back({table.where(name), "the unit name is empty"});
    if (auto parsed = core::parse_unit_kind(kind.text)) {
      unit.kind = *parsed;
    } else {
      problems.push_back({table.where(kind),
                          fmt::format("unknown kind '{}'; use city, administration, department, unit or group",
                                      kind.text)});
    }
    if (!parent.text.empty() && parent.text == code.text) {
      problems.push_back({table.where(parent), "a unit cannot be its own parent"});
    }
    unit.code = code.text;
    unit.name = name.text;
    unit.parent_code = parent.text;
    units.push_back(std::move(unit));
    parent_fields.push_back(parent);
  }

  // The tree after this import: existing units, overridden by the file's.
  std::unordered_map<std::string, std::string> parent_of;
  for (const core::Unit& unit : existing) parent_of[unit.code] = unit.parent_code;
  for (const core::Unit& unit : units) parent_of[unit.code] = unit.parent_code;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const std::string& parent = units[i].parent_code;
    if (!parent.empty() && !parent_of.contains(parent)) {
      problems.push_back({table.where(parent_fields[i]), fmt::format("unknown parent unit '{}'", parent)});
    }
  }
  const auto cyclic = keys_on_cycles(parent_of);
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (cyclic.contains(units[i].code) && units[i].parent_code != units[i].code) {
      problems.push_back({table.where(parent_fields[i]),
                          fmt::format("parent '{}' makes a cycle in the unit tree", units[i].parent_code)});
    }
  }
  if (!problems.empty()) return core::invalid("the units file has problems; nothing was imported", std::move(problems));
  return units;
}

core::Result<std::vector<core::Person>> read_people(const CsvTable& table, const std::vector<core::Unit>& units,
                                                    const std::vector<core::Person>& existing) {
  ASSIGN_OR_RETURN(auto columns, CsvColumns::bind(table,
                                                  {"employee_id", "name", "gender", "unit_code"},
                                                  // Their values may be empty, so HR exports may lack them
                                                  // (most have neither a role nor a birth year).
                                                  {"email", "birth_year", "role", "manager_id", "city_start_date"}));

  std::unordered_set<std::string> unit_codes;
  for (const core::Unit& unit : units) unit_codes.insert(unit.code);
  // A file without the role or birth_year column leaves what the store knows of a person as
  // it is (a partial HR export must not wipe it); an empty value makes it unknown.
  const bool keeps_stored = !columns.has("role") || !columns.has("birth_year");
  std::unordered_map<std::string_view, const core::Person*> stored;
  if (keeps_stored) {
    for (const core::Person& person : existing) stored.emplace(person.employee_id, &person);
  }

  std::vector<core::Problem> problems;
  std::vector<core::Person> people;
  std::vector<CsvField> manager_fields;
  std::vector<CsvField> email_fields;
  std::unordered_map<std::string, int> first_line;
  for (const CsvRecord& record : table.records) {
    core::Person person;
    const CsvField id = columns.get(record, "employee_id");
    const CsvField name = columns.get(record, "name");
    const CsvField email = columns.get(record, "email");
    const CsvField gender = columns.get(record, "gender");
    const CsvField birth_year = columns.get(record, "birth_year");
    const CsvField unit = columns.get(record, "unit_code");
    const CsvField role = columns.get(record, "role");
    const CsvField manager = columns.get(record, "manager_id");

    if (id.text.empty()) {
      problems.push_back({table.where(id), "the employee id is empty"});
    } else if (auto [it, inserted] = first_line.emplace(id.text, id.line); !inserted) {
      problems.push_back({table.where(id), fmt::format("duplicate employee id '{}' (first on line {})", id.text,
                                                       it->second)});
    }
    if (name.text.empty()) problems.push_back({table.where(name), "the name is empty"});
    if (!email.text.empty() && email.text.find('@') == std::string::npos) {
      problems.push_back({table.where(email), fmt::format("'{}' is not an e-mail address", email.text)});
    }
    if (auto parsed = core::parse_gender(gender.text)) {
      person.gender = *parsed;
    } else {
      problems.push_back({table.where(gender), fmt::format("gender '{}' is not K, M or X", gender.text)});
    }
    const auto year = parse_integer(birth_year.text);
    if (birth_year.text.empty()) {
      // Unknown: the person stays out of age figures until HR gives the year (birth_year 0).
    } else if (!year) {
      problems.push_back({table.where(birth_year), fmt::format("birth year '{}' is not a year", birth_year.text)});
    } else if (*year < core::kEarliestBirthYear || *year > core::kLatestBirthYear) {
      problems.push_back({table.where(birth_year), fmt::format("birth year {} is out of range {}–{}", *year,
                                                               core::kEarliestBirthYear, core::kLatestBirthYear)});
    } else {
      person.birth_year = static_cast<int>(*year);
    }
    if (unit.text.empty()) {
      problems.push_back({table.where(unit), "the unit code is empty"});
    } else if (!unit_codes.contains(unit.text)) {
      problems.push_back({table.where(unit), fmt::format("unknown unit '{}'", unit.text)});
    }
    if (!manager.text.empty() && manager.text == id.text) {
      problems.push_back({table.where(manager), "a person cannot be their own manager"});
    }
    if (columns.has("city_start_date")) {
      const CsvField start = columns.get(record, "city_start_date");
      if (!start.text.empty()) {
        if (core::parse_iso_date(start.text)) {
          person.city_start_date = start.text;
        } else {
          problems.push_back({table.where(start), fmt::format("'{}' is not a date (YYYY-MM-DD)", start.text)});
        }
      }
    }
    person.employee_id = id.text;
    person.name = name.text;
    person.email = email.text;
    person.unit_code = unit.text;
    person.role = role.text;
    if (auto found = stored.find(id.text); found != stored.end()) {
      if (!columns.has("role")) person.role = found->second->role;
      if (!columns.has("birth_year")) person.birth_year = found->second->birth_year;
    }
    person.manager_id = manager.text;
    people.push_back(std::move(person));
    manager_fields.push_back(manager);
    email_fields.push_back(email);
  }

  // The reporting lines after this import: the store's, overridden by the file's.
  std::unordered_map<std::string, std::string> manager_of;
  manager_of.reserve(existing.size() + people.size());
  for (const core::Person& person : existing) manager_of[person.employee_id] = person.manager_id;
  for (const core::Person& person : people) manager_of[person.employee_id] = person.manager_id;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const std::string& manager = people[i].manager_id;
    if (!manager.empty() && manager != people[i].employee_id && !manager_of.contains(manager)) {
      problems.push_back({table.where(manager_fields[i]), fmt::format("manager '{}' not found", manager)});
    }
  }
  const auto cyclic = keys_on_cycles(manager_of);
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (cyclic.contains(people[i].employee_id) && people[i].manager_id != people[i].employee_id) {
      problems.push_back({table.where(manager_fields[i]),
                          fmt::format("manager '{}' makes a cycle in the reporting lines", people[i].manager_id)});
    }
  }

  // An e-mail address signs a person in (and single sign-on may pass only that), so after
  // this import no address, letter case ignored, may belong to two people: not two rows of
  // the file, and not a row and a person in the store who keeps it (one whom the file does
  // not give another address).
  std::unordered_set<std::string> in_file;
  in_file.reserve(people.size());
  for (const core::Person& person : people) in_file.insert(person.employee_id);
  std::unordered_map<std::string, std::string> stored_owner;  // folded address -> employee id
  for (const core::Person& person : existing) {
    if (!person.email.empty() && !in_file.contains(person.employee_id)) {
      stored_owner.emplace(fold_email(person.email), person.employee_id);
    }
  }
  std::unordered_map<std::string, std::size_t> first_row;  // folded address -> index in `people`
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (people[i].email.empty()) continue;
    const std::string folded = fold_email(people[i].email);
    const CsvField& field = email_fields[i];
    if (auto owner = stored_owner.find(folded); owner != stored_owner.end()) {
      problems.push_back({table.where(field),
                          fmt::format("e-mail '{}' already belongs to employee '{}' in the store", people[i].email,
                                      owner->second)});
    } else if (auto [first, inserted] = first_row.emplace(folded, i); !inserted) {
      if (people[first->second].employee_id == people[i].employee_id) continue;  // a duplicate id, reported above
      problems.push_back({table.where(field),
                          fmt::format("e-mail '{}' is also on line {} (employee '{}'); two people cannot share one",
                                      people[i].email, email_fields[first->second].line,
                                      people[first->second].employee_id)});
    }
  }
  if (!problems.empty()) return core::invalid("the people file has problems; nothing was imported", std::move(problems));
  return people;
}

}  // namespace trappa::io
