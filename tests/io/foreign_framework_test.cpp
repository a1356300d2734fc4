// Frameworks from other standards (io/frameworks): a CASE 1.0 package and a Moodle competency
// framework CSV of a few levels (tests/fixtures/frameworks/) are recognised by content,
// flattened to area → competency with the path in the definition and the gaps listed as
// warnings; CASE and Moodle CSV exports read back identically; bad files name the place.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "import_fixtures.hpp"
#include "io/frameworks/case_package.hpp"
#include "io/frameworks/framework_file.hpp"
#include "io/frameworks/moodle_framework_csv.hpp"
#include "io/json/framework_json.hpp"
#include "io/xlsx/xlsx_writer.hpp"

namespace trappa::io {
namespace {

std::string fixture(const std::string& name) { return std::string(TRAPPA_FIXTURES_DIR) + "/frameworks/" + name; }

ImportedFramework read_ok(const std::string& path) {
  auto imported = read_framework_source(path);
  EXPECT_TRUE(imported.has_value()) << (imported ? "" : imported.error().describe());
  return imported.value_or(ImportedFramework{});
}

core::Framework shipped(const std::string& name) {
  auto framework = read_framework_file(std::string(TRAPPA_DATA_DIR) + "/frameworks/" + name);
  EXPECT_TRUE(framework.has_value()) << (framework ? "" : framework.error().describe());
  return framework.value_or(core::Framework{});
}

// What CASE cannot carry: roles, the areas' role restrictions and the role profiles.
core::Framework without_roles(core::Framework framework) {
  framework.roles.clear();
  framework.profiles.clear();
  framework.default_profile.clear();
  for (core::Area& area : framework.areas) area.roles.clear();
  return framework;
}

bool has_warning(const ImportedFramework& imported, const std::string& part) {
  return std::any_of(imported.warnings.begin(), imported.warnings.end(),
                     [&](const std::string& warning) { return warning.find(part) != std::string::npos; });
}

std::vector<std::string> codes_of(const core::Area& area) {
  std::vector<std::string> codes;
  for (const core::Competency& competency : area.competencies) codes.push_back(competency.code);
  return codes;
}

std::string error_of(std::string_view text, const std::string& name) {
  auto result = parse_framework_source(text, name);
  EXPECT_FALSE(result.has_value());
  return result ? std::string() : result.error().describe();
}

TEST(CasePackage, reads_areas_competencies_deeper_levels_and_rubric_levels) {
  const ImportedFramework imported = read_ok(fixture("case_package.json"));
  const core::Framework& framework = imported.framework;
  EXPECT_EQ(imported.format, "case-1.0");
  EXPECT_EQ(framework.id, "informationshantering-i-offentlig-forvaltning");
  EXPECT_EQ(framework.version, "2.1");
  EXPECT_EQ(framework.language, "sv");
  ASSERT_EQ(framework.areas.size(), 2u);
  EXPECT_EQ(framework.areas[0].code, "IH.1");
  EXPECT_EQ(framework.areas[0].motivation_question,
            "Hur gärna vill du utveckla din kompetens inom registrering och diarieföring?");
  EXPECT_EQ(codes_of(framework.areas[0]), (std::vector<std::string>{"IH.1.1", "IH.1.2"}));
  // Sequence numbers order the children, whatever the order of the associations in the file.
  EXPECT_EQ(codes_of(framework.areas[1]), (std::vector<std::string>{"IH.2.1.1", "IH.2.1.2", "IH.2.2"}));
  EXPECT_EQ(framework.areas[1].competencies[0].definition,
            "Informationshanteringsplan: Tillämpar gallringsbeslut och dokumenterar gallring.");
  EXPECT_EQ(framework.scale, (core::LevelScale{1, 5, {"Nybörjare", "Kan med stöd", "Självständig", "Erfaren", "Expert"}}));
  EXPECT_EQ(framework.areas[0].competencies[0].level_descriptors[4], "Diarieföring: nivå 5 – expert.");
  // E-arkiv has no rubric criterion: its level texts stay empty, and the import says so.
  EXPECT_EQ(framework.areas[1].competencies[2].level_descriptors, std::vector<std::string>(5));
  EXPECT_TRUE(has_warning(imported, "1 of 5 competencies have no level descriptors"));
  EXPECT_TRUE(has_warning(imported, "2 competencies were deeper than area → competency"));
  EXPECT_TRUE(has_warning(imported, "associations other than isChildOf"));
  EXPECT_TRUE(has_warning(imported, "no roles or role profiles"));
  EXPECT_TRUE(has_warning(imported, "made from its title"));
  EXPECT_TRUE(framework.roles.empty());
}

TEST(CasePackage, export_reimports_identically_and_is_reproducible) {
  const core::Framework original = shipped("digital-kompetens.json");
  const std::string package = write_case_package(original, "2026-01-01T00:00:00+00:00");
  auto imported = parse_case_package(package, "export.json");
  ASSERT_TRUE(imported.has_value()) << imported.error().describe();
  EXPECT_EQ(imported->framework, without_roles(original));
  EXPECT_EQ(write_case_package(imported->framework, "2026-01-01T00:00:00+00:00"),
            write_case_package(without_roles(original), "2026-01-01T00:00:00+00:00"));
  EXPECT_EQ(write_case_package(original, "2026-01-01T00:00:00+00:00"), package);
}

// No official CASE 1.0 JSON schema is in reach, so the required fields of the 1EdTech CASE 1.0
// information model are checked by hand: every object has a UUID identifier, a uri and a
// lastChangeDateTime; the document its creator, title and CFPackageURI; an item its
// fullStatement and CFDocumentURI; an association its type and both node links.
TEST(CasePackage, export_has_the_required_fields_of_case_1_0) {
  const std::string package = write_case_package(shipped("digital-kompetens.json"), "2026-01-01T00:00:00+00:00");
  const boost::json::value root = boost::json::parse(package);
  const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  auto check = [&](const boost::json::object& object, std::initializer_list<const char*> keys, const std::string& what) {
    for (const char* key : {"identifier", "uri", "lastChangeDateTime"}) EXPECT_TRUE(object.contains(key)) << what << " " << key;
    for (const char* key : keys) EXPECT_TRUE(object.contains(key)) << what << " " << key;
    EXPECT_TRUE(std::regex_match(std::string(object.at("identifier").as_string()), uuid)) << what;
  };
  auto link = [&](const boost::json::value& value, const std::string& what) {
    for (const char* key : {"title", "identifier", "uri"}) EXPECT_TRUE(value.as_object().contains(key)) << what << " " << key;
  };
  const auto& document = root.at("CFDocument").as_object();
  check(document, {"creator", "title", "CFPackageURI"}, "CFDocument");
  link(document.at("CFPackageURI"), "CFPackageURI");
  std::size_t items = 0;
  for (const auto& item : root.at("CFItems").as_array()) {
    check(item.as_object(), {"fullStatement", "CFDocumentURI"}, "CFItem");
    ++items;
  }
  EXPECT_EQ(items, 6u + 20u);  // areas and competencies
  for (const auto& association : root.at("CFAssociations").as_array()) {
    check(association.as_object(), {"associationType", "originNodeURI", "destinationNodeURI"}, "CFAssociation");
    link(association.at("originNodeURI"), "originNodeURI");
    link(association.at("destinationNodeURI"), "destinationNodeURI");
  }
  for (const auto& rubric : root.at("CFRubrics").as_array()) {
    check(rubric.as_object(), {}, "CFRubric");
    for (const auto& criterion : rubric.at("CFRubricCriteria").as_array()) {
      check(criterion.as_object(), {"CFItemURI"}, "CFRubricCriterion");
      for (const auto& level : criterion.at("CFRubricCriterionLevels").as_array()) check(level.as_object(), {}, "level");
    }
  }
  // Stable identifiers: name-based from the framework id and the code.
  EXPECT_EQ(document.at("identifier").as_string(), name_based_uuid("urn:trappa:framework:digital-kompetens"));
}

TEST(CasePackage, problems_name_the_json_path) {
  const std::string text = fixtures::read_text(fixture("case_package.json"));
  boost::json::value package = boost::json::parse(text);
  package.at("CFItems").as_array()[1].as_object().erase("fullStatement");
  package.at("CFAssociations").as_array()[0].at("destinationNodeURI").as_object()["identifier"] = "no-such-node";
  package.at("CFRubrics").as_array()[0].at("CFRubricCriteria").as_array()[0].at("CFRubricCriterionLevels")
      .as_array()[0].as_object()["score"] = 9;
  EXPECT_EQ(error_of(boost::json::serialize(package), "bad.json"),
            "the CASE package has problems\n"
            "bad.json: CFItems[1].fullStatement: is missing\n"
            "bad.json: CFAssociations[0].destinationNodeURI.identifier: neither the CFDocument nor a CFItem has the "
            "identifier 'no-such-node'\n"
            "bad.json: CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels: the levels' scores must be "
            "consecutive whole numbers");
}

TEST(CasePackage, items_in_a_cycle_are_named_not_dropped) {
  boost::json::value package = boost::json::parse(fixtures::read_text(fixture("case_package.json")));
  // IH.1 (CFItems[0]) becomes a child of its own child IH.1.1 (CFItems[1]).
  boost::json::array& associations = package.at("CFAssociations").as_array();
  for (boost::json::value& association : associations) {
    if (association.at("originNodeURI").at("title") == "Registrering och diarieföring") {
      association.as_object()["destinationNodeURI"] = association.at("originNodeURI");
      association.at("destinationNodeURI").as_object()["identifier"] =
          package.at("CFItems").as_array()[1].at("identifier");
    }
  }
  const std::string message = error_of(boost::json::serialize(package), "cycle.json");
  EXPECT_NE(message.find("cycle.json: CFItems[0]: is not below the CFDocument: its isChildOf associations form a cycle"),
            std::string::npos) << message;
  EXPECT_NE(message.find("cycle.json: CFItems[1]: is not below"), std::string::npos) << message;
}

TEST(MoodleFrameworkCsv, reads_the_framework_row_nested_competencies_and_the_scale) {
  const ImportedFramework imported = read_ok(fixture("moodle_framework.csv"));
  const core::Framework& framework = imported.framework;
  EXPECT_EQ(imported.format, "moodle-csv");
  EXPECT_EQ(framework.id, "BIB-2023");
  EXPECT_EQ(framework.name, "Bibliotekets kompetensramverk");
  EXPECT_EQ(framework.description, "Kompetenser för folkbibliotekens personal, framtagna för regionens bibliotek.");
  EXPECT_EQ(framework.scale,
            (core::LevelScale{1, 4, {"Inte påbörjad", "Under utveckling", "Kompetent", "Fördjupad"}}));
  ASSERT_EQ(framework.areas.size(), 2u);
  EXPECT_EQ(framework.areas[0].description, "Att söka, värdera och förmedla information & medier.");
  EXPECT_EQ(codes_of(framework.areas[1]), (std::vector<std::string>{"BIB-2.1", "BIB-2.2.1", "BIB-2.2.2"}));
  EXPECT_EQ(framework.areas[1].competencies[1].definition,
            "Läsfrämjande för barn: Möter familjer med små barn i Bokstart.");
  EXPECT_TRUE(has_warning(imported, "HTML descriptions"));
  EXPECT_TRUE(has_warning(imported, "1 competencies have a scale of their own"));
  EXPECT_TRUE(has_warning(imported, "5 of 5 competencies have no level descriptors"));
  EXPECT_TRUE(has_warning(imported, "does not state the language"));
  EXPECT_TRUE(has_warning(imported, "no roles or role profiles"));
}

TEST(MoodleFrameworkCsv, export_reimports_identically) {
  const core::Framework read = read_ok(fixture("moodle_framework.csv")).framework;
  const std::string exported = write_moodle_framework_csv(read);
  auto again = parse_framework_source(exported, "export.csv");
  ASSERT_TRUE(again.has_value()) << again.error().describe();
  EXPECT_EQ(again->framework, read);
  EXPECT_EQ(write_moodle_framework_csv(again->framework), exported);
}

TEST(MoodleFrameworkCsv, export_of_a_trappa_framework_keeps_what_moodle_carries) {
  const core::Framework original = shipped("digital-kompetens.json");
  auto again = parse_framework_source(write_moodle_framework_csv(original), "export.csv");
  ASSERT_TRUE(again.has_value()) << again.error().describe();
  EXPECT_EQ(again->framework.id, original.id);
  EXPECT_EQ(again->framework.name, original.name);
  // Moodle separates a scale's levels with commas: a comma inside a level name becomes ';'.
  core::LevelScale scale = original.scale;
  for (std::string& name : scale.names) std::replace(name.begin(), name.end(), ',', ';');
  EXPECT_EQ(again->framework.scale, scale);
  ASSERT_EQ(again->framework.areas.size(), original.areas.size());
  for (std::size_t a = 0; a < original.areas.size(); ++a) {
    EXPECT_EQ(again->framework.areas[a].name, original.areas[a].name);
    ASSERT_EQ(again->framework.areas[a].competencies.size(), original.areas[a].competencies.size());
    for (std::size_t c = 0; c < original.areas[a].competencies.size(); ++c) {
      EXPECT_EQ(again->framework.areas[a].competencies[c].code, original.areas[a].competencies[c].code);
      EXPECT_EQ(again->framework.areas[a].competencies[c].definition, original.areas[a].competencies[c].definition);
    }
  }
}

TEST(MoodleFrameworkCsv, problems_name_file_line_and_column) {
  const std::string header =
      "Parent ID number,ID number,Short name,Description,Description format,Scale values,Scale configuration,"
      "Is framework,Taxonomy\n";
  EXPECT_EQ(error_of(header + ",F,Ramverk,,2,\"Låg,Hög\",,1,\n,A,Område,,2,,,,\nX,A.1,Kompetens,,2,,,,\nA,A,Dubblett,,2,,,,\n",
                     "m.csv"),
            "the Moodle competency framework file has problems\n"
            "m.csv:5:3: the ID number 'A' is already used on line 3\n"
            "m.csv:4:1: no competency has the ID number 'X'");
  EXPECT_EQ(error_of(header + ",A,Område,,2,,,,\n", "m.csv"),
            "the Moodle competency framework file has problems\n"
            "m.csv: no row has 'Is framework' set to 1; Moodle's export has the framework on its first row");
}

// Issue 15: "Every framework file was rejected as \"not valid JSON\"". Files in other shapes are
// now read by what they contain, whatever their name; a file Trappa cannot read is named for
// what it is, with the formats it accepts.
TEST(FrameworkSource, every_framework_file_was_rejected_as_not_valid_json) {
  const std::string moodle = fixtures::read_text(fixture("moodle_framework.csv"));
  auto as_json_name = parse_framework_source(moodle, "ramverk.json");
  ASSERT_TRUE(as_json_name.has_value()) << as_json_name.error().describe();
  EXPECT_EQ(as_json_name->format, "moodle-csv");
  auto with_bom = parse_framework_source("\xEF\xBB\xBF" + fixtures::read_text(fixture("case_package.json")), "package.txt");
  ASSERT_TRUE(with_bom.has_value()) << with_bom.error().describe();
  EXPECT_EQ(with_bom->format, "case-1.0");

  const std::string workbook = error_of(std::string("PK\x03\x04\x14\x00", 6), "ramverk.xlsx");
  EXPECT_NE(workbook.find("ramverk.xlsx: this is an XLSX workbook"), std::string::npos) << workbook;
  const std::string other_csv = error_of("code;name\n1;Ett\n", "ramverk.csv");
  EXPECT_NE(other_csv.find("this is a CSV file without Moodle's"), std::string::npos) << other_csv;
  for (const std::string& message : {workbook, other_csv}) {
    EXPECT_EQ(message.find("not valid JSON"), std::string::npos) << message;
    EXPECT_NE(message.find("1EdTech CASE 1.0"), std::string::npos) << message;
  }
  auto trappa = parse_framework_source(fixtures::read_text(std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json"),
                                       "digital-kompetens.json");
  ASSERT_TRUE(trappa.has_value());
  EXPECT_EQ(trappa->format, "trappa-json");
  EXPECT_TRUE(trappa->warnings.empty());
}

// A DigComp-shaped workbook written by Trappa's own XLSX writer: areas in merged-looking
// cells (empty below the first row), a competence per row, then learning-outcome rows.
std::filesystem::path write_workbook(const std::string& name, const std::vector<std::vector<std::string>>& rows) {
  auto bytes = write_xlsx({XlsxSheet{"DigComp", rows}});
  EXPECT_TRUE(bytes.has_value());
  const std::filesystem::path path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << bytes.value_or("");
  return path;
}

TEST(DigCompWorkbook, reads_areas_competences_and_leaves_out_learning_outcome_rows) {
  const auto path = write_workbook(
      "DigComp 3.0 test.xlsx",
      {{"Competence area", "Area descriptor", "Competence", "Competence descriptor", "Learning outcome"},
       {"1. Information search, evaluation and management", "To articulate information needs.",
        "1.1 Browsing, searching and filtering information", "To articulate information needs and search.", ""},
       {"", "", "1.1 Browsing, searching and filtering information", "", "Knows how to use a search engine."},
       {"", "", "1.2 Evaluating information", "To assess the credibility of sources.", ""},
       {"2 Communication and collaboration", "", "2.1 Interacting", "To interact through digital technologies.", ""}});
  auto imported = read_framework_source(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(imported.has_value()) << imported.error().describe();
  const core::Framework& framework = imported->framework;
  EXPECT_EQ(imported->format, "digcomp-xlsx");
  EXPECT_EQ(framework.name, "DigComp 3.0 test");
  EXPECT_EQ(framework.id, "digcomp-3-0-test");
  ASSERT_EQ(framework.areas.size(), 2u);
  EXPECT_EQ(framework.areas[0].name, "Information search, evaluation and management");
  EXPECT_EQ(framework.areas[0].description, "To articulate information needs.");
  EXPECT_EQ(codes_of(framework.areas[0]), (std::vector<std::string>{"1.1", "1.2"}));
  EXPECT_EQ(framework.areas[0].competencies[1].definition, "To assess the credibility of sources.");
  EXPECT_EQ(codes_of(framework.areas[1]), (std::vector<std::string>{"2.1"}));
  EXPECT_TRUE(has_warning(*imported, "1 further rows of competences already read"));
  EXPECT_TRUE(has_warning(*imported, "no level scale"));
  EXPECT_TRUE(has_warning(*imported, "3 of 3 competencies have no level descriptors"));
  EXPECT_TRUE(has_warning(*imported, "no roles or role profiles"));
}

TEST(DigCompWorkbook, problems_name_the_cell_and_other_workbooks_are_named) {
  const auto bad = write_workbook("digcomp_bad.xlsx", {{"Competence area", "Competence"},
                                                       {"Information", "1.1 Browsing"},
                                                       {"1 Information", "Browsing without a number"}});
  auto refused = read_framework_source(bad);
  std::filesystem::remove(bad);
  ASSERT_FALSE(refused.has_value());
  const std::string file = bad.string();
  EXPECT_EQ(refused.error().describe(),
            "the DigComp workbook has problems\n" + file +
                ":2:1: the competence area 'Information' does not begin with its number (\"1 Information …\")\n" + file +
                ":3:2: the competence 'Browsing without a number' does not begin with its number (\"1.1 Browsing …\")");
  const auto people = write_workbook("people.xlsx", {{"Förnamn", "Efternamn"}, {"Anna", "Berg"}});
  auto other = read_framework_source(people);
  std::filesystem::remove(people);
  ASSERT_FALSE(other.has_value());
  EXPECT_NE(other.error().describe().find("this is an XLSX workbook whose first sheet has no 'Competence area'"),
            std::string::npos) << other.error().describe();
}

TEST(ShippedFrameworks, digcomp_2_2_has_its_5_areas_and_21_competences) {
  const ImportedFramework imported = read_ok(std::string(TRAPPA_DATA_DIR) + "/frameworks/digcomp-2-2.json");
  const core::Framework& framework = imported.framework;
  EXPECT_EQ(framework.id, "digcomp-2-2");
  EXPECT_EQ(framework.language, "en");
  EXPECT_EQ(framework.scale.size(), 8);
  std::vector<std::size_t> sizes;
  for (const core::Area& area : framework.areas) sizes.push_back(area.competencies.size());
  EXPECT_EQ(sizes, (std::vector<std::size_t>{3, 6, 4, 4, 4}));
  EXPECT_EQ(framework.find_competency("5.4")->name, "Identifying digital competence gaps");
  EXPECT_NE(framework.description.find("CC BY 4.0"), std::string::npos);
}

}  // namespace
}  // namespace trappa::io
