#include "core/forecast/forecast.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/forecast/forecast_competence.hpp"

namespace trappa::core {

namespace {

using forecast_detail::StockPerson;

constexpr int kOpenEnd = INT_MAX;
constexpr int kMonthsPerYear = 12;
// Birth years are kept in a small per-role histogram; the import's range with margin.
constexpr int kFirstBirthYear = kEarliestBirthYear - 20;
constexpr int kLastBirthYear = kLatestBirthYear + 20;
constexpr std::size_t kBirthYears = kLastBirthYear - kFirstBirthYear + 1;

int year_of(Date date) { return static_cast<int>(date.year()); }

Date shifted_years(Date date, int years) {
  const Date shifted{date.year() + std::chrono::years(years), date.month(), date.day()};
  if (shifted.ok()) return shifted;
  return Date{shifted.year() / shifted.month() / std::chrono::last};
}

// The last days of the months whose last day lies in [from, to], ascending, as day numbers.
std::vector<int> month_ends_between(Date from, Date to) {
  std::vector<int> ends;
  std::chrono::year_month month{from.year(), from.month()};
  const std::chrono::year_month last{to.year(), to.month()};
  for (; month <= last; month += std::chrono::months(1)) {
    const Date end{month / std::chrono::last};
    if (end >= from && end <= to) ends.push_back(day_number(end));
  }
  return ends;
}

// The unit codes of `root`'s subtree; empty root: every unit (no lookups). Views into `units`.
class UnitScope {
 public:
  static Result<UnitScope> build(std::span<const Unit> units, const std::string& root) {
    UnitScope scope;
    if (root.empty()) return scope;
    scope.restricted_ = true;
    std::unordered_map<std::string_view, std::vector<std::string_view>> children;
    bool found = false;
    for (const Unit& unit : units) {
      if (unit.code == root) found = true;
      if (!unit.parent_code.empty()) children[unit.parent_code].push_back(unit.code);
    }
    if (!found) return fail(ErrorKind::kNotFound, fmt::format("no unit with code '{}'", root));
    std::vector<std::string_view> pending{root};
    scope.codes_.insert(pending.front());
    while (!pending.empty()) {
      const std::string_view code = pending.back();
      pending.pop_back();
      const auto found_children = children.find(code);
      if (found_children == children.end()) continue;
      for (std::string_view child : found_children->second) {
        if (scope.codes_.insert(child).second) pending.push_back(child);
      }
    }
    return scope;
  }

  [[nodiscard]] bool contains(std::string_view code) const { return !restricted_ || codes_.contains(code); }

 private:
  bool restricted_ = false;
  std::unordered_set<std::string_view> codes_;
};

// What the history gives per role, while the people are visited.
struct RoleTally {
  std::string_view name;
  long long stock = 0;
  long long leavers = 0;
  long long covered_months = 0;  // Σ over month ends of the role's headcount `all`
  std::vector<long long> birth_years = std::vector<long long>(kBirthYears, 0);  // stock by birth year
};

std::size_t birth_year_slot(int birth_year) {
  return static_cast<std::size_t>(std::clamp(birth_year, kFirstBirthYear, kLastBirthYear) - kFirstBirthYear);
}

std::vector<Problem> check_query(const ForecastQuery& query) {
  std::vector<Problem> problems;
  if (query.years < 1 || query.years > kForecastMaxYears) {
    problems.push_back({"--years", fmt::format("{} is not between 1 and {}", query.years, kForecastMaxYears)});
  }
  if (query.history_years < 1 || query.history_years > kForecastMaxHistoryYears) {
    problems.push_back({"--history-years",
                        fmt::format("{} is not between 1 and {}", query.history_years, kForecastMaxHistoryYears)});
  }
  if (query.retirement_age && (*query.retirement_age < 40 || *query.retirement_age > 100)) {
    problems.push_back({"--retirement-age", fmt::format("{} is not between 40 and 100", *query.retirement_age)});
  }
  return problems;
}

void check_scenario_roles(const ForecastScenario& scenario, const std::unordered_map<std::string_view, std::uint32_t>& roles,
                          int years, std::vector<Problem>& problems) {
  if (scenario.retirement_age && (*scenario.retirement_age < 40 || *scenario.retirement_age > 100)) {
    problems.push_back({"$.retirement_age", fmt::format("{} is not between 40 and 100", *scenario.retirement_age)});
  }
  for (const auto& [role, demand] : scenario.demand) {
    if (!roles.contains(role)) {
      problems.push_back({"$.demand." + role, "unknown role"});
    } else if (!demand.growth && demand.headcount.size() != static_cast<std::size_t>(years)) {
      problems.push_back({"$.demand." + role + ".headcount",
                          fmt::format("{} numbers expected (one per forecast year), {} given", years, demand.headcount.size())});
    }
  }
  for (const auto& [role, rate] : scenario.leaving_rate) {
    if (!roles.contains(role)) {
      problems.push_back({"$.leaving_rate." + role, "unknown role"});
    } else if (!(rate >= 0 && rate <= 1)) {
      problems.push_back({"$.leaving_rate." + role, "a rate between 0 and 1 expected"});
    }
  }
}

// The hazard h(60..69) from the history, or the fixed rule.
void set_retirement_rule(Forecast& forecast, const std::array<long long, kHazardAges>& pension_departures,
                         const std::array<long long, kHazardAges>& covered_months_at_age,
                         std::optional<int> forced_age) {
  long long months = 0;
  for (int age = kHazardFirstAge; age <= kHazardLastAge; ++age) {
    months += covered_months_at_age[static_cast<std::size_t>(age - kHazardFirstAge)];
    forecast.pension_departures += pension_departures[static_cast<std::size_t>(age - kHazardFirstAge)];
  }
  forecast.hazard_person_years = static_cast<double>(months) / kMonthsPerYear;
  if (forced_age || forecast.hazard_person_years < kMinimumHazardPersonYears) {
    forecast.rule = RetirementRule::kFixed;
    forecast.fixed_age = forced_age.value_or(kDefaultFixedRetirementAge);
    for (std::size_t a = 0; a < kHazardAges; ++a) {
      forecast.hazard[a] = kHazardFirstAge + static_cast<int>(a) >= forecast.fixed_age ? 1.0 : 0.0;
    }
    return;
  }
  forecast.rule = RetirementRule::kHazard;
  for (std::size_t a = 0; a + 1 < kHazardAges; ++a) {
    const double person_years = static_cast<double>(covered_months_at_age[a]) / kMonthsPerYear;
    forecast.hazard[a] =
        person_years > 0 ? std::min(1.0, static_cast<double>(pension_departures[a]) / person_years) : 0.0;
  }
  forecast.hazard[kHazardAges - 1] = 1.0;  // h(69) = 1
}

// h(a) for any age, as the rule says.
double hazard_at(const Forecast& forecast, int age) {
  if (forecast.rule == RetirementRule::kFixed) return age >= forecast.fixed_age ? 1.0 : 0.0;
  if (age < kHazardFirstAge) return 0.0;
  if (age >= kLastWorkingAge) return 1.0;
  return forecast.hazard[static_cast<std::size_t>(age - kHazardFirstAge)];
}

void add_naive_counts(ForecastYear& year, long long people, int age) {
  if (age == 65) year.turning_65 += people;
  if (age == 67) year.turning_67 += people;
  if (age == 69) year.turning_69 += people;
}

// The flows of one role, t = 1..N (docs/forecast.md, "Flows").
std::vector<ForecastYear> role_flows(const Forecast& forecast, const RoleTally& tally, double rate,
                                     const DemandScenario* demand, RecruitPolicy recruit, int first_year) {
  std::vector<ForecastYear> years(static_cast<std::size_t>(forecast.years));
  std::vector<double> alive(kBirthYears, 1.0);  // alive_i(t − 1), the same for one birth year
  const auto h0 = static_cast<double>(tally.stock);
  double previous = h0;  // N(t − 1)
  for (int t = 1; t <= forecast.years; ++t) {
    ForecastYear& year = years[static_cast<std::size_t>(t - 1)];
    year.year = first_year + t - 1;
    year.start = previous;
    const double still_here = std::pow(1.0 - rate, t - 1);
    double retirements = 0;
    for (std::size_t slot = 0; slot < kBirthYears; ++slot) {
      const long long people = tally.birth_years[slot];
      if (people == 0) continue;
      const int age = year.year - (kFirstBirthYear + static_cast<int>(slot));
      const double h = hazard_at(forecast, age);
      retirements += static_cast<double>(people) * still_here * alive[slot] * h;
      alive[slot] *= 1.0 - h;
      add_naive_counts(year, people, age);
    }
    year.retirements = retirements;
    year.leavers = rate * (previous - retirements);
    if (demand != nullptr && demand->growth) {
      year.demand = h0 * std::pow(1.0 + *demand->growth, t);
    } else if (demand != nullptr) {
      year.demand = demand->headcount[static_cast<std::size_t>(t - 1)];
    } else {
      year.demand = h0;
    }
    const double stayers = previous - year.retirements - year.leavers;
    year.recruitment_need = recruit == RecruitPolicy::kNone ? 0.0 : std::max(0.0, year.demand - stayers);
    year.end = stayers + year.recruitment_need;
    previous = year.end;
  }
  return years;
}

}  // namespace

std::string_view to_code(RetirementRule rule) { return rule == RetirementRule::kHazard ? "hazard" : "fixed"; }
std::string_view to_code(RateSource source) { return source == RateSource::kRole ? "role" : "unit"; }

Result<Forecast> compute_forecast(std::span<const Person> people, std::span<const Employment> employments,
                                  std::span<const Unit> units, const ForecastQuery& query,
                                  const ForecastScenario& scenario, const ForecastRounds& rounds) {
  if (auto problems = check_query(query); !problems.empty()) return invalid("bad forecast options", std::move(problems));
  auto scope = UnitScope::build(units, query.unit_code);
  if (!scope) return std::unexpected(scope.error());

  Forecast forecast;
  forecast.at = query.at;
  forecast.years = query.years;
  forecast.unit_code = query.unit_code;
  forecast.history_to = query.at;
  forecast.history_from = Date(std::chrono::sys_days(shifted_years(query.at, -query.history_years)) + std::chrono::days(1));
  const int at_day = day_number(query.at);
  const int from_day = day_number(forecast.history_from);  // the period is [from_day, at_day]
  const std::vector<int> month_ends = month_ends_between(forecast.history_from, query.at);
  std::vector<int> month_end_years;
  for (int day : month_ends) month_end_years.push_back(year_of(from_day_number(day)));

  // Visit people and employments in employee-id order; the store's order skips the sorts.
  const bool people_sorted = std::ranges::is_sorted(people, {}, &Person::employee_id);
  std::vector<std::uint32_t> person_order;
  if (!people_sorted) {
    person_order.resize(people.size());
    std::iota(person_order.begin(), person_order.end(), 0u);
    std::ranges::sort(person_order, {}, [&](std::uint32_t i) -> const std::string& { return people[i].employee_id; });
  }
  const bool employments_sorted = std::ranges::is_sorted(employments, {}, &Employment::employee_id);
  std::vector<std::uint32_t> employment_order;
  if (!employments_sorted) {
    employment_order.resize(employments.size());
    std::iota(employment_order.begin(), employment_order.end(), 0u);
    std::ranges::stable_sort(employment_order, {},
                             [&](std::uint32_t i) -> const std::string& { return employments[i].employee_id; });
  }
  auto person_index = [&](std::size_t i) -> std::uint32_t {
    return people_sorted ? static_cast<std::uint32_t>(i) : person_order[i];
  };
  auto employment_at = [&](std::size_t i) -> const Employment& {
    return employments_sorted ? employments[i] : employments[employment_order[i]];
  };

  std::unordered_map<std::string_view, std::uint32_t> role_index;
  std::vector<RoleTally> tallies;
  std::vector<StockPerson> stock;
  std::array<long long, kHazardAges> pension_departures{};
  std::array<long long, kHazardAges> covered_months_at_age{};
  std::vector<char> covered(month_ends.size());

  std::size_t next = 0;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const std::uint32_t p = person_index(i);
    const Person& person = people[p];
    while (next < employments.size() && employment_at(next).employee_id < person.employee_id) {
      ++forecast.unmatched_employments;
      ++next;
    }
    const std::size_t begin = next;
    while (next < employments.size() && employment_at(next).employee_id == person.employee_id) ++next;
    if (begin == next) continue;

    std::ranges::fill(covered, 0);
    bool counted = false;  // any in-scope permanent or temporary employment in the history or on D
    int permanent_start = INT_MIN;  // the latest start of an active permanent employment on D
    int temporary_start = INT_MIN;
    long long leavers = 0;
    for (std::size_t e = begin; e < next; ++e) {
      const Employment& employment = employment_at(e);
      if (employment.type != EmploymentType::kPermanent && employment.type != EmploymentType::kTemporary) continue;
      if (!scope->contains(employment.unit_code)) continue;
      const int start = day_number(employment.start);
      const int end = employment.end ? day_number(*employment.end) : kOpenEnd;
      if (start <= at_day && at_day <= end) {
        int& latest = employment.type == EmploymentType::kPermanent ? permanent_start : temporary_start;
        latest = std::max(latest, start);
        counted = true;
      }
      const auto first = std::ranges::lower_bound(month_ends, start);
      const auto last = std::ranges::upper_bound(month_ends, end);
      for (auto it = first; it < last; ++it) covered[static_cast<std::size_t>(it - month_ends.begin())] = 1;
      if (first < last) counted = true;
      if (end < from_day || end > at_day) continue;  // did not end in the period
      if (employment.departure_reason == kPensionReason && person.birth_year_known()) {
        const int age = year_of(*employment.end) - person.birth_year;
        if (age >= kHazardFirstAge && age <= kHazardLastAge) {
          ++pension_departures[static_cast<std::size_t>(age - kHazardFirstAge)];
        }
      } else if (employment.departure_route == Route::kOtherAdministration ||
                 employment.departure_route == Route::kExternal) {
        ++leavers;
        counted = true;
      }
    }
    if (!counted) continue;

    auto [found, inserted] = role_index.try_emplace(person.role, static_cast<std::uint32_t>(tallies.size()));
    if (inserted) tallies.push_back(RoleTally{.name = person.role});
    RoleTally& tally = tallies[found->second];
    tally.leavers += leavers;
    for (std::size_t m = 0; m < month_ends.size(); ++m) {
      if (covered[m] == 0) continue;
      ++tally.covered_months;
      const int age = month_end_years[m] - person.birth_year;
      if (age >= kHazardFirstAge && age <= kHazardLastAge) {
        ++covered_months_at_age[static_cast<std::size_t>(age - kHazardFirstAge)];
      }
    }
    if (permanent_start != INT_MIN || temporary_start != INT_MIN) {
      // The current employment: the permanent one (latest started), else the temporary one.
      const int current_start = permanent_start != INT_MIN ? permanent_start : temporary_start;
      ++tally.stock;
      // Without a birth year the person stays in the stock but no retirement is projected.
      if (person.birth_year_known()) ++tally.birth_years[birth_year_slot(person.birth_year)];
      stock.push_back({p, found->second, current_start >= from_day});
    }
  }
  forecast.unmatched_employments += employments.size() - next;

  // Roles of the starting stock, by name; the tallies of roles with no one on D are dropped.
  std::vector<std::uint32_t> role_order;
  for (std::uint32_t r = 0; r < tallies.size(); ++r) {
    if (tallies[r].stock > 0) role_order.push_back(r);
  }
  std::ranges::sort(role_order, {}, [&](std::uint32_t r) { return tallies[r].name; });
  std::vector<std::uint32_t> new_index(tallies.size(), UINT32_MAX);
  std::unordered_map<std::string_view, std::uint32_t> stock_roles;
  for (std::uint32_t k = 0; k < role_order.size(); ++k) {
    new_index[role_order[k]] = k;
    stock_roles.emplace(tallies[role_order[k]].name, k);
  }
  for (StockPerson& person : stock) person.role = new_index[person.role];

  std::vector<Problem> problems;
  check_scenario_roles(scenario, stock_roles, query.years, problems);
  forecast_detail::check_development_rates(scenario, rounds, problems);
  if (!problems.empty()) return invalid("the scenario does not fit the data", std::move(problems));

  set_retirement_rule(forecast, pension_departures, covered_months_at_age,
                      query.retirement_age ? query.retirement_age : scenario.retirement_age);

  // Leaving rates: r = leavers / (exposure × H), the unit's over everyone for small roles.
  const double month_count = static_cast<double>(month_ends.size());
  const auto history_years = static_cast<double>(query.history_years);
  long long unit_leavers = 0;
  long long unit_months = 0;
  for (const RoleTally& tally : tallies) {
    unit_leavers += tally.leavers;
    unit_months += tally.covered_months;
  }
  auto rate_of = [&](long long leavers, long long months) {
    const double exposure = month_count > 0 ? static_cast<double>(months) / month_count : 0.0;
    return exposure > 0 ? static_cast<double>(leavers) / (exposure * history_years) : 0.0;
  };
  forecast.leaving_rate_unit = rate_of(unit_leavers, unit_months);

  const int first_year = year_of(query.at) + 1;
  forecast.totals.resize(static_cast<std::size_t>(query.years));
  for (std::uint32_t r : role_order) {
    const RoleTally& tally = tallies[r];
    RoleForecast role;
    role.role = std::string(tally.name);
    role.start = tally.stock;
    role.leavers = tally.leavers;
    role.exposure = month_count > 0 ? static_cast<double>(tally.covered_months) / month_count : 0.0;
    if (role.exposure < kMinimumRoleExposure) {
      role.rate_source = RateSource::kUnit;
      role.measured_leaving_rate = std::min(1.0, forecast.leaving_rate_unit);
    } else {
      role.rate_source = RateSource::kRole;
      role.measured_leaving_rate = std::min(1.0, rate_of(tally.leavers, tally.covered_months));
    }
    role.leaving_rate = role.measured_leaving_rate;
    if (const auto set = scenario.leaving_rate.find(role.role); set != scenario.leaving_rate.end()) {
      role.leaving_rate = set->second;
      role.rate_from_scenario = true;
    }
    const auto demand = scenario.demand.find(role.role);
    role.years = role_flows(forecast, tally, role.leaving_rate,
                            demand == scenario.demand.end() ? nullptr : &demand->second, scenario.recruit, first_year);
    forecast.roles.push_back(std::move(role));
  }
  for (std::size_t t = 0; t < forecast.totals.size(); ++t) forecast.totals[t].year = first_year + static_cast<int>(t);

  forecast_detail::add_competence_forecast(forecast, stock, rounds, scenario);
  sum_over_roles(forecast);
  return forecast;
}

void sum_over_roles(Forecast& forecast) {
  for (std::size_t t = 0; t < forecast.totals.size(); ++t) {
    ForecastYear total;
    total.year = forecast.totals[t].year;
    for (const RoleForecast& role : forecast.roles) {
      const ForecastYear& year = role.years[t];
      total.start += year.start;
      total.retirements += year.retirements;
      total.leavers += year.leavers;
      total.demand += year.demand;
      total.recruitment_need += year.recruitment_need;
      total.end += year.end;
      total.turning_65 += year.turning_65;
      total.turning_67 += year.turning_67;
      total.turning_69 += year.turning_69;
    }
    forecast.totals[t] = total;
  }
  for (AreaForecast& area : forecast.areas) {
    for (std::size_t t = 0; t < area.shares.size(); ++t) {
      double weighted = 0;
      double weight = 0;
      for (const RoleForecast& role : forecast.roles) {
        for (const CompetencyForecast& competency : role.competencies) {
          if (competency.area != area.code || !competency.shares[t]) continue;
          weighted += *competency.shares[t] * role.years[t].end;
          weight += role.years[t].end;
        }
      }
      area.shares[t] = weight > 0 ? std::optional<double>(weighted / weight) : std::nullopt;
    }
  }
}

}  // namespace trappa::core
