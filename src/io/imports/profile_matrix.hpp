// The role profile matrix as kept in a spreadsheet: first column the competency code, then
// one column per role, each cell the expected level or empty (not applicable).
#pragma once

#include "core/framework/framework.hpp"
#include "core/base/result.hpp"
#include "io/csv/csv_reader.hpp"

namespace trappa::io {

// Returns `framework` with the profiles of every role named in the header replaced by the
// matrix's column, and roles it did not have added (in header order). Problems — unknown
// competency, duplicate row or role column, a level that is not a whole number or outside
// the scale, a level for an area the role does not assess — are reported as
// FILE:LINE:COLUMN, all of them.
[[nodiscard]] core::Result<core::Framework> apply_profile_matrix(const CsvTable& table, core::Framework framework);

}  // namespace trappa::io
