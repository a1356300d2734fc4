// Small-group suppression at city scale (50 000 people) and national scale (1.3 million):
// the decisions for every cell of a round (core/disclosure/gap_disclosure.hpp), made once per snapshot
// when an observer first asks, and what they add to a query (a lookup per figure).
//
// The data is the gap benchmark's (bench/synthetic_rounds.hpp): `trappa demo --scale N` built
// in memory, two rounds, the 20-competency framework; building it is not timed.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>
#include <memory>

#include "core/analytics/gap_disclosure.hpp"
#include "core/analytics/gap_query.hpp"
#include "core/analytics/gap_snapshot.hpp"
#include "synthetic_rounds.hpp"

namespace {

using namespace trappa;

using bench::Dataset;
using bench::synthetic;

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
