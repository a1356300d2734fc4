#include "core/workforce/key_figure_disclosure.hpp"

#include <algorithm>
#include <array>

#include "core/disclosure/disclosure_audit.hpp"
#include <unordered_map>
#include <vector>

namespace trappa::core {

namespace {

bool small(long long n, std::size_t k) { return n >= 1 && n < static_cast<long long>(k); }

// Whether the group's atoms (unit x 5 + band) are, for each unit they touch, all the unit's
// atoms with people.
bool whole_units(const DisclosureAuditInput& input, const DisclosedGroup& group) {
  std::vector<std::uint32_t> units;
  for (std::uint32_t atom : group.atoms) units.push_back(atom / 5);
  std::ranges::sort(units);
  units.erase(std::unique(units.begin(), units.end()), units.end());
  for (std::uint32_t unit : units) {
    for (std::uint32_t atom = unit * 5; atom < unit * 5 + 5; ++atom) {
      if (input.weights[group.measure][atom] != 0 && std::ranges::find(group.atoms, atom) == group.atoms.end()) return false;
    }
  }
  return true;
}

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

  // The age pyramid at the reference date: unit x age band x gender.
  std::vector<std::uint32_t> age_units;
  std::vector<std::uint16_t> bands;
  std::vector<Gender> genders;
  const int at_year = static_cast<int>(at.year());
  for (std::size_t p = 0; p < people.size(); ++p) {
    if (counted[p][0] == nullptr) continue;
    const auto unit = tree.index_of(counted[p][0]->unit_code);
    if (!unit || !people[p].birth_year_known()) continue;  // outside the age figures (AgeFigures::unknown)
    const int age = std::clamp(at_year - people[p].birth_year, 0, 150);
    age_units.push_back(*unit);
    bands.push_back(static_cast<std::uint16_t>(age < 30 ? 0 : age < 60 ? age / 10 - 2 : 4));
    genders.push_back(people[p].gender);
  }

  // A cell of 1..K-1 people is hidden. The headcount by gender of every shown set is shown
  // too, so the remaining age cells of all shown sets and their gender headcounts are searched
  // together, per gender (no shown figure mixes genders: a band's total is shown only with
  // all its cells), and the smallest cell without which a group found is no longer computable
  // is hidden, until none is left (core/disclosure_audit.hpp). A group that is some units'
  // whole own people of the gender is their headcount, which is shown by design.
  const std::size_t n = tree.size();
  result.age_hidden_.assign(n * 5 * 3, 0);
  result.age_people_.assign(n * 5 * 3, 0);
  std::vector<std::array<std::array<std::uint32_t, 3>, 5>> own(n);  // direct members per band, gender
  for (std::size_t i = 0; i < age_units.size(); ++i) ++own[age_units[i]][bands[i]][static_cast<std::size_t>(genders[i])];
  for (std::size_t g = 0; g < 3; ++g) {
    DisclosureAuditInput input;
    input.atoms = n * 5;
    input.min_group = min_group;
    input.weights.assign(1, std::vector<std::uint32_t>(input.atoms, 0));
    for (std::uint32_t u = 0; u < n; ++u) {
      for (std::size_t b = 0; b < 5; ++b) input.weights[0][u * 5 + b] = own[u][b][g];
    }
    struct Row {
      std::uint32_t unit;
      std::size_t band;  // 5: the gender's headcount
      std::uint32_t people;
    };
    for (;;) {
      std::vector<Row> rows;
      input.cells.clear();
      for (std::uint32_t u = 0; u < n; ++u) {
        if (!result.decision_.published(u, std::nullopt, std::nullopt)) continue;
        for (std::size_t b = 0; b <= 5; ++b) {
          std::vector<std::uint32_t> atoms;
          std::uint32_t people_in = 0;
          for (std::uint32_t v = u; v < tree.subtree_end(u); ++v) {
            for (std::size_t c = 0; c < 5; ++c) {
              if (b != 5 && c != b) continue;
              atoms.push_back(static_cast<std::uint32_t>(v * 5 + c));
              people_in += own[v][c][g];
            }
          }
          if (b < 5) {
            result.age_people_[(u * 5 + b) * 3 + g] = people_in;
            const bool shown = people_in == 0 || (people_in >= min_group && !result.age_hidden_[(u * 5 + b) * 3 + g]);
            if (!shown || people_in == 0) continue;
          }
          rows.push_back({u, b, people_in});
          input.cells.push_back(std::move(atoms));
        }
      }
      // A group that is some units' whole own people of the gender is their headcount, shown
      // by design; only a group that splits a unit's people by age tells about ages.
      auto leaks = find_disclosed_groups(input, 64);
      std::erase_if(leaks, [&](const DisclosedGroup& group) { return whole_units(input, group); });
      if (leaks.empty()) break;
      std::vector<std::size_t> order;
      for (std::size_t r = 0; r < rows.size(); ++r) {
        if (rows[r].band < 5) order.push_back(r);
      }
      if (order.empty()) break;  // only headcounts: nothing about ages is shown
      std::ranges::sort(order, [&](std::size_t a, std::size_t b) {
        return rows[a].people != rows[b].people ? rows[a].people < rows[b].people : a < b;
      });
      std::size_t chosen = order.front();
      for (std::size_t r : order) {
        DisclosureAuditInput without = input;
        without.cells.erase(without.cells.begin() + static_cast<std::ptrdiff_t>(r));
        if (!is_computable(without, leaks.front().measure, leaks.front().atoms)) {
          chosen = r;
          break;
        }
      }
      result.age_hidden_[(rows[chosen].unit * 5 + rows[chosen].band) * 3 + g] = 1;
    }
  }
  return result;
}

bool KeyFigureDisclosure::age_cell_published(std::string_view unit_code, std::size_t band, Gender gender) const {
  if (tree_ == nullptr || band >= 5) return false;
  if (unit_code.empty()) {  // the whole organisation: every root's cell shown
    for (std::uint32_t root : tree_->roots()) {
      if (!age_cell_published(tree_->unit(root).code, band, gender)) return false;
    }
    return true;
  }
  const auto unit = tree_->index_of(unit_code);
  if (!unit) return false;
  const std::size_t cell = (*unit * 5 + band) * 3 + static_cast<std::size_t>(gender);
  if (cell >= age_people_.size()) return false;
  return age_people_[cell] == 0 || (age_people_[cell] >= decision_.min_group() && !age_hidden_[cell]);
}

bool KeyFigureDisclosure::published(std::string_view unit_code) const {
  if (tree_ == nullptr) return false;
  if (unit_code.empty()) return decision_.published(std::nullopt, std::nullopt, std::nullopt);
  const auto unit = tree_->index_of(unit_code);
  return unit && decision_.published(*unit, std::nullopt, std::nullopt);
}

namespace {

void hide_small_cells(KeyFigures& figures, std::size_t k, const KeyFigureDisclosure* decision) {
  HiddenKeyFigureCells& hidden = figures.hidden;
  // Age pyramid: small cells (and those the tree's decision hides), then per gender until the
  // hidden cells are 0 or >= K people.
  auto& bands = figures.age.bands;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    for (std::size_t g = 0; g < 3; ++g) {
      hidden.age[b][g] = small(bands[b].people.by_gender[g], k) ||
                         (decision != nullptr && bands[b].people.by_gender[g] != 0 &&
                          !decision->age_cell_published(figures.unit_code, b, static_cast<Gender>(g)));
    }
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

}  // namespace

void hide_small_cells(KeyFigures& figures, std::size_t min_group) { hide_small_cells(figures, min_group, nullptr); }

void hide_small_cells(KeyFigures& figures, const KeyFigureDisclosure& decision) {
  hide_small_cells(figures, decision.min_group(), &decision);
}

}  // namespace trappa::core
