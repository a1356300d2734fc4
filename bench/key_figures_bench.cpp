// Key figures at city scale (50 000 people) and national scale (1.3 million): every figure of
// `trappa figures` — three-year headcount, FTE, turnover with twelve month ends, age, tenure,
// retirements, positions — over three years of employment history.
//
// The organisation and its history are built once per size (demo::build_synthetic_organisation
// + demo::add_employment_history: about 1.45 people and 1.3 employments per current employee,
// former staff included) and are not part of the timing. Input comes in employee-id order, as
// the store returns it; the "unsorted" case measures the sorts compute_key_figures does when
// it does not.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <memory>

#include "demo/history.hpp"
#include "demo/organisation.hpp"
#include "core/workforce/key_figures.hpp"

namespace {

using namespace trappa;

struct Dataset {
  demo::DemoOrganisation organisation;
  std::vector<core::Employment> employments;
};

const Dataset& dataset(std::size_t people) {
  static std::map<std::size_t, std::unique_ptr<Dataset>> built;
  auto& slot = built[people];
  if (!slot) {
    slot = std::make_unique<Dataset>();
    slot->organisation = demo::build_synthetic_organisation(people, 42);
    slot->employments = demo::add_employment_history(slot->organisation, 42);
  }
  return *slot;
}

core::KeyFigureQuery query_at_demo_end(std::string unit_code = {}) {
  core::KeyFigureQuery query;
  query.at = demo::kDemoHistoryEnd;
  query.unit_code = std::move(unit_code);
  return query;
}

void run(benchmark::State& state, const Dataset& data, const std::vector<core::Person>& people,
         const std::vector<core::Employment>& employments, const core::KeyFigureQuery& query) {
  for (auto _ : state) {
    auto figures = core::compute_key_figures(people, employments, data.organisation.units, query);
    if (!figures) {
      state.SkipWithError(figures.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(figures->headcount[0].all.total());
  }
  state.counters["people"] = static_cast<double>(people.size());
  state.counters["employments"] = static_cast<double>(employments.size());
  state.counters["employments/s"] =
      benchmark::Counter(static_cast<double>(employments.size()), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_KeyFiguresWholeCity(benchmark::State& state) {
  const Dataset& data = dataset(static_cast<std::size_t>(state.range(0)));
  run(state, data, data.organisation.people, data.employments, query_at_demo_end());
}

// --unit F1: one administration of about 4 000 people; every employment still visited once.
void BM_KeyFiguresOneAdministration(benchmark::State& state) {
  const Dataset& data = dataset(static_cast<std::size_t>(state.range(0)));
  run(state, data, data.organisation.people, data.employments,
      query_at_demo_end("F1"));
}

// People and employments in reverse order: includes the two index sorts.
void BM_KeyFiguresUnsortedInput(benchmark::State& state) {
  const Dataset& data = dataset(static_cast<std::size_t>(state.range(0)));
  static std::map<std::size_t, std::pair<std::vector<core::Person>, std::vector<core::Employment>>> reversed;
  auto& [people, employments] = reversed[static_cast<std::size_t>(state.range(0))];
  if (people.empty()) {
    people.assign(data.organisation.people.rbegin(), data.organisation.people.rend());
    employments.assign(data.employments.rbegin(), data.employments.rend());
  }
  run(state, data, people, employments, query_at_demo_end());
}

}  // namespace

BENCHMARK(BM_KeyFiguresWholeCity)->Arg(50'000)->Arg(1'300'000)->Unit(benchmark::kMillisecond)
    ->Repetitions(5)->ReportAggregatesOnly(true)->UseRealTime();
BENCHMARK(BM_KeyFiguresOneAdministration)->Arg(1'300'000)->Unit(benchmark::kMillisecond)
    ->Repetitions(5)->ReportAggregatesOnly(true)->UseRealTime();
BENCHMARK(BM_KeyFiguresUnsortedInput)->Arg(50'000)->Arg(1'300'000)->Unit(benchmark::kMillisecond)
    ->Repetitions(3)->ReportAggregatesOnly(true)->UseRealTime();

BENCHMARK_MAIN();
