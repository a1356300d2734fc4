// Turning a maturity results CSV (DiMiOS and the like) into validated measurements
// (docs/maturity.md, "Maturity results file").
#pragma once

#include <span>
#include <vector>

#include "core/base/result.hpp"
#include "core/maturity/maturity_measurement.hpp"
#include "core/org/org.hpp"
#include "io/csv/csv_reader.hpp"

namespace trappa::io {

// Columns unit,date,instrument,dimension,category,value,benchmark,respondents and the optional
// organisation_type,focus; one record per measurement × result. A measurement is the records
// with the same unit, date and instrument (in any order). Its record with an empty dimension
// and category is the overall result (exactly one); dimension alone, a dimension's result;
// a category, a category's result (within its dimension, or outside any when the dimension is
// empty); each (dimension, category) once. `value` and `benchmark` are percentages 0–100
// (decimal comma allowed; benchmark may be empty); `respondents` a whole number or empty,
// `organisation_type` text or empty — each the same on every record of a measurement where
// given; `focus` yes|ja|x|1 marks a category the organisation chose to focus on, no|nej|0 or
// empty does not. Units must be among `units`. In file order of first appearance. On any
// problem, returns every one found as FILE:LINE:COLUMN: reason and nothing else.
[[nodiscard]] core::Result<std::vector<core::MaturityMeasurement>> read_maturity_results(
    const CsvTable& table, std::span<const core::Unit> units);

}  // namespace trappa::io
