// trappa import units|people|employments|framework|profiles|assessments|motivation|activities|participation|
// maturity|indicators: the
// import use case of app/imports (all-or-nothing, every problem listed as FILE:LINE:COLUMN:
// reason), and --dry-run to validate without writing. Every tabular import reads CSV (UTF-8,
// UTF-16 with a byte-order mark, Windows-1252 with --encoding cp1252; ',', ';' or tab) or XLSX
// (--sheet NAME, else the first sheet).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <tuple>

#include "app/imports/import_service.hpp"
#include "cli/command_context.hpp"
#include "core/disclosure/disclosure_control.hpp"

namespace trappa::cli {

namespace {

int run_import(const CommandContext& context, app::ImportRequest request) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  request.actor = context.actor();
  request.now = store::utc_timestamp_now();
  auto outcome = app::import_file(**store, request);
  if (!outcome) return report(outcome.error());
  const std::string file = request.file.string();
  // What a framework from another standard lacked (no roles, no level descriptors, ...).
  for (const std::string& warning : outcome->warnings) std::cerr << file << ": warning: " << warning << '\n';
  if (!outcome->written) {
    std::cout << file << ": valid, " << outcome->what << " (dry run: nothing written)\n";
    return 0;
  }
  if (outcome->framework_revision) {
    std::cout << "framework '" << outcome->framework_id << "' is at revision " << *outcome->framework_revision << '\n';
  }
  std::cout << file << ": imported " << outcome->what << '\n';
  return 0;
}

}  // namespace

void add_import_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* import = app.add_subcommand("import", "Import organisation data or a framework (all-or-nothing)");
  import->require_subcommand(1);
  auto request = std::make_shared<app::ImportRequest>();

  auto add_file_command = [&](const std::string& name, const std::string& description, app::ImportKind kind) {
    CLI::App* command = import->add_subcommand(name, description);
    command->add_option("file", request->file, "The file to import")->required();
    command->add_flag("--dry-run", request->dry_run, "Validate only; write nothing");
    if (kind != app::ImportKind::kFramework) {
      command->add_option("--sheet", request->sheet, "XLSX: the sheet to read (default: the first)");
      command->add_option("--encoding", request->encoding, "CSV: utf-8 (default), utf-16 or cp1252")
          ->check(CLI::IsMember({"utf-8", "utf8", "utf-16", "utf16", "cp1252", "windows-1252"}, CLI::ignore_case));
      command->add_option("--map", request->map_file,
                          "Column map: a TOML file naming, per Trappa column, the file's column(s) (docs/formats.md)");
      command->add_option("--date-format", request->date_format,
                          "Dates as DD/MM/YYYY, MM/DD/YYYY or DD.MM.YYYY (ISO and YYYYMMDD are always read)")
          ->check(CLI::IsMember({"DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY"}));
      command
          ->add_option_function<std::string>(
              "--unit-by", [request](const std::string& by) { request->unit_by_name = by == "name"; },
              "Units in the file by code (default) or by name (each name must be unique)")
          ->check(CLI::IsMember({"code", "name"}));
    }
    command->callback([&context, &exit_status, request, kind] {
      request->kind = kind;
      exit_status = run_import(context, *request);
    });
    return command;
  };

  add_file_command("units", "Units: CSV with columns code,name,parent_code,kind", app::ImportKind::kUnits);
  add_file_command("people", "People: CSV with columns employee_id,name,gender,unit_code and the optional email,birth_year,role,"
                   "manager_id,city_start_date",
                   app::ImportKind::kPeople);
  add_file_command("employments",
                   "Employment history: CSV with columns employee_id,start_date,end_date,employment_type,position,"
                   "fte,unit_code,recruitment_route,departure_route,departure_reason; replaces the history of "
                   "the people it names",
                   app::ImportKind::kEmployments);
  add_file_command("framework", "A competence framework: Trappa's JSON, a 1EdTech CASE 1.0 package or Moodle's "
                   "competency framework CSV, recognised by content (docs/formats.md)", app::ImportKind::kFramework);
  for (const auto& [name, description, kind] :
       {std::tuple{"assessments", "Assessments from another tool: CSV employee_id,competency,self_level,agreed_level",
                   app::ImportKind::kAssessments},
        std::tuple{"motivation", "Motivation answers: CSV employee_id,area,motivation", app::ImportKind::kMotivation}}) {
    add_file_command(name, description, kind)
        ->add_option("--round", request->round, "The round the answers belong to")
        ->required();
  }
  add_file_command("activities",
                   "Learning activities: CSV with columns code,title,format,hours,competencies,level_from,level_to,"
                   "audience_roles,starts,ends,capacity[,description,provider,theme,status,xapi_id] (docs/learning.md); a "
                   "code that exists is updated",
                   app::ImportKind::kActivities)
      ->add_option("--framework", request->framework_id, "The framework whose competencies the activities develop")
      ->required();
  add_file_command("participation",
                   "Registrations and attendance from the learning platform: CSV with columns "
                   "employee_id,activity,date,status,hours (docs/learning.md); a person's row for an activity that "
                   "exists is replaced",
                   app::ImportKind::kParticipation);
  add_file_command("maturity",
                   "Maturity results (DiMiOS and the like): CSV with columns unit,date,instrument,dimension,category,"
                   "value,benchmark,respondents[,organisation_type,focus] (docs/maturity.md); a measurement that "
                   "exists is replaced",
                   app::ImportKind::kMaturity);
  add_file_command("indicators",
                   "Indicator series: CSV with columns series,unit,period,value,comparison,source[,measure,direction] "
                   "(docs/maturity.md); a period that exists is replaced",
                   app::ImportKind::kIndicators)
      ->add_option("--min-group", request->min_group,
                   "K, the small-group threshold: a series about a unit with fewer employees is refused")
      ->check(CLI::Range(core::kSmallestMinGroup, std::size_t{100000}))
      ->capture_default_str();
  add_file_command("profiles", "Role profiles: CSV matrix, first column competency code, one column per role",
                   app::ImportKind::kProfiles)
      ->add_option("--framework", request->framework_id, "The framework the profiles belong to")
      ->required();
}

}  // namespace trappa::cli
