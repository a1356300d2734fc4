// GapSnapshot::with_person_replaced, the path every saved assessment takes in the web
// application: a chain of single-person replacements must give exactly the snapshot that a
// full build from the patched facts gives, for people with and without earlier facts, with
// levels and motivations out of range, and for people outside the round.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "demo/organisation.hpp"
#include "core/analytics/gap_snapshot.hpp"
#include "io/json/framework_json.hpp"

namespace trappa {
namespace {

struct Setting {
  core::Framework framework = io::read_framework_file(std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json").value();
  demo::DemoOrganisation organisation = demo::build_demo_organisation(1);
  std::shared_ptr<const core::UnitTree> tree =
      std::make_shared<const core::UnitTree>(core::UnitTree::build(organisation.units));
  core::Round round{"R", framework.id, 1, "", "2026-01-01", "2026-12-31", core::RoundState::kOpen};
  std::size_t competencies() const {
    std::size_t n = 0;
    for (const core::Area& area : framework.areas) n += area.competencies.size();
    return n;
  }
};

// Random facts of one person; levels and motivations partly outside their scales, which both
// paths must drop alike.
core::RoundFacts random_facts(std::uint32_t person, const Setting& setting, std::mt19937& random) {
  core::RoundFacts facts;
  facts.statuses.push_back({person, static_cast<core::AssessmentStatus>(random() % 4)});
  const std::size_t competencies = setting.competencies();
  for (std::size_t c = 0; c < competencies; ++c) {
    if (random() % 3 == 0) continue;
    facts.ratings.push_back({person, static_cast<std::uint16_t>(c), static_cast<std::uint8_t>(random() % 7),
                             static_cast<std::uint8_t>(random() % 7)});
  }
  for (std::size_t a = 0; a < setting.framework.areas.size(); ++a) {
    if (random() % 2 == 0) facts.motivations.push_back({person, static_cast<std::uint8_t>(a), static_cast<std::uint8_t>(random() % 7)});
  }
  return facts;
}

void append(core::RoundFacts& to, const core::RoundFacts& from) {
  to.statuses.insert(to.statuses.end(), from.statuses.begin(), from.statuses.end());
  to.ratings.insert(to.ratings.end(), from.ratings.begin(), from.ratings.end());
  to.motivations.insert(to.motivations.end(), from.motivations.begin(), from.motivations.end());
}

template <class T>
std::vector<T> copy(std::span<const T> values) {
  return {values.begin(), values.end()};
}

void expect_same(const core::GapSnapshot& built, const core::GapSnapshot& patched) {
  ASSERT_EQ(built.people(), patched.people());
  EXPECT_EQ(copy(built.source_person()), copy(patched.source_person()));
  EXPECT_EQ(copy(built.unit_index()), copy(patched.unit_index()));
  EXPECT_EQ(copy(built.role()), copy(patched.role()));
  EXPECT_EQ(copy(built.gender()), copy(patched.gender()));
  EXPECT_EQ(copy(built.status()), copy(patched.status()));
  for (std::size_t c = 0; c < built.competencies(); ++c) {
    EXPECT_EQ(copy(built.levels(core::LevelBasis::kAgreed, c)), copy(patched.levels(core::LevelBasis::kAgreed, c))) << c;
    EXPECT_EQ(copy(built.levels(core::LevelBasis::kSelf, c)), copy(patched.levels(core::LevelBasis::kSelf, c))) << c;
    // The competencies point into the patched snapshot's own framework, not into the one it
    // was copied from (which may be released before it).
    const auto& own = patched.framework().areas[patched.competency_area(c)].competencies;
    EXPECT_TRUE(std::any_of(own.begin(), own.end(), [&](const core::Competency& x) { return &x == &patched.competency(c); }));
    EXPECT_EQ(patched.competency(c).code, built.competency(c).code);
  }
  for (std::size_t a = 0; a < built.areas(); ++a) EXPECT_EQ(copy(built.motivation(a)), copy(patched.motivation(a))) << a;
}

TEST(SnapshotUpdate, replacing_people_one_by_one_equals_building_from_the_patched_facts) {
  const Setting setting;
  const auto people = static_cast<std::uint32_t>(setting.organisation.people.size());
  std::mt19937 random(20261123);

  // Everyone starts with random facts, except every seventh person (no assessment yet); every
  // thirteenth person is outside the round (not employed on its opening day).
  std::vector<core::RoundFacts> per_person(people);
  core::RoundFacts outside;
  for (std::uint32_t p = 0; p < people; ++p) {
    if (p % 7 != 0) per_person[p] = random_facts(p, setting, random);
    if (p % 13 == 0) outside.not_employed.push_back(p);
  }
  auto facts_now = [&] {
    core::RoundFacts facts = outside;
    for (const core::RoundFacts& one : per_person) append(facts, one);
    return facts;
  };
  auto snapshot = core::GapSnapshot::build(setting.round, setting.framework, setting.tree,
                                           setting.organisation.people, facts_now());
  ASSERT_GT(snapshot->people(), 900u);

  std::size_t replaced = 0;
  for (int step = 0; step < 60; ++step) {
    // Some people twice, so a replacement of a replacement is covered too.
    const std::uint32_t person = step % 10 == 9 ? static_cast<std::uint32_t>(step - 9) * 17 % people
                                                : static_cast<std::uint32_t>(random() % people);
    per_person[person] = random_facts(person, setting, random);
    auto next = snapshot->with_person_replaced(person, per_person[person]);
    if (person % 13 == 0) {
      EXPECT_EQ(next, nullptr) << "person " << person << " is outside the round";
      continue;
    }
    ASSERT_NE(next, nullptr) << person;
    snapshot = next;
    ++replaced;
    const auto built = core::GapSnapshot::build(setting.round, setting.framework, setting.tree,
                                                setting.organisation.people, facts_now());
    expect_same(*built, *snapshot);
  }
  EXPECT_GT(replaced, 50u);
}

TEST(SnapshotUpdate, facts_about_anyone_else_are_ignored_and_an_empty_assessment_clears_the_person) {
  const Setting setting;
  std::mt19937 random(7);
  const core::RoundFacts first = random_facts(1, setting, random);
  const core::RoundFacts second = random_facts(2, setting, random);
  core::RoundFacts both = first;
  append(both, second);
  const auto snapshot = core::GapSnapshot::build(setting.round, setting.framework, setting.tree,
                                                 setting.organisation.people, both);

  // Person 1 is replaced by facts that are all about person 2: person 1 is left without an
  // assessment, and person 2 keeps the facts of the build.
  const auto cleared = snapshot->with_person_replaced(1, random_facts(2, setting, random));
  ASSERT_NE(cleared, nullptr);
  expect_same(*core::GapSnapshot::build(setting.round, setting.framework, setting.tree, setting.organisation.people, second),
              *cleared);
}

}  // namespace
}  // namespace trappa
