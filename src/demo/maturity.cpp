#include "demo/maturity.hpp"

#include <array>
#include <chrono>
#include <string_view>

namespace trappa::demo {

namespace {

constexpr std::string_view kUnit = "KF";
constexpr std::string_view kFormaga = "digital förmåga";
constexpr std::string_view kArv = "digitalt arv";

// One category's result at the three measurements (2022, 2024, 2025) and its benchmark.
struct CategoryFigures {
  std::string_view dimension;
  std::string_view category;
  std::array<double, 3> value;
  double benchmark;
};

// DiMiOS groups its 26 success factors in categories of two dimensions; the names here are in
// our own words. Seed 001 gives only the overall results and the focus areas; the category
// figures are invented to fit them: the focus areas chosen for 2024 (innovation, users and
// reputation, governance of the IT landscape, information security) rise at the second
// measurement, three of them again at the third, and information security falls then (the
// city's data leak weeks before the measurement).
constexpr std::array<CategoryFigures, 10> kCategories{{
    {kFormaga, "Strategi och ledning", {38.0, 40.5, 52.0}, 51.0},
    {kFormaga, "Innovation", {33.0, 39.0, 47.5}, 48.0},
    {kFormaga, "Användare och rykte", {41.0, 46.0, 54.5}, 52.5},
    {kFormaga, "Förvaltningsstyrning", {36.5, 42.0, 49.0}, 49.5},
    {kFormaga, "Informationssäkerhet", {44.0, 48.5, 42.0}, 53.0},
    {kFormaga, "Kompetens och kultur", {42.0, 44.0, 52.5}, 50.0},
    {kArv, "IT-infrastruktur", {45.0, 46.0, 53.0}, 51.5},
    {kArv, "Data och information", {37.0, 39.5, 47.0}, 48.5},
    {kArv, "Verksamhetssystem", {40.5, 41.5, 50.0}, 49.0},
    {kArv, "Samverkan och standarder", {39.0, 41.0, 48.0}, 47.5},
}};

core::MaturityMeasurement measurement(int index, core::Date date, double overall, double benchmark,
                                      std::array<double, 2> dimensions, int respondents,
                                      std::vector<std::string> focus) {
  core::MaturityMeasurement m;
  m.unit_code = std::string(kUnit);
  m.date = date;
  m.instrument = "DiMiOS";
  m.overall = overall;
  m.overall_benchmark = benchmark;
  m.organisation_type = "Kommunal förvaltning";
  m.respondents = respondents;  // invented: the seed does not say how many answered
  // The dimensions' results and benchmarks are invented around the overall one.
  m.results.push_back({std::string(kFormaga), "", dimensions[0], 50.5});
  m.results.push_back({std::string(kArv), "", dimensions[1], 49.5});
  for (const CategoryFigures& figures : kCategories) {
    m.results.push_back({std::string(figures.dimension), std::string(figures.category),
                         figures.value[static_cast<std::size_t>(index)], figures.benchmark});
  }
  m.focus_categories = std::move(focus);
  return m;
}

core::Date day(int year, unsigned month, unsigned day_of_month) {
  return core::Date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day_of_month)};
}

core::IndicatorSeries series(std::string name, core::MeasureUnit measure, std::vector<core::IndicatorValue> values,
                             core::SeriesDirection direction = core::SeriesDirection::kHigherIsBetter) {
  return core::IndicatorSeries{std::move(name), measure, direction, std::string(kUnit), std::move(values)};
}

}  // namespace

std::vector<core::MaturityMeasurement> build_demo_maturity() {
  // The benchmarks ("about 50 %") and the measurement days in November are invented to fit.
  return {
      measurement(0, day(2022, 11, 15), 40.0, 50.0, {39.0, 41.0}, 31,
                  {"Innovation", "Användare och rykte", "Förvaltningsstyrning", "Informationssäkerhet"}),
      measurement(1, day(2024, 11, 14), 43.2, 50.0, {43.5, 42.8}, 34,
                  {"Användare och rykte", "Förvaltningsstyrning", "Informationssäkerhet", "Strategi och ledning"}),
      // The focus after the last measurement is invented: the seed names three areas without saying which.
      measurement(2, day(2025, 11, 13), 50.1, 50.2, {49.6, 50.7}, 36,
                  {"Informationssäkerhet", "Data och information", "Innovation"}),
  };
}

std::vector<core::IndicatorSeries> build_demo_indicator_series() {
  using core::MeasureUnit;
  const std::string survey = "Medarbetarenkäten";
  // Seed 000 reports 2024's staff-survey indices with the change on the year before and the
  // difference to the city; 2022 and 2025 (and the city's values other than 2024's) are invented.
  return {
      series("Utvecklas och lär nytt", MeasureUnit::kIndex,
             {{"2022", 80, 80, survey}, {"2023", 79, 79, survey}, {"2024", 78, 79, survey}, {"2025", 79, 79, survey}}),
      series("Ledarskapsindex", MeasureUnit::kIndex,
             {{"2022", 81, 80, survey}, {"2023", 82, 81, survey}, {"2024", 81, 81, survey}, {"2025", 82, 81, survey}}),
      series("Medskapandeindex", MeasureUnit::kIndex,
             {{"2022", 78, 80, survey}, {"2023", 79, 81, survey}, {"2024", 78, 81, survey}, {"2025", 79, 81, survey}}),
      series("Vårt gemensamma uppdrag", MeasureUnit::kIndex,
             {{"2022", 76, 78, survey}, {"2023", 77, 79, survey}, {"2024", 76, 79, survey}, {"2025", 77, 79, survey}}),
      // 55 in 2022 and 78.2 in 2024 are the seed's; 2023 and 2025 are invented.
      series("Sökande per tjänst", MeasureUnit::kCount,
             {{"2022", 55, std::nullopt, "Rekryteringssystemet"},
              {"2023", 66.4, std::nullopt, "Rekryteringssystemet"},
              {"2024", 78.2, std::nullopt, "Rekryteringssystemet"},
              {"2025", 74.9, std::nullopt, "Rekryteringssystemet"}}),
      // Measured since May 2024: −44 for May–October 2024 is the seed's, 2025 invented.
      series("Kandidatupplevelse cNPS", MeasureUnit::kScore,
             {{"2024", -44, std::nullopt, "Kandidatenkät"}, {"2025", -31, std::nullopt, "Kandidatenkät"}}),
      // JÄMIX 146 (138 the year before) against the sector median 122 is the seed's; 2022 and
      // 2025 and the earlier medians are invented.
      series("JÄMIX", MeasureUnit::kIndex,
             {{"2022", 131, 120, "Nyckeltalsinstitutet"},
              {"2023", 138, 121, "Nyckeltalsinstitutet"},
              {"2024", 146, 122, "Nyckeltalsinstitutet"},
              {"2025", 149, 123, "Nyckeltalsinstitutet"}}),
  };
}

}  // namespace trappa::demo
