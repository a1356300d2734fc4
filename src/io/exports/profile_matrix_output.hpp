// A framework's role profiles as the matrix `trappa import profiles` reads
// (io/imports/profile_matrix.hpp; docs/formats.md, "Role profiles"): the header
// "competency" then one column per role that has a profile of its own, in the framework's role
// order; one record per competency in the framework's order, each cell the role's expected
// level or empty (not applicable). Importing it into the same framework changes nothing, in any
// dialect. Pure.
#pragma once

#include <string>

#include "core/framework/framework.hpp"
#include "io/csv/csv_writer.hpp"

namespace trappa::io {

[[nodiscard]] std::string write_profile_matrix_csv(const core::Framework& framework, const CsvDialect& dialect = kMachineCsv);

}  // namespace trappa::io
