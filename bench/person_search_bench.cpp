// HR's person search (core/org/person_search.hpp) at city scale (50 000 people) and national
// scale (1.3 million): building the name index (done once per published directory, at the
// first search) and answering queries — a common first name cut short ("ann"), a first and a
// last name ("anna berg"), and a name nobody has. A query visits only the words that begin
// with its first word, so its time follows the number of candidates, not the organisation.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "core/org/person_search.hpp"
#include "demo/organisation.hpp"

namespace {

using namespace trappa;

const demo::DemoOrganisation& organisation(std::size_t people) {
  static std::map<std::size_t, std::unique_ptr<demo::DemoOrganisation>> built;
  auto& slot = built[people];
  if (!slot) slot = std::make_unique<demo::DemoOrganisation>(demo::build_synthetic_organisation(people, 42));
  return *slot;
}

void BM_BuildIndex(benchmark::State& state) {
  const auto& people = organisation(static_cast<std::size_t>(state.range(0))).people;
  for (auto _ : state) {
    core::PersonSearchIndex index(people);
    benchmark::DoNotOptimize(&index);
  }
  state.counters["people"] = static_cast<double>(people.size());
}

void BM_Search(benchmark::State& state, const char* query) {
  const auto& people = organisation(static_cast<std::size_t>(state.range(0))).people;
  const core::PersonSearchIndex index(people);
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    // As the page does: stop after 51 matches.
    index.for_each_match(query, [&](std::uint32_t) { return ++found <= 50; });
    benchmark::DoNotOptimize(found);
  }
  state.counters["people"] = static_cast<double>(people.size());
  state.counters["shown"] = static_cast<double>(found);
}

BENCHMARK(BM_BuildIndex)->Arg(50'000)->Arg(1'300'000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Search, prefix, "ann")->Arg(50'000)->Arg(1'300'000)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, first_and_last, "anna berg")->Arg(50'000)->Arg(1'300'000)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, nobody, "zzyzx")->Arg(50'000)->Arg(1'300'000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
