// Issue 12: the property behind the small-group rule, on random organisations. No figure
// about 1..K-1 people may be derivable by adding or subtracting any figures a suppressed
// viewer may read, along every hierarchy of the figures:
//   - competencies within areas (an area's level sum and needs are its competencies' sums),
//   - units within their parents, roles and genders within their totals (the cells),
//   - the agreed basis as the self basis plus the managers' adjustments,
//   - a manager's own readable people plus the rest (with --manager-overview),
//   - consecutive publications of an open round (app/published/disclosure_cache.hpp).
// Every view is run through the engine (run_gap_query) with the decisions a viewer gets: each
// unit filter (and none) x role filter x gender filter x grouping (none, unit, role, gender) x
// basis, for an observer on two publications of an open round and for a manager. A --compare
// view shows differences of figures both rounds' own views show, so it adds nothing to them.
//
// Each shown figure (a competency's or area's level sum = mean x rated, and its needs = need
// share x rated, of a total or a group) is written as a 0/1 combination of *atoms*: per class
// of people who no figure tells apart (unit, role, gender, conversation held, changed between
// the publications, read one by one by the manager), per competency and quantity (level,
// need), one of three components: the self-basis value, the adjustment in the conversation
// (agreed = self + adjustment) and the change between the publications. People the manager
// reads one by one are known: their atoms are left out of the manager's figures. The exact
// audit (core/disclosure_audit.hpp) then searches all figures together, per competency,
// quantity and component, for a computable group of 1..K-1 people.
//
// It found the cross-publication leaks the first time rule left (13 of 24 organisations), and
// fails again with the area rule or the measure of held conversations taken out.
//
// Bounds: 48 organisations of 20-44 people in 6 units, 3 roles, 2 areas of 2 competencies
// (one applying to one role only), K = 3 or 5; about a second in all.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "app/published/disclosure_cache.hpp"
#include "core/analytics/gap_disclosure.hpp"
#include "core/analytics/gap_query.hpp"
#include "core/analytics/gap_snapshot.hpp"
#include "core/base/clock.hpp"
#include "core/disclosure/disclosure_audit.hpp"

namespace trappa {
namespace {

constexpr std::size_t kCompetencies = 4;
constexpr std::size_t kQuantities = 2;  // level sum, needs
constexpr std::size_t kComponents = 3;  // self value, adjustment, change
enum Component : std::size_t { kSelfValue = 0, kAdjustment = 1, kChange = 2 };

struct Organisation {
  core::Framework framework;
  std::shared_ptr<const core::UnitTree> tree;
  std::vector<core::Person> people;
  std::vector<std::array<std::uint8_t, kCompetencies>> self, agreed;
  std::vector<core::AssessmentStatus> status;
  std::vector<std::uint8_t> changed;  // self levels changed between the publications
};

Organisation random_organisation(std::mt19937& random) {
  Organisation org;
  org.framework.id = "f";
  org.framework.name = "F";
  org.framework.scale = core::LevelScale{1, 5, {"1", "2", "3", "4", "5"}};
  org.framework.areas = {
      core::Area{"1", "Ett", "", "", {}, {core::Competency{"1.1", "a", "", {}}, core::Competency{"1.2", "b", "", {}}}},
      core::Area{"2", "Två", "", "", {}, {core::Competency{"2.1", "c", "", {}}, core::Competency{"2.2", "d", "", {}}}}};
  org.framework.roles = {"r0", "r1", "r2"};
  org.framework.profiles["r0"] = {{"1.1", 3}, {"1.2", 3}, {"2.1", 3}};
  org.framework.profiles["r1"] = {{"1.1", 3}, {"1.2", 4}, {"2.1", 2}};
  org.framework.profiles["r2"] = {{"1.1", 3}, {"2.1", 3}, {"2.2", 4}};  // 2.2: one role only
  const std::vector<core::Unit> units{{"R", "R", "", core::UnitKind::kAdministration},
                                      {"A", "A", "R", core::UnitKind::kDepartment},
                                      {"A1", "A1", "A", core::UnitKind::kUnit},
                                      {"A2", "A2", "A", core::UnitKind::kUnit},
                                      {"B", "B", "R", core::UnitKind::kDepartment},
                                      {"C", "C", "R", core::UnitKind::kDepartment}};
  org.tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(units));
  const std::size_t people = std::uniform_int_distribution<std::size_t>(20, 44)(random);
  std::uniform_int_distribution<int> unit(0, 5), role(0, 2), level(1, 5), percent(0, 99);
  for (std::size_t i = 0; i < people; ++i) {
    core::Person person;
    person.employee_id = "P" + std::to_string(i);
    person.unit_code = units[static_cast<std::size_t>(unit(random))].code;
    person.role = org.framework.roles[static_cast<std::size_t>(role(random))];
    const int g = percent(random);
    person.gender = g < 48 ? core::Gender::kWoman : g < 96 ? core::Gender::kMan : core::Gender::kOther;
    // Managers: the first person of R manages everyone; A's first person manages A1 and A2.
    person.manager_id = i == 0 ? "" : "P0";
    org.people.push_back(person);
    const int s = percent(random);
    org.status.push_back(s < 15 ? core::AssessmentStatus::kNotStarted
                                : s < 55 ? core::AssessmentStatus::kSelfAssessed : core::AssessmentStatus::kConversationHeld);
    std::array<std::uint8_t, kCompetencies> self{}, agreed{};
    if (org.status.back() != core::AssessmentStatus::kNotStarted) {
      for (std::size_t c = 0; c < kCompetencies; ++c) {
        if (percent(random) < 90) self[c] = static_cast<std::uint8_t>(level(random));
        if (org.status.back() == core::AssessmentStatus::kConversationHeld && self[c] != 0) {
          agreed[c] = static_cast<std::uint8_t>(std::clamp(self[c] + percent(random) % 3 - 1, 1, 5));
        }
      }
    }
    org.self.push_back(self);
    org.agreed.push_back(agreed);
    org.changed.push_back(0);
  }
  // A manager in A with reports in A1 and A2 (some of A1/A2 report elsewhere: colleagues).
  std::optional<std::size_t> manager;
  for (std::size_t i = 1; i < people; ++i) {
    if (org.people[i].unit_code == "A" && !manager) manager = i;
  }
  if (manager) {
    for (std::size_t i = 1; i < people; ++i) {
      if ((org.people[i].unit_code == "A1" || org.people[i].unit_code == "A2") && percent(random) < 80) {
        org.people[i].manager_id = org.people[*manager].employee_id;
      }
    }
  }
  return org;
}

std::shared_ptr<const app::RoundView> publish(const Organisation& org, std::uint64_t version) {
  core::RoundFacts facts;
  for (std::uint32_t i = 0; i < org.people.size(); ++i) {
    facts.statuses.push_back({i, org.status[i]});
    for (std::uint16_t c = 0; c < kCompetencies; ++c) {
      if (org.self[i][c] != 0 || org.agreed[i][c] != 0) facts.ratings.push_back({i, c, org.self[i][c], org.agreed[i][c]});
    }
  }
  auto view = std::make_shared<app::RoundView>();
  view->round = core::Round{"2026", "f", 1, "", "", "", core::RoundState::kOpen};
  view->version = version;
  view->snapshot = core::GapSnapshot::build(view->round, org.framework, org.tree, org.people, facts);
  view->position.assign(org.people.size(), -1);
  for (std::size_t p = 0; p < view->snapshot->people(); ++p) {
    view->position[view->snapshot->source_person()[p]] = static_cast<std::int32_t>(p);
  }
  return view;
}

// The figures a viewer reads, as sets of atoms, and the atoms' weights.
class Figures {
 public:
  Figures(const Organisation& org, const std::vector<std::uint8_t>& known) : org_(org), known_(known) {
    for (std::size_t p = 0; p < org.people.size(); ++p) {
      const auto key = std::make_tuple(org.people[p].unit_code, org.people[p].role, static_cast<int>(org.people[p].gender),
                                       org.status[p] == core::AssessmentStatus::kConversationHeld, org.changed[p] != 0,
                                       known[p] != 0);
      auto [it, inserted] = class_of_key_.try_emplace(key, classes_);
      if (inserted) ++classes_;
      class_of_.push_back(it->second);
    }
    input_.atoms = classes_ * kCompetencies * kQuantities * kComponents;
    input_.weights.assign(kCompetencies * kQuantities * kComponents, std::vector<std::uint32_t>(input_.atoms, 0));
  }

  [[nodiscard]] std::size_t atom(std::size_t klass, std::size_t c, std::size_t q, std::size_t component) const {
    return ((klass * kCompetencies + c) * kQuantities + q) * kComponents + component;
  }
  [[nodiscard]] static std::size_t measure(std::size_t c, std::size_t q, std::size_t component) {
    return (c * kQuantities + q) * kComponents + component;
  }

  // Adds the weights: per atom, the people it stands for in its own measure.
  void weigh(const core::GapSnapshot& snapshot) {
    // People per class and competency (rated on either basis): the same count for every
    // quantity and component that exists for the class.
    std::vector<std::uint32_t> rated(classes_ * kCompetencies, 0);
    for (std::size_t p = 0; p < org_.people.size(); ++p) {
      const auto role = *snapshot.role_index(org_.people[p].role);
      for (std::size_t c = 0; c < kCompetencies; ++c) {
        if (snapshot.expected(role, c) != 0 && (org_.self[p][c] != 0 || org_.agreed[p][c] != 0)) ++rated[class_of_[p] * kCompetencies + c];
      }
    }
    for (const auto& [key, klass] : class_of_key_) {
      const bool held = std::get<3>(key), changed = std::get<4>(key);
      for (std::size_t c = 0; c < kCompetencies; ++c) {
        for (std::size_t q = 0; q < kQuantities; ++q) {
          const std::uint32_t n = rated[klass * kCompetencies + c];
          input_.weights[measure(c, q, kSelfValue)][atom(klass, c, q, kSelfValue)] = n;
          input_.weights[measure(c, q, kAdjustment)][atom(klass, c, q, kAdjustment)] = held ? n : 0;
          input_.weights[measure(c, q, kChange)][atom(klass, c, q, kChange)] = changed ? n : 0;
        }
      }
    }
  }

  // A shown figure: quantity q of competencies `competencies` over the people of the cell
  // (unit subtree, role, gender), on a basis, in publication 1 or 2.
  void add(const core::GapSnapshot& snapshot, std::optional<std::uint32_t> unit, std::optional<std::uint16_t> role,
           std::optional<core::Gender> gender, const std::vector<std::size_t>& competencies, std::size_t q,
           core::LevelBasis basis, int publication) {
    std::set<std::uint32_t> atoms;
    for (std::size_t p = 0; p < org_.people.size(); ++p) {
      if (known_[p] != 0) continue;  // the reader knows these people's figures
      const auto u = *snapshot.tree().index_of(org_.people[p].unit_code);
      if (unit && !(u >= *unit && u < snapshot.tree().subtree_end(*unit))) continue;
      const auto r = *snapshot.role_index(org_.people[p].role);
      if ((role && r != *role) || (gender && org_.people[p].gender != *gender)) continue;
      const bool held = org_.status[p] == core::AssessmentStatus::kConversationHeld;
      for (std::size_t c : competencies) {
        if (snapshot.expected(r, c) == 0 || (org_.self[p][c] == 0 && org_.agreed[p][c] == 0)) continue;
        atoms.insert(static_cast<std::uint32_t>(atom(class_of_[p], c, q, kSelfValue)));
        const bool adjusted = basis == core::LevelBasis::kAgreed && held;
        if (adjusted) atoms.insert(static_cast<std::uint32_t>(atom(class_of_[p], c, q, kAdjustment)));
        // The agreed level of a held conversation does not move with the self level.
        if (publication == 2 && org_.changed[p] != 0 && !adjusted) {
          atoms.insert(static_cast<std::uint32_t>(atom(class_of_[p], c, q, kChange)));
        }
      }
    }
    if (!atoms.empty()) figures_.insert(std::vector<std::uint32_t>(atoms.begin(), atoms.end()));
  }

  [[nodiscard]] std::vector<core::DisclosedGroup> leaks(std::size_t k) {
    input_.min_group = k;
    input_.cells.assign(figures_.begin(), figures_.end());
    return core::find_disclosed_groups(input_, 3);
  }
  [[nodiscard]] std::size_t size() const { return figures_.size(); }
  // The group's classes: unit/role/gender, h(eld), c(hanged), k(nown).
  [[nodiscard]] std::string describe(const core::DisclosedGroup& group) const {
    std::string text;
    for (std::uint32_t atom : group.atoms) {
      const std::size_t klass = atom / (kCompetencies * kQuantities * kComponents);
      for (const auto& [key, index] : class_of_key_) {
        if (index != klass) continue;
        text += " " + std::get<0>(key) + "/" + std::get<1>(key) + "/" + std::to_string(std::get<2>(key)) +
                (std::get<3>(key) ? "/h" : "") + (std::get<4>(key) ? "/c" : "") + (std::get<5>(key) ? "/k" : "") + "x" +
                std::to_string(input_.weights[group.measure][atom]);
      }
    }
    return text;
  }

 private:
  const Organisation& org_;
  std::vector<std::uint8_t> known_;
  std::map<std::tuple<std::string, std::string, int, bool, bool, bool>, std::size_t> class_of_key_;
  std::vector<std::size_t> class_of_;
  std::size_t classes_ = 0;
  core::DisclosureAuditInput input_;
  std::set<std::vector<std::uint32_t>> figures_;
};

// Runs every view of one publication and adds what it shows.
std::size_t read_every_view(const core::GapSnapshot& snapshot, const core::GapDisclosure& disclosure,
                            const core::GapDisclosure* reader, int publication, Figures& figures) {
  std::size_t shown = 0;
  const core::UnitTree& tree = snapshot.tree();
  for (int unit = -1; unit < static_cast<int>(tree.size()); ++unit) {
    for (int role = -1; role < static_cast<int>(snapshot.roles()); ++role) {
      for (int gender = -1; gender < 3; ++gender) {
        for (core::GroupBy by : {core::GroupBy::kNone, core::GroupBy::kUnit, core::GroupBy::kRole, core::GroupBy::kGender}) {
          for (core::LevelBasis basis : {core::LevelBasis::kAgreed, core::LevelBasis::kSelf}) {
            core::GapQuery query;
            query.basis = basis;
            std::optional<std::uint32_t> u;
            std::optional<std::uint16_t> r;
            std::optional<core::Gender> g;
            if (unit >= 0) u = static_cast<std::uint32_t>(unit), query.unit = tree.unit(*u).code;
            if (role >= 0) r = static_cast<std::uint16_t>(role), query.role = snapshot.role_name(*r);
            if (gender >= 0) g = static_cast<core::Gender>(gender), query.gender = g;
            query.group_by = by;
            query.disclosure = &disclosure;
            query.reader = reader;
            const core::GapReport report = core::run_gap_query(snapshot, query).value();
            for (std::size_t c = 0; c < kCompetencies; ++c) {
              const auto& figure = report.competencies[c];
              if (figure.mean_level) ++shown, figures.add(snapshot, u, r, g, {c}, 0, basis, publication);
              if (figure.need_share) figures.add(snapshot, u, r, g, {c}, 1, basis, publication);
            }
            for (std::size_t a = 0; a < report.areas.size(); ++a) {
              const std::vector<std::size_t> members = a == 0 ? std::vector<std::size_t>{0, 1} : std::vector<std::size_t>{2, 3};
              if (report.areas[a].mean_level) ++shown, figures.add(snapshot, u, r, g, members, 0, basis, publication);
              if (report.areas[a].need_share) figures.add(snapshot, u, r, g, members, 1, basis, publication);
            }
            for (std::size_t i = 0; i < report.groups.size(); ++i) {
              const core::GroupFigures& group = report.groups[i];
              auto gu = u;
              auto gr = r;
              auto gg = g;
              switch (by) {
                case core::GroupBy::kNone: break;
                case core::GroupBy::kUnit: gu = *tree.index_of(group.key); break;
                case core::GroupBy::kRole: gr = static_cast<std::uint16_t>(i); break;
                case core::GroupBy::kGender: gg = static_cast<core::Gender>(i); break;
              }
              for (std::size_t c = 0; c < kCompetencies; ++c) {
                if (group.competencies[c].need_share) figures.add(snapshot, gu, gr, gg, {c}, 1, basis, publication);
              }
            }
          }
        }
      }
    }
  }
  return shown;
}

TEST(SmallGroupsProperty, no_combination_of_any_views_gives_a_figure_about_fewer_than_k_people) {
  std::mt19937 random(12);
  std::size_t shown_total = 0;
  for (int run = 0; run < 48; ++run) {
    const std::size_t k = run % 2 == 0 ? 5 : 3;
    Organisation org = random_organisation(random);
    const std::vector<std::uint8_t> nobody(org.people.size(), 0);

    // An observer reads two publications of the open round, a day apart, with a few saves
    // (self levels changed) in between.
    core::FixedClock clock(std::chrono::sys_days{std::chrono::year{2026} / 3 / 2});
    app::DisclosureCache cache(k, clock);
    const auto first = cache.decided(publish(org, 1));
    std::uniform_int_distribution<std::size_t> person(0, org.people.size() - 1);
    const std::size_t saves = 1 + static_cast<std::size_t>(run % 7);
    for (std::size_t i = 0; i < saves; ++i) {
      const std::size_t p = person(random);
      if (org.status[p] == core::AssessmentStatus::kNotStarted) continue;
      for (std::size_t c = 0; c < kCompetencies; ++c) {
        if (org.self[p][c] != 0) org.self[p][c] = static_cast<std::uint8_t>(org.self[p][c] % 5 + 1);
      }
      org.changed[p] = 1;
    }
    clock.advance(std::chrono::hours(24));
    const auto second = cache.decided(publish(org, 2));
    ASSERT_NE(first.view, second.view);

    // Each publication on its own.
    {
      const auto changed = org.changed;
      std::fill(org.changed.begin(), org.changed.end(), 0);
      for (const auto* publication : {&first, &second}) {
        Figures observer(org, nobody);
        observer.weigh(*publication->view->snapshot);
        shown_total += read_every_view(*publication->view->snapshot, *publication->disclosure, nullptr, 1, observer);
        for (const core::DisclosedGroup& group : observer.leaks(k)) {
          ADD_FAILURE() << "run " << run << " (K " << k << "): one publication gives a group of " << group.weight
                        << " people in measure " << group.measure;
        }
      }
      org.changed = changed;
    }
    // Both publications together, with the changes between them.
    {
      Figures observer(org, nobody);
      observer.weigh(*second.view->snapshot);
      read_every_view(*first.view->snapshot, *first.disclosure, nullptr, 1, observer);
      read_every_view(*second.view->snapshot, *second.disclosure, nullptr, 2, observer);
      for (const core::DisclosedGroup& group : observer.leaks(k)) {
        ADD_FAILURE() << "run " << run << " (K " << k << "): two publications give a group of " << group.weight
                      << " people in measure " << group.measure << ": " << observer.describe(group);
      }
    }

    // A manager with --manager-overview reads the second publication with the decisions over
    // the people they cannot read one by one (publications are the observer's concern).
    std::optional<std::string> manager;
    for (const core::Person& p : org.people) {
      if (p.manager_id != "P0" && !p.manager_id.empty()) manager = p.manager_id;
    }
    if (!manager) continue;
    const auto known = core::GapDisclosure::known_to_manager(*second.view->snapshot, org.people, *manager);
    std::vector<std::uint8_t> known_by_person(org.people.size(), 0);
    for (std::size_t p = 0; p < known.size(); ++p) known_by_person[second.view->snapshot->source_person()[p]] = known[p];
    std::fill(org.changed.begin(), org.changed.end(), 0);  // one publication: no changes to model
    Figures reader(org, known_by_person);
    reader.weigh(*second.view->snapshot);
    const auto for_manager = cache.for_manager(second, org.people, *manager);
    read_every_view(*second.view->snapshot, *second.disclosure, for_manager.get(), 1, reader);
    for (const core::DisclosedGroup& group : reader.leaks(k)) {
      ADD_FAILURE() << "run " << run << " (K " << k << "): manager " << *manager << " computes a group of "
                    << group.weight << " people in measure " << group.measure;
    }
  }
  EXPECT_GT(shown_total, 500u) << "the property is about figures that are shown";
}

}  // namespace
}  // namespace trappa
