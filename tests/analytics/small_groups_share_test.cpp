// How much of the demo's gap figures suppressed viewers see (docs/security.md, "What the
// rule costs"): every cell an observer can ask for (unit filter x role filter x gender
// filter, both bases, both rounds), and per figure kind the share of the figures HR would
// see (a non-empty cell) that the small-group rule shows. Printed for the record; the
// checks only keep the measurement honest.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "demo/history.hpp"
#include "demo/organisation.hpp"
#include "demo/rounds.hpp"
#include "core/analytics/gap_disclosure.hpp"
#include "core/analytics/gap_query.hpp"
#include "core/analytics/gap_snapshot.hpp"
#include "core/assessment/round_facts.hpp"
#include "io/json/framework_json.hpp"

namespace trappa {
namespace {

std::vector<std::shared_ptr<const core::GapSnapshot>> demo_rounds() {
  demo::DemoOrganisation organisation = demo::build_demo_organisation(1);
  const std::vector<core::Employment> employments = demo::add_employment_history(organisation, 1);
  const core::Framework framework =
      io::read_framework_file(std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json").value();
  auto tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(organisation.units));
  std::map<std::string, std::uint32_t> index;
  for (std::size_t i = 0; i < organisation.people.size(); ++i) {
    index.emplace(organisation.people[i].employee_id, static_cast<std::uint32_t>(i));
  }
  const core::FrameworkNumbering numbering(framework);
  std::vector<std::shared_ptr<const core::GapSnapshot>> snapshots;
  const auto& specs = demo::demo_round_specs();
  for (std::size_t r = 0; r < specs.size(); ++r) {
    const auto in_round = core::takes_part_on(organisation.people, employments, *core::parse_iso_date(specs[r].opens));
    const auto assessments = demo::build_demo_assessments(framework, organisation.people, in_round, 0,
                                                          organisation.people.size(), r, 1);
    core::RoundFacts facts;
    for (std::size_t i = 0; i < organisation.people.size(); ++i) {
      if (!in_round[i]) facts.not_employed.push_back(static_cast<std::uint32_t>(i));
    }
    for (const core::Assessment& assessment : assessments) {
      core::add_assessment_facts(facts, index.at(assessment.employee_id), assessment, numbering);
    }
    const core::Round round{specs[r].name, framework.id, 1, "", specs[r].opens, specs[r].closes, specs[r].state};
    snapshots.push_back(core::GapSnapshot::build(round, framework, tree, organisation.people, facts));
  }
  return snapshots;
}

struct Share {
  std::size_t figures = 0;
  std::size_t shown = 0;
};

TEST(SmallGroupsShare, the_share_of_the_demos_gap_figures_suppressed_viewers_see) {
  std::map<std::string, Share> shares;  // by round and kind
  for (const auto& snapshot : demo_rounds()) {
    const auto disclosure = core::GapDisclosure::build(*snapshot, core::kDefaultMinGroup);
    const core::UnitTree& tree = snapshot->tree();
    for (core::LevelBasis basis : {core::LevelBasis::kAgreed, core::LevelBasis::kSelf}) {
      for (int unit = -1; unit < static_cast<int>(tree.size()); ++unit) {
        for (int role = -1; role < static_cast<int>(snapshot->roles()); ++role) {
          for (int gender = -1; gender < 3; ++gender) {
            core::GapQuery query;
            query.basis = basis;
            if (unit >= 0) query.unit = tree.unit(static_cast<std::uint32_t>(unit)).code;
            if (role >= 0) query.role = snapshot->role_name(static_cast<std::size_t>(role));
            if (gender >= 0) query.gender = static_cast<core::Gender>(gender);
            const core::GapReport all = core::run_gap_query(*snapshot, query).value();
            query.disclosure = disclosure.get();
            const core::GapReport seen = core::run_gap_query(*snapshot, query).value();
            const std::string round = snapshot->round().name;
            auto count = [&](const std::string& kind, bool exists, bool shown) {
              if (!exists) return;
              for (const std::string& key : {round + " " + kind, round + " all", std::string("both all")}) {
                ++shares[key].figures;
                shares[key].shown += shown ? 1 : 0;
              }
            };
            count("headline", all.assessed.value_or(0) > 0, seen.share_with_need.has_value());
            count("participation", all.participation.has_value(), seen.participation.has_value());
            for (std::size_t c = 0; c < all.competencies.size(); ++c) {
              count("competency", all.competencies[c].rated.value_or(0) > 0, seen.competencies[c].mean_level.has_value());
            }
            for (std::size_t a = 0; a < all.areas.size(); ++a) {
              count("area", all.areas[a].ratings.value_or(0) > 0, seen.areas[a].mean_level.has_value());
            }
          }
        }
      }
    }
  }
  for (const auto& [key, share] : shares) {
    std::printf("%-22s %7zu figures, %7zu shown (%.1f %%)\n", key.c_str(), share.figures, share.shown,
                100.0 * static_cast<double>(share.shown) / static_cast<double>(share.figures));
    EXPECT_LE(share.shown, share.figures);
  }
  EXPECT_GT(shares["both all"].shown, 0u);
}

}  // namespace
}  // namespace trappa
