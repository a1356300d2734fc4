#include "app/imports/import_service.hpp"

#include <chrono>
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/org/unit_tree.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/tables/table_file.hpp"
#include "io/imports/activity_import.hpp"
#include "io/imports/assessment_import.hpp"
#include "io/imports/column_map.hpp"
#include "io/imports/employment_import.hpp"
#include "io/imports/indicator_import.hpp"
#include "io/imports/maturity_import.hpp"
#include "io/imports/org_import.hpp"
#include "io/imports/participation_import.hpp"
#include "io/imports/profile_matrix.hpp"
#include "io/frameworks/framework_file.hpp"
#include "io/imports/value_normalisation.hpp"
#include "store/assessment/round_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/learning/learning_store.hpp"
#include "store/maturity/maturity_store.hpp"
#include "store/org/organisation_store.hpp"
#include "store/workforce/employment_store.hpp"

namespace trappa::app {

namespace {

std::string describe(const std::vector<core::Unit>& units) { return std::to_string(units.size()) + " units"; }
// "120 people (14 without role, 9 without birth year)": people whose role or birth year the
// file leaves unknown are outside rounds and age figures until a later import gives it.
std::string describe(const std::vector<core::Person>& people) {
  const auto without_role = std::ranges::count_if(people, [](const core::Person& p) { return !p.role_known(); });
  const auto without_year = std::ranges::count_if(people, [](const core::Person& p) { return !p.birth_year_known(); });
  std::string unknown;
  if (without_role > 0) unknown = std::to_string(without_role) + " without role";
  if (without_year > 0) unknown += (unknown.empty() ? "" : ", ") + std::to_string(without_year) + " without birth year";
  return std::to_string(people.size()) + " people" + (unknown.empty() ? "" : " (" + unknown + ")");
}
std::string describe(const std::vector<core::LearningActivity>& activities) {
  return std::to_string(activities.size()) + " learning activities";
}
std::string describe(const std::vector<core::Participation>& rows) {
  return std::to_string(rows.size()) + " participation rows";
}
std::string describe(const std::vector<core::Employment>& employments) {
  return std::to_string(employments.size()) + " employments";
}
std::string describe(const std::vector<core::Assessment>& assessments) {
  return std::to_string(assessments.size()) + " people's assessments";
}
std::string describe(const std::vector<core::MaturityMeasurement>& measurements) {
  return std::to_string(measurements.size()) + " maturity measurements";
}
std::string describe(const std::vector<core::IndicatorSeries>& series) {
  std::size_t values = 0;
  for (const core::IndicatorSeries& one : series) values += one.values.size();
  return std::to_string(series.size()) + " indicator series with " + std::to_string(values) + " values";
}
std::string describe(const core::Framework& framework) {
  return "framework '" + framework.id + "' with " + std::to_string(framework.competency_count()) +
         " competencies and " + std::to_string(framework.roles.size()) + " roles";
}
std::string describe(const io::ImportedFramework& imported) { return describe(imported.framework); }

// The warnings a reader of another standard's framework leaves; other imports have none.
template <typename T>
void add_warnings(const T&, ImportOutcome&) {}
void add_warnings(const io::ImportedFramework& imported, ImportOutcome& outcome) { outcome.warnings = imported.warnings; }

// Where the import's itemised audit entries point: the file, and the line of each key's first
// record (store/store.hpp, Actor::where) — the employee id, or an activity's code.
void point_at(const io::CsvTable& table, store::Actor& actor, std::string_view key_column = "employee_id") {
  actor.source = table.file;
  auto columns = io::CsvColumns::bind(table, {key_column});
  if (!columns) return;  // the reader refuses the file and says why
  for (const io::CsvRecord& record : table.records) {
    actor.source_lines.try_emplace(columns->get(record, key_column).text, record.line);
  }
}

// The same for a participation file, whose rows are keyed by person and activity
// (store::participation_source_key).
void point_at_participation(const io::CsvTable& table, store::Actor& actor) {
  actor.source = table.file;
  auto columns = io::CsvColumns::bind(table, {"employee_id", "activity"});
  if (!columns) return;
  for (const io::CsvRecord& record : table.records) {
    actor.source_lines.try_emplace(
        store::participation_source_key(columns->get(record, "employee_id").text, columns->get(record, "activity").text),
        record.line);
  }
}

// What was read, as the preview and the progress count see it: a framework from another
// standard counts as the framework it became.
template <typename T>
const T& records_of(const T& validated) { return validated; }
const core::Framework& records_of(const io::ImportedFramework& imported) { return imported.framework; }

std::size_t record_count(const auto& records) { return records.size(); }
std::size_t record_count(const core::Framework& framework) { return framework.roles.size(); }

void report(const ImportRequest& request, ImportProgress::Stage stage, std::size_t rows) {
  if (request.progress) request.progress(ImportProgress{stage, rows});
}

// The table's columns as the importers read them: the column map, or the Swedish HR headers.
core::Result<void> prepare_columns(const ImportRequest& request, io::CsvTable& table) {
  if (!io::is_date_format(request.date_format)) {
    return core::invalid("unknown date format",
                         {{"--date-format", "'" + request.date_format + "' is not DD/MM/YYYY, MM/DD/YYYY or DD.MM.YYYY"}});
  }
  if (!request.map_file.empty()) {
    ASSIGN_OR_RETURN(const io::ColumnMap map, io::read_column_map(request.map_file));
    TRY(io::apply_column_map(table, map));
  } else {
    io::apply_swedish_headers(table, request.kind == ImportKind::kPeople        ? io::HeaderUse::kPeople
                                     : request.kind == ImportKind::kEmployments ? io::HeaderUse::kEmployments
                                                                                : io::HeaderUse::kOther);
  }
  return {};
}

// The values of a people or employments file normalised (io/imports/value_normalisation.hpp)
// and, when the request says so, unit names turned into codes. The problems found are
// returned, not raised, so that they are reported with the importer's own (a value that may
// be a personal identity number is cleared, so the importer never quotes it).
std::vector<core::Problem> normalise_file_values(const ImportRequest& request, io::CsvTable& table,
                                            std::span<const core::Unit> units) {
  io::NormalisationOptions options;
  options.date_format = request.date_format;
  options.current_year = static_cast<int>(
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())).year());
  std::vector<core::Problem> problems;
  if (auto normalised = io::normalise_values(table, options); !normalised) problems = std::move(normalised).error().problems;
  if (request.unit_by_name) {
    if (auto resolved = io::resolve_unit_names(table, units); !resolved) {
      for (core::Problem& problem : std::move(resolved).error().problems) problems.push_back(std::move(problem));
    }
  }
  return problems;
}

// Every problem of the file at once: those normalisation found, then the importer's, without
// a second one for a cell normalisation already named.
template <typename T>
core::Result<T> with_problems(std::vector<core::Problem> found, core::Result<T> read, const char* message) {
  if (found.empty()) return read;
  if (!read) {
    for (core::Problem& problem : std::move(read).error().problems) {
      const bool named = std::ranges::any_of(found, [&](const core::Problem& p) { return p.where == problem.where; });
      if (!named) found.push_back(std::move(problem));
    }
  }
  return core::invalid(message, std::move(found));
}

// Validates with `validate`, then writes with `write` unless it is a dry run.
template <typename Validate, typename Write>
core::Result<ImportOutcome> run(const ImportRequest& request, Validate validate, Write write) {
  ASSIGN_OR_RETURN(auto validated, validate());
  ImportOutcome outcome;
  outcome.what = describe(validated);
  outcome.preview = preview_of(records_of(validated), request.preview_rows);
  const std::size_t rows = record_count(records_of(validated));
  report(request, ImportProgress::Stage::kChecked, rows);
  add_warnings(validated, outcome);
  if (request.dry_run) return outcome;
  TRY(write(validated, outcome));
  outcome.written = true;
  report(request, ImportProgress::Stage::kWritten, rows);
  return outcome;
}

// The request's file as a table, whatever its format (CSV in any supported encoding, XLSX),
// named in messages as the request says.
core::Result<io::CsvTable> read_table(const ImportRequest& request) {
  core::Result<io::CsvTable> table = io::read_table_file(
      request.file, {.sheet = request.sheet, .encoding = request.encoding, .display_name = request.display_name});
  if (!table) return table;
  TRY(prepare_columns(request, *table));
  report(request, ImportProgress::Stage::kRead, table->records.size());
  return table;
}

core::Result<void> save_framework(store::Store& store, const core::Framework& framework, const store::Actor& actor,
                                  ImportOutcome& outcome) {
  ASSIGN_OR_RETURN(const int revision, store.frameworks().save_framework(framework, actor));
  outcome.framework_id = framework.id;
  outcome.framework_revision = revision;
  return {};
}

// Reads an assessment or motivation file against the round it names: its pinned framework,
// the people in its scope and their existing assessments.
core::Result<std::vector<core::Assessment>> read_round_file(store::Store& store, const ImportRequest& request,
                                                            store::Actor& actor) {
  ASSIGN_OR_RETURN(auto table, read_table(request));
  point_at(table, actor);
  ASSIGN_OR_RETURN(auto round, store.rounds().load_round(request.round));
  if (!round) return core::fail(core::ErrorKind::kNotFound, "no round named '" + request.round + "'");
  if (round->state == core::RoundState::kClosed) {
    return core::fail(core::ErrorKind::kConflict, "round '" + request.round + "' is closed; nothing was imported");
  }
  ASSIGN_OR_RETURN(auto framework, store.frameworks().load_framework(round->framework_id, round->framework_revision));
  if (!framework) return core::fail(core::ErrorKind::kNotFound, "the round's framework is missing");
  ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
  ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
  ASSIGN_OR_RETURN(auto existing, store.rounds().load_assessments(request.round));

  const core::UnitTree tree = core::UnitTree::build(units);
  std::uint32_t scope_first = 0;
  auto scope_last = static_cast<std::uint32_t>(tree.size());
  if (!round->scope_unit.empty()) {
    if (auto scope = tree.index_of(round->scope_unit)) {
      scope_first = *scope;
      scope_last = tree.subtree_end(*scope);
    }
  }
  io::AssessmentImportContext context;
  context.round = &*round;
  context.framework = &framework->framework;
  for (const core::Person& person : people) context.people.emplace(person.employee_id, &person);
  context.in_round_scope = [&](const core::Person& person) {
    auto unit = tree.index_of(person.unit_code);
    return unit && *unit >= scope_first && *unit < scope_last;
  };
  for (core::Assessment& assessment : existing) context.existing.emplace(assessment.employee_id, std::move(assessment));
  context.imported_by = request.actor.name;
  context.now = request.now;
  return request.kind == ImportKind::kAssessments ? io::read_assessment_ratings(table, context)
                                                  : io::read_motivation_answers(table, context);
}

// Each unit's headcount: the people in its subtree, for the small-group rule of indicator series.
std::map<std::string, std::size_t, std::less<>> headcount_by_unit(const std::vector<core::Unit>& units,
                                                                  const std::vector<core::Person>& people) {
  const core::UnitTree tree = core::UnitTree::build(units);
  std::vector<std::size_t> own(tree.size(), 0);
  for (const core::Person& person : people) {
    if (auto unit = tree.index_of(person.unit_code)) ++own[*unit];
  }
  std::map<std::string, std::size_t, std::less<>> headcount;
  for (std::uint32_t index = 0; index < tree.size(); ++index) {
    std::size_t total = 0;
    for (std::uint32_t inside = index; inside < tree.subtree_end(index); ++inside) total += own[inside];
    headcount.emplace(tree.unit(index).code, total);
  }
  return headcount;
}

// Where a maturity file's audit entries point: the line of each measurement's first record.
void point_at_measurements(const io::CsvTable& table, store::Actor& actor) {
  actor.source = table.file;
  auto columns = io::CsvColumns::bind(table, {"unit", "date", "instrument"});
  if (!columns) return;
  for (const io::CsvRecord& record : table.records) {
    actor.source_lines.try_emplace(columns->get(record, "unit").text + "/" + columns->get(record, "date").text + "/" +
                                       columns->get(record, "instrument").text,
                                   record.line);
  }
}

}  // namespace

core::Result<ImportOutcome> import_file(store::Store& store, const ImportRequest& request) {
  store::Actor actor = request.actor;
  switch (request.kind) {
    case ImportKind::kUnits:
      return run(
          request,
          [&]() -> core::Result<std::vector<core::Unit>> {
            ASSIGN_OR_RETURN(auto table, read_table(request));
            ASSIGN_OR_RETURN(auto existing, store.organisation().load_units());
            return io::read_units(table, existing);
          },
          [&](const std::vector<core::Unit>& units, ImportOutcome&) {
            return store.organisation().save_units(units, actor);
          });
    case ImportKind::kPeople:
      return run(
          request,
          [&]() -> core::Result<std::vector<core::Person>> {
            ASSIGN_OR_RETURN(auto table, read_table(request));
            point_at(table, actor);
            ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
            std::vector<core::Problem> found = normalise_file_values(request, table, units);
            ASSIGN_OR_RETURN(auto existing, store.organisation().load_people());
            return with_problems(std::move(found), io::read_people(table, units, existing),
                                 "the people file has problems; nothing was imported");
          },
          [&](const std::vector<core::Person>& people, ImportOutcome&) {
            return store.organisation().save_people(people, actor);
          });
    case ImportKind::kEmployments:
      return run(
          request,
          [&]() -> core::Result<std::vector<core::Employment>> {
            ASSIGN_OR_RETURN(auto table, read_table(request));
            point_at(table, actor);
            ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
            std::vector<core::Problem> found = normalise_file_values(request, table, units);
            ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
            return with_problems(std::move(found), io::read_employments(table, units, people),
                                 "the employments file has problems; nothing was imported");
          },
          [&](const std::vector<core::Employment>& employments, ImportOutcome&) {
            return store.employments().save_employments(employments, actor);
          });
    case ImportKind::kFramework:
      return run(
          request, [&] { return io::read_framework_source(request.file); },
          [&](const io::ImportedFramework& imported, ImportOutcome& outcome) {
            return save_framework(store, imported.framework, actor, outcome);
          });
    case ImportKind::kProfiles:
      return run(
          request,
          [&]() -> core::Result<core::Framework> {
            ASSIGN_OR_RETURN(auto table, read_table(request));
            ASSIGN_OR_RETURN(auto stored, store.frameworks().load_framework(request.framework_id));
            if (!stored) {
              return core::fail(core::ErrorKind::kNotFound,
                                "no framework with id '" + request.framework_id + "'; import it first");
            }
            return io::apply_profile_matrix(table, stored->framework);
          },
          [&](const core::Framework& framework, ImportOutcome& outcome) {
            return save_framework(store, framework, actor, outcome);
          });
    case ImportKind::kActivities:
      return run(
          request,
          [&]() -> core::Result<std::vector<core::LearningActivity>> {
            ASSIGN_OR_RETURN(auto table, read_table(request));
            point_at(table, actor, "code");
            ASSIGN_OR_RETURN(auto stored, store.frameworks().load_framework(request.framework_id));
            if (!stored) {
              return core::fail(core::ErrorKind::kNotFound,
                                "no framework with id '" + request.framework_id + "'; import it first");
            }
            return io::read_activities(table, stored->framework);
          },
          [&](const std::vector<core::LearningActivity>& activities, ImportOutcome&) -> core::Result<void> {
            TRY(store.learning().save_activities(activities, actor));
            return {};
          });
    case ImportKind::kParticipation:
      return run(
          request,
          [&]() -> core::Result<std::vector<core::Participation>> {
            ASSIGN_OR_RETURN(auto table, read_table(request));
            point_at_participation(table, actor);
            ASSIGN_OR_RETURN(auto activities, store.learning().load_activities());
            ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
            ASSIGN_OR_RETURN(auto existing, store.learning().load_participation());
            std::unordered_set<std::string> employee_ids;
            employee_ids.reserve(people.size());
            for (core::Person& person : people) employee_ids.insert(std::move(person.employee_id));
            return io::read_participation(table, activities, employee_ids, existing);
          },
          [&](const std::vector<core::Participation>& rows, ImportOutcome&) -> core::Result<void> {
            TRY(store.learning().save_participation(rows, actor));
            return {};
          });
    case ImportKind::kMaturity:
      return run(
          request,
          [&]() -> core::Result<std::vector<core::MaturityMeasurement>> {
            ASSIGN_OR_RETURN(auto table, read_table(request));
            point_at_measurements(table, actor);
            ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
            return io::read_maturity_results(table, units);
          },
          [&](const std::vector<core::MaturityMeasurement>& measurements, ImportOutcome&) -> core::Result<void> {
            TRY(store.maturity().save_measurements(measurements, actor));
            return {};
          });
    case ImportKind::kIndicators:
      return run(
          request,
          [&]() -> core::Result<std::vector<core::IndicatorSeries>> {
            ASSIGN_OR_RETURN(auto table, read_table(request));
            point_at(table, actor, "series");
            ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
            ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
            ASSIGN_OR_RETURN(auto existing, store.maturity().load_series());
            io::IndicatorImportContext context;
            context.headcount = headcount_by_unit(units, people);
            context.min_group = request.min_group;
            context.existing = existing;
            return io::read_indicator_series(table, context);
          },
          [&](const std::vector<core::IndicatorSeries>& series, ImportOutcome&) -> core::Result<void> {
            TRY(store.maturity().save_series(series, actor));
            return {};
          });
    case ImportKind::kAssessments:
    case ImportKind::kMotivation:
      return run(
          request, [&] { return read_round_file(store, request, actor); },
          [&](const std::vector<core::Assessment>& assessments, ImportOutcome&) {
            return store.rounds().save_assessments(request.round, assessments, actor);
          });
  }
  return core::fail(core::ErrorKind::kInternal, "unknown import kind");
}

}  // namespace trappa::app
