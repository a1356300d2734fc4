#include "core/workforce/key_figures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "demo/history.hpp"
#include "demo/organisation.hpp"

namespace trappa::core {
namespace {

Date d(const char* text) { return parse_iso_date(text).value(); }

// CITY > ADM > DEP1 > U1, U2 and ADM > DEP2 > U3.
const std::vector<Unit> kUnits{
    {"CITY", "Staden", "", UnitKind::kCity},         {"ADM", "Förvaltningen", "CITY", UnitKind::kAdministration},
    {"DEP1", "Avdelning 1", "ADM", UnitKind::kDepartment}, {"U1", "Enhet 1", "DEP1", UnitKind::kUnit},
    {"U2", "Enhet 2", "DEP1", UnitKind::kUnit},      {"DEP2", "Avdelning 2", "ADM", UnitKind::kDepartment},
    {"U3", "Enhet 3", "DEP2", UnitKind::kUnit},
};

Person person(std::string id, Gender gender = Gender::kWoman, int birth_year = 1980,
              std::optional<std::string> city_start = std::nullopt) {
  Person result;
  result.employee_id = std::move(id);
  result.name = "Namn " + result.employee_id;
  result.gender = gender;
  result.birth_year = birth_year;
  result.unit_code = "U1";
  result.role = "medarbetare";
  result.city_start_date = std::move(city_start);
  return result;
}

struct Job {
  std::string id;
  const char* start;
  const char* end = "";
  EmploymentType type = EmploymentType::kPermanent;
  Route recruitment = Route::kExternal;
  Route departure = Route::kUnknown;
  std::string unit = "U1";
  std::string position = "medarbetare";
  double fte = 1.0;
};

Employment employment(const Job& job) {
  Employment result;
  result.employee_id = job.id;
  result.start = d(job.start);
  if (*job.end != '\0') result.end = d(job.end);
  result.type = job.type;
  result.position = job.position;
  result.fte = job.fte;
  result.unit_code = job.unit;
  result.recruitment_route = job.recruitment;
  result.departure_route = job.departure;
  return result;
}

std::vector<Employment> employments(const std::vector<Job>& jobs) {
  std::vector<Employment> result;
  for (const Job& job : jobs) result.push_back(employment(job));
  return result;
}

KeyFigureQuery query(const char* at, const char* from = nullptr, std::string unit = {}) {
  KeyFigureQuery result;
  result.at = d(at);
  if (from != nullptr) result.from = d(from);
  result.unit_code = std::move(unit);
  return result;
}

KeyFigures compute(const std::vector<Person>& people, const std::vector<Job>& jobs, const KeyFigureQuery& q) {
  const std::vector<Employment> history = employments(jobs);
  auto figures = compute_key_figures(people, history, kUnits, q);
  EXPECT_TRUE(figures.has_value()) << figures.error().describe();
  return figures.value_or(KeyFigures{});
}

constexpr auto kPermanent = EmploymentType::kPermanent;
constexpr auto kTemporary = EmploymentType::kTemporary;
constexpr auto kHourly = EmploymentType::kHourly;
constexpr auto kProgram = EmploymentType::kProgram;

TEST(KeyFigures, headcount_counts_a_person_once_with_permanent_before_temporary) {
  const auto figures = compute({person("A"), person("B", Gender::kMan)},
                               {{"A", "2020-01-01", "", kPermanent, Route::kExternal, Route::kUnknown, "U1", "p", 0.5},
                                {"A", "2025-01-01", "", kTemporary, Route::kExternal, Route::kUnknown, "U2", "p", 0.5},
                                {"B", "2025-01-01", "", kTemporary},
                                {"B", "2025-02-01", "", kHourly}},
                               query("2025-12-31"));
  EXPECT_EQ(figures.headcount[0].all.total(), 2);
  EXPECT_EQ(figures.headcount[0].permanent.of(Gender::kWoman), 1);
  EXPECT_EQ(figures.headcount[0].temporary.of(Gender::kMan), 1);
  EXPECT_EQ(figures.headcount[0].temporary.total(), 1);
  EXPECT_DOUBLE_EQ(figures.fte.of(kPermanent), 0.5);
  EXPECT_DOUBLE_EQ(figures.fte.of(kTemporary), 1.5);
}

TEST(KeyFigures, an_employment_starting_or_ending_on_the_date_is_active_and_the_day_before_or_after_is_not) {
  const auto figures = compute({person("STARTS"), person("ENDS"), person("ENDED"), person("LATER")},
                               {{"STARTS", "2025-06-30"},
                                {"ENDS", "2020-01-01", "2025-06-30", kPermanent, Route::kExternal, Route::kExternal},
                                {"ENDED", "2020-01-01", "2025-06-29", kPermanent, Route::kExternal, Route::kExternal},
                                {"LATER", "2025-07-01"}},
                               query("2025-06-30"));
  EXPECT_EQ(figures.headcount[0].permanent.total(), 2);
  // In the period 2024-07-01..2025-06-30: ENDS and ENDED leave, STARTS joins; LATER is after it.
  EXPECT_EQ(figures.turnover.external.departures, 2);
  EXPECT_EQ(figures.turnover.external.recruitments, 1);
}

TEST(KeyFigures, hourly_and_program_employments_are_left_out_of_the_headcount_but_not_the_fte) {
  const auto figures = compute({person("H"), person("P")},
                               {{"H", "2025-01-01", "", kHourly, Route::kExternal, Route::kUnknown, "U1", "p", 0.2},
                                {"P", "2025-01-01", "", kProgram, Route::kExternal, Route::kUnknown, "U1", "p", 0.75}},
                               query("2025-12-31"));
  EXPECT_EQ(figures.headcount[0].all.total(), 0);
  EXPECT_DOUBLE_EQ(figures.fte.of(kHourly), 0.2);
  EXPECT_DOUBLE_EQ(figures.fte.of(kProgram), 0.75);
  EXPECT_DOUBLE_EQ(figures.fte.total(), 0.95);
  EXPECT_TRUE(figures.positions.empty());
  EXPECT_FALSE(figures.age.mean.has_value());
  EXPECT_FALSE(figures.tenure.median.has_value());
}

TEST(KeyFigures, headcount_is_repeated_for_the_same_date_one_and_two_years_earlier) {
  const auto figures = compute({person("A"), person("B"), person("C")},
                               {{"A", "2022-01-01"}, {"B", "2023-03-01", "2024-02-28", kTemporary}, {"C", "2024-02-29"}},
                               query("2024-02-29"));
  EXPECT_EQ(figures.headcount[1].at, d("2023-02-28"));
  EXPECT_EQ(figures.headcount[2].at, d("2022-02-28"));
  EXPECT_EQ(figures.headcount[0].all.total(), 2);        // A, C
  EXPECT_EQ(figures.headcount[1].all.total(), 1);        // A (B starts 2023-03-01)
  EXPECT_EQ(figures.headcount[2].permanent.total(), 1);  // A
  EXPECT_EQ(figures.from, d("2023-03-01"));              // 2023-02-28 + 1 day
}

TEST(KeyFigures, the_default_period_is_the_year_up_to_the_date) {
  const auto figures = compute({person("A")}, {{"A", "2020-01-01"}}, query("2025-12-31"));
  EXPECT_EQ(figures.from, d("2025-01-01"));
  EXPECT_EQ(figures.turnover.month_ends, 12u);
  EXPECT_DOUBLE_EQ(figures.turnover.average_permanent, 1.0);
}

TEST(KeyFigures, the_average_permanent_headcount_uses_the_month_ends_inside_a_period_starting_mid_month) {
  // Month ends 2025-01-31, 02-28, 03-31 fall in 2025-01-15..2025-04-20; 04-30 does not.
  // Permanent at them: 1, 2 (B from 02-28), 3 (C on 03-31, ends that day); D never (temporary).
  const auto figures = compute({person("A"), person("B"), person("C"), person("D")},
                               {{"A", "2020-01-01"},
                                {"B", "2025-02-28"},
                                {"C", "2025-03-01", "2025-03-31", kPermanent, Route::kExternal, Route::kExternal},
                                {"D", "2025-01-01", "", kTemporary}},
                               query("2025-04-20", "2025-01-15"));
  EXPECT_EQ(figures.turnover.month_ends, 3u);
  EXPECT_DOUBLE_EQ(figures.turnover.average_permanent, 2.0);
  EXPECT_EQ(figures.turnover.external.recruitments, 2);
  EXPECT_EQ(figures.turnover.external.departures, 1);
  EXPECT_DOUBLE_EQ(figures.turnover.external.rate.value(), 0.5);
}

TEST(KeyFigures, a_period_without_a_month_end_uses_the_permanent_headcount_at_the_date) {
  const auto figures = compute({person("A"), person("B")}, {{"A", "2020-01-01"}, {"B", "2020-01-01"}},
                               query("2025-03-20", "2025-03-01"));
  EXPECT_EQ(figures.turnover.month_ends, 0u);
  EXPECT_DOUBLE_EQ(figures.turnover.average_permanent, 2.0);
}

TEST(KeyFigures, a_person_counted_twice_in_a_month_is_one_permanent_employee) {
  // A permanent person with a second permanent post (a data error the import refuses) counts once.
  const auto figures = compute({person("A")}, {{"A", "2020-01-01"}, {"A", "2024-06-01", "", kPermanent}},
                               query("2025-12-31"));
  EXPECT_DOUBLE_EQ(figures.turnover.average_permanent, 1.0);
}

TEST(KeyFigures, route_1_moves_are_not_turnover) {
  const auto figures = compute(
      {person("A")},
      {{"A", "2018-01-01", "2025-05-31", kPermanent, Route::kExternal, Route::kWithinAdministration, "U1"},
       {"A", "2025-06-01", "", kPermanent, Route::kWithinAdministration, Route::kUnknown, "U3"}},
      query("2025-12-31"));
  EXPECT_EQ(figures.turnover.external.departures, 0);
  EXPECT_EQ(figures.turnover.external.recruitments, 0);
  EXPECT_EQ(figures.turnover.including_other_administrations.departures, 0);
  EXPECT_EQ(figures.turnover.unknown_route_departures, 0);
  EXPECT_EQ(figures.turnover.unknown_route_recruitments, 0);
  EXPECT_DOUBLE_EQ(figures.turnover.average_permanent, 1.0);
}

TEST(KeyFigures, a_route_2_move_counts_only_in_the_rate_including_other_administrations) {
  const auto figures = compute(
      {person("OUT"), person("IN"), person("EXT"), person("STAY")},
      {{"OUT", "2015-01-01", "2025-04-30", kPermanent, Route::kExternal, Route::kOtherAdministration},
       {"IN", "2025-05-01", "", kPermanent, Route::kOtherAdministration},
       {"EXT", "2025-02-01", "", kPermanent, Route::kExternal},
       {"STAY", "2010-01-01"}},
      query("2025-12-31"));
  EXPECT_EQ(figures.turnover.external.departures, 0);
  EXPECT_EQ(figures.turnover.external.recruitments, 1);
  EXPECT_EQ(figures.turnover.including_other_administrations.departures, 1);
  EXPECT_EQ(figures.turnover.including_other_administrations.recruitments, 2);
  EXPECT_DOUBLE_EQ(figures.turnover.external.rate.value(), 0.0);
  ASSERT_TRUE(figures.turnover.including_other_administrations.rate.has_value());
  EXPECT_DOUBLE_EQ(*figures.turnover.including_other_administrations.rate,
                   1.0 / figures.turnover.average_permanent);
}

TEST(KeyFigures, unknown_routes_are_counted_apart_and_in_no_rate) {
  const auto figures = compute(
      {person("A"), person("B"), person("T")},
      {{"A", "2015-01-01", "2025-04-30", kPermanent, Route::kExternal, Route::kUnknown},
       {"B", "2025-05-01", "", kPermanent, Route::kUnknown},
       {"T", "2025-05-01", "2025-09-30", kTemporary, Route::kUnknown, Route::kUnknown}},  // temporary: not turnover
      query("2025-12-31"));
  EXPECT_EQ(figures.turnover.unknown_route_departures, 1);
  EXPECT_EQ(figures.turnover.unknown_route_recruitments, 1);
  EXPECT_EQ(figures.turnover.including_other_administrations.departures, 0);
  EXPECT_EQ(figures.turnover.including_other_administrations.recruitments, 0);
}

TEST(KeyFigures, the_rate_is_undefined_without_permanent_staff) {
  const auto figures = compute({person("T")}, {{"T", "2025-01-01", "", kTemporary}}, query("2025-12-31"));
  EXPECT_DOUBLE_EQ(figures.turnover.average_permanent, 0.0);
  EXPECT_FALSE(figures.turnover.external.rate.has_value());
}

TEST(KeyFigures, age_is_the_year_of_the_date_minus_the_birth_year_with_bands_by_gender) {
  const auto figures = compute({person("A", Gender::kWoman, 1996), person("B", Gender::kMan, 1995),
                                person("C", Gender::kOther, 1985), person("D", Gender::kWoman, 1960)},
                               {{"A", "2020-01-01"}, {"B", "2020-01-01"}, {"C", "2020-01-01"}, {"D", "2020-01-01"}},
                               query("2025-01-01"));
  // Ages 29, 30, 40, 65.
  EXPECT_DOUBLE_EQ(figures.age.mean.value(), (29 + 30 + 40 + 65) / 4.0);
  EXPECT_DOUBLE_EQ(figures.age.median.value(), 35.0);
  EXPECT_EQ(figures.age.bands[0].label, "-29");
  EXPECT_EQ(figures.age.bands[0].people.of(Gender::kWoman), 1);
  EXPECT_EQ(figures.age.bands[1].people.of(Gender::kMan), 1);
  EXPECT_EQ(figures.age.bands[2].people.of(Gender::kOther), 1);
  EXPECT_EQ(figures.age.bands[3].people.total(), 0);
  EXPECT_EQ(figures.age.bands[4].label, "60-");
  EXPECT_EQ(figures.age.bands[4].people.total(), 1);
}

// Issue 15: a person imported without a birth year is outside the age figures until it is
// known — in no band, not in the mean or median, not among the retirements — and counted as
// unknown; the headcount and tenure still count them.
TEST(KeyFigures, a_person_without_a_birth_year_is_left_out_of_the_age_figures_and_counted_as_unknown) {
  const auto figures = compute({person("A", Gender::kWoman, 1996), person("B", Gender::kMan, 0),
                                person("C", Gender::kOther, 1961), person("D", Gender::kWoman, 0)},
                               {{"A", "2020-01-01"}, {"B", "2020-01-01"}, {"C", "2020-01-01"}, {"D", "2020-01-01"}},
                               query("2025-01-01"));
  EXPECT_EQ(figures.headcount[0].all.total(), 4);
  EXPECT_EQ(figures.age.unknown, 2);
  EXPECT_DOUBLE_EQ(figures.age.mean.value(), (29 + 64) / 2.0);  // A and C only
  EXPECT_DOUBLE_EQ(figures.age.median.value(), (29 + 64) / 2.0);
  long long in_bands = 0;
  for (const AgeBand& band : figures.age.bands) in_bands += band.people.total();
  EXPECT_EQ(in_bands, 2);
  EXPECT_EQ(figures.age.bands[4].people.of(Gender::kOther), 1);  // C, 64
  long long retiring = 0;
  for (const RetirementYear& year : figures.retirements) retiring += year.people;
  EXPECT_EQ(retiring, 1);  // C in 2026; B and D are not taken as born in year 0 (or 1930)
  EXPECT_EQ(figures.retirements[0].people, 1);
  EXPECT_TRUE(figures.tenure.mean.has_value());

  const auto nobody_known = compute({person("B", Gender::kMan, 0)}, {{"B", "2020-01-01"}}, query("2025-01-01"));
  EXPECT_EQ(nobody_known.age.unknown, 1);
  EXPECT_FALSE(nobody_known.age.mean.has_value());
  EXPECT_FALSE(nobody_known.age.median.has_value());
  EXPECT_TRUE(nobody_known.tenure.mean.has_value());
}

TEST(KeyFigures, tenure_runs_from_the_first_employment_of_any_type_or_an_earlier_city_start) {
  const auto figures = compute(
      {person("A"), person("B", Gender::kMan, 1980, "2010-01-01"), person("C", Gender::kWoman, 1980, "2024-01-01")},
      {{"A", "2015-01-01", "2019-12-31", kHourly},  // first employment of any type
       {"A", "2020-01-01"},
       {"B", "2020-01-01"},
       {"C", "2023-01-01"}},  // a later city start does not shorten the tenure
      query("2025-01-01"));
  const double a = (day_number(d("2025-01-01")) - day_number(d("2015-01-01"))) / 365.25;
  const double b = (day_number(d("2025-01-01")) - day_number(d("2010-01-01"))) / 365.25;
  const double c = (day_number(d("2025-01-01")) - day_number(d("2023-01-01"))) / 365.25;
  EXPECT_NEAR(figures.tenure.mean.value(), (a + b + c) / 3, 1e-9);
  EXPECT_NEAR(figures.tenure.median.value(), a, 1e-9);
}

TEST(KeyFigures, retirements_count_the_people_reaching_the_age_in_each_of_the_next_five_years) {
  std::vector<Person> people;
  std::vector<Job> jobs;
  for (int birth_year : {1960, 1961, 1961, 1965, 1966, 1959}) {
    const std::string id = "P" + std::to_string(people.size());
    people.push_back(person(id, Gender::kWoman, birth_year));
    jobs.push_back({id, "2000-01-01"});
  }
  const auto figures = compute(people, jobs, query("2025-12-31"));
  ASSERT_EQ(figures.retirements.size(), 5u);
  EXPECT_EQ(figures.retirements[0].year, 2026);
  EXPECT_EQ(figures.retirements[0].people, 2);  // 1961
  EXPECT_EQ(figures.retirements[1].people, 0);
  EXPECT_EQ(figures.retirements[4].year, 2030);
  EXPECT_EQ(figures.retirements[4].people, 1);  // 1965; 1966 is after, 1960 and 1959 before
  KeyFigureQuery at_67 = query("2025-12-31");
  at_67.retirement_age = 67;
  const auto later = compute(people, jobs, at_67);
  EXPECT_EQ(later.retirements[1].people, 1);  // 1960 + 67 = 2027
}

TEST(KeyFigures, positions_are_ranked_by_fte_with_ties_by_name_and_cut_at_ten) {
  std::vector<Person> people;
  std::vector<Job> jobs;
  for (int i = 0; i < 12; ++i) {
    const std::string id = fmt::format("P{:02}", i);
    people.push_back(person(id));
    // 12 positions, all with FTE 1 except "befattning 11" (0.5); ties ordered by name.
    jobs.push_back({id, "2020-01-01", "", kPermanent, Route::kExternal, Route::kUnknown, "U1",
                    fmt::format("befattning {:02}", 11 - i), i == 0 ? 0.5 : 1.0});
  }
  const auto figures = compute(people, jobs, query("2025-12-31"));
  ASSERT_EQ(figures.positions.size(), 10u);
  EXPECT_EQ(figures.positions[0].position, "befattning 00");
  EXPECT_EQ(figures.positions[9].position, "befattning 09");
  EXPECT_DOUBLE_EQ(figures.positions[0].current.fte, 1.0);
  EXPECT_EQ(figures.positions[0].previous_years[0].at, d("2024-12-31"));
  EXPECT_EQ(figures.positions[0].previous_years[1].people, 1);
}

TEST(KeyFigures, a_person_with_two_posts_in_one_position_is_one_person_with_both_ftes) {
  const auto figures = compute(
      {person("A")},
      {{"A", "2020-01-01", "", kPermanent, Route::kExternal, Route::kUnknown, "U1", "lärare", 0.5},
       {"A", "2024-01-01", "", kTemporary, Route::kExternal, Route::kUnknown, "U2", "lärare", 0.25}},
      query("2025-12-31"));
  ASSERT_EQ(figures.positions.size(), 1u);
  EXPECT_EQ(figures.positions[0].current.people, 1);
  EXPECT_DOUBLE_EQ(figures.positions[0].current.fte, 0.75);
  EXPECT_EQ(figures.positions[0].previous_years[1].people, 1);
  EXPECT_DOUBLE_EQ(figures.positions[0].previous_years[1].fte, 0.5);
}

struct BalanceCase {
  long long women;
  long long men;
  long long other;
  std::optional<bool> balanced;
};

TEST(KeyFigures, a_position_is_balanced_when_both_women_and_men_make_up_40_to_60_percent) {
  const std::vector<BalanceCase> cases{
      {2, 3, 0, true}, {3, 2, 0, true}, {1, 1, 0, true}, {3, 1, 0, false},
      {1, 4, 0, false}, {4, 4, 2, true},  // 40 % and 40 %, with two X
      {3, 3, 5, false}, {0, 0, 0, std::nullopt}};
  for (const BalanceCase& test : cases) {
    PositionFigures figures;
    figures.people = test.women + test.men + test.other;
    figures.women = test.women;
    figures.men = test.men;
    EXPECT_EQ(figures.balanced(), test.balanced) << test.women << " women, " << test.men << " men, " << test.other
                                                 << " other";
  }
}

TEST(KeyFigures, a_unit_restricts_every_figure_to_its_subtree) {
  const auto figures = compute(
      {person("IN", Gender::kWoman, 1970), person("OUT", Gender::kMan, 1990), person("MOVER")},
      {{"IN", "2020-01-01", "", kPermanent, Route::kExternal, Route::kUnknown, "U2"},
       {"OUT", "2020-01-01", "", kPermanent, Route::kExternal, Route::kUnknown, "U3"},
       {"MOVER", "2019-01-01", "2025-03-31", kPermanent, Route::kExternal, Route::kWithinAdministration, "U1"},
       {"MOVER", "2025-04-01", "", kPermanent, Route::kWithinAdministration, Route::kUnknown, "U3"}},
      query("2025-12-31", nullptr, "DEP1"));
  EXPECT_EQ(figures.unit_code, "DEP1");
  EXPECT_EQ(figures.headcount[0].all.total(), 1);
  EXPECT_EQ(figures.headcount[1].all.total(), 2);  // MOVER was in U1 a year earlier
  EXPECT_DOUBLE_EQ(figures.age.mean.value(), 55.0);
  EXPECT_DOUBLE_EQ(figures.turnover.average_permanent, (3 * 2 + 9 * 1) / 12.0);
  EXPECT_EQ(figures.turnover.including_other_administrations.departures, 0);
}

TEST(KeyFigures, input_in_any_order_gives_the_same_figures) {
  std::vector<Person> people{person("B", Gender::kMan, 1970), person("A"), person("C", Gender::kOther, 1990)};
  std::vector<Job> jobs{{"C", "2025-02-01", "", kTemporary},
                        {"A", "2024-01-01", "", kPermanent, Route::kWithinAdministration},
                        {"B", "2010-01-01", "2025-05-31", kPermanent, Route::kExternal, Route::kExternal},
                        {"A", "2023-01-01", "2023-12-31", kTemporary, Route::kExternal, Route::kWithinAdministration}};
  const auto unsorted = compute(people, jobs, query("2025-12-31"));
  std::ranges::sort(people, {}, &Person::employee_id);
  std::ranges::sort(jobs, [](const Job& a, const Job& b) {
    return std::pair(a.id, std::string(a.start)) < std::pair(b.id, std::string(b.start));
  });
  const auto sorted = compute(people, jobs, query("2025-12-31"));
  for (std::size_t k = 0; k < kKeyFigureYears; ++k) {
    EXPECT_EQ(unsorted.headcount[k].all, sorted.headcount[k].all);
    EXPECT_EQ(unsorted.headcount[k].permanent, sorted.headcount[k].permanent);
  }
  EXPECT_DOUBLE_EQ(unsorted.turnover.average_permanent, sorted.turnover.average_permanent);
  EXPECT_EQ(unsorted.turnover.external.departures, 1);
  EXPECT_EQ(unsorted.tenure.mean, sorted.tenure.mean);
}

TEST(KeyFigures, employments_of_unknown_people_are_skipped_and_counted) {
  const auto figures =
      compute({person("B")}, {{"A", "2020-01-01"}, {"B", "2020-01-01"}, {"Z", "2020-01-01"}}, query("2025-12-31"));
  EXPECT_EQ(figures.headcount[0].all.total(), 1);
  EXPECT_EQ(figures.unmatched_employments, 2u);
}

TEST(KeyFigures, refuses_a_period_that_ends_before_it_starts_an_unknown_unit_and_an_odd_retirement_age) {
  const std::vector<Person> people{person("A")};
  const std::vector<Employment> none;
  EXPECT_EQ(compute_key_figures(people, none, kUnits, query("2025-01-01", "2025-01-02")).error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(compute_key_figures(people, none, kUnits, query("2025-01-01", nullptr, "NOPE")).error().kind,
            ErrorKind::kNotFound);
  KeyFigureQuery odd = query("2025-01-01");
  odd.retirement_age = 12;
  EXPECT_EQ(compute_key_figures(people, none, kUnits, odd).error().kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(compute_key_figures(people, none, kUnits, query("2025-01-01", "2025-01-01")).has_value());
}

TEST(KeyFigures, shifting_by_years_turns_29_february_into_28_february) {
  EXPECT_EQ(shift_years(d("2024-02-29"), -1), d("2023-02-28"));
  EXPECT_EQ(shift_years(d("2024-02-29"), -4), d("2020-02-29"));
  EXPECT_EQ(shift_years(d("2025-12-31"), -2), d("2023-12-31"));
}

// ---------------------------------------------------------------------------------------------
// The demo's history

struct DemoWithHistory {
  demo::DemoOrganisation organisation;
  std::vector<Employment> employments;
};

const DemoWithHistory& demo() {
  static const DemoWithHistory built = [] {
    DemoWithHistory result{demo::build_demo_organisation(1), {}};
    result.employments = demo::add_employment_history(result.organisation, 1);
    return result;
  }();
  return built;
}

TEST(DemoHistory, gives_seed_000s_key_figures_at_the_end_of_2025) {
  auto figures = compute_key_figures(demo().organisation.people, demo().employments, demo().organisation.units,
                                     query("2025-12-31"));
  ASSERT_TRUE(figures.has_value());
  EXPECT_EQ(figures->headcount[0].all.total(), 1021);
  EXPECT_EQ(figures->headcount[0].permanent.total(), 893);
  EXPECT_EQ(figures->headcount[0].temporary.total(), 128);
  EXPECT_EQ(figures->headcount[1].permanent.total(), 869);
  EXPECT_EQ(figures->headcount[1].temporary.total(), 159);
  EXPECT_EQ(figures->headcount[2].permanent.total(), 840);
  EXPECT_EQ(figures->headcount[2].temporary.total(), 215);
  EXPECT_NEAR(figures->headcount[0].all.share(Gender::kWoman).value(), 0.66, 0.03);
  EXPECT_EQ(figures->turnover.external.departures, 58);
  EXPECT_EQ(figures->turnover.external.recruitments, 27);
  EXPECT_NEAR(figures->turnover.external.rate.value(), 0.03, 0.003);
  EXPECT_GT(figures->turnover.including_other_administrations.rate.value(), figures->turnover.external.rate.value());
  EXPECT_NEAR(figures->age.mean.value(), 48, 2);
  EXPECT_GT(figures->tenure.mean.value(), 10);
  EXPECT_LT(figures->tenure.mean.value(), 20);
  EXPECT_EQ(figures->unmatched_employments, 0u);
  long long pensions = 0;
  for (const Employment& employment : demo().employments) {
    if (employment.departure_reason == "pension" && employment.end && employment.end->year() == std::chrono::year(2025)) {
      ++pensions;
    }
  }
  EXPECT_EQ(pensions, 6);
}

TEST(DemoHistory, is_the_same_for_the_same_seed) {
  demo::DemoOrganisation again = demo::build_demo_organisation(1);
  const std::vector<Employment> employments = demo::add_employment_history(again, 1);
  EXPECT_EQ(employments, demo().employments);
  EXPECT_EQ(again.people, demo().organisation.people);
}

TEST(DemoHistory, keeps_every_person_of_the_organisation_employed_in_their_unit_at_the_end) {
  const demo::DemoOrganisation original = demo::build_demo_organisation(1);
  std::unordered_map<std::string, std::string> current_unit;
  for (const Employment& employment : demo().employments) {
    if (employment.active_on(demo::kDemoHistoryEnd) &&
        (employment.type == kPermanent || employment.type == kTemporary)) {
      current_unit[employment.employee_id] = employment.unit_code;
    }
  }
  for (std::size_t i = 0; i < original.people.size(); ++i) {
    const Person& before = original.people[i];
    const Person& after = demo().organisation.people[i];
    EXPECT_EQ(after.employee_id, before.employee_id);
    EXPECT_EQ(after.unit_code, before.unit_code);
    EXPECT_EQ(after.role, before.role);
    EXPECT_EQ(current_unit[before.employee_id], before.unit_code) << before.employee_id;
  }
  EXPECT_EQ(current_unit.size(), original.people.size());
}

TEST(DemoHistory, is_valid_history_sorted_by_person_without_overlapping_permanent_employments) {
  std::unordered_set<std::string> people;
  for (const Person& person : demo().organisation.people) EXPECT_TRUE(people.insert(person.employee_id).second);
  std::unordered_set<std::string> units;
  for (const Unit& unit : demo().organisation.units) units.insert(unit.code);
  const Employment* previous_permanent = nullptr;
  for (std::size_t i = 0; i < demo().employments.size(); ++i) {
    const Employment& employment = demo().employments[i];
    EXPECT_TRUE(people.contains(employment.employee_id)) << employment.employee_id;
    EXPECT_TRUE(units.contains(employment.unit_code)) << employment.unit_code;
    EXPECT_FALSE(employment.position.empty());
    EXPECT_GE(employment.fte, 0.0);
    EXPECT_LE(employment.fte, 1.0);
    if (employment.end) {
      EXPECT_LE(employment.start, *employment.end) << employment.employee_id;
    }
    if (i > 0) {
      const Employment& before = demo().employments[i - 1];
      EXPECT_TRUE(std::pair(before.employee_id, before.start) <= std::pair(employment.employee_id, employment.start));
    }
    if (employment.type != kPermanent) continue;
    if (previous_permanent != nullptr && previous_permanent->employee_id == employment.employee_id) {
      ASSERT_TRUE(previous_permanent->end.has_value()) << employment.employee_id;
      EXPECT_LT(*previous_permanent->end, employment.start) << employment.employee_id;
    }
    previous_permanent = &employment;
  }
}

TEST(DemoHistory, scales_with_a_synthetic_organisation) {
  demo::DemoOrganisation organisation = demo::build_synthetic_organisation(20'000, 7);
  const std::vector<Employment> employments = demo::add_employment_history(organisation, 7);
  auto figures = compute_key_figures(organisation.people, employments, organisation.units, query("2025-12-31"));
  ASSERT_TRUE(figures.has_value());
  EXPECT_EQ(figures->headcount[0].all.total(), 20'000);
  EXPECT_NEAR(static_cast<double>(figures->headcount[0].temporary.total()), 20'000 * 128 / 1021.0, 2);
  EXPECT_NEAR(figures->turnover.external.rate.value(), 0.03, 0.005);
  EXPECT_EQ(figures->unmatched_employments, 0u);
}

}  // namespace
}  // namespace trappa::core
