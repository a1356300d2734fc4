// trappa export framework ID --format json|case|moodle-csv: the canonical framework file, which
// imports back unchanged, or the framework as a 1EdTech CASE 1.0 package or Moodle's
// competency framework CSV (io/frameworks), which import back with what those formats carry.
// trappa export profiles --framework ID [--format csv|xlsx] [--csv-dialect …] [-o FILE]: the
// framework's role profiles as the matrix `trappa import profiles` reads.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "app/published/snapshot_loader.hpp"
#include "cli/command_context.hpp"
#include "cli/csv_dialect_option.hpp"
#include "cli/xlsx_output.hpp"
#include "io/csv/csv_writer.hpp"
#include "core/base/date.hpp"
#include "core/learning/learning_activity.hpp"
#include "io/exports/profile_matrix_output.hpp"
#include "io/frameworks/case_package.hpp"
#include "io/frameworks/moodle_framework_csv.hpp"
#include "io/json/framework_json.hpp"
#include "store/assessment/round_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/learning/learning_store.hpp"
#include "store/org/organisation_store.hpp"
#include "store/workforce/employment_store.hpp"
#include "core/workforce/employment.hpp"

namespace trappa::cli {

namespace {

struct ExportOptions {
  std::string id;
  std::string round;
  std::string format = "json";
  std::string output;
  std::optional<int> revision;
  std::string csv_dialect;
};

// Writes `text` to --output or standard output.
int emit(const ExportOptions& options, const std::string& text) { return write_output(text, options.output); }

// The framework `export framework` and `export profiles` write: ID at --revision, or its latest.
core::Result<core::Framework> framework_to_export(const CommandContext& context, const ExportOptions& options) {
  ASSIGN_OR_RETURN(auto store, context.open_store());
  ASSIGN_OR_RETURN(auto stored, store->frameworks().load_framework(options.id, options.revision));
  if (!stored) return core::fail(core::ErrorKind::kNotFound, "no framework with id '" + options.id + "'");
  return std::move(stored->framework);
}

int export_framework(const CommandContext& context, const ExportOptions& options) {
  const auto loaded = framework_to_export(context, options);
  if (!loaded) return report(loaded.error());
  const core::Framework& framework = *loaded;
  if (options.format == "case") return emit(options, io::write_case_package(framework, store::utc_timestamp_now()));
  if (options.format == "moodle-csv") return emit(options, io::write_moodle_framework_csv(framework));
  return emit(options, io::write_framework_json(framework));
}

int export_profiles(const CommandContext& context, const ExportOptions& options) {
  if (options.format == "xlsx" && options.output.empty()) {
    return report({core::ErrorKind::kInvalidInput, "--format xlsx needs --output FILE (a workbook is not text)", {}});
  }
  const auto loaded = framework_to_export(context, options);
  if (!loaded) return report(loaded.error());
  const core::Framework& framework = *loaded;
  if (options.format == "xlsx") {
    return write_csv_as_xlsx(io::write_profile_matrix_csv(framework), "profiler", io::numbers_except({"competency"}),
                             options.output);
  }
  return emit(options, io::write_profile_matrix_csv(framework, csv_dialect_option(options.csv_dialect)));
}

// The organisation and a round's answers in the import formats, so they read back in.
int export_table(const CommandContext& context, const ExportOptions& options, const std::string& what) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  const bool xlsx = options.format == "xlsx";
  const io::CsvDialect dialect = xlsx ? io::kMachineCsv : csv_dialect_option(options.csv_dialect);
  std::string text(io::csv_start(dialect));
  if (what == "units") {
    auto units = (*store)->organisation().load_units();
    if (!units) return report(units.error());
    text += io::csv_line({"code", "name", "parent_code", "kind"}, dialect);
    for (const core::Unit& unit : *units) {
      text += io::csv_line({unit.code, unit.name, unit.parent_code, std::string(core::to_code(unit.kind))}, dialect);
    }
  } else if (what == "people") {
    auto people = (*store)->organisation().load_people();
    if (!people) return report(people.error());
    text += io::csv_line({"employee_id", "name", "email", "gender", "birth_year", "unit_code", "role", "manager_id",
                         "city_start_date"}, dialect);
    for (const core::Person& person : *people) {
      text += io::csv_line({person.employee_id, person.name, person.email, std::string(core::to_code(person.gender)),
                            person.birth_year_known() ? std::to_string(person.birth_year) : std::string(),
                            person.unit_code, person.role, person.manager_id,
                            person.city_start_date.value_or("")}, dialect);
    }
  } else if (what == "employments") {
    // The employment history in the import's format (docs/formats.md, employments).
    auto employments = (*store)->employments().load_employments();
    if (!employments) return report(employments.error());
    text += io::csv_line({"employee_id", "start_date", "end_date", "employment_type", "position", "fte", "unit_code",
                          "recruitment_route", "departure_route", "departure_reason"}, dialect);
    for (const core::Employment& employment : *employments) {
      text += io::CsvRow(dialect)
                  .text(employment.employee_id)
                  .text(core::to_iso(employment.start))
                  .text(employment.end ? core::to_iso(*employment.end) : std::string())
                  .text(core::to_code(employment.type))
                  .text(employment.position)
                  .number(fmt::format("{}", employment.fte))
                  .text(employment.unit_code)
                  .text(core::to_code(employment.recruitment_route))
                  .text(core::to_code(employment.departure_route))
                  .text(employment.departure_reason)
                  .line();
    }
  } else if (what == "activities") {
    auto activities = (*store)->learning().load_activities();
    if (!activities) return report(activities.error());
    text += io::csv_line({"code", "title", "format", "hours", "competencies", "level_from", "level_to", "audience_roles",
                          "starts", "ends", "capacity", "description", "provider", "theme", "status", "xapi_id"},
                         dialect);
    for (const core::LearningActivity& activity : *activities) {
      io::CsvRow row(dialect);
      row.text(activity.code).text(activity.title).text(core::to_code(activity.format));
      row.number(fmt::format("{}", activity.hours)).text(core::format_code_list(activity.competencies));
      row.number(std::to_string(activity.level_from)).number(std::to_string(activity.level_to));
      row.text(core::format_code_list(activity.audience_roles)).text(core::to_iso(activity.starts)).text(core::to_iso(activity.ends));
      row.number(activity.capacity ? std::to_string(*activity.capacity) : std::string());
      row.text(activity.description).text(activity.provider).text(activity.theme).text(core::to_code(activity.status));
      row.text(activity.xapi_id);
      text += row.line();
    }
  } else if (what == "participants") {
    // The people a round counts (docs/analytics.md), with the attributes analytics filter on.
    auto organisation = app::load_organisation(**store);
    if (!organisation) return report(organisation.error());
    auto snapshot = app::load_gap_snapshot(**store, options.round, *organisation);
    if (!snapshot) return report(snapshot.error());
    text += io::csv_line({"employee_id", "unit_code", "role", "gender"}, dialect);
    for (std::uint32_t source : (*snapshot)->source_person()) {
      const core::Person& person = organisation->people[source];
      text += io::csv_line({person.employee_id, person.unit_code, person.role, std::string(core::to_code(person.gender))}, dialect);
    }
  } else {
    auto assessments = (*store)->rounds().load_assessments(options.round);
    if (!assessments) return report(assessments.error());
    auto level = [](const std::optional<int>& value) { return value ? std::to_string(*value) : std::string(); };
    if (what == "assessments") {
      text += io::csv_line({"employee_id", "competency", "self_level", "agreed_level"}, dialect);
      for (const core::Assessment& assessment : *assessments) {
        for (const core::Rating& rating : assessment.ratings) {
          text += io::csv_line({assessment.employee_id, rating.competency, level(rating.self_level),
                                level(rating.agreed_level)}, dialect);
        }
      }
    } else {
      text += io::csv_line({"employee_id", "area", "motivation"}, dialect);
      for (const core::Assessment& assessment : *assessments) {
        for (const auto& [area, value] : assessment.motivation) {
          text += io::csv_line({assessment.employee_id, area, std::to_string(value)}, dialect);
        }
      }
    }
  }
  if (xlsx) {
    // Levels, hours, years and motivation are numbers; ids, codes and names stay text.
    return write_csv_as_xlsx(text, what, [](std::string_view column) {
      for (std::string_view number : {"birth_year", "fte", "hours", "level_from", "level_to", "self_level", "agreed_level",
                                      "motivation"}) {
        if (column == number) return io::XlsxColumn::kNumber;
      }
      return io::XlsxColumn::kText;
    }, options.output);
  }
  return emit(options, text);
}

}  // namespace

void add_export_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* export_command = app.add_subcommand("export", "Export data from the store");
  export_command->require_subcommand(1);
  auto options = std::make_shared<ExportOptions>();
  CLI::App* framework = export_command->add_subcommand(
      "framework", "A framework as its JSON file, a CASE 1.0 package or Moodle's competency framework CSV");
  framework->add_option("id", options->id, "Framework id, e.g. digital-kompetens")->required();
  framework->add_option("--format", options->format, "json (Trappa's file), case (1EdTech CASE 1.0) or moodle-csv")
      ->check(CLI::IsMember({"json", "case", "moodle-csv"}))
      ->capture_default_str();
  framework->add_option("--revision", options->revision, "A stored revision (default: the latest)");
  framework->add_option("-o,--output", options->output, "Write to this file instead of standard output");
  framework->callback([&context, &exit_status, options] { exit_status = export_framework(context, *options); });

  auto profile_options = std::make_shared<ExportOptions>();
  profile_options->format = "csv";
  CLI::App* profiles = export_command->add_subcommand("profiles", "A framework's role profiles as the import's matrix");
  profiles->add_option("--framework", profile_options->id, "Framework id, e.g. digital-kompetens")->required();
  profiles->add_option("--revision", profile_options->revision, "A stored revision (default: the latest)");
  profiles->add_option("--format", profile_options->format, "csv (default) or xlsx (a workbook; needs -o FILE)")
      ->check(CLI::IsMember({"csv", "xlsx"}));
  add_csv_dialect_option(profiles, profile_options->csv_dialect);
  profiles->add_option("-o,--output", profile_options->output, "Write to this file instead of standard output");
  profiles->callback([&context, &exit_status, profile_options] {
    exit_status = export_profiles(context, *profile_options);
  });

  for (const std::string what : {"units", "people", "employments", "activities", "assessments", "motivation", "participants"}) {
    const bool per_round = what == "assessments" || what == "motivation" || what == "participants";
    CLI::App* command = export_command->add_subcommand(
        what, per_round ? "A round's " + what + " as CSV in the import format" : "All " + what + " as CSV in the import format");
    if (per_round) command->add_option("--round", options->round, "The round")->required();
    command->add_option("-o,--output", options->output, "Write to this file instead of standard output");
    add_csv_dialect_option(command, options->csv_dialect);
    command->add_option("--format", options->format, "csv (default) or xlsx (a workbook; needs -o FILE)")
        ->check(CLI::IsMember({"csv", "xlsx"}));
    command->callback([&context, &exit_status, options, what] { exit_status = export_table(context, *options, what); });
  }
}

}  // namespace trappa::cli
