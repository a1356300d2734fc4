// Turning a learning platform's participation export into checked rows (docs/learning.md,
// "Participation file").
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "core/base/result.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/learning/participation.hpp"
#include "io/csv/csv_reader.hpp"

namespace trappa::io {

// Columns employee_id,activity,date,status,hours (`hours` may be empty: the activity's hours
// are credited; a decimal comma is accepted). Every person must be in `employee_ids` and
// every activity in `activities`; a person and an activity appear at most once in the file.
// Capacity: the places an activity's `registered` and `attended` rows take — the rows in
// `existing` that the file does not replace, then the file's rows in file order — may not
// exceed its capacity; the first row beyond it is refused. Rows get source "import". On any
// problem, returns every one found as FILE:LINE:COLUMN: reason and nothing else.
[[nodiscard]] core::Result<std::vector<core::Participation>> read_participation(
    const CsvTable& table, const std::vector<core::LearningActivity>& activities,
    const std::unordered_set<std::string>& employee_ids, const std::vector<core::Participation>& existing);

}  // namespace trappa::io
