// Imports as one use case for every adapter (the CLI's `trappa import ...`; the web's page
// Importera through app/imports/web_imports.hpp): read and check a file against the store,
// then write it in one transaction, or nothing. Every problem of the file is reported at once
// as FILE:LINE:COLUMN: reason.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/imports/import_preview.hpp"
#include "core/base/result.hpp"
#include "core/disclosure/disclosure_control.hpp"
#include "store/store.hpp"

namespace trappa::app {

enum class ImportKind { kUnits, kPeople, kEmployments, kFramework, kProfiles, kAssessments, kMotivation, kActivities,
                        kParticipation, kMaturity, kIndicators };

// How far an import has come, for a progress bar: the file read (`rows` records), checked
// against the store, written. Reported once per stage, in that order; a dry run ends at
// kChecked. `rows` is the number of records of the file at every stage.
struct ImportProgress {
  enum class Stage { kRead, kChecked, kWritten };
  Stage stage = Stage::kRead;
  std::size_t rows = 0;
};

struct ImportRequest {
  ImportKind kind = ImportKind::kUnits;
  std::filesystem::path file;
  std::string framework_id;  // kProfiles, kActivities: the framework the matrix or catalogue belongs to
  std::string round;         // kAssessments, kMotivation: the round the answers belong to
  bool dry_run = false;      // validate only; write nothing
  store::Actor actor;        // recorded in the audit trail
  std::string now;           // ISO 8601 UTC, for the status and agreement times of assessments
  // The file's name in messages and the audit trail ("people.csv:12:3: ..."); empty: `file`
  // as given. The web sets the uploaded file's own name, never the server's copy's path.
  std::string display_name{};
  std::function<void(const ImportProgress&)> progress{};  // none: not reported
  std::size_t preview_rows = kPreviewRows;                // records in ImportOutcome::preview
  std::string sheet{};       // XLSX files: the sheet to read; empty = the first
  std::string encoding{};    // CSV files: "utf-8" (default), "utf-16" or "cp1252" (io/tables/table_file.hpp)
  // Column map (docs/formats.md, "Files from HR systems"): a TOML file naming, per Trappa column, the
  // file's column or columns; empty: Trappa's own and the Swedish HR headers.
  std::filesystem::path map_file{};
  std::string date_format{};  // "", "DD/MM/YYYY", "MM/DD/YYYY" or "DD.MM.YYYY"
  bool unit_by_name = false;  // unit_code holds unit names, each of which must be unique
  // kIndicators: K, the small-group threshold; a series about a smaller unit is refused.
  std::size_t min_group = core::kDefaultMinGroup;
};

struct ImportOutcome {
  std::string what;                            // "12 units", "framework 'x' with 20 competencies and 5 roles"
  bool written = false;                        // false on a dry run
  std::string framework_id;                    // kFramework, kProfiles: the framework written
  std::optional<int> framework_revision;       // ... and the revision the store now holds
  ImportPreview preview;                       // the first records as read, also on a dry run
  // kFramework from another standard (CASE, Moodle CSV): what the source lacked or what had
  // to be changed to fit (io/frameworks/framework_outline.hpp); also on a dry run.
  std::vector<std::string> warnings{};
};

// Reads and validates `request.file` against the store and, unless it is a dry run, writes
// it. Errors: kInvalidInput with the file's problems, kNotFound (unknown round or framework),
// kConflict (a closed round), kStorage; the store is unchanged on any error.
[[nodiscard]] core::Result<ImportOutcome> import_file(store::Store& store, const ImportRequest& request);

}  // namespace trappa::app
