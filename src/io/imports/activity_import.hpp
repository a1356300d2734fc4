// Turning a learning-activity catalogue CSV into validated activities (docs/learning.md,
// "Catalogue file").
#pragma once

#include <vector>

#include "core/base/result.hpp"
#include "core/framework/framework.hpp"
#include "core/learning/learning_activity.hpp"
#include "io/csv/csv_reader.hpp"

namespace trappa::io {

// Columns code,title,format,hours,competencies,level_from,level_to,audience_roles,starts,ends,
// capacity and the optional description,provider,theme,status,xapi_id (absent or empty status:
// planned; an xapi_id, when given, is an absolute IRI and appears once in the file). `competencies` and `audience_roles` are lists separated by spaces; `capacity`
// empty means unlimited; hours may use a decimal comma. Every activity belongs to
// `framework` and must meet core::activity_problems; a code may appear once in the file. In
// file order. On any problem, returns every one found as FILE:LINE:COLUMN: reason and
// nothing else. Never writes anything.
[[nodiscard]] core::Result<std::vector<core::LearningActivity>> read_activities(const CsvTable& table,
                                                                                const core::Framework& framework);

}  // namespace trappa::io
