#include "demo/history.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "demo/random.hpp"

namespace trappa::demo {

namespace {

using Random = DemoRandom;

int day(int year, unsigned month, unsigned day_of_month) {
  return core::day_number(core::Date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day_of_month)});
}

int year_end(int year) { return day(year, 12, 31); }

constexpr int kYears = kDemoHistoryLastYear - kDemoHistoryFirstYear + 1;
constexpr int kDaysPerYear = 365;
constexpr std::string_view kManagerRole = "chef";

// What happens in one year of the history, for the 1 021 people of the demo (scaled for
// other sizes). Permanent headcount at the year ends follows from these flows: 893 now,
// 893 − 85 + 61 = 869 a year earlier, 869 − 82 + 53 = 840 two years earlier, 824 before.
struct YearPlan {
  int external_recruits;        // permanent, route 3 (including the early leavers recruited that year)
  int other_admin_recruits;     // permanent, route 2
  int conversions;              // temporary, then permanent from a date in the year (route 1)
  int moves;                    // permanent in one unit, then another (route 1 both ways)
  int external_departures;      // permanent, route 3, not for pension
  int pensions;                 // permanent, route 3, reason "pension"
  int other_admin_departures;   // permanent, route 2
  int summer_temporaries;       // short temporary contracts in June–August
};

constexpr std::array<YearPlan, kYears> kYearPlans{{
    {30, 3, 35, 6, 42, 6, 4, 25},  // 2023
    {33, 4, 45, 7, 46, 6, 1, 25},  // 2024
    {27, 2, 56, 8, 52, 6, 3, 25},  // 2025
}};

// Departures (external, not pension) of the year in the first index who had been recruited
// externally in the year in the second index: recruited and gone within the window.
constexpr std::array<std::array<int, kYears>, kYears> kEarlyLeavers{{
    {0, 0, 0},
    {5, 0, 0},
    {4, 5, 0},
}};

constexpr int kDemoPeople = 1021;
constexpr int kCurrentTemporaries = 128;
// Temporary headcount at the end of the year before the window and of each year but the last.
constexpr std::array<int, kYears> kTemporariesAtYearEnd{230, 215, 159};
constexpr int kCurrentHourly = 20;
constexpr int kFormerHourly = 12;
constexpr int kCurrentProgram = 6;
constexpr int kFormerProgram = 10;

struct AgeBand {
  int youngest;
  int oldest;
  std::uint32_t weight;  // per mille
};

// Age when leaving (not for pension), and age when starting a temporary contract.
constexpr std::array<AgeBand, 5> kLeaverAges{{{24, 29, 200}, {30, 39, 300}, {40, 49, 250}, {50, 59, 200}, {60, 64, 50}}};
constexpr std::array<AgeBand, 4> kTemporaryAges{{{19, 29, 500}, {30, 39, 250}, {40, 49, 120}, {50, 64, 130}}};

template <std::size_t N>
int draw_age(Random& random, const std::array<AgeBand, N>& bands) {
  std::uint32_t ticket = random.below(1000);
  for (const AgeBand& band : bands) {
    if (ticket < band.weight) return random.between(band.youngest, band.oldest);
    ticket -= band.weight;
  }
  return bands.back().oldest;
}

double permanent_fte(Random& random) {
  static constexpr std::array<double, 4> kPartTime{0.5, 0.75, 0.8, 0.9};
  return random.chance(850) ? 1.0 : kPartTime[random.below(4)];
}

double temporary_fte(Random& random) {
  static constexpr std::array<double, 3> kPartTime{0.25, 0.5, 0.75};
  return random.chance(700) ? 1.0 : kPartTime[random.below(3)];
}

std::string employee_id(std::size_t number, std::size_t width) {
  std::string id(width + 1, '0');
  id[0] = 'E';
  for (std::size_t i = width; i > 0 && number > 0; --i, number /= 10) {
    id[i] = static_cast<char>('0' + number % 10);
  }
  return id;
}

std::size_t digit_count(std::size_t number) {
  std::size_t digits = 1;
  while (number >= 10) {
    number /= 10;
    ++digits;
  }
  return digits;
}

std::string_view first_word(std::string_view name) { return name.substr(0, name.find(' ')); }
std::string_view last_word(std::string_view name) {
  const std::size_t space = name.rfind(' ');
  return space == std::string_view::npos ? name : name.substr(space + 1);
}

// A temporary worker whose contracts (up to one per year end) are planned before being written.
struct FormerTemporary {
  std::size_t person;  // index into organisation.people
  std::array<std::pair<int, int>, kYears> contracts{};
  int count = 0;
};

class HistoryBuilder {
 public:
  HistoryBuilder(DemoOrganisation& organisation, std::uint64_t seed)
      : organisation_(organisation),
        random_(seed ^ 0x415A0B5ULL),
        current_people_(organisation.people.size()),
        scale_(static_cast<double>(organisation.people.size()) / kDemoPeople) {}

  std::vector<core::Employment> build() {
    if (current_people_ == 0) return {};
    prepare_units();
    id_width_ = std::max(organisation_.people.front().employee_id.size() - 1,
                         digit_count(current_people_ + current_people_ * 9 / 10));
    employments_.reserve(current_people_ * 3 / 2 + current_people_ / 2);
    organisation_.people.reserve(current_people_ + current_people_ * 7 / 10);
    plan_current_people();
    write_current_people();
    add_permanent_leavers();
    add_temporaries();
    add_hourly_and_program();
    auto before = [](const core::Employment& a, const core::Employment& b) {
      if (const int order = a.employee_id.compare(b.employee_id); order != 0) return order < 0;
      return a.start < b.start;
    };
    if (!std::is_sorted(employments_.begin(), employments_.end(), before)) {
      std::stable_sort(employments_.begin(), employments_.end(), before);
    }
    return std::move(employments_);
  }

 private:
  enum class Story : std::uint8_t {
    kLongStanding,      // permanent since before the window
    kTemporary,         // on a temporary contract now
    kConverted,         // temporary, then permanent during the window
    kExternalRecruit,   // recruited from outside during the window
    kOtherAdminRecruit, // came from another administration during the window
    kMoved,             // long-standing, moved between units during the window
  };

  struct Plan {
    Story story = Story::kLongStanding;
    int year = 0;  // index of the window year of the event, when there is one
  };

  int scaled(int demo_count) const {
    return static_cast<int>(std::lround(static_cast<double>(demo_count) * scale_));
  }

  // Units by code, and each unit's administration (its ancestor of kind kAdministration, or
  // the root), for route-1 moves that stay inside the administration.
  void prepare_units() {
    std::unordered_map<std::string_view, std::size_t> index;
    index.reserve(organisation_.units.size());
    for (std::size_t i = 0; i < organisation_.units.size(); ++i) index.emplace(organisation_.units[i].code, i);
    administration_of_unit_.assign(organisation_.units.size(), 0);
    for (std::size_t i = 0; i < organisation_.units.size(); ++i) {  // parents come first (pre-order)
      const core::Unit& unit = organisation_.units[i];
      const auto parent = index.find(unit.parent_code);
      if (unit.kind == core::UnitKind::kAdministration || parent == index.end()) {
        administration_of_unit_[i] = i;
      } else {
        administration_of_unit_[i] = administration_of_unit_[parent->second];
      }
    }
    person_administration_.reserve(current_people_);
    for (std::size_t p = 0; p < current_people_; ++p) {
      const auto unit = index.find(organisation_.people[p].unit_code);
      person_administration_.push_back(unit == index.end() ? 0 : administration_of_unit_[unit->second]);
    }
  }

  // Decides each current person's story. Temporary and recent posts go to the youngest
  // (with some randomness), and always to people too young to have started before the window.
  void plan_current_people() {
    plans_.assign(current_people_, Plan{});
    std::vector<std::pair<int, std::uint32_t>> candidates;  // (key, person)
    candidates.reserve(current_people_);
    for (std::size_t p = 0; p < current_people_; ++p) {
      const core::Person& person = organisation_.people[p];
      if (person.role == kManagerRole) continue;
      const bool too_young = person.birth_year + 20 > kDemoHistoryFirstYear - 1;
      candidates.emplace_back(person.birth_year + random_.between(0, 30) + (too_young ? 1000 : 0),
                              static_cast<std::uint32_t>(p));
    }
    std::ranges::sort(candidates, std::greater<>{});
    std::size_t next = 0;
    auto assign = [&](Story story, int year, int count) {
      for (int i = 0; i < count && next < candidates.size(); ++i, ++next) {
        plans_[candidates[next].second] = Plan{story, year};
      }
    };
    assign(Story::kTemporary, kYears - 1, scaled(kCurrentTemporaries));
    for (int y = kYears - 1; y >= 0; --y) assign(Story::kConverted, y, scaled(kYearPlans[static_cast<std::size_t>(y)].conversions));
    for (int y = kYears - 1; y >= 0; --y) {
      int early = 0;
      for (int d = 0; d < kYears; ++d) early += kEarlyLeavers[static_cast<std::size_t>(d)][static_cast<std::size_t>(y)];
      const YearPlan& plan = kYearPlans[static_cast<std::size_t>(y)];
      assign(Story::kExternalRecruit, y, scaled(plan.external_recruits) - scaled(early));
      assign(Story::kOtherAdminRecruit, y, scaled(plan.other_admin_recruits));
    }
    // Moves: among the long-standing, anyone (managers too).
    for (int y = 0; y < kYears; ++y) {
      const int moves = scaled(kYearPlans[static_cast<std::size_t>(y)].moves);
      for (int i = 0, attempts = 0; i < moves && attempts < moves * 20; ++attempts) {
        const std::size_t p = random_.below(static_cast<std::uint32_t>(current_people_));
        if (plans_[p].story != Story::kLongStanding) continue;
        if (long_standing_earliest(organisation_.people[p]) > year_end(kDemoHistoryFirstYear - 3)) continue;
        plans_[p] = Plan{Story::kMoved, y};
        ++i;
      }
    }
  }

  // The earliest day a long-standing person can have started: at 20, and not before 1980.
  static int long_standing_earliest(const core::Person& person) {
    return day(std::max(person.birth_year + 20, 1980), 1, 1);
  }

  // A start before the window, spread so that tenure looks like a city administration's.
  int long_standing_start(const core::Person& person) {
    const int latest = year_end(kDemoHistoryFirstYear - 1);
    const int earliest = std::min(long_standing_earliest(person), latest);
    const double spread = std::pow(random_.unit(), 0.9);
    return latest - static_cast<int>(spread * (latest - earliest));
  }

  int day_in_year(int year_index, int first_month = 1, int last_month = 12) {
    const int year = kDemoHistoryFirstYear + year_index;
    return random_.between(day(year, static_cast<unsigned>(first_month), 2),
                           day(year, static_cast<unsigned>(last_month), 28));
  }

  core::Employment employment(const core::Person& person, core::EmploymentType type, int start, std::optional<int> end,
                        std::string_view unit_code, double fte, core::Route recruitment, core::Route departure = core::Route::kUnknown,
                        std::string_view reason = {}) {
    core::Employment employment;
    employment.employee_id = person.employee_id;
    employment.start = core::from_day_number(start);
    if (end) employment.end = core::from_day_number(*end);
    employment.type = type;
    employment.position = person.role;
    employment.fte = fte;
    employment.unit_code = std::string(unit_code);
    employment.recruitment_route = recruitment;
    employment.departure_route = departure;
    employment.departure_reason = std::string(reason);
    return employment;
  }

  // Another unit of the same administration, from a colleague listed near the person.
  std::string_view other_unit(std::size_t p) {
    const core::Person& person = organisation_.people[p];
    for (int attempt = 0; attempt < 20; ++attempt) {
      const auto window = static_cast<std::uint32_t>(std::min<std::size_t>(current_people_, 1000));
      const std::size_t low = p >= window / 2 ? p - window / 2 : 0;
      const std::size_t q = std::min(current_people_ - 1, low + random_.below(window));
      const core::Person& colleague = organisation_.people[q];
      if (colleague.unit_code != person.unit_code && person_administration_[q] == person_administration_[p]) {
        return colleague.unit_code;
      }
    }
    return person.unit_code;
  }

  void write_current_people() {
    const int window_start = day(kDemoHistoryFirstYear, 1, 1);
    for (std::size_t p = 0; p < current_people_; ++p) {
      core::Person& person = organisation_.people[p];
      const Plan plan = plans_[p];
      const int adult = day(person.birth_year + 18, 1, 1);
      switch (plan.story) {
        case Story::kLongStanding:
        case Story::kMoved: {
          const int start = long_standing_start(person);
          if (random_.chance(250) && start - 180 > adult) {  // a temporary contract before the permanent one
            const int temporary_start = std::max(adult, start - random_.between(180, 900));
            employments_.push_back(employment(person, core::EmploymentType::kTemporary, temporary_start, start - 1,
                                              person.unit_code, temporary_fte(random_), core::Route::kExternal,
                                              core::Route::kWithinAdministration, "tillsvidare"));
          }
          core::Route recruited = core::Route::kExternal;
          if (random_.chance(250)) {  // came from another administration long ago
            recruited = core::Route::kOtherAdministration;
            const int city_start = std::max(adult + 2 * kDaysPerYear, start - random_.between(1, 20) * kDaysPerYear);
            if (city_start < start) person.city_start_date = core::to_iso(core::from_day_number(city_start));
          }
          const double fte = permanent_fte(random_);
          if (plan.story == Story::kMoved) {
            const int moved = day_in_year(plan.year);
            employments_.push_back(employment(person, core::EmploymentType::kPermanent, start, moved - 1, other_unit(p), fte,
                                              recruited, core::Route::kWithinAdministration, "intern_rorlighet"));
            employments_.push_back(employment(person, core::EmploymentType::kPermanent, moved, std::nullopt,
                                              person.unit_code, fte, core::Route::kWithinAdministration));
          } else {
            employments_.push_back(
                employment(person, core::EmploymentType::kPermanent, start, std::nullopt, person.unit_code, fte, recruited));
          }
          break;
        }
        case Story::kTemporary: {
          int start = random_.chance(700) ? random_.between(day(2025, 1, 1), day(2025, 11, 30))
                                          : random_.between(day(2023, 9, 1), day(2024, 12, 31));
          start = std::max(start, adult);
          const int earliest_end = day(2026, 1, 31) + random_.between(0, 300);
          const int end = std::max(start + random_.between(180, 720), earliest_end);
          employments_.push_back(employment(person, core::EmploymentType::kTemporary, start, end, person.unit_code,
                                            temporary_fte(random_), random_.chance(920) ? core::Route::kExternal
                                                                                        : core::Route::kOtherAdministration));
          break;
        }
        case Story::kConverted: {
          const int converted = day_in_year(plan.year, 2, 12);
          const int temporary_start = std::min(std::max(converted - random_.between(90, 540), adult), converted - 30);
          employments_.push_back(employment(person, core::EmploymentType::kTemporary, temporary_start, converted - 1,
                                            person.unit_code, temporary_fte(random_), core::Route::kExternal,
                                            core::Route::kWithinAdministration, "tillsvidare"));
          employments_.push_back(employment(person, core::EmploymentType::kPermanent, converted, std::nullopt,
                                            person.unit_code, permanent_fte(random_), core::Route::kWithinAdministration));
          break;
        }
        case Story::kExternalRecruit:
        case Story::kOtherAdminRecruit: {
          const int start = std::max(day_in_year(plan.year), window_start);
          const bool other = plan.story == Story::kOtherAdminRecruit;
          if (other) {
            const int city_start = std::max(adult + 2 * kDaysPerYear, start - random_.between(2, 20) * kDaysPerYear);
            if (city_start < start) person.city_start_date = core::to_iso(core::from_day_number(city_start));
          }
          employments_.push_back(employment(person, core::EmploymentType::kPermanent, start, std::nullopt, person.unit_code,
                                            permanent_fte(random_),
                                            other ? core::Route::kOtherAdministration : core::Route::kExternal));
          break;
        }
      }
    }
  }

  // A new person who appears only in the history, modelled on a random current colleague
  // (unit, role, and names borrowed from two colleagues).
  core::Person& add_former_person(core::Gender gender, int birth_year, bool still_employed, bool allow_manager_role = false) {
    std::size_t model = 0;
    for (int attempt = 0; attempt < 20; ++attempt) {
      model = random_.below(static_cast<std::uint32_t>(current_people_));
      if (allow_manager_role || organisation_.people[model].role != kManagerRole) break;
    }
    std::size_t namesake = model;
    for (int attempt = 0; attempt < 20; ++attempt) {
      namesake = random_.below(static_cast<std::uint32_t>(current_people_));
      if (organisation_.people[namesake].gender == gender) break;
    }
    const std::size_t family = random_.below(static_cast<std::uint32_t>(current_people_));
    core::Person person;
    person.employee_id = employee_id(organisation_.people.size() + 1, id_width_);
    person.name = std::string(first_word(organisation_.people[namesake].name));
    person.name += ' ';
    person.name += last_word(organisation_.people[family].name);
    person.gender = gender;
    person.birth_year = std::clamp(birth_year, core::kEarliestBirthYear, core::kLatestBirthYear);
    const core::Person& colleague = organisation_.people[model];
    person.unit_code = colleague.unit_code;
    person.role = colleague.role;
    if (still_employed) person.manager_id = colleague.role == kManagerRole ? colleague.employee_id : colleague.manager_id;
    organisation_.people.push_back(std::move(person));
    return organisation_.people.back();
  }

  core::Gender draw_gender(std::uint32_t women_per_mille) {
    const std::uint32_t ticket = random_.below(1000);
    if (ticket < women_per_mille) return core::Gender::kWoman;
    if (ticket < women_per_mille + 6) return core::Gender::kOther;
    return core::Gender::kMan;
  }

  // Permanent employees who left during the window: pensions, external and route-2
  // departures, and the early leavers recruited during the window.
  void add_permanent_leavers() {
    for (int y = 0; y < kYears; ++y) {
      const YearPlan& plan = kYearPlans[static_cast<std::size_t>(y)];
      const int year = kDemoHistoryFirstYear + y;
      int early_total = 0;
      for (int r = 0; r < y; ++r) {
        const int early = scaled(kEarlyLeavers[static_cast<std::size_t>(y)][static_cast<std::size_t>(r)]);
        early_total += early;
        for (int i = 0; i < early; ++i) {
          const int age = draw_age(random_, kLeaverAges);
          core::Person& person = add_former_person(draw_gender(664), year - age, false);
          const int start = day_in_year(r);
          const int end = std::max(day_in_year(y), start + 60);
          employments_.push_back(employment(person, core::EmploymentType::kPermanent, start, end, person.unit_code,
                                            permanent_fte(random_), core::Route::kExternal, core::Route::kExternal,
                                            "egen_begaran"));
        }
      }
      auto leaver = [&](int age, core::Route route, std::string_view reason) {
        core::Person& person = add_former_person(draw_gender(664), year - age, false);
        const int latest = year_end(kDemoHistoryFirstYear - 1);
        const int earliest = std::min(day(std::max(person.birth_year + 20, 1980), 1, 1), latest);
        const int start = latest - static_cast<int>(std::pow(random_.unit(), 1.3) * (latest - earliest));
        employments_.push_back(employment(person, core::EmploymentType::kPermanent, start, day_in_year(y), person.unit_code,
                                          permanent_fte(random_), core::Route::kExternal, route, reason));
      };
      for (int i = 0; i < scaled(plan.pensions); ++i) leaver(random_.between(65, 67), core::Route::kExternal, "pension");
      for (int i = 0; i < scaled(plan.external_departures) - early_total; ++i) {
        leaver(draw_age(random_, kLeaverAges), core::Route::kExternal, random_.chance(800) ? "egen_begaran" : "annan_orsak");
      }
      for (int i = 0; i < scaled(plan.other_admin_departures); ++i) {
        leaver(draw_age(random_, kLeaverAges), core::Route::kOtherAdministration, "annan_forvaltning");
      }
    }
  }

  // Temporary staff whose contracts ended: enough at each year end to reach that year's
  // temporary headcount (some chaining a second contract), plus summer staff.
  void add_temporaries() {
    std::array<int, kYears> covered{};
    for (const core::Employment& employment : employments_) {
      if (employment.type != core::EmploymentType::kTemporary) continue;
      for (int k = 0; k < kYears; ++k) {
        const core::Date date = core::from_day_number(year_end(kDemoHistoryFirstYear - 1 + k));
        if (employment.active_on(date)) ++covered[static_cast<std::size_t>(k)];
      }
    }
    std::vector<FormerTemporary> temporaries;
    std::vector<std::size_t> chainable;  // indices into `temporaries` whose last contract covered the previous year end
    for (int k = 0; k < kYears; ++k) {
      const int date = year_end(kDemoHistoryFirstYear - 1 + k);
      int needed = scaled(kTemporariesAtYearEnd[static_cast<std::size_t>(k)]) - covered[static_cast<std::size_t>(k)];
      std::vector<std::size_t> next_chainable;
      for (std::size_t index : chainable) {
        if (needed <= 0 || !random_.chance(450)) continue;
        FormerTemporary& temporary = temporaries[index];
        const int start = temporary.contracts[static_cast<std::size_t>(temporary.count - 1)].second + 1;
        temporary.contracts[static_cast<std::size_t>(temporary.count++)] = {start, date + random_.between(30, 330)};
        next_chainable.push_back(index);
        --needed;
      }
      for (; needed > 0; --needed) {
        FormerTemporary temporary;
        temporary.person = organisation_.people.size();
        const int age = draw_age(random_, kTemporaryAges);
        add_former_person(draw_gender(680), kDemoHistoryFirstYear - 1 + k - age, false);
        temporary.contracts[0] = {date - random_.between(30, 360), date + random_.between(30, 330)};
        temporary.count = 1;
        next_chainable.push_back(temporaries.size());
        temporaries.push_back(temporary);
      }
      chainable = std::move(next_chainable);
    }
    for (const FormerTemporary& temporary : temporaries) {
      const core::Person& person = organisation_.people[temporary.person];
      const double fte = temporary_fte(random_);
      for (int c = 0; c < temporary.count; ++c) {
        const auto [start, end] = temporary.contracts[static_cast<std::size_t>(c)];
        const bool last = c + 1 == temporary.count;
        const core::Route leaving = !last ? core::Route::kWithinAdministration
                                    : (random_.chance(900) ? core::Route::kExternal : core::Route::kOtherAdministration);
        employments_.push_back(employment(person, core::EmploymentType::kTemporary, start, end, person.unit_code, fte,
                                          c == 0 ? core::Route::kExternal : core::Route::kWithinAdministration, leaving,
                                          !last ? "forlangning" : leaving == core::Route::kExternal ? "visstid_slut"
                                                                                              : "annan_forvaltning"));
      }
    }
    for (int y = 0; y < kYears; ++y) {
      const int year = kDemoHistoryFirstYear + y;
      for (int i = 0; i < scaled(kYearPlans[static_cast<std::size_t>(y)].summer_temporaries); ++i) {
        core::Person& person = add_former_person(draw_gender(620), year - random_.between(18, 26), false);
        const int start = day(year, 6, 1) + random_.between(0, 14);
        const int end = day(year, 8, 10) + random_.between(0, 21);
        employments_.push_back(employment(person, core::EmploymentType::kTemporary, start, end, person.unit_code,
                                          temporary_fte(random_), core::Route::kExternal, core::Route::kExternal, "visstid_slut"));
      }
    }
  }

  // Hourly workers and labour-market-programme participants, some still there.
  void add_hourly_and_program() {
    const int window_start = day(kDemoHistoryFirstYear, 1, 1);
    const int window_end = year_end(kDemoHistoryLastYear);
    for (int i = 0; i < scaled(kCurrentHourly) + scaled(kFormerHourly); ++i) {
      const bool current = i < scaled(kCurrentHourly);
      core::Person& person =
          add_former_person(draw_gender(650), kDemoHistoryLastYear - draw_age(random_, kTemporaryAges), current);
      const int start = random_.between(window_start, day(kDemoHistoryLastYear, 10, 1));
      std::optional<int> end;
      if (!current) end = std::min(start + random_.between(60, 500), window_end - 1);
      employments_.push_back(employment(person, core::EmploymentType::kHourly, start, end, person.unit_code, 0.0,
                                        core::Route::kExternal, end ? core::Route::kExternal : core::Route::kUnknown,
                                        end ? "avslutad" : ""));
    }
    for (int i = 0; i < scaled(kCurrentProgram) + scaled(kFormerProgram); ++i) {
      const bool current = i < scaled(kCurrentProgram);
      core::Person& person =
          add_former_person(draw_gender(550), kDemoHistoryLastYear - draw_age(random_, kTemporaryAges), current);
      person.role = "arbetsmarknadsanställd";
      const int start = current ? random_.between(day(kDemoHistoryLastYear, 1, 1), day(kDemoHistoryLastYear, 11, 30))
                                : random_.between(window_start, day(kDemoHistoryLastYear - 1, 12, 31));
      const int end = current ? std::max(start + random_.between(180, 365), window_end + 30)
                              : start + random_.between(180, 365);
      employments_.push_back(employment(person, core::EmploymentType::kProgram, start, end, person.unit_code,
                                        random_.chance(700) ? 1.0 : 0.75, core::Route::kExternal,
                                        current ? core::Route::kUnknown : core::Route::kExternal, current ? "" : "insats_slut"));
    }
  }

  DemoOrganisation& organisation_;
  Random random_;
  std::size_t current_people_;
  double scale_;
  std::size_t id_width_ = 6;
  std::vector<Plan> plans_;
  std::vector<std::size_t> administration_of_unit_;
  std::vector<std::size_t> person_administration_;
  std::vector<core::Employment> employments_;
};

}  // namespace

std::vector<core::Employment> add_employment_history(DemoOrganisation& organisation, std::uint64_t seed) {
  return HistoryBuilder(organisation, seed).build();
}

}  // namespace trappa::demo
