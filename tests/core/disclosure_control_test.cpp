// The small-group rule (core/disclosure_control.hpp) on hand-made organisations where a naive
// threshold leaks, and on random organisations; every decision is checked by the exact audit
// (core/disclosure_audit.hpp), which looks for any group of 1..K-1 people whose sum can be
// computed from all shown cells together.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/disclosure/disclosure_audit.hpp"
#include "core/disclosure/disclosure_control.hpp"
#include "demo/random.hpp"

namespace trappa::core {
namespace {

struct Member {
  std::string unit;
  std::uint16_t role = 0;
  Gender gender = Gender::kWoman;
  bool assessed = true;
};

// An organisation as the rule sees it, the rule's decisions, and the audit of every shown cell.
class Organisation {
 public:
  Organisation(std::vector<Unit> units, std::vector<Member> members, std::size_t roles, bool genders)
      : tree_(UnitTree::build(units)), members_(std::move(members)), roles_(roles), genders_(genders) {
    for (const Member& member : members_) {
      unit_.push_back(*tree_.index_of(member.unit));
      role_.push_back(member.role);
      gender_.push_back(member.gender);
      counts_.push_back(member.assessed ? 1 : 0);  // measure 0: assessed
      counts_.push_back(1);                        // measure 1: people
    }
  }

  [[nodiscard]] DisclosurePopulation population() const {
    DisclosurePopulation population;
    population.tree = &tree_;
    population.roles = roles_;
    population.genders = genders_;
    population.measures = 2;
    population.unit = unit_;
    population.role = role_;
    population.gender = gender_;
    population.counts = counts_;
    return population;
  }

  [[nodiscard]] DisclosureControl decide(std::size_t k) const { return DisclosureControl::decide(population(), k); }

  [[nodiscard]] std::optional<std::uint32_t> unit(const std::string& code) const { return tree_.index_of(code); }

  // Every cell (unit or everyone, role or all, gender or all) as a set of atoms; an atom is
  // the direct members of one unit with one role and one gender.
  struct Cell {
    std::optional<std::uint32_t> unit;
    std::optional<std::uint16_t> role;
    std::optional<Gender> gender;
  };
  [[nodiscard]] std::vector<Cell> cells() const {
    std::vector<Cell> all;
    std::vector<std::optional<std::uint32_t>> units{std::nullopt};
    for (std::uint32_t u = 0; u < tree_.size(); ++u) units.emplace_back(u);
    std::vector<std::optional<std::uint16_t>> roles{std::nullopt};
    for (std::uint16_t r = 0; r < roles_; ++r) roles.emplace_back(r);
    std::vector<std::optional<Gender>> genders{std::nullopt};
    if (genders_) genders.insert(genders.end(), {Gender::kWoman, Gender::kMan, Gender::kOther});
    for (auto u : units) {
      for (auto r : roles) {
        for (auto g : genders) all.push_back({u, r, g});
      }
    }
    return all;
  }

  [[nodiscard]] DisclosureAuditInput audit_input(const std::vector<Cell>& shown, std::size_t k) const {
    std::map<std::tuple<std::uint32_t, std::uint16_t, Gender>, std::uint32_t> atom_of;
    std::vector<std::uint32_t> atom_of_member;
    for (std::size_t p = 0; p < members_.size(); ++p) {
      auto [it, inserted] = atom_of.try_emplace({unit_[p], role_[p], gender_[p]}, static_cast<std::uint32_t>(atom_of.size()));
      atom_of_member.push_back(it->second);
    }
    DisclosureAuditInput input;
    input.atoms = atom_of.size();
    input.min_group = k;
    input.weights.assign(2, std::vector<std::uint32_t>(input.atoms, 0));
    for (std::size_t p = 0; p < members_.size(); ++p) {
      input.weights[0][atom_of_member[p]] += counts_[2 * p];
      input.weights[1][atom_of_member[p]] += 1;
    }
    for (const Cell& cell : shown) {
      std::vector<std::uint32_t> atoms;
      for (const auto& [key, atom] : atom_of) {
        const auto [u, r, g] = key;
        const bool in_unit = !cell.unit || (u >= *cell.unit && u < tree_.subtree_end(*cell.unit));
        if (in_unit && (!cell.role || *cell.role == r) && (!cell.gender || *cell.gender == g)) atoms.push_back(atom);
      }
      input.cells.push_back(std::move(atoms));
    }
    return input;
  }

  // Small groups computable from the cells the decision shows.
  [[nodiscard]] std::vector<DisclosedGroup> leaks(const DisclosureControl& decision) const {
    std::vector<Cell> shown;
    for (const Cell& cell : cells()) {
      if (decision.published(cell.unit, cell.role, cell.gender)) shown.push_back(cell);
    }
    return find_disclosed_groups(audit_input(shown, decision.min_group()));
  }

  // Small groups computable when every cell with at least K assessed people is shown (the
  // threshold alone, without the secondary rule).
  [[nodiscard]] std::vector<DisclosedGroup> naive_leaks(std::size_t k) const {
    const DisclosureControl counts = decide(k);
    std::vector<Cell> shown;
    for (const Cell& cell : cells()) {
      if (counts.count(cell.unit, cell.role, cell.gender, 0) >= k) shown.push_back(cell);
    }
    return find_disclosed_groups(audit_input(shown, k));
  }

 private:
  UnitTree tree_;
  std::vector<Member> members_;
  std::size_t roles_;
  bool genders_;
  std::vector<std::uint32_t> unit_;
  std::vector<std::uint16_t> role_;
  std::vector<Gender> gender_;
  std::vector<std::uint8_t> counts_;
};

std::vector<Member> repeat(std::size_t count, const Member& member) { return std::vector<Member>(count, member); }

std::vector<Member> join(std::initializer_list<std::vector<Member>> parts) {
  std::vector<Member> all;
  for (const auto& part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

std::string describe(const std::vector<DisclosedGroup>& leaks) {
  std::string text;
  for (const DisclosedGroup& leak : leaks) {
    text += "measure " + std::to_string(leak.measure) + ": " + std::to_string(leak.weight) + " people in atoms";
    for (std::uint32_t atom : leak.atoms) text += " " + std::to_string(atom);
    text += "\n";
  }
  return text;
}

const std::vector<Unit> kSixWithFiveAndOne{{"U", "Enheten", "", UnitKind::kUnit},
                                           {"U-5", "Fem", "U", UnitKind::kGroup},
                                           {"U-1", "En", "U", UnitKind::kGroup}};

TEST(SmallGroups, a_unit_of_six_with_children_of_five_and_one_leaks_with_the_threshold_alone) {
  const Organisation org(kSixWithFiveAndOne, join({repeat(5, {"U-5"}), repeat(1, {"U-1"})}), 0, false);
  const auto leaks = org.naive_leaks(5);
  ASSERT_FALSE(leaks.empty()) << "the unit minus its group of five is one person";
  EXPECT_EQ(leaks.front().weight, 1u);
}

TEST(SmallGroups, a_unit_of_six_with_children_of_five_and_one_hides_the_five_too) {
  const Organisation org(kSixWithFiveAndOne, join({repeat(5, {"U-5"}), repeat(1, {"U-1"})}), 0, false);
  const DisclosureControl decision = org.decide(5);
  EXPECT_TRUE(decision.published(org.unit("U"), std::nullopt, std::nullopt));
  EXPECT_FALSE(decision.published(org.unit("U-1"), std::nullopt, std::nullopt)) << "primary";
  EXPECT_FALSE(decision.published(org.unit("U-5"), std::nullopt, std::nullopt)) << "secondary";
  EXPECT_EQ(decision.summary().primary, 1u);
  EXPECT_TRUE(org.leaks(decision).empty()) << describe(org.leaks(decision));
}

TEST(SmallGroups, a_department_head_is_not_the_department_minus_its_units) {
  const std::vector<Unit> units{{"D", "Avdelningen", "", UnitKind::kDepartment},
                                {"D-A", "A", "D", UnitKind::kUnit},
                                {"D-B", "B", "D", UnitKind::kUnit}};
  const Organisation org(units, join({repeat(1, {"D"}), repeat(10, {"D-A"}), repeat(12, {"D-B"})}), 0, false);
  ASSERT_FALSE(org.naive_leaks(5).empty());
  const DisclosureControl decision = org.decide(5);
  EXPECT_TRUE(decision.published(org.unit("D"), std::nullopt, std::nullopt));
  EXPECT_FALSE(decision.published(org.unit("D-A"), std::nullopt, std::nullopt)) << "the smaller unit is hidden";
  EXPECT_TRUE(decision.published(org.unit("D-B"), std::nullopt, std::nullopt));
  EXPECT_TRUE(org.leaks(decision).empty()) << describe(org.leaks(decision));
}

TEST(SmallGroups, the_head_stays_hidden_when_the_whole_round_is_a_single_unit_above) {
  // The whole round (no unit filter) equals the department: both are the same group.
  const std::vector<Unit> units{{"D", "Avdelningen", "", UnitKind::kDepartment}, {"D-A", "A", "D", UnitKind::kUnit}};
  const Organisation org(units, join({repeat(2, {"D"}), repeat(10, {"D-A"})}), 0, false);
  const DisclosureControl decision = org.decide(5);
  EXPECT_TRUE(decision.published(std::nullopt, std::nullopt, std::nullopt));
  EXPECT_TRUE(decision.published(org.unit("D"), std::nullopt, std::nullopt));
  EXPECT_FALSE(decision.published(org.unit("D-A"), std::nullopt, std::nullopt));
  EXPECT_TRUE(org.leaks(decision).empty()) << describe(org.leaks(decision));
}

TEST(SmallGroups, one_person_of_gender_x_hides_a_second_gender_group) {
  const std::vector<Unit> units{{"U", "Enheten", "", UnitKind::kUnit}};
  const Organisation org(units,
                         join({repeat(8, {"U", 0, Gender::kWoman}), repeat(6, {"U", 0, Gender::kMan}),
                               repeat(1, {"U", 0, Gender::kOther})}),
                         0, true);
  ASSERT_FALSE(org.naive_leaks(5).empty()) << "all minus women minus men is the one X";
  const DisclosureControl decision = org.decide(5);
  EXPECT_TRUE(decision.published(org.unit("U"), std::nullopt, std::nullopt));
  EXPECT_TRUE(decision.published(org.unit("U"), std::nullopt, Gender::kWoman));
  EXPECT_FALSE(decision.published(org.unit("U"), std::nullopt, Gender::kMan)) << "the smaller of the two is hidden";
  EXPECT_FALSE(decision.published(org.unit("U"), std::nullopt, Gender::kOther));
  EXPECT_TRUE(org.leaks(decision).empty()) << describe(org.leaks(decision));
}

TEST(SmallGroups, a_unit_hidden_to_protect_its_parent_is_not_the_sum_of_its_gender_groups) {
  const std::vector<Unit> units{{"D", "Avdelningen", "", UnitKind::kDepartment},
                                {"D-A", "A", "D", UnitKind::kUnit},
                                {"D-B", "B", "D", UnitKind::kUnit}};
  const Organisation org(units,
                         join({repeat(1, {"D", 0, Gender::kMan}), repeat(5, {"D-A", 0, Gender::kWoman}),
                               repeat(5, {"D-A", 0, Gender::kMan}), repeat(6, {"D-B", 0, Gender::kWoman}),
                               repeat(6, {"D-B", 0, Gender::kMan})}),
                         0, true);
  const DisclosureControl decision = org.decide(5);
  EXPECT_FALSE(decision.published(org.unit("D-A"), std::nullopt, std::nullopt));
  const bool both_genders = decision.published(org.unit("D-A"), std::nullopt, Gender::kWoman) &&
                            decision.published(org.unit("D-A"), std::nullopt, Gender::kMan);
  EXPECT_FALSE(both_genders) << "women + men of D-A would be D-A again";
  EXPECT_TRUE(org.leaks(decision).empty()) << describe(org.leaks(decision));
}

TEST(SmallGroups, a_role_filter_in_a_second_view_does_not_reveal_a_department_head) {
  // The head (role 1) sits directly in D; three units of role-0 people. One view shows D and
  // its units, another the same filtered to role 0: together they must not give the head.
  const std::vector<Unit> units{{"D", "Avdelningen", "", UnitKind::kDepartment},
                                {"D-A", "A", "D", UnitKind::kUnit},
                                {"D-B", "B", "D", UnitKind::kUnit},
                                {"D-C", "C", "D", UnitKind::kUnit}};
  const Organisation org(units,
                         join({repeat(1, {"D", 1}), repeat(10, {"D-A", 0}), repeat(10, {"D-B", 0}), repeat(5, {"D-C", 0})}),
                         2, false);
  ASSERT_FALSE(org.naive_leaks(5).empty());
  const DisclosureControl decision = org.decide(5);
  EXPECT_TRUE(decision.published(org.unit("D"), std::nullopt, std::nullopt));
  EXPECT_TRUE(org.leaks(decision).empty()) << describe(org.leaks(decision));
}

TEST(SmallGroups, people_who_have_not_assessed_count_as_people_but_not_as_assessed) {
  // Seven people, four assessed: the figures about levels would be about four.
  const std::vector<Unit> units{{"U", "Enheten", "", UnitKind::kUnit}};
  std::vector<Member> members = join({repeat(4, {"U"}), repeat(3, {"U", 0, Gender::kWoman, false})});
  const Organisation org(units, members, 0, false);
  EXPECT_FALSE(org.decide(5).published(org.unit("U"), std::nullopt, std::nullopt));
  EXPECT_TRUE(org.decide(4).published(org.unit("U"), std::nullopt, std::nullopt));
}

TEST(SmallGroups, the_decisions_are_the_same_however_often_they_are_made) {
  const std::vector<Unit> units{{"D", "Avdelningen", "", UnitKind::kDepartment},
                                {"D-A", "A", "D", UnitKind::kUnit},
                                {"D-B", "B", "D", UnitKind::kUnit}};
  const Organisation org(units, join({repeat(1, {"D"}), repeat(10, {"D-A"}), repeat(12, {"D-B"})}), 0, false);
  const DisclosureControl first = org.decide(5);
  const DisclosureControl second = org.decide(5);
  for (const auto& cell : org.cells()) {
    EXPECT_EQ(first.published(cell.unit, cell.role, cell.gender), second.published(cell.unit, cell.role, cell.gender));
  }
}

TEST(SmallGroups, a_role_or_unit_outside_the_population_is_never_shown) {
  const Organisation org(kSixWithFiveAndOne, join({repeat(6, {"U-5"})}), 2, false);
  const DisclosureControl decision = org.decide(5);
  EXPECT_TRUE(decision.published(org.unit("U-5"), std::nullopt, std::nullopt));
  EXPECT_FALSE(decision.published(org.unit("U-5"), std::uint16_t{7}, std::nullopt));
  EXPECT_FALSE(decision.published(std::uint32_t{99}, std::nullopt, std::nullopt));
  EXPECT_FALSE(decision.published(org.unit("U-5"), std::nullopt, Gender::kWoman)) << "no gender breakdown here";
}

// Random organisations: a few levels of units, people with one of three roles and a gender
// (X rare), most assessed. Whatever the shape, nothing small may be computable.
Organisation random_organisation(std::uint64_t seed) {
  demo::DemoRandom random(seed);
  std::vector<Unit> units{{"R", "Rot", "", UnitKind::kCity}};
  const std::size_t unit_count = 2 + random.below(14);  // the root and up to 14 more
  for (std::size_t u = 1; u < unit_count; ++u) {
    const std::size_t parent = random.below(static_cast<std::uint32_t>(u));
    units.push_back({"U" + std::to_string(u), "Enhet " + std::to_string(u), units[parent].code, UnitKind::kUnit});
  }
  std::vector<Member> members;
  const std::size_t people = 15 + random.below(120);
  for (std::size_t p = 0; p < people; ++p) {
    Member member;
    member.unit = units[random.below(static_cast<std::uint32_t>(units.size()))].code;
    member.role = static_cast<std::uint16_t>(random.below(10) < 6 ? 0 : 1 + random.below(2));
    const std::size_t g = random.below(20);
    member.gender = g < 12 ? Gender::kWoman : (g < 19 ? Gender::kMan : Gender::kOther);
    member.assessed = random.below(10) < 8;
    members.push_back(member);
  }
  return Organisation(units, members, 3, true);
}

TEST(SmallGroups, no_small_group_is_computable_in_random_organisations) {
  std::size_t shown = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    const Organisation org = random_organisation(seed);
    for (std::size_t k : {3u, 5u}) {
      const DisclosureControl decision = org.decide(k);
      shown += decision.summary().shown;
      const auto leaks = org.leaks(decision);
      EXPECT_TRUE(leaks.empty()) << "seed " << seed << ", K " << k << ":\n" << describe(leaks);
    }
  }
  EXPECT_GT(shown, 0u) << "the rule must not hide everything";
}

}  // namespace
}  // namespace trappa::core
