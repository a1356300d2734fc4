#include "core/workforce/key_figure_disclosure.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace trappa::core {

namespace {

bool small(long long n, std::size_t k) { return n >= 1 && n < static_cast<long long>(k); }

}  // namespace

KeyFigureDisclosure KeyFigureDisclosure::decide(std::span<const Person> people, std::span<const Employment> employments,
                                                const UnitTree& tree, Date at, std::size_t min_group) {
  std::array<Date, kKeyFigureYears> dates{};
  for (std::size_t k = 0; k < kKeyFigureYears; ++k) dates[k] = shift_years(at, -static_cast<int>(k));
  std::unordered_map<std::string_view, std::size_t> person_of;
  person_of.reserve(people.size());
  for (std::size_t p = 0; p < people.size(); ++p) person_of.emplace(people[p].employee_id, p);
  // Per person and date: the employment they count with (permanent before temporary, then
  // the latest started).
  std::vector<std::array<const Employment*, kKeyFigureYears>> counted(people.size());
  for (const Employment& employment : employments) {
    if (employment.type != EmploymentType::kPermanent && employment.type != EmploymentType::kTemporary) continue;
    const auto person = person_of.find(employment.employee_id);
    if (person == person_of.end()) continue;
    for (std::size_t k = 0; k < kKeyFigureYears; ++k) {
      if (!employment.active_on(dates[k])) continue;
      const Employment*& best = counted[person->second][k];
      if (best == nullptr || employment.type < best->type ||
          (employment.type == best->type && employment.start > best->start)) {
        best = &employment;
      }
    }
  }
  // One record per person and date, in the unit of that date, counting in that date's measure.
  std::vector<std::uint32_t> units;
  std::vector<std::uint8_t> counts;
  for (const auto& dates_of_person : counted) {
    for (std::size_t k = 0; k < kKeyFigureYears; ++k) {
      if (dates_of_person[k] == nullptr) continue;
      const auto unit = tree.index_of(dates_of_person[k]->unit_code);
      if (!unit) continue;
      units.push_back(*unit);
      for (std::size_t m = 0; m < kKeyFigureYears; ++m) counts.push_back(m == k ? 1 : 0);
    }
  }
  DisclosurePopulation population;
  population.tree = &tree;
  population.measures = kKeyFigureYears;
  population.unit = units;
  population.counts = counts;
  KeyFigureDisclosure result;
  result.tree_ = &tree;
  result.decision_ = DisclosureControl::decide(population, min_group);
  return result;
}

bool KeyFigureDisclosure::published(std::string_view unit_code) const {
  if (tree_ == nullptr) return false;
  if (unit_code.empty()) return decision_.published(std::nullopt, std::nullopt, std::nullopt);
  const auto unit = tree_->index_of(unit_code);
  return unit && decision_.published(*unit, std::nullopt, std::nullopt);
}

void hide_small_cells(KeyFigures& figures, std::size_t k) {
  HiddenKeyFigureCells& hidden = figures.hidden;
  // Age pyramid: small cells, then per gender until the hidden cells are 0 or >= K people.
  auto& bands = figures.age.bands;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    for (std::size_t g = 0; g < 3; ++g) hidden.age[b][g] = small(bands[b].people.by_gender[g], k);
  }
  for (std::size_t g = 0; g < 3; ++g) {
    for (;;) {
      long long rest = figures.headcount[0].all.by_gender[g];
      std::optional<std::size_t> smallest;
      for (std::size_t b = 0; b < bands.size(); ++b) {
        if (hidden.age[b][g]) continue;
        const long long n = bands[b].people.by_gender[g];
        rest -= n;
        if (n > 0 && (!smallest || n < bands[*smallest].people.by_gender[g])) smallest = b;
      }
      if (!small(rest, k) || !smallest) break;
      hidden.age[*smallest][g] = true;
    }
  }
  for (std::size_t b = 0; b < bands.size(); ++b) {
    hidden.age_band[b] = std::ranges::any_of(hidden.age[b], [](bool h) { return h; });
  }
  for (std::size_t y = 0; y < figures.retirements.size(); ++y) hidden.retirements[y] = small(figures.retirements[y].people, k);
  // Positions, per date: small ones, then the smallest shown while the rest of the headcount
  // not in a shown position is 1..K-1 people.
  hidden.positions.assign(figures.positions.size(), {});
  for (std::size_t d = 0; d < kKeyFigureYears; ++d) {
    auto people_at = [&](std::size_t row) {
      const PositionRow& position = figures.positions[row];
      return d == 0 ? position.current.people : position.previous_years[d - 1].people;
    };
    for (std::size_t row = 0; row < figures.positions.size(); ++row) hidden.positions[row][d] = small(people_at(row), k);
    for (;;) {
      long long rest = figures.headcount[d].all.total();
      std::optional<std::size_t> smallest;
      for (std::size_t row = 0; row < figures.positions.size(); ++row) {
        if (hidden.positions[row][d]) continue;
        rest -= people_at(row);
        if (people_at(row) > 0 && (!smallest || people_at(row) < people_at(*smallest))) smallest = row;
      }
      if (!small(rest, k) || !smallest) break;
      hidden.positions[*smallest][d] = true;
    }
  }
  hidden.any = std::ranges::any_of(hidden.age_band, [](bool h) { return h; }) ||
               std::ranges::any_of(hidden.retirements, [](bool h) { return h; }) ||
               std::ranges::any_of(hidden.positions, [](const auto& row) {
                 return std::ranges::any_of(row, [](bool h) { return h; });
               });
}

}  // namespace trappa::core
