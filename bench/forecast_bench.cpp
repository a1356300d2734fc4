// The competence forecast (`trappa forecast`, docs/forecast.md) at city scale (50 000 current
// employees) and national scale (1.3 million): ten years, the leaving rates and the exit hazard
// measured over three years of history, and the competence part from the 2026 round with the
// 2025 round before it (the development rates measured between them) — the whole
// compute_forecast, as the command runs it after loading.
//
// The data are bench/synthetic_rounds.hpp's synthetic organisation with its employment history
// (about 1.56 people and 2.04 employments per current employee, in employee-id order as the
// store returns them) and both demo rounds as snapshots. Building them is not timed.
#include <benchmark/benchmark.h>

#include "core/forecast/forecast.hpp"
#include "demo/history.hpp"
#include "synthetic_rounds.hpp"

namespace {

using namespace trappa;

void BM_ForecastTenYearsWithCompetence(benchmark::State& state) {
  const bench::DatasetWithHistory& history = bench::synthetic_with_history(static_cast<std::size_t>(state.range(0)));
  const bench::Dataset& data = history.data;
  core::ForecastQuery query;
  query.at = demo::kDemoHistoryEnd;
  query.years = core::kForecastMaxYears;
  const core::ForecastRounds rounds{data.snapshots[1].get(), data.snapshots[0].get()};
  std::size_t stock = 0;
  for (auto _ : state) {
    auto forecast = core::compute_forecast(data.people, history.employments, history.units, query, {}, rounds);
    if (!forecast) {
      state.SkipWithError(forecast.error().message.c_str());
      return;
    }
    stock = 0;
    for (const core::RoleForecast& role : forecast->roles) stock += static_cast<std::size_t>(role.start);
    benchmark::DoNotOptimize(forecast->totals.back().end);
  }
  state.counters["people"] = static_cast<double>(data.people.size());
  state.counters["employments"] = static_cast<double>(history.employments.size());
  state.counters["stock"] = static_cast<double>(stock);
}

}  // namespace

BENCHMARK(BM_ForecastTenYearsWithCompetence)->Arg(50'000)->Arg(1'300'000)->Unit(benchmark::kMillisecond)
    ->Repetitions(5)->ReportAggregatesOnly(true)->UseRealTime();

BENCHMARK_MAIN();
