// Small-group suppression at city scale (50 000 people) and national scale (1.3 million):
// the decisions for every cell of a round (core/gap_disclosure.hpp), made once per snapshot
// when an observer first asks, and what they add to a query (a lookup per figure).
//
// The data is the gap benchmark's (bench/gap_query_bench.cpp): `trappa demo --scale N` built
// in memory, two rounds, the 20-competency framework; building it is not timed. The framework
// is read from $TRAPPA_DATA_DIR/frameworks/digital-kompetens.json, else from data/ beside
// this source file, else from ./data.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.hpp"
#include "core/demo_history.hpp"
#include "core/demo_org.hpp"
#include "core/demo_rounds.hpp"
#include "core/gap_disclosure.hpp"
#include "core/gap_query.hpp"
#include "core/gap_snapshot.hpp"
#include "core/round_facts.hpp"
#include "core/unit_tree.hpp"
#include "io/framework_json.hpp"

namespace {

using namespace trappa;

// The synthetic dataset, built as bench/gap_query_bench.cpp builds it.
constexpr std::uint64_t kSeed = 42;  // the demo's default seed
constexpr std::size_t kChunk = 50'000;

std::filesystem::path framework_path() {
  const std::filesystem::path relative = std::filesystem::path("frameworks") / "digital-kompetens.json";
  if (const char* dir = std::getenv("TRAPPA_DATA_DIR"); dir != nullptr && *dir != '\0') {
    return std::filesystem::path(dir) / relative;
  }
  const std::filesystem::path beside_source =
      std::filesystem::path(__FILE__).parent_path().parent_path() / "data" / relative;
  if (std::filesystem::exists(beside_source)) return beside_source;
  return std::filesystem::path("data") / relative;
}

const core::Framework& framework() {
  static const core::Framework loaded = [] {
    auto read = io::read_framework_file(framework_path());
    if (!read) {
      std::cerr << "disclosure_bench: " << read.error().message << " (set TRAPPA_DATA_DIR)\n";
      std::exit(2);
    }
    return *read;
  }();
  return loaded;
}

// Index of every competency and area in framework order, as the store's loader numbers them.
struct FrameworkIndex {
  std::unordered_map<std::string, std::uint16_t> competency;
  std::unordered_map<std::string, std::uint8_t> area;
  explicit FrameworkIndex(const core::Framework& f) {
    for (const core::Area& a : f.areas) {
      area.emplace(a.code, static_cast<std::uint8_t>(area.size()));
      for (const core::Competency& c : a.competencies) {
        competency.emplace(c.code, static_cast<std::uint16_t>(competency.size()));
      }
    }
  }
};

struct Dataset {
  std::shared_ptr<const core::UnitTree> tree;
  std::vector<core::Person> people;
  core::Round rounds[2];
  core::RoundFacts facts[2];
  std::shared_ptr<const core::GapSnapshot> snapshots[2];  // 2025, 2026
};

// The demo's two rounds for `people` (the employment rule of cli/demo_loader.cpp), in chunks.
void add_rounds(Dataset& data, const std::vector<core::Employment>& employments) {
  const core::Framework& f = framework();
  const FrameworkIndex index(f);
  std::unordered_map<std::string, std::uint32_t> person_index;
  person_index.reserve(data.people.size());
  for (std::size_t i = 0; i < data.people.size(); ++i) {
    person_index.emplace(data.people[i].employee_id, static_cast<std::uint32_t>(i));
  }
  const auto& specs = core::demo_round_specs();
  for (std::size_t r = 0; r < 2; ++r) {
    const core::DemoRoundSpec& spec = specs[r];
    data.rounds[r] = core::Round{spec.name, f.id, 1, "", spec.opens, spec.closes, spec.state};
    const core::Date day = *core::parse_iso_date(spec.opens);
    std::vector<bool> has_history(data.people.size(), false);
    std::vector<bool> employed(data.people.size(), false);
    for (const core::Employment& employment : employments) {
      auto found = person_index.find(employment.employee_id);
      if (found == person_index.end()) continue;
      has_history[found->second] = true;
      if (employment.active_on(day)) employed[found->second] = true;
    }
    core::RoundFacts& facts = data.facts[r];
    std::vector<bool> in_round(data.people.size(), false);
    for (std::size_t i = 0; i < data.people.size(); ++i) {
      in_round[i] = employed[i] || !has_history[i];
      if (has_history[i] && !employed[i]) facts.not_employed.push_back(static_cast<std::uint32_t>(i));
    }
    for (std::size_t begin = 0; begin < data.people.size(); begin += kChunk) {
      const auto assessments = core::build_demo_assessments(f, data.people, in_round, begin,
                                                            std::min(data.people.size(), begin + kChunk), r, kSeed);
      for (const core::Assessment& assessment : assessments) {
        const std::uint32_t person = person_index.at(assessment.employee_id);
        facts.statuses.push_back({person, assessment.status});
        for (const core::Rating& rating : assessment.ratings) {
          facts.ratings.push_back({person, index.competency.at(rating.competency),
                                   static_cast<std::uint8_t>(rating.self_level.value_or(0)),
                                   static_cast<std::uint8_t>(rating.agreed_level.value_or(0))});
        }
        for (const auto& [area, value] : assessment.motivation) {
          facts.motivations.push_back({person, index.area.at(area), static_cast<std::uint8_t>(value)});
        }
      }
    }
  }
}

const Dataset& synthetic(std::size_t people) {
  static std::map<std::size_t, std::unique_ptr<Dataset>> built;
  auto& slot = built[people];
  if (!slot) {
    slot = std::make_unique<Dataset>();
    core::DemoOrganisation organisation = core::build_synthetic_organisation(people, kSeed);
    const std::vector<core::Employment> employments = core::add_employment_history(organisation, kSeed);
    slot->tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(organisation.units));
    slot->people = std::move(organisation.people);
    add_rounds(*slot, employments);
    for (std::size_t r = 0; r < 2; ++r) {
      slot->snapshots[r] = core::GapSnapshot::build(slot->rounds[r], framework(), slot->tree, slot->people, slot->facts[r]);
    }
  }
  return *slot;
}

void BM_GapDisclosureBuild(benchmark::State& state) {
  const Dataset& data = synthetic(static_cast<std::size_t>(state.range(0)));
  core::DisclosureControl::Summary summary;
  for (auto _ : state) {
    auto disclosure = core::GapDisclosure::build(*data.snapshots[1], core::kDefaultMinGroup);
    summary = disclosure->summary();
    benchmark::DoNotOptimize(disclosure.get());
  }
  state.counters["people"] = static_cast<double>(data.snapshots[1]->people());
  state.counters["units"] = static_cast<double>(data.tree->size());
  state.counters["cells"] = static_cast<double>(summary.cells);
  state.counters["nonempty"] = static_cast<double>(summary.nonempty);
  state.counters["shown"] = static_cast<double>(summary.shown);
  state.counters["hidden_primary"] = static_cast<double>(summary.primary);
  state.counters["hidden_secondary"] = static_cast<double>(summary.secondary);
  state.counters["passes"] = static_cast<double>(summary.passes);
}

// The overview's two queries (the unit and its units as groups) with and without the
// round's decisions: what suppression costs a request once the decisions exist.
void overview_queries(benchmark::State& state, const core::GapDisclosure* disclosure) {
  const Dataset& data = synthetic(static_cast<std::size_t>(state.range(0)));
  const core::GapSnapshot& snapshot = *data.snapshots[1];
  core::GapQuery query;
  query.unit = snapshot.tree().unit(snapshot.tree().children(snapshot.tree().roots().front()).front()).code;
  query.disclosure = disclosure;
  core::GapQuery grouped = query;
  grouped.group_by = core::GroupBy::kUnit;
  for (auto _ : state) {
    auto report = core::run_gap_query(snapshot, query);
    auto groups = core::run_gap_query(snapshot, grouped);
    benchmark::DoNotOptimize(report->competencies.data());
    benchmark::DoNotOptimize(groups->groups.data());
  }
}

void BM_OverviewQueriesWithout(benchmark::State& state) { overview_queries(state, nullptr); }

void BM_OverviewQueriesWithSuppression(benchmark::State& state) {
  const Dataset& data = synthetic(static_cast<std::size_t>(state.range(0)));
  static std::map<long, std::shared_ptr<const core::GapDisclosure>> decided;
  auto& disclosure = decided[state.range(0)];
  if (!disclosure) disclosure = core::GapDisclosure::build(*data.snapshots[1], core::kDefaultMinGroup);
  overview_queries(state, disclosure.get());
}

void register_benchmarks() {
  std::vector<long> sizes{50'000L};
  if (const char* national = std::getenv("TRAPPA_BENCH_NATIONAL"); national != nullptr && *national == '1') {
    sizes.push_back(1'300'000L);
  }
  for (long people : sizes) {
    benchmark::RegisterBenchmark("BM_GapDisclosureBuild", BM_GapDisclosureBuild)->Arg(people)
        ->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true)->UseRealTime();
    benchmark::RegisterBenchmark("BM_OverviewQueriesWithout", BM_OverviewQueriesWithout)->Arg(people)
        ->Unit(benchmark::kMicrosecond)->Repetitions(3)->ReportAggregatesOnly(true)->UseRealTime();
    benchmark::RegisterBenchmark("BM_OverviewQueriesWithSuppression", BM_OverviewQueriesWithSuppression)->Arg(people)
        ->Unit(benchmark::kMicrosecond)->Repetitions(3)->ReportAggregatesOnly(true)->UseRealTime();
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_benchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
