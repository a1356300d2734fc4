// Turning an employments CSV file (employment history from the HR system) into validated
// employment records. The format is documented in docs/key-figures.md.
#pragma once

#include <span>
#include <vector>

#include "core/workforce/employment.hpp"
#include "core/org/org.hpp"
#include "core/base/result.hpp"
#include "io/csv/csv_reader.hpp"

namespace trappa::io {

// Columns employee_id,start_date,end_date,employment_type,position,fte,unit_code and the
// optional recruitment_route,departure_route,departure_reason (absent: unknown / none).
//
// `units` and `people` are what the store holds: every employment must name a known person
// and unit. A person's permanent employments in the file must not overlap; an end date must
// not be before the start. The result is in file order. On any problem, returns every one
// found as FILE:LINE:COLUMN: reason and nothing else. Never writes anything.
[[nodiscard]] core::Result<std::vector<core::Employment>> read_employments(const CsvTable& table,
                                                                           std::span<const core::Unit> units,
                                                                           std::span<const core::Person> people);

}  // namespace trappa::io
