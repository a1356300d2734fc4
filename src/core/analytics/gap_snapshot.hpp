// The analytics engine's data: one round as an immutable columnar snapshot.
//
// People in the round (in the round's scope, with a profile in its framework revision) are
// ordered by their unit's pre-order index, so a unit subtree is one contiguous range of
// people. Levels are bytes in competency-major arrays (level[c * people + p], 0 = not
// rated); person attributes are parallel arrays. A snapshot never changes after build:
// readers share it through shared_ptr<const GapSnapshot> and a write publishes a new one.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/assessment/assessment_progress.hpp"
#include "core/framework/framework.hpp"
#include "core/org/org.hpp"
#include "core/assessment/round_facts.hpp"
#include "core/org/unit_tree.hpp"

namespace trappa::core {

// Which level a rating counts with: the agreed level when present, otherwise the self
// level (kAgreed); or the self level only (kSelf).
enum class LevelBasis : std::uint8_t { kAgreed, kSelf };

class GapSnapshot {
 public:
  GapSnapshot() = default;
  // Not copyable: competency pointers refer into the snapshot's own framework.
  GapSnapshot(const GapSnapshot&) = delete;
  GapSnapshot& operator=(const GapSnapshot&) = delete;

  // `facts` refer to people by their index in `people`. The tree must hold the people's units.
  [[nodiscard]] static std::shared_ptr<const GapSnapshot> build(const Round& round, const Framework& framework,
                                                               std::shared_ptr<const UnitTree> tree,
                                                               const std::vector<Person>& people,
                                                               const RoundFacts& facts);

  // This snapshot with one person's assessment replaced: `person` is an index into the people
  // vector the snapshot was built from, and `facts_of_person` holds that person's status,
  // ratings and motivations (facts about anyone else are ignored). Equal to a build from the
  // round's facts with the person's facts swapped, at the cost of copying the arrays instead
  // of re-sorting and re-filling them. Null when the person is not in the round.
  [[nodiscard]] std::shared_ptr<const GapSnapshot> with_person_replaced(std::uint32_t person,
                                                                        const RoundFacts& facts_of_person) const;

  [[nodiscard]] const Round& round() const { return round_; }
  [[nodiscard]] const Framework& framework() const { return framework_; }
  [[nodiscard]] const UnitTree& tree() const { return *tree_; }

  [[nodiscard]] std::size_t people() const { return unit_.size(); }
  [[nodiscard]] std::size_t competencies() const { return competency_area_.size(); }
  [[nodiscard]] std::size_t areas() const { return framework_.areas.size(); }
  [[nodiscard]] std::size_t roles() const { return role_names_.size(); }

  // Framework-order competency c: its code, name and area index.
  [[nodiscard]] const Competency& competency(std::size_t c) const { return *competency_[c]; }
  [[nodiscard]] std::uint8_t competency_area(std::size_t c) const { return competency_area_[c]; }
  [[nodiscard]] const std::string& role_name(std::size_t r) const { return role_names_[r]; }
  [[nodiscard]] std::optional<std::uint16_t> role_index(std::string_view role) const;
  // Expected level of role r for competency c; 0 when not applicable.
  [[nodiscard]] std::uint8_t expected(std::size_t r, std::size_t c) const { return expected_[r * competencies() + c]; }

  // Parallel person arrays (snapshot order).
  [[nodiscard]] std::span<const std::uint32_t> unit_index() const { return unit_; }
  [[nodiscard]] std::span<const std::uint16_t> role() const { return role_; }
  [[nodiscard]] std::span<const Gender> gender() const { return gender_; }
  [[nodiscard]] std::span<const AssessmentStatus> status() const { return status_; }
  // Where each person's assessment stands in the one status model (assessment_progress.hpp):
  // the stored status, and whether the person saved a self level or motivation answer.
  [[nodiscard]] std::span<const Progress> progress() const { return progress_; }
  // Whether person p has any level (self or agreed) of a competency their role assesses: the
  // person counts as assessed.
  [[nodiscard]] bool has_rating(std::size_t p) const;
  // Index of the person in the `people` vector the snapshot was built from.
  [[nodiscard]] std::span<const std::uint32_t> source_person() const { return source_; }
  // Levels of competency c for every person, on the given basis.
  [[nodiscard]] std::span<const std::uint8_t> levels(LevelBasis basis, std::size_t c) const;
  // Motivation (1..5, 0 = no answer) of area a for every person.
  [[nodiscard]] std::span<const std::uint8_t> motivation(std::size_t a) const;
  // People [first, last) whose unit lies in the subtree of tree unit `unit`.
  [[nodiscard]] std::pair<std::size_t, std::size_t> people_in_subtree(std::uint32_t unit) const;

  // Bytes held by the arrays (for reporting snapshot memory).
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  // Points competency_ and competency_area_ into framework_.
  void index_competencies();
  // Writes statuses, levels and motivations of `facts` into the arrays; position_of maps a
  // people index to the snapshot position, UINT32_MAX for people outside the round.
  template <class PositionOf>
  void fill_facts(const RoundFacts& facts, PositionOf position_of);
  // Sets progress_[p] from status_[p] and p's self levels and motivation answers.
  void update_progress(std::size_t p);

  Round round_;
  Framework framework_;
  std::shared_ptr<const UnitTree> tree_;
  std::vector<const Competency*> competency_;  // into framework_
  std::vector<std::uint8_t> competency_area_;
  std::vector<std::string> role_names_;
  std::vector<std::uint8_t> expected_;          // roles × competencies
  std::vector<std::uint32_t> unit_;
  std::vector<std::uint16_t> role_;
  std::vector<Gender> gender_;
  std::vector<AssessmentStatus> status_;
  std::vector<Progress> progress_;
  std::vector<std::uint32_t> source_;
  std::vector<std::uint8_t> agreed_basis_;      // competencies × people
  std::vector<std::uint8_t> self_basis_;        // competencies × people
  std::vector<std::uint8_t> motivation_;        // areas × people
};

}  // namespace trappa::core
