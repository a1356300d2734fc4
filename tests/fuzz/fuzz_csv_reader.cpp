// Fuzz target: the CSV reader and every CSV importer (units, people, employments, profile
// matrix, assessment ratings, motivation answers) on the same bytes.
//
// The importers check a file against a small organisation (tests/fixtures/analytics) and the
// shipped framework, read once. Beyond not crashing, the target checks what the importers
// promise: a refused file names a FILE:LINE:COLUMN for each problem, and an accepted file's
// numbers are stored as the numbers written in it.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/org/unit_tree.hpp"
#include "fuzz_check.hpp"
#include "io/imports/assessment_import.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/imports/employment_import.hpp"
#include "io/json/framework_json.hpp"
#include "io/imports/org_import.hpp"
#include "io/imports/profile_matrix.hpp"

namespace trappa::fuzz {
namespace {

constexpr std::string_view kFileName = "fuzz.csv";

// The organisation the importers check references against.
struct ImportWorld {
  std::vector<core::Unit> units;
  std::vector<core::Person> people;
  core::Framework mini_framework;     // the analytics fixture's framework ("mini")
  core::Framework shipped_framework;  // data/frameworks/digital-kompetens.json
  core::Round round;
  core::UnitTree tree;
  io::AssessmentImportContext context;
};

template <typename T>
T must(core::Result<T> result, std::string_view what) {
  if (!result) fail(what, result.error().describe());
  return std::move(*result);
}

const ImportWorld& world() {
  static const ImportWorld* const loaded = [] {
    auto* w = new ImportWorld;
    const std::string fixtures = std::string(TRAPPA_FIXTURES_DIR) + "/analytics/";
    const auto units_table = must(io::read_csv_file(fixtures + "units.csv"), "read the units fixture");
    w->units = must(io::read_units(units_table, {}), "import the units fixture");
    const auto people_table = must(io::read_csv_file(fixtures + "people.csv"), "read the people fixture");
    w->people = must(io::read_people(people_table, w->units, {}), "import the people fixture");
    w->mini_framework = must(io::read_framework_file(fixtures + "framework.json"), "read the mini framework");
    w->shipped_framework = must(io::read_framework_file(std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json"),
                                "read the shipped framework");
    w->round = core::Round{"2025", w->mini_framework.id, 1, "D1", "2025-03-01", "2025-05-31", core::RoundState::kOpen};
    w->tree = core::UnitTree::build(w->units);
    io::AssessmentImportContext& context = w->context;
    context.round = &w->round;
    context.framework = &w->mini_framework;
    for (const core::Person& person : w->people) context.people.emplace(person.employee_id, &person);
    const auto scope = w->tree.index_of("D1");
    if (!scope) fail("the fixture has unit D1");
    const std::uint32_t first = *scope;
    const std::uint32_t last = w->tree.subtree_end(*scope);
    context.in_round_scope = [w, first, last](const core::Person& person) {
      auto unit = w->tree.index_of(person.unit_code);
      return unit && *unit >= first && *unit < last;
    };
    context.imported_by = "fuzz";
    context.now = "2025-04-01T08:00:00Z";
    return w;
  }();
  return *loaded;
}

// "fuzz.csv:LINE:COLUMN" with LINE and COLUMN from 1.
bool is_place(std::string_view where) {
  if (!where.starts_with(kFileName) || where.size() <= kFileName.size() || where[kFileName.size()] != ':') return false;
  where.remove_prefix(kFileName.size() + 1);
  const auto colon = where.find(':');
  if (colon == std::string_view::npos) return false;
  auto positive = [](std::string_view digits) {
    const auto value = io::parse_integer(digits);
    return value && *value >= 1 && digits.front() != '+';
  };
  return positive(where.substr(0, colon)) && positive(where.substr(colon + 1));
}

void expect_places(const core::Error& error, std::string_view importer) {
  expect_explained(error, importer);
  expect(!error.problems.empty(), "a refused file lists its problems", importer);
  for (const core::Problem& problem : error.problems) {
    expect(is_place(problem.where), "every problem of a CSV file is placed as FILE:LINE:COLUMN", problem.to_string());
  }
}

const core::Assessment* find_assessment(const std::vector<core::Assessment>& assessments, const std::string& id) {
  for (const core::Assessment& assessment : assessments) {
    if (assessment.employee_id == id) return &assessment;
  }
  return nullptr;
}

void check_ratings(const io::CsvTable& table, const std::vector<core::Assessment>& assessments) {
  const auto columns = must(io::CsvColumns::bind(table, {"employee_id", "competency", "self_level", "agreed_level"}),
                            "an accepted ratings file has its columns");
  for (const io::CsvRecord& record : table.records) {
    const std::string id = columns.get(record, "employee_id").text;
    const std::string code = columns.get(record, "competency").text;
    const core::Assessment* assessment = find_assessment(assessments, id);
    expect(assessment != nullptr, "every row of an accepted ratings file is in the result", id);
    const core::Rating* rating = assessment->find_rating(code);
    const std::string self = columns.get(record, "self_level").text;
    const std::string agreed = columns.get(record, "agreed_level").text;
    if (rating == nullptr) {
      expect(self.empty() && agreed.empty(), "a rating with a level is kept", id + " " + code);
      continue;
    }
    const auto self_level = io::parse_integer(self);
    const auto agreed_level = io::parse_integer(agreed);
    expect(rating->self_level.has_value() == self_level.has_value() &&
               (!self_level || *rating->self_level == *self_level),
           "a self level is stored as written", id + " " + code + " '" + self + "'");
    expect(rating->agreed_level.has_value() == agreed_level.has_value() &&
               (!agreed_level || *rating->agreed_level == *agreed_level),
           "an agreed level is stored as written", id + " " + code + " '" + agreed + "'");
  }
}

void check_matrix(const io::CsvTable& table, const core::Framework& result) {
  for (const io::CsvRecord& record : table.records) {
    if (record.fields.empty()) continue;
    const std::string& code = record.fields[0].text;
    for (std::size_t column = 1; column < record.fields.size() && column < table.header.size(); ++column) {
      const std::string& cell = record.fields[column].text;
      if (cell.empty()) continue;
      const core::RoleProfile* profile = result.profile_of(table.header[column].text);
      expect(profile != nullptr, "every role column of an accepted matrix has a profile", table.header[column].text);
      const auto found = profile->find(code);
      const auto written = io::parse_integer(cell);
      expect(found != profile->end() && written && found->second == *written,
             "a matrix level is stored as written", code + " '" + cell + "'");
    }
  }
}

}  // namespace
}  // namespace trappa::fuzz

using namespace trappa;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)fuzz::world();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::ImportWorld& world = fuzz::world();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = io::parse_csv(text, std::string(fuzz::kFileName));
  if (!table) {
    fuzz::expect_places(table.error(), "parse_csv");
    return 0;
  }
  for (const io::CsvField& field : table->header) {
    fuzz::expect(field.line >= 1 && field.column >= 1, "header fields have a place", field.text);
  }

  if (auto units = io::read_units(*table, world.units); !units) {
    fuzz::expect_places(units.error(), "read_units");
  } else {
    fuzz::expect(units->size() == table->records.size(), "every unit row is imported");
    for (const core::Unit& unit : *units) fuzz::expect(!unit.code.empty(), "an imported unit has a code");
  }

  if (auto people = io::read_people(*table, world.units, world.people); !people) {
    fuzz::expect_places(people.error(), "read_people");
  } else {
    for (const core::Person& person : *people) {
      fuzz::expect(!person.employee_id.empty(), "an imported person has an id");
      fuzz::expect(person.birth_year >= core::kEarliestBirthYear && person.birth_year <= core::kLatestBirthYear,
                   "an imported birth year is in range", person.employee_id);
    }
  }

  if (auto employments = io::read_employments(*table, world.units, world.people); !employments) {
    fuzz::expect_places(employments.error(), "read_employments");
  }

  for (const core::Framework* framework : {&world.mini_framework, &world.shipped_framework}) {
    if (auto matrix = io::apply_profile_matrix(*table, *framework); !matrix) {
      // A matrix that is read without problems may still leave the framework invalid; those
      // problems name framework fields, not places in the file.
      if (matrix.error().message.starts_with("the profile matrix has problems")) {
        fuzz::expect_places(matrix.error(), "apply_profile_matrix");
      } else {
        fuzz::expect_explained(matrix.error(), "apply_profile_matrix");
      }
    } else {
      fuzz::check_matrix(*table, *matrix);
    }
  }

  if (auto ratings = io::read_assessment_ratings(*table, world.context); !ratings) {
    fuzz::expect_places(ratings.error(), "read_assessment_ratings");
  } else {
    fuzz::check_ratings(*table, *ratings);
  }

  if (auto answers = io::read_motivation_answers(*table, world.context); !answers) {
    fuzz::expect_places(answers.error(), "read_motivation_answers");
  } else {
    for (const core::Assessment& assessment : *answers) {
      for (const auto& [area, value] : assessment.motivation) {
        fuzz::expect(value >= core::kMotivationMin && value <= core::kMotivationMax, "a motivation answer is 1–5", area);
      }
    }
  }
  return 0;
}
