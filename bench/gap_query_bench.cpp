// Gap analytics at city scale (50 000 people) and national scale (1.3 million): the three
// queries of the peer comparison (bench/compare_gaps.sh, docs/performance.md) over the
// 20-competency framework and two rounds, plus the snapshot build and its memory.
//
//   Q1  overall figures and the figures per area of round 2026 (whole organisation)
//   Q2  need share per unit × competency: groups are the root's children (`--by unit`)
//   Q3  round comparison per competency: 2026 and 2025 queried, then compare_reports
//
// The data is built in memory as `trappa demo --scale N` builds it (bench/synthetic_rounds.hpp);
// building it is not part of any timing.
//
// With TRAPPA_BENCH_DB=FILE (a SQLite store, e.g. one made by `trappa demo --db FILE`) the
// BM_Db* benchmarks also time the snapshot build from the store and the same three queries
// on that data; bench/compare_gaps.sh uses them for the Trappa column of its table.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "core/analytics/gap_query.hpp"
#include "core/analytics/gap_snapshot.hpp"
#include "app/published/snapshot_loader.hpp"
#include "store/store.hpp"
#include "synthetic_rounds.hpp"

namespace {

using namespace trappa;

using bench::Dataset;
using bench::framework;
using bench::synthetic;

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
    } else if (auto organisation = app::load_organisation(**store); !organisation) {
      error = organisation.error().message;
    } else {
      auto data = std::make_unique<StoreData>();
      const char* names[2] = {"2025", "2026"};
      for (std::size_t r = 0; r < 2 && error.empty(); ++r) {
        auto snapshot = app::load_gap_snapshot(**store, names[r], *organisation);
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
    auto organisation = app::load_organisation(**store);
    if (!organisation) {
      state.SkipWithError(organisation.error().message.c_str());
      return;
    }
    auto snapshot = app::load_gap_snapshot(**store, "2026", *organisation);
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
