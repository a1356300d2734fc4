#include "io/xlsx/csv_sheet.hpp"

#include <algorithm>
#include <utility>

#include "io/csv/csv_reader.hpp"

namespace trappa::io {

XlsxColumnKind numbers_except(std::vector<std::string_view> text_columns) {
  return [text_columns = std::move(text_columns)](std::string_view header) {
    return std::ranges::find(text_columns, header) != text_columns.end() ? XlsxColumn::kText : XlsxColumn::kNumber;
  };
}

core::Result<XlsxSheet> sheet_from_csv(std::string_view machine_csv, const std::string& sheet_name,
                                       const XlsxColumnKind& kind_of) {
  ASSIGN_OR_RETURN(CsvTable table, parse_csv(machine_csv, sheet_name));
  XlsxSheet sheet{sheet_name, {}};
  std::vector<std::string> header;
  for (const CsvField& field : table.header) {
    header.push_back(field.text);
    sheet.columns.push_back(kind_of(field.text));
  }
  sheet.rows.push_back(std::move(header));
  for (const CsvRecord& record : table.records) {
    std::vector<std::string> row;
    row.reserve(record.fields.size());
    for (const CsvField& field : record.fields) row.push_back(field.text);
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

core::Result<std::string> xlsx_from_csv(std::string_view machine_csv, const std::string& sheet_name,
                                        const XlsxColumnKind& kind_of) {
  ASSIGN_OR_RETURN(XlsxSheet sheet, sheet_from_csv(machine_csv, sheet_name, kind_of));
  return write_xlsx({std::move(sheet)});
}

}  // namespace trappa::io
