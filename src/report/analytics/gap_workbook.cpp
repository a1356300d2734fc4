#include "report/analytics/gap_workbook.hpp"

namespace trappa::report {

io::XlsxColumn gap_csv_column_kind(std::string_view column) {
  if (column == "code" || column == "name" || column == "area" || column == "key") return io::XlsxColumn::kText;
  if (column == "need_share" || column == "share_with_need" || column == "participation") {
    return io::XlsxColumn::kPercentage;
  }
  return io::XlsxColumn::kNumber;
}

}  // namespace trappa::report
