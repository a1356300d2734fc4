// A gap report's CSV (io/exports/gap_report_output.hpp) as a typed workbook sheet: the kind
// of each column of gap_report_csv, so `trappa analyze gaps --format xlsx` and the supply
// plan's workbook type them alike — codes, names and group keys as text, shares
// (participation, need_share, share_with_need) as percentages, the rest as numbers. Pure.
#pragma once

#include <string_view>

#include "io/xlsx/xlsx_writer.hpp"

namespace trappa::report {

[[nodiscard]] io::XlsxColumn gap_csv_column_kind(std::string_view column);

}  // namespace trappa::report
