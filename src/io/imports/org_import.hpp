// Turning the units and people CSV files into validated organisation records.
//
// Both readers check the file against what the store already holds (`existing`), so a
// reference may point to a unit or manager imported earlier. They return the records to
// upsert, or every problem found as FILE:LINE:COLUMN: reason. They never write anything.
#pragma once

#include <vector>

#include "core/org/org.hpp"
#include "core/base/result.hpp"
#include "io/csv/csv_reader.hpp"

namespace trappa::io {

// Columns code,name,parent_code,kind (kind: city|administration|department|unit|group, or the
// Swedish stad|förvaltning|avdelning|enhet|grupp).
[[nodiscard]] core::Result<std::vector<core::Unit>> read_units(const CsvTable& table,
                                                               const std::vector<core::Unit>& existing);

// Columns employee_id,name,gender,unit_code and the optional email,birth_year,role,manager_id,
// city_start_date; `units` are all units known after this import. A missing or empty role or
// birth year is unknown (Person::role "", Person::birth_year 0): the person is then outside
// rounds and age figures until a later import gives it.
[[nodiscard]] core::Result<std::vector<core::Person>> read_people(const CsvTable& table,
                                                                  const std::vector<core::Unit>& units,
                                                                  const std::vector<core::Person>& existing);

}  // namespace trappa::io
