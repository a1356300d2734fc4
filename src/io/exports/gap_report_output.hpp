// Writing a gap report as the JSON document of docs/analytics.md, as CSV, or as a table
// for the terminal. The JSON field names are a contract shared with the web API.
#pragma once

#include <optional>
#include <string>

#include "core/analytics/gap_query.hpp"
#include "io/csv/csv_writer.hpp"

namespace trappa::io {

[[nodiscard]] std::string gap_report_json(const core::GapReport& report,
                                          const std::optional<core::GapComparison>& comparison);
// The competency table, or with groups the groups × competencies matrix of need shares. With
// `earlier` (the same query on an earlier round), the changes too: per competency
// need_share_pp and mean_level_delta (as the JSON's "compare"); per group share_with_need_pp
// and one CODE_pp column per competency. docs/analytics.md, "CSV".
[[nodiscard]] std::string gap_report_csv(const core::GapReport& report, const core::GapReport* earlier = nullptr,
                                         const CsvDialect& dialect = kMachineCsv);
[[nodiscard]] std::string gap_report_table(const core::GapReport& report,
                                           const std::optional<core::GapComparison>& comparison);

// Swedish number formats for people: "29 %" for a share, "3,05" for a level.
[[nodiscard]] std::string swedish_percent(const std::optional<double>& share);
[[nodiscard]] std::string swedish_decimal(const std::optional<double>& value, int decimals = 2);

}  // namespace trappa::io
