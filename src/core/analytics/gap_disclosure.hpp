// Which gap figures of a round may be shown to readers without access to individuals, decided
// once per snapshot with core/disclosure_control.hpp. The cells are unit subtree x role x
// gender, exactly the groups the gap query can select and group by.
//
// Each kind of figure is about its own people, so each gets its own decision:
//   headline      people, assessed (agreed and self basis) — people, assessed, status
//                 counts, participation and share with need;
//   competencies  per class of competencies that apply to the same roles: the people the
//                 class applies to, and per competency the people who rated it (on each
//                 basis) — the competency's figures;
//   areas         per area: people rated in the area (on each basis) and motivation answers —
//                 the area's figures.
// A figure is shown when its own decision and the headline decision both allow its cell
// (showing fewer cells than a safe decision allows stays safe). An area's ratings, mean level
// and need share are sums over its competencies, so an area is shown only where each of its
// competencies that applies to someone in the cell is shown too: the area then adds nothing a
// reader could not add up from the competencies (issue 12).
//
// The agreed basis differs from the self basis only for people whose conversation was held:
// every decision counts them as one more measure (those assessed, rated, rated in the area),
// so "agreed minus self" on any combination of cells is about 0 or >= K people.
//
// Immutable after build; shared between threads.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/disclosure/disclosure_control.hpp"
#include "core/analytics/gap_snapshot.hpp"

namespace trappa::core {

// A cell of the gap figures: a unit subtree (tree index; nullopt for the whole round), a role
// (the snapshot's role index; nullopt for all) and a gender (nullopt for all).
struct GapCell {
  std::optional<std::uint32_t> unit;
  std::optional<std::uint16_t> role;
  std::optional<Gender> gender;
};

// A reader who may also read some people one by one (a manager with --manager-overview reads
// their direct and indirect reports) can subtract those people from any aggregate, so the
// round's decisions alone do not protect the others. build() with `known` (per snapshot
// position, 1 for a person the reader reads) makes the same decisions over the other people
// only; a figure is shown to that reader when the round's decisions and these both show it
// (GapQuery::reader). A cell without anyone unknown to the reader is shown by these: its
// figures tell the reader nothing they cannot read one by one.
// Bits of GapDisclosure::build's `changed`: what changed of a person since the previous
// publication (figures on the self basis, on the agreed basis; both for status and motivation).
inline constexpr std::uint8_t kChangedSelf = 1;
inline constexpr std::uint8_t kChangedAgreed = 2;

class GapDisclosure {
 public:
  //
  // `changed` (per snapshot position, optional; kChangedSelf | kChangedAgreed) marks the
  // people whose facts changed since the previous publication of an open round
  // (app/published/disclosure_cache.hpp): every decision counts them in three more measures
  // (changed on both bases, on the self basis only, on the agreed basis only), so a cell whose change comes from 1..K-1
  // people is hidden, and no combination of shown cells gives such a change.
  [[nodiscard]] static std::shared_ptr<const GapDisclosure> build(const GapSnapshot& snapshot, std::size_t min_group,
                                                                  std::span<const std::uint8_t> known = {},
                                                                  std::span<const std::uint8_t> changed = {},
                                                                  std::span<const std::vector<std::uint8_t>> published_before = {});
  // Calls visit(decision) for the headline, each competency class and each area decision,
  // always in the same order (for bookkeeping over publications).
  template <typename Visit>
  void for_each_decision(Visit&& visit) const {
    visit(headline_);
    for (const auto& decision : classes_) visit(decision);
    for (const auto& decision : areas_) visit(decision);
  }
  // The snapshot positions a manager reads one by one: the manager and everyone whose chain
  // of managers (Person::manager_id) reaches them. `people` is the vector the snapshot was
  // built from.
  [[nodiscard]] static std::vector<std::uint8_t> known_to_manager(const GapSnapshot& snapshot,
                                                                  const std::vector<Person>& people,
                                                                  std::string_view manager_id);

  [[nodiscard]] std::size_t min_group() const { return headline_.min_group(); }
  [[nodiscard]] bool headline(const GapCell& cell) const;
  [[nodiscard]] bool competency(std::size_t competency, const GapCell& cell) const;
  [[nodiscard]] bool area(std::size_t area, const GapCell& cell) const;

  // Cells and suppressions over all decisions, for logs and benchmarks.
  [[nodiscard]] DisclosureControl::Summary summary() const;
  // The decisions themselves, for tests and audits.
  [[nodiscard]] const DisclosureControl& headline_decision() const { return headline_; }
  [[nodiscard]] const DisclosureControl& competency_decision(std::size_t competency) const {
    return classes_[class_of_competency_[competency]];
  }
  [[nodiscard]] const DisclosureControl& area_decision(std::size_t area) const { return areas_[area]; }

 private:
  DisclosureControl headline_;
  std::vector<DisclosureControl> classes_;
  std::vector<std::size_t> class_of_competency_;
  std::vector<DisclosureControl> areas_;
  std::vector<std::vector<std::size_t>> competencies_of_area_;
  bool reader_ = false;  // built with `known`: empty cells count as shown
};

}  // namespace trappa::core
