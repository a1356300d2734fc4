// Maturity measurements and indicator series in the store (store/maturity/maturity_store.hpp)
// on SQLite and PostgreSQL: they come back as saved after reopening, a measurement imported
// again is replaced and a series keeps the periods a later file does not name, every write is
// audited; through the import use case a small unit's series is refused and nothing written;
// the values plans bind to (app/maturity/maturity_values.hpp) are read with clear errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/imports/import_service.hpp"
#include "app/maturity/maturity_values.hpp"
#include "store/audit/audit_store.hpp"
#include "store/maturity/maturity_store.hpp"
#include "store/org/organisation_store.hpp"
#include "test_store.hpp"

namespace trappa::testing {
namespace {

class MaturityStoreTest : public MigratedStoreTest {
 protected:
  void SetUp() override {
    MigratedStoreTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(store()
                    .organisation()
                    .save_units({{"KF", "Kulturförvaltningen", "", core::UnitKind::kAdministration},
                                 {"KF-S", "Stadsbiblioteket", "KF", core::UnitKind::kDepartment},
                                 {"KF-X", "Liten enhet", "KF", core::UnitKind::kUnit}},
                                actor_)
                    .has_value());
    std::vector<core::Person> people;
    for (int i = 0; i < 8; ++i) {
      people.push_back({"E" + std::to_string(i), "Person " + std::to_string(i), "", core::Gender::kWoman, 1980,
                        i < 2 ? "KF-X" : "KF-S", "bibliotekarie", "", std::nullopt});
    }
    ASSERT_TRUE(store().organisation().save_people(people, actor_).has_value());
  }

  static core::MaturityMeasurement measurement(const char* date, double overall) {
    core::MaturityMeasurement m;
    m.unit_code = "KF";
    m.date = *core::parse_iso_date(date);
    m.instrument = "DiMiOS";
    m.overall = overall;
    m.overall_benchmark = 50.0;
    m.organisation_type = "Kommunal förvaltning";
    m.respondents = 34;
    m.results = {{"digital förmåga", "", 43.5, 50.5},
                 {"digital förmåga", "Informationssäkerhet", 48.5, std::nullopt},
                 {"", "Egen", 12.25, 11.0}};
    m.focus_categories = {"Informationssäkerhet", "Egen"};
    return m;
  }

  core::Result<app::ImportOutcome> import(app::ImportKind kind, const std::string& name, const std::string& text) {
    const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                       (name + "-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                        (on_postgresql() ? "-pg" : "-sqlite") + ".csv");
    std::ofstream(file) << text;
    app::ImportRequest request;
    request.kind = kind;
    request.file = file;
    request.display_name = name + ".csv";
    request.actor = actor_;
    auto outcome = app::import_file(store(), request);
    std::filesystem::remove(file);
    return outcome;
  }

  store::Actor actor_{"cli:hr"};
};

TEST_F(MaturityStoreTest, measurements_come_back_as_saved_and_a_second_import_replaces_one) {
  auto saved = store().maturity().save_measurements({measurement("2024-11-14", 43.2), measurement("2022-11-15", 40)},
                                                    actor_);
  ASSERT_TRUE(saved.has_value()) << saved.error().describe();
  reopen();
  auto loaded = store().maturity().load_measurements();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().describe();
  ASSERT_EQ(loaded->size(), 2u);
  EXPECT_EQ((*loaded)[0], measurement("2022-11-15", 40));
  EXPECT_EQ((*loaded)[1], measurement("2024-11-14", 43.2));

  core::MaturityMeasurement again = measurement("2024-11-14", 44.0);
  again.results.resize(1);
  again.focus_categories.clear();
  again.respondents.reset();
  again.overall_benchmark.reset();
  ASSERT_TRUE(store().maturity().save_measurements({again}, actor_).has_value());
  loaded = store().maturity().load_measurements();
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->size(), 2u);
  EXPECT_EQ((*loaded)[1], again);

  auto trail = store().audit().load_audit("KF/2024-11-14/DiMiOS");
  ASSERT_TRUE(trail.has_value());
  ASSERT_EQ(trail->size(), 2u);
  EXPECT_EQ(trail->front().action, "maturity.import");
  EXPECT_EQ(trail->front().detail, "overall 43.2 %, 3 results");
  EXPECT_EQ(trail->back().detail, "overall 44 %, 1 results (replaced)");
  EXPECT_EQ(trail->back().actor, "cli:hr");

  EXPECT_EQ(app::maturity_overall(store(), "KF/2022-11-15/DiMiOS").value_or(-1), 40.0);
  auto unknown = app::maturity_overall(store(), "KF/2023-01-01/DiMiOS");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(unknown.error().message, "no maturity measurement 'KF/2023-01-01/DiMiOS'");
  auto malformed = app::maturity_overall(store(), "KF-2022");
  ASSERT_FALSE(malformed.has_value());
  EXPECT_EQ(malformed.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(malformed.error().describe(),
            "bad measurement\nmeasurement: 'KF-2022' is not UNIT/DATE/INSTRUMENT (e.g. KF/2025-03-31/DiMiOS)");

  auto listed = app::list_maturity(store(), std::string("KF"));
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[1].change, 4.0);
  auto nowhere = app::list_maturity(store(), std::string("NOPE"));
  ASSERT_FALSE(nowhere.has_value());
  EXPECT_EQ(nowhere.error().message, "no unit with code 'NOPE'");
}

TEST_F(MaturityStoreTest, series_keep_periods_a_later_file_does_not_name) {
  core::IndicatorSeries series{"Utvecklas och lär nytt", core::MeasureUnit::kIndex,
                               core::SeriesDirection::kHigherIsBetter, "KF",
                               {{"2023", 79, 79.0, "Medarbetarenkäten"}, {"2024", 78, std::nullopt, ""}}};
  auto saved = store().maturity().save_series({series}, actor_);
  ASSERT_TRUE(saved.has_value()) << saved.error().describe();
  EXPECT_EQ(*saved, 2u);
  core::IndicatorSeries later{"Utvecklas och lär nytt", core::MeasureUnit::kPercent,
                              core::SeriesDirection::kLowerIsBetter, "KF-S", {{"2024-12-31", 80.5, 81.0, "Ny"},
                                                                              {"2024", 77, 79.0, "Rättad"}}};
  ASSERT_TRUE(store().maturity().save_series({later}, actor_).has_value());
  reopen();
  auto loaded = store().maturity().load_series();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().describe();
  ASSERT_EQ(loaded->size(), 1u);
  EXPECT_EQ((*loaded)[0],
            (core::IndicatorSeries{"Utvecklas och lär nytt", core::MeasureUnit::kPercent,
                                   core::SeriesDirection::kLowerIsBetter, "KF-S",
                                   {{"2023", 79, 79.0, "Medarbetarenkäten"},
                                    {"2024", 77, 79.0, "Rättad"},
                                    {"2024-12-31", 80.5, 81.0, "Ny"}}}));
  auto trail = store().audit().load_audit("Utvecklas och lär nytt");
  ASSERT_TRUE(trail.has_value());
  ASSERT_EQ(trail->size(), 2u);
  EXPECT_EQ(trail->back().action, "indicator.import");
  EXPECT_EQ(trail->back().detail, "2 values: 2024-12-31 2024");

  auto latest = app::series_value(store(), "Utvecklas och lär nytt");
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->period, "2024-12-31");
  EXPECT_EQ(app::series_value(store(), "Utvecklas och lär nytt", std::string("2023")).value().value, 79);
  auto no_period = app::series_value(store(), "Utvecklas och lär nytt", std::string("2021"));
  ASSERT_FALSE(no_period.has_value());
  EXPECT_EQ(no_period.error().message, "the series 'Utvecklas och lär nytt' has no value for period 2021");
  auto no_series = app::series_value(store(), "JÄMIX");
  ASSERT_FALSE(no_series.has_value());
  EXPECT_EQ(no_series.error().kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(no_series.error().message, "no indicator series 'JÄMIX'");
}

TEST_F(MaturityStoreTest, small_unit_series_import_is_refused_and_writes_nothing) {
  auto refused = import(app::ImportKind::kIndicators, "serier",
                        "series,unit,period,value,comparison,source\n"
                        "Index,KF-S,2024,70,,\n"
                        "Sjukfrånvaro,KF-X,2024,3.1,,\n");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().describe(),
            "the indicator file has problems; nothing was imported\n"
            "serier.csv:3:14: unit 'KF-X' has 2 employees, fewer than 5 (the small-group threshold): a series about "
            "it could describe single people and is refused");
  EXPECT_TRUE(store().maturity().load_series().value().empty());

  // KF counts the people of the units below it: 8 employees.
  auto imported = import(app::ImportKind::kIndicators, "serier",
                         "series,unit,period,value,comparison,source\nIndex,KF,2024,70,,\n");
  ASSERT_TRUE(imported.has_value()) << imported.error().describe();
  EXPECT_EQ(imported->what, "1 indicator series with 1 values");
  auto trail = store().audit().load_audit("Index");
  ASSERT_TRUE(trail.has_value());
  EXPECT_EQ(trail->back().detail, "1 values: 2024 (serier.csv:2)");

  auto measured = import(app::ImportKind::kMaturity, "dimios",
                         "unit,date,instrument,dimension,category,value,benchmark,respondents\n"
                         "KF,2024-11-14,DiMiOS,,,43.2,50,34\n"
                         "KF,2024-11-14,DiMiOS,digitalt arv,,42.8,,\n");
  ASSERT_TRUE(measured.has_value()) << measured.error().describe();
  EXPECT_EQ(measured->what, "1 maturity measurements");
  EXPECT_EQ(store().maturity().load_measurements().value().at(0).results.size(), 1u);
}

}  // namespace
}  // namespace trappa::testing
