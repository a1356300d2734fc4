// --csv-dialect sv|en for every command that writes CSV (io/csv/csv_writer.hpp): without it,
// the machine dialect for programs (',' '.', no byte order mark).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "io/csv/csv_writer.hpp"

namespace trappa::cli {

inline void add_csv_dialect_option(CLI::App* command, std::string& dialect) {
  command
      ->add_option("--csv-dialect", dialect,
                   "CSV for a spreadsheet: sv (';', decimal comma) or en (',', decimal point), both with a byte "
                   "order mark; default: for programs (',', '.', no mark)")
      ->check(CLI::IsMember({"sv", "en"}));
}

// The dialect the option named (checked by the option), or the machine dialect.
[[nodiscard]] inline io::CsvDialect csv_dialect_option(const std::string& dialect) {
  return io::csv_dialect_named(dialect).value_or(io::kMachineCsv);
}

}  // namespace trappa::cli
