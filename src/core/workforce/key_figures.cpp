#include "core/workforce/key_figures.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace trappa::core {

namespace {

constexpr int kOpenEnd = INT_MAX;  // the day number standing for "no end date"
constexpr double kDaysPerYear = 365.25;
constexpr int kOldestAge = 150;    // ages are clamped into 0..kOldestAge for the histogram
constexpr std::uint32_t kNoPosition = UINT32_MAX;

constexpr std::array<std::string_view, 5> kAgeBandLabels{"-29", "30-39", "40-49", "50-59", "60-"};

std::size_t age_band(int age) {
  if (age < 30) return 0;
  if (age < 60) return static_cast<std::size_t>(age / 10 - 2);
  return 4;
}

std::size_t gender_index(Gender gender) { return static_cast<std::size_t>(gender); }

int year_of(Date date) { return static_cast<int>(date.year()); }

// Last days of the months whose last day lies in [from, to], as day numbers, ascending.
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

// The units in scope: `root` and everything below it. Empty root: every unit (no lookups).
// Holds views into `units` and `root`, which must outlive it.
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
        if (scope.codes_.insert(child).second) pending.push_back(child);  // a cycle cannot loop
      }
    }
    return scope;
  }

  [[nodiscard]] bool contains(std::string_view code) const { return !restricted_ || codes_.contains(code); }

 private:
  bool restricted_ = false;
  std::unordered_set<std::string_view> codes_;
};

// Per position and date: the running sums behind PositionFigures.
struct PositionTally {
  std::array<PositionFigures, kKeyFigureYears> at_date;
};

double median_of_sorted_counts(const std::vector<long long>& histogram, long long count) {
  // The value at 0-based rank r in the sorted multiset described by `histogram`.
  auto value_at = [&](long long rank) {
    long long seen = 0;
    for (std::size_t value = 0; value < histogram.size(); ++value) {
      seen += histogram[value];
      if (seen > rank) return static_cast<double>(value);
    }
    return static_cast<double>(histogram.size() - 1);
  };
  if (count % 2 == 1) return value_at(count / 2);
  return (value_at(count / 2 - 1) + value_at(count / 2)) / 2.0;
}

}  // namespace

std::optional<double> GenderCounts::share(Gender gender) const {
  const long long count = total();
  if (count == 0) return std::nullopt;
  return static_cast<double>(of(gender)) / static_cast<double>(count);
}

std::optional<double> PositionFigures::share_women() const {
  if (people == 0) return std::nullopt;
  return static_cast<double>(women) / static_cast<double>(people);
}

std::optional<double> PositionFigures::share_men() const {
  if (people == 0) return std::nullopt;
  return static_cast<double>(men) / static_cast<double>(people);
}

std::optional<bool> PositionFigures::balanced() const {
  if (people == 0) return std::nullopt;
  // In integers, so 2 of 5 is exactly 40 %.
  auto inside = [&](long long count) { return 10 * count >= 4 * people && 10 * count <= 6 * people; };
  return inside(women) && inside(men);
}

Date shift_years(Date date, int years) {
  const Date shifted{date.year() + std::chrono::years(years), date.month(), date.day()};
  if (shifted.ok()) return shifted;
  return Date{shifted.year() / shifted.month() / std::chrono::last};
}

namespace {

// What every person is counted against.
struct Frame {
  std::array<int, kKeyFigureYears> dates{};  // day numbers: at, one year before, two years before
  int at_day = 0;
  int from_day = 0;
  int at_year = 0;
  int retirement_age = 0;
  std::vector<int> month_ends;  // of the turnover period, as day numbers
  const UnitScope* scope = nullptr;
};

// What the pass over the people adds up.
struct Tally {
  std::array<std::array<GenderCounts, 2>, kKeyFigureYears> counts{};  // [date][permanent, temporary]
  std::vector<long long> age_histogram = std::vector<long long>(kOldestAge + 1, 0);
  long long age_sum = 0;
  std::vector<int> tenure_days;
  long long tenure_sum = 0;
  std::unordered_map<std::string_view, std::uint32_t> position_index;
  std::vector<PositionTally> positions;
  // Difference array over month ends: +1 where a person's permanent coverage starts, −1 after it ends.
  std::vector<long long> month_delta;
  std::vector<std::pair<std::uint32_t, std::size_t>> person_positions;  // (position, date) seen for this person
};

// Recruitments and departures of a permanent employment within the period.
void count_routes(Turnover& turnover, const Employment& employment, int start, int end, const Frame& frame) {
  if (start >= frame.from_day && start <= frame.at_day) {
    switch (employment.recruitment_route) {
      case Route::kExternal: ++turnover.external.recruitments; [[fallthrough]];
      case Route::kOtherAdministration: ++turnover.including_other_administrations.recruitments; break;
      case Route::kUnknown: ++turnover.unknown_route_recruitments; break;
      case Route::kWithinAdministration: break;
    }
  }
  if (end >= frame.from_day && end <= frame.at_day) {
    switch (employment.departure_route) {
      case Route::kExternal: ++turnover.external.departures; [[fallthrough]];
      case Route::kOtherAdministration: ++turnover.including_other_administrations.departures; break;
      case Route::kUnknown: ++turnover.unknown_route_departures; break;
      case Route::kWithinAdministration: break;
    }
  }
}

// One person with their employments [begin, end) (by start date): headcounts, FTE, positions,
// month-end coverage, turnover, and for today's headcount age, tenure and retirement.
template <class EmploymentAt>
void count_person(const Person& person, std::size_t begin, std::size_t end, const EmploymentAt& employment_at,
                  const Frame& frame, Tally& tally, KeyFigures& figures) {
  const std::size_t gender = gender_index(person.gender);
  std::array<int, kKeyFigureYears> best{4, 4, 4};  // lowest EmploymentType active per date; 4: none
  int first_start = kOpenEnd;
  std::size_t covered_until = 0;  // month-end coverage already counted for this person
  tally.person_positions.clear();
  for (std::size_t e = begin; e < end; ++e) {
    const Employment& employment = employment_at(e);
    const int start = day_number(employment.start);
    const int last_day = employment.end ? day_number(*employment.end) : kOpenEnd;
    first_start = std::min(first_start, start);  // any type, any unit: the start in the data
    if (!frame.scope->contains(employment.unit_code)) continue;
    const auto type = static_cast<int>(employment.type);
    const bool counted_type =
        employment.type == EmploymentType::kPermanent || employment.type == EmploymentType::kTemporary;
    std::uint32_t position = kNoPosition;  // looked up once, on the first date the employment is active
    for (std::size_t k = 0; k < kKeyFigureYears; ++k) {
      if (start > frame.dates[k] || last_day < frame.dates[k]) continue;
      best[k] = std::min(best[k], type);
      if (k == 0) figures.fte.by_type[static_cast<std::size_t>(type)] += employment.fte;
      if (!counted_type) continue;
      if (position == kNoPosition) {
        auto [found, inserted] =
            tally.position_index.try_emplace(employment.position, static_cast<std::uint32_t>(tally.positions.size()));
        if (inserted) tally.positions.emplace_back();
        position = found->second;
      }
      PositionFigures& at_date = tally.positions[position].at_date[k];
      at_date.fte += employment.fte;
      const std::pair<std::uint32_t, std::size_t> key{position, k};
      if (std::ranges::find(tally.person_positions, key) == tally.person_positions.end()) {
        tally.person_positions.push_back(key);
        ++at_date.people;
        if (person.gender == Gender::kWoman) ++at_date.women;
        if (person.gender == Gender::kMan) ++at_date.men;
      }
    }
    if (employment.type != EmploymentType::kPermanent) continue;
    // Month-end coverage; employments come by start date, so coverage only moves forward.
    const auto& month_ends = frame.month_ends;
    const auto first_month = static_cast<std::size_t>(std::ranges::lower_bound(month_ends, start) - month_ends.begin());
    const auto past_month = static_cast<std::size_t>(std::ranges::upper_bound(month_ends, last_day) - month_ends.begin());
    const std::size_t begin_month = std::max(first_month, covered_until);
    if (begin_month < past_month) {
      ++tally.month_delta[begin_month];
      --tally.month_delta[past_month];
      covered_until = past_month;
    }
    count_routes(figures.turnover, employment, start, last_day, frame);
  }

  for (std::size_t k = 0; k < kKeyFigureYears; ++k) {
    if (best[k] > static_cast<int>(EmploymentType::kTemporary)) continue;
    ++tally.counts[k][static_cast<std::size_t>(best[k])].by_gender[gender];
  }
  if (best[0] > static_cast<int>(EmploymentType::kTemporary)) return;

  // The person is in today's headcount: age, tenure, retirement (age and retirement only when
  // the birth year is known; the rest are counted as unknown).
  if (person.birth_year_known()) {
    const int age = std::clamp(frame.at_year - person.birth_year, 0, kOldestAge);
    ++tally.age_histogram[static_cast<std::size_t>(age)];
    tally.age_sum += age;
    ++figures.age.bands[age_band(age)].people.by_gender[gender];
  } else {
    ++figures.age.unknown;
  }
  int tenure_start = first_start;
  if (person.city_start_date) {
    if (const auto city_start = parse_iso_date(*person.city_start_date)) {
      tenure_start = std::min(tenure_start, day_number(*city_start));
    }
  }
  tally.tenure_days.push_back(frame.at_day - tenure_start);
  tally.tenure_sum += frame.at_day - tenure_start;
  const int retires = person.birth_year + frame.retirement_age;
  if (person.birth_year_known() && retires > frame.at_year && retires <= frame.at_year + kRetirementYears) {
    ++figures.retirements[static_cast<std::size_t>(retires - frame.at_year - 1)].people;
  }
}

void finish_headcounts(KeyFigures& figures, const Tally& tally) {
  for (std::size_t k = 0; k < kKeyFigureYears; ++k) {
    Headcount& headcount = figures.headcount[k];
    headcount.permanent = tally.counts[k][0];
    headcount.temporary = tally.counts[k][1];
    for (std::size_t g = 0; g < 3; ++g) {
      headcount.all.by_gender[g] = headcount.permanent.by_gender[g] + headcount.temporary.by_gender[g];
    }
  }
}

// The mean permanent headcount over the month ends, then the rates.
void finish_turnover(KeyFigures& figures, const Frame& frame, const Tally& tally) {
  Turnover& turnover = figures.turnover;
  turnover.month_ends = frame.month_ends.size();
  if (frame.month_ends.empty()) {
    turnover.average_permanent = static_cast<double>(figures.headcount[0].permanent.total());
  } else {
    long long running = 0;
    long long sum = 0;
    for (std::size_t m = 0; m < frame.month_ends.size(); ++m) {
      running += tally.month_delta[m];
      sum += running;
    }
    turnover.average_permanent = static_cast<double>(sum) / static_cast<double>(frame.month_ends.size());
  }
  for (TurnoverCounts* rate : {&turnover.external, &turnover.including_other_administrations}) {
    if (turnover.average_permanent > 0) {
      rate->rate = static_cast<double>(std::min(rate->departures, rate->recruitments)) / turnover.average_permanent;
    }
  }
}

void finish_age_tenure_and_retirements(KeyFigures& figures, const Frame& frame, Tally& tally) {
  for (std::size_t band = 0; band < kAgeBandLabels.size(); ++band) figures.age.bands[band].label = kAgeBandLabels[band];
  const long long in_headcount = figures.headcount[0].all.total();
  const long long with_age = in_headcount - figures.age.unknown;
  if (with_age > 0) {
    figures.age.mean = static_cast<double>(tally.age_sum) / static_cast<double>(with_age);
    figures.age.median = median_of_sorted_counts(tally.age_histogram, with_age);
  }
  if (in_headcount > 0) {
    figures.tenure.mean = static_cast<double>(tally.tenure_sum) / static_cast<double>(in_headcount) / kDaysPerYear;
    std::vector<int>& tenure_days = tally.tenure_days;
    const std::size_t middle = tenure_days.size() / 2;
    std::ranges::nth_element(tenure_days, tenure_days.begin() + static_cast<std::ptrdiff_t>(middle));
    double median_days = tenure_days[middle];
    if (tenure_days.size() % 2 == 0) {
      const int lower = *std::max_element(tenure_days.begin(), tenure_days.begin() + static_cast<std::ptrdiff_t>(middle));
      median_days = (median_days + lower) / 2.0;
    }
    figures.tenure.median = median_days / kDaysPerYear;
  }
  for (int i = 0; i < kRetirementYears; ++i) figures.retirements[static_cast<std::size_t>(i)].year = frame.at_year + 1 + i;
}

// The largest positions by FTE at the date, ties by name.
void finish_positions(KeyFigures& figures, const Tally& tally) {
  std::vector<std::pair<std::string_view, std::uint32_t>> ranked;
  for (const auto& [name, index] : tally.position_index) {
    if (tally.positions[index].at_date[0].people > 0) ranked.emplace_back(name, index);
  }
  std::ranges::sort(ranked, [&](const auto& a, const auto& b) {
    const double fte_a = tally.positions[a.second].at_date[0].fte;
    const double fte_b = tally.positions[b.second].at_date[0].fte;
    if (fte_a != fte_b) return fte_a > fte_b;
    return a.first < b.first;
  });
  if (ranked.size() > kTopPositions) ranked.resize(kTopPositions);
  for (const auto& [name, index] : ranked) {
    PositionRow row;
    row.position = std::string(name);
    for (std::size_t k = 0; k < kKeyFigureYears; ++k) {
      PositionFigures at_date = tally.positions[index].at_date[k];
      at_date.at = figures.headcount[k].at;
      if (k == 0) {
        row.current = at_date;
      } else {
        row.previous_years[k - 1] = at_date;
      }
    }
    figures.positions.push_back(std::move(row));
  }
}

}  // namespace

Result<KeyFigures> compute_key_figures(std::span<const Person> people, std::span<const Employment> employments,
                                       std::span<const Unit> units, const KeyFigureQuery& query) {
  KeyFigures figures;
  figures.at = query.at;
  figures.from = query.from.value_or(
      Date(std::chrono::sys_days(shift_years(query.at, -1)) + std::chrono::days(1)));
  figures.unit_code = query.unit_code;
  figures.retirement_age = query.retirement_age;
  if (figures.from > figures.at) {
    return invalid("the period is empty",
                   {{"--from", fmt::format("{} is after {}", to_iso(figures.from), to_iso(figures.at))}});
  }
  if (query.retirement_age < 40 || query.retirement_age > 100) {
    return invalid("the retirement age is out of range",
                   {{"--retirement-age", fmt::format("{} is not between 40 and 100", query.retirement_age)}});
  }
  auto scope = UnitScope::build(units, query.unit_code);
  if (!scope) return std::unexpected(scope.error());

  Frame frame;
  for (std::size_t k = 0; k < kKeyFigureYears; ++k) {
    const Date date = shift_years(query.at, -static_cast<int>(k));
    frame.dates[k] = day_number(date);
    figures.headcount[k].at = date;
  }
  frame.at_day = frame.dates[0];
  frame.from_day = day_number(figures.from);
  frame.at_year = year_of(query.at);
  frame.retirement_age = query.retirement_age;
  frame.month_ends = month_ends_between(figures.from, query.at);
  frame.scope = &*scope;
  Tally tally;
  tally.month_delta.assign(frame.month_ends.size() + 1, 0);

  // Visit people and employments in employee-id order. Sorting is skipped when the input is
  // already in order, as the store returns it; otherwise one index sort each.
  const bool people_sorted = std::ranges::is_sorted(people, {}, &Person::employee_id);
  std::vector<std::uint32_t> person_order;
  if (!people_sorted) {
    person_order.resize(people.size());
    std::iota(person_order.begin(), person_order.end(), 0u);
    std::ranges::sort(person_order, {}, [&](std::uint32_t i) -> const std::string& { return people[i].employee_id; });
  }
  auto employment_before = [](const Employment& a, const Employment& b) {
    if (const int order = a.employee_id.compare(b.employee_id); order != 0) return order < 0;
    return a.start < b.start;
  };
  const bool employments_sorted = std::is_sorted(employments.begin(), employments.end(), employment_before);
  std::vector<std::uint32_t> employment_order;
  if (!employments_sorted) {
    employment_order.resize(employments.size());
    std::iota(employment_order.begin(), employment_order.end(), 0u);
    std::ranges::stable_sort(employment_order, [&](std::uint32_t a, std::uint32_t b) {
      return employment_before(employments[a], employments[b]);
    });
  }
  auto person_at = [&](std::size_t i) -> const Person& {
    return people_sorted ? people[i] : people[person_order[i]];
  };
  auto employment_at = [&](std::size_t i) -> const Employment& {
    return employments_sorted ? employments[i] : employments[employment_order[i]];
  };

  std::size_t next_employment = 0;
  for (std::size_t p = 0; p < people.size(); ++p) {
    const Person& person = person_at(p);
    while (next_employment < employments.size() &&
           employment_at(next_employment).employee_id < person.employee_id) {
      ++figures.unmatched_employments;
      ++next_employment;
    }
    const std::size_t group_begin = next_employment;
    while (next_employment < employments.size() &&
           employment_at(next_employment).employee_id == person.employee_id) {
      ++next_employment;
    }
    if (group_begin == next_employment) continue;
    count_person(person, group_begin, next_employment, employment_at, frame, tally, figures);
  }
  figures.unmatched_employments += employments.size() - next_employment;

  finish_headcounts(figures, tally);
  finish_turnover(figures, frame, tally);
  finish_age_tenure_and_retirements(figures, frame, tally);
  finish_positions(figures, tally);
  return figures;
}

}  // namespace trappa::core
