// Gap analytics at city scale (50 000 people) and national scale (1.3 million): the three
// queries of the peer comparison (bench/compare_gaps.sh, docs/performance.md) over the
// 20-competency framework and two rounds, plus the snapshot build and its memory.
//
//   Q1  overall figures and the figures per area of round 2026 (whole organisation)
//   Q2  need share per unit × competency: groups are the root's children (`--by unit`)
//   Q3  round comparison per competency: 2026 and 2025 queried, then compare_reports
//
// The data is built in memory as `trappa demo --scale N` builds it (synthetic organisation,
// three years of employment history, the two demo rounds), and the assessments go straight
// into core::RoundFacts without a store; building it is not part of any timing.
//
// With TRAPPA_BENCH_DB=FILE (a SQLite store, e.g. one made by `trappa demo --db FILE`) the
// BM_Db* benchmarks also time the snapshot build from the store and the same three queries
// on that data; bench/compare_gaps.sh uses them for the Trappa column of its table.
//
// The framework is read from $TRAPPA_DATA_DIR/frameworks/digital-kompetens.json, else from
// data/ beside this source file, else from ./data.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.hpp"
#include "core/demo_history.hpp"
#include "core/demo_org.hpp"
#include "core/demo_rounds.hpp"
#include "core/gap_query.hpp"
#include "core/gap_snapshot.hpp"
#include "core/round_facts.hpp"
#include "core/unit_tree.hpp"
#include "io/framework_json.hpp"
#include "store/snapshot_loader.hpp"
#include "store/store.hpp"

namespace {

using namespace trappa;

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
      std::cerr << "gap_query_bench: " << read.error().message << " (set TRAPPA_DATA_DIR)\n";
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

// The snapshots of rounds 2025 and 2026 loaded from TRAPPA_BENCH_DB, once.
struct StoreData {
  std::shared_ptr<const core::GapSnapshot> snapshots[2];
};
const char* bench_db() {
  const char* path = std::getenv("TRAPPA_BENCH_DB");
  return path != nullptr && *path != '\0' ? path : nullptr;
}

core::Result<std::unique_ptr<store::Store>> open_bench_store() {
  auto store = store::Store::open(bench_db());
  if (!store) return store;
  if (auto migrated = (*store)->migrate(); !migrated) return std::unexpected(migrated.error());
  return store;
}

const StoreData* from_store(benchmark::State& state) {
  static std::unique_ptr<StoreData> loaded;
  static std::string error;
  if (!loaded && error.empty()) {
    auto store = open_bench_store();
    if (!store) {
      error = store.error().message;
    } else if (auto organisation = store::load_organisation(**store); !organisation) {
      error = organisation.error().message;
    } else {
      auto data = std::make_unique<StoreData>();
      const char* names[2] = {"2025", "2026"};
      for (std::size_t r = 0; r < 2 && error.empty(); ++r) {
        auto snapshot = store::load_gap_snapshot(**store, names[r], *organisation);
        if (!snapshot) error = snapshot.error().message;
        else data->snapshots[r] = *snapshot;
      }
      if (error.empty()) loaded = std::move(data);
    }
  }
  if (!loaded) state.SkipWithError(error.c_str());
  return loaded.get();
}

// --- the three queries ----------------------------------------------------------------------

core::GapReport run(benchmark::State& state, const core::GapSnapshot& snapshot, const core::GapQuery& query) {
  auto report = core::run_gap_query(snapshot, query);
  if (!report) {
    state.SkipWithError(report.error().message.c_str());
    return {};
  }
  return std::move(*report);
}

void q1_overall_by_area(benchmark::State& state, const core::GapSnapshot& now) {
  for (auto _ : state) {
    core::GapReport report = run(state, now, core::GapQuery{});
    benchmark::DoNotOptimize(report.areas.data());
  }
}

void q2_need_share_by_unit(benchmark::State& state, const core::GapSnapshot& now) {
  core::GapQuery query;
  query.group_by = core::GroupBy::kUnit;
  std::size_t groups = 0;
  for (auto _ : state) {
    core::GapReport report = run(state, now, query);
    groups = report.groups.size();
    benchmark::DoNotOptimize(report.groups.data());
  }
  state.counters["groups"] = static_cast<double>(groups);
}

void q3_round_comparison(benchmark::State& state, const core::GapSnapshot& now, const core::GapSnapshot& before) {
  for (auto _ : state) {
    core::GapReport current = run(state, now, core::GapQuery{});
    core::GapReport earlier = run(state, before, core::GapQuery{});
    core::GapComparison comparison = core::compare_reports(current, earlier);
    benchmark::DoNotOptimize(comparison.competencies.data());
  }
}

void add_size_counters(benchmark::State& state, const core::GapSnapshot& now) {
  state.counters["people"] = static_cast<double>(now.people());
  state.counters["competencies"] = static_cast<double>(now.competencies());
}

// --- in-memory synthetic data -----------------------------------------------------------------

void BM_SnapshotBuild(benchmark::State& state) {
  const Dataset& data = synthetic(static_cast<std::size_t>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto snapshot = core::GapSnapshot::build(data.rounds[1], framework(), data.tree, data.people, data.facts[1]);
    bytes = snapshot->memory_bytes();
    benchmark::DoNotOptimize(snapshot.get());
  }
  add_size_counters(state, *data.snapshots[1]);
  state.counters["ratings"] = static_cast<double>(data.facts[1].ratings.size());
  state.counters["memory_MiB"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
}

// What a saved assessment costs the web application's analytics: one person's facts replaced
// in the current snapshot (RoundRegistry::record_assessment), against BM_SnapshotBuild.
void BM_SnapshotReplacePerson(benchmark::State& state) {
  const Dataset& data = synthetic(static_cast<std::size_t>(state.range(0)));
  const core::GapSnapshot& snapshot = *data.snapshots[1];
  core::RoundFacts saved;
  const std::uint32_t person = snapshot.source_person()[snapshot.people() / 2];
  saved.statuses.push_back({person, core::AssessmentStatus::kSelfAssessed});
  for (std::size_t c = 0; c < snapshot.competencies(); ++c) {
    saved.ratings.push_back({person, static_cast<std::uint16_t>(c), 3, 0});
  }
  for (auto _ : state) {
    auto next = snapshot.with_person_replaced(person, saved);
    benchmark::DoNotOptimize(next.get());
  }
  add_size_counters(state, snapshot);
}

void BM_Q1OverallByArea(benchmark::State& state) {
  const Dataset& data = synthetic(static_cast<std::size_t>(state.range(0)));
  q1_overall_by_area(state, *data.snapshots[1]);
  add_size_counters(state, *data.snapshots[1]);
}

void BM_Q2NeedShareByUnitCompetency(benchmark::State& state) {
  const Dataset& data = synthetic(static_cast<std::size_t>(state.range(0)));
  q2_need_share_by_unit(state, *data.snapshots[1]);
  add_size_counters(state, *data.snapshots[1]);
}

void BM_Q3RoundComparison(benchmark::State& state) {
  const Dataset& data = synthetic(static_cast<std::size_t>(state.range(0)));
  q3_round_comparison(state, *data.snapshots[1], *data.snapshots[0]);
  add_size_counters(state, *data.snapshots[1]);
}

// --- the store given by TRAPPA_BENCH_DB -------------------------------------------------------

// Everything `trappa analyze gaps` does before its query: the organisation and one round's
// snapshot (2026) read from the store and built.
void BM_DbSnapshotLoad(benchmark::State& state) {
  std::size_t bytes = 0, people = 0;
  for (auto _ : state) {
    auto store = open_bench_store();
    if (!store) {
      state.SkipWithError(store.error().message.c_str());
      return;
    }
    auto organisation = store::load_organisation(**store);
    if (!organisation) {
      state.SkipWithError(organisation.error().message.c_str());
      return;
    }
    auto snapshot = store::load_gap_snapshot(**store, "2026", *organisation);
    if (!snapshot) {
      state.SkipWithError(snapshot.error().message.c_str());
      return;
    }
    bytes = (*snapshot)->memory_bytes();
    people = (*snapshot)->people();
  }
  state.counters["people"] = static_cast<double>(people);
  state.counters["memory_MiB"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
}

void BM_DbQ1OverallByArea(benchmark::State& state) {
  if (const StoreData* data = from_store(state)) {
    q1_overall_by_area(state, *data->snapshots[1]);
    add_size_counters(state, *data->snapshots[1]);
  }
}

void BM_DbQ2NeedShareByUnitCompetency(benchmark::State& state) {
  if (const StoreData* data = from_store(state)) {
    q2_need_share_by_unit(state, *data->snapshots[1]);
    add_size_counters(state, *data->snapshots[1]);
  }
}

void BM_DbQ3RoundComparison(benchmark::State& state) {
  if (const StoreData* data = from_store(state)) {
    q3_round_comparison(state, *data->snapshots[1], *data->snapshots[0]);
    add_size_counters(state, *data->snapshots[1]);
  }
}

void register_benchmarks() {
  for (long people : {50'000L, 1'300'000L}) {
    benchmark::RegisterBenchmark("BM_SnapshotBuild", BM_SnapshotBuild)->Arg(people)
        ->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true)->UseRealTime();
    benchmark::RegisterBenchmark("BM_SnapshotReplacePerson", BM_SnapshotReplacePerson)->Arg(people)
        ->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true)->UseRealTime();
    for (auto* query : {&BM_Q1OverallByArea, &BM_Q2NeedShareByUnitCompetency, &BM_Q3RoundComparison}) {
      const char* name = query == &BM_Q1OverallByArea                ? "BM_Q1OverallByArea"
                         : query == &BM_Q2NeedShareByUnitCompetency ? "BM_Q2NeedShareByUnitCompetency"
                                                                     : "BM_Q3RoundComparison";
      benchmark::RegisterBenchmark(name, *query)->Arg(people)->Unit(benchmark::kMillisecond)
          ->Repetitions(5)->ReportAggregatesOnly(true)->UseRealTime();
    }
  }
  // Only with a store to read: skipped (not registered) otherwise.
  if (bench_db() == nullptr) return;
  benchmark::RegisterBenchmark("BM_DbSnapshotLoad", BM_DbSnapshotLoad)->Unit(benchmark::kMillisecond)
      ->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true)->UseRealTime();
  benchmark::RegisterBenchmark("BM_DbQ1OverallByArea", BM_DbQ1OverallByArea)->Unit(benchmark::kMillisecond)
      ->Repetitions(5)->ReportAggregatesOnly(true)->UseRealTime();
  benchmark::RegisterBenchmark("BM_DbQ2NeedShareByUnitCompetency", BM_DbQ2NeedShareByUnitCompetency)
      ->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true)->UseRealTime();
  benchmark::RegisterBenchmark("BM_DbQ3RoundComparison", BM_DbQ3RoundComparison)->Unit(benchmark::kMillisecond)
      ->Repetitions(5)->ReportAggregatesOnly(true)->UseRealTime();
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
