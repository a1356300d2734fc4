#include "core/analytics/gap_disclosure.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <thread>

namespace trappa::core {

namespace {

// Runs one decision over the snapshot's people with `measures` 0/1 counts per person,
// filled by `fill(person, row)`.
// People marked in `known` count in no measure.
// With `changed`, more measures (the last) count the changed people among those the decision
// is about, by the bases their change shows on: for the headline and an area once, for a
// competency class (`per_competency`: 1 + 3 measures per competency) per competency and for
// the class.
template <typename Fill>
DisclosureControl decide_once(const GapSnapshot& snapshot, std::size_t min_group, std::size_t own_measures,
                              std::span<const std::uint8_t> known, std::span<const std::uint8_t> changed,
                              std::span<const std::uint8_t> before, bool per_competency, Fill&& fill) {
  const std::size_t people = snapshot.people();
  // Subjects: groups of own measures (the competencies of a class, the whole headline or area);
  // the changed people are counted per subject.
  const std::size_t subjects = per_competency ? 1 + (own_measures - 1) / 3 : 1;
  auto subject_of = [&](std::size_t m) { return !per_competency || m == 0 ? 0 : 1 + (m - 1) / 3; };
  const std::size_t measures = own_measures + (changed.empty() ? 0 : 3 * subjects);
  std::vector<std::uint8_t> counts(people * measures, 0);
  for (std::size_t p = 0; p < people; ++p) {
    if (!known.empty() && known[p] != 0) continue;
    std::uint8_t* row = counts.data() + p * measures;
    fill(p, row);
    if (changed.empty() || changed[p] == 0) continue;
    // Changed on both bases, on the self basis only, on the agreed basis only: each kind
    // protected on its own, so self minus agreed over two publications is protected too.
    const bool self = (changed[p] & kChangedSelf) != 0, agreed = (changed[p] & kChangedAgreed) != 0;
    const std::size_t kind = self && agreed ? 0 : self ? 1 : 2;
    for (std::size_t m = 0; m < own_measures; ++m) {
      if (row[m] != 0) row[own_measures + 3 * subject_of(m) + kind] = 1;
    }
  }
  DisclosurePopulation population;
  population.tree = &snapshot.tree();
  population.roles = snapshot.roles();
  population.genders = true;
  population.measures = measures;
  population.unit = snapshot.unit_index();
  population.role = snapshot.role();
  population.gender = snapshot.gender();
  population.counts = counts;
  population.published_before = before;
  return DisclosureControl::decide(population, min_group);
}

// With cells published before (an earlier publication of an open round), two decisions: one
// with the changed people as a measure, and one without it that keeps the cells published
// before as seen (what is shown now must be safe together with them); a cell is shown when
// both show it. Without, one decision.
template <typename Fill>
DisclosureControl decide(const GapSnapshot& snapshot, std::size_t min_group, std::size_t own_measures,
                         std::span<const std::uint8_t> known, std::span<const std::uint8_t> changed,
                         std::span<const std::uint8_t> before, bool per_competency, Fill&& fill) {
  DisclosureControl decision = decide_once(snapshot, min_group, own_measures, known, changed, {}, per_competency, fill);
  if (!before.empty()) {
    decision.restrict_to(decide_once(snapshot, min_group, own_measures, known, {}, before, per_competency, fill));
  }
  return decision;
}

bool shown(const DisclosureControl& decision, const GapCell& cell, bool reader) {
  if (decision.published(cell.unit, cell.role, cell.gender)) return true;
  return reader && decision.empty(cell.unit, cell.role, cell.gender);
}

}  // namespace

std::shared_ptr<const GapDisclosure> GapDisclosure::build(const GapSnapshot& snapshot, std::size_t min_group,
                                                          std::span<const std::uint8_t> known,
                                                          std::span<const std::uint8_t> changed,
                                                          std::span<const std::vector<std::uint8_t>> published_before) {
  auto result = std::make_shared<GapDisclosure>();
  // Decision i's cells published before (0 headline, then classes, then areas).
  auto before = [&](std::size_t i) -> std::span<const std::uint8_t> {
    return i < published_before.size() ? std::span<const std::uint8_t>(published_before[i]) : std::span<const std::uint8_t>();
  };
  result->reader_ = !known.empty();
  const std::size_t people = snapshot.people();
  const std::size_t competencies = snapshot.competencies();
  const std::size_t areas = snapshot.areas();
  const auto roles = snapshot.role();

  // Per person and competency: rated on the agreed basis (agreed or self level), on the self
  // basis; and per area the same "rated at least once".
  std::vector<std::uint8_t> rated_agreed(people * competencies, 0), rated_self(people * competencies, 0);
  std::vector<std::uint8_t> area_agreed(people * areas, 0), area_self(people * areas, 0);
  std::vector<std::uint8_t> assessed_agreed(people, 0), assessed_self(people, 0);
  // Rated on either basis by someone whose conversation was held: the people whose agreed
  // levels can differ from their own (per competency, per area, at all).
  std::vector<std::uint8_t> rated_held(people * competencies, 0), area_held(people * areas, 0);
  std::vector<std::uint8_t> assessed_held(people, 0);
  const auto statuses = snapshot.status();
  for (std::size_t c = 0; c < competencies; ++c) {
    const auto agreed = snapshot.levels(LevelBasis::kAgreed, c);
    const auto self = snapshot.levels(LevelBasis::kSelf, c);
    const std::size_t a = snapshot.competency_area(c);
    for (std::size_t p = 0; p < people; ++p) {
      if (snapshot.expected(roles[p], c) == 0) continue;
      if (agreed[p] != 0) {
        rated_agreed[p * competencies + c] = 1;
        area_agreed[p * areas + a] = 1;
        assessed_agreed[p] = 1;
      }
      if (self[p] != 0) {
        rated_self[p * competencies + c] = 1;
        area_self[p * areas + a] = 1;
        assessed_self[p] = 1;
      }
      if ((agreed[p] != 0 || self[p] != 0) && statuses[p] >= AssessmentStatus::kConversationHeld) {
        rated_held[p * competencies + c] = 1;
        area_held[p * areas + a] = 1;
        assessed_held[p] = 1;
      }
    }
  }

  // The decisions are independent of each other: made on several threads.
  std::vector<std::function<void()>> work;
  work.emplace_back([&] {
    result->headline_ = decide(snapshot, min_group, 4, known, changed, before(0), false, [&](std::size_t p, std::uint8_t* row) {
      row[0] = assessed_agreed[p];
      row[1] = 1;
      row[2] = assessed_self[p];
      row[3] = assessed_held[p];
    });
  });

  // Competencies that apply to the same roles form one class.
  std::map<std::vector<bool>, std::vector<std::size_t>> classes;
  for (std::size_t c = 0; c < competencies; ++c) {
    std::vector<bool> applies(snapshot.roles());
    for (std::size_t r = 0; r < snapshot.roles(); ++r) applies[r] = snapshot.expected(r, c) != 0;
    classes[applies].push_back(c);
  }
  result->class_of_competency_.assign(competencies, 0);
  result->classes_.resize(classes.size());
  std::size_t index = 0;
  for (const auto& [applies_to, class_members] : classes) {
    for (std::size_t c : class_members) result->class_of_competency_[c] = index;
    work.emplace_back([&, index, &applies = applies_to, &members = class_members] {
      const std::size_t measures = 1 + 3 * members.size();
      result->classes_[index] = decide(snapshot, min_group, measures, known, changed, before(1 + index), true, [&](std::size_t p, std::uint8_t* row) {
        row[0] = applies[roles[p]] ? 1 : 0;
        for (std::size_t i = 0; i < members.size(); ++i) {
          row[1 + 3 * i] = rated_agreed[p * competencies + members[i]];
          row[2 + 3 * i] = rated_self[p * competencies + members[i]];
          row[3 + 3 * i] = rated_held[p * competencies + members[i]];
        }
      });
    });
    ++index;
  }

  result->competencies_of_area_.assign(areas, {});
  for (std::size_t c = 0; c < competencies; ++c) result->competencies_of_area_[snapshot.competency_area(c)].push_back(c);
  result->areas_.resize(areas);
  for (std::size_t a = 0; a < areas; ++a) {
    work.emplace_back([&, a] {
      const auto motivation = snapshot.motivation(a);
      result->areas_[a] = decide(snapshot, min_group, 4, known, changed, before(1 + classes.size() + a), false, [&](std::size_t p, std::uint8_t* row) {
        row[0] = area_agreed[p * areas + a];
        row[1] = area_self[p * areas + a];
        row[2] = motivation[p] != 0 ? 1 : 0;
        row[3] = area_held[p * areas + a];
      });
    });
  }

  const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < work.size(); i = next++) work[i]();
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < std::min(threads, work.size()); ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();
  return result;
}

bool GapDisclosure::headline(const GapCell& cell) const { return shown(headline_, cell, reader_); }

bool GapDisclosure::competency(std::size_t competency, const GapCell& cell) const {
  return competency < class_of_competency_.size() && shown(headline_, cell, reader_) &&
         shown(classes_[class_of_competency_[competency]], cell, reader_);
}

bool GapDisclosure::area(std::size_t area, const GapCell& cell) const {
  if (area >= areas_.size() || !shown(headline_, cell, reader_) || !shown(areas_[area], cell, reader_)) return false;
  // Each competency of the area that applies to someone in the cell (measure 0 of its class)
  // must be shown: otherwise the area minus the shown competencies gives the hidden ones.
  for (std::size_t c : competencies_of_area_[area]) {
    const DisclosureControl& decision = classes_[class_of_competency_[c]];
    if (decision.count(cell.unit, cell.role, cell.gender, 0) != 0 && !shown(decision, cell, reader_)) return false;
  }
  return true;
}

std::vector<std::uint8_t> GapDisclosure::known_to_manager(const GapSnapshot& snapshot, const std::vector<Person>& people,
                                                          std::string_view manager_id) {
  // Per person of `people`: 0 not yet known, 1 reaches the manager, 2 does not.
  std::map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < people.size(); ++i) index.emplace(people[i].employee_id, i);
  std::vector<std::uint8_t> reaches(people.size(), 0);
  std::vector<std::size_t> chain;
  for (std::size_t i = 0; i < people.size(); ++i) {
    chain.clear();
    std::size_t at = i;
    std::uint8_t answer = 2;
    for (;;) {
      if (reaches[at] != 0) {
        answer = reaches[at];
        break;
      }
      chain.push_back(at);
      if (people[at].employee_id == manager_id) {
        answer = 1;
        break;
      }
      const auto up = index.find(people[at].manager_id);
      if (people[at].manager_id.empty() || up == index.end() || chain.size() > people.size()) break;
      at = up->second;
      if (std::ranges::find(chain, at) != chain.end()) break;  // a cycle in the data: reaches nobody
    }
    for (std::size_t c : chain) reaches[c] = answer;
  }
  std::vector<std::uint8_t> known(snapshot.people(), 0);
  const auto source = snapshot.source_person();
  for (std::size_t p = 0; p < known.size(); ++p) known[p] = source[p] < reaches.size() && reaches[source[p]] == 1 ? 1 : 0;
  return known;
}

DisclosureControl::Summary GapDisclosure::summary() const {
  DisclosureControl::Summary total;
  auto add = [&](const DisclosureControl& decision) {
    const auto& s = decision.summary();
    total.cells += s.cells;
    total.nonempty += s.nonempty;
    total.shown += s.shown;
    total.primary += s.primary;
    total.secondary += s.secondary;
    total.passes = std::max(total.passes, s.passes);
  };
  add(headline_);
  for (const auto& decision : classes_) add(decision);
  for (const auto& decision : areas_) add(decision);
  return total;
}

}  // namespace trappa::core
