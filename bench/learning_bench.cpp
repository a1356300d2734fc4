// Issue 16's learning benchmarks (docs/learning.md, "Speed"):
// - recommendations for every person of a 50 000-person organisation (target ≤ 1 s in total):
//   core::recommend for each person with their 2026 levels, a budget of 20 hours, over a
//   catalogue of 50 activities (a basic and an advanced one per competency, and ten two-
//   competency workshops), after one places_taken;
// - the statistics over 1.3 million people with 10 million participation rows (target
//   ≤ 200 ms): compute_learning_stats over core::LearningFacts for the whole organisation,
//   by gender, by area and by the top units.
// The organisation and levels are bench/synthetic_rounds.hpp's; the rows are random (seeded):
// a person, an activity and a day between September 2023 and March 2026, 80 % attended, 10 %
// registered, 5 % no-show and 5 % cancelled. Building any of this is not timed.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>

#include "core/assessment/round_facts.hpp"
#include "core/base/date.hpp"
#include "core/learning/learning_stats.hpp"
#include "core/learning/recommendation.hpp"
#include "synthetic_rounds.hpp"

namespace {

using namespace trappa;

std::vector<std::string> competency_codes(const core::Framework& framework) {
  std::vector<std::string> codes;
  for (const core::Area& area : framework.areas) {
    for (const core::Competency& competency : area.competencies) codes.push_back(competency.code);
  }
  return codes;
}

const std::vector<core::LearningActivity>& catalogue() {
  static const std::vector<core::LearningActivity> activities = [] {
    const core::Framework& framework = bench::framework();
    const std::vector<std::string> codes = competency_codes(framework);
    std::vector<core::LearningActivity> made;
    const auto add = [&](std::string code, std::vector<std::string> competencies, int from, int to, double hours) {
      core::LearningActivity activity;
      activity.code = std::move(code);
      activity.title = "Aktivitet " + activity.code;
      activity.framework_id = framework.id;
      activity.competencies = std::move(competencies);
      activity.level_from = from;
      activity.level_to = to;
      activity.hours = hours;
      activity.starts = *core::parse_iso_date("2023-09-01");
      activity.ends = *core::parse_iso_date("2026-12-31");
      activity.status = core::ActivityStatus::kOpen;
      made.push_back(std::move(activity));
    };
    for (std::size_t c = 0; c < codes.size(); ++c) {
      add("GRUND-" + codes[c], {codes[c]}, 1, 3, 3);
      add("AVANC-" + codes[c], {codes[c]}, 3, 5, 8);
    }
    for (std::size_t w = 0; w < 10; ++w) add("WS-" + std::to_string(w), {codes[w], codes[w + 10]}, 1, 2, 2);
    return made;
  }();
  return activities;
}

void BM_RecommendEveryone(benchmark::State& state) {
  const bench::Dataset& data = bench::synthetic(static_cast<std::size_t>(state.range(0)));
  const core::Framework& framework = bench::framework();
  const std::vector<std::string> codes = competency_codes(framework);
  // Each person's 2026 assessment as the store would load it.
  std::vector<core::Assessment> assessments(data.people.size());
  for (const core::RoundFacts::RatingFact& rating : data.facts[1].ratings) {
    core::Rating made;
    made.competency = codes[rating.competency];
    if (rating.self_level > 0) made.self_level = rating.self_level;
    if (rating.agreed_level > 0) made.agreed_level = rating.agreed_level;
    assessments[rating.person].ratings.push_back(std::move(made));
  }
  const std::vector<core::LearningActivity>& activities = catalogue();
  const core::Date on = *core::parse_iso_date("2026-06-01");
  std::size_t picks = 0;
  for (auto _ : state) {
    const std::vector<std::size_t> taken = core::places_taken(activities, {});
    picks = 0;
    for (std::size_t p = 0; p < data.people.size(); ++p) {
      const core::RecommendationList list =
          core::recommend(data.people[p], &assessments[p], framework, activities, taken, {}, on, 20.0);
      picks += list.recommendations.size();
    }
    benchmark::DoNotOptimize(picks);
  }
  state.counters["people"] = static_cast<double>(data.people.size());
  state.counters["picks"] = static_cast<double>(picks);
}

const core::LearningFacts& random_facts(const bench::Dataset& data, std::size_t rows) {
  static const core::LearningFacts facts = [&] {
    std::mt19937_64 random(20261204);
    std::uniform_int_distribution<std::size_t> person(0, data.people.size() - 1);
    std::uniform_int_distribution<std::size_t> activity(0, catalogue().size() - 1);
    const std::int32_t first = core::day_number(*core::parse_iso_date("2023-09-01"));
    const std::int32_t last = core::day_number(*core::parse_iso_date("2026-03-31"));
    std::uniform_int_distribution<std::int32_t> day(first, last);
    std::uniform_int_distribution<int> percent(0, 99);
    core::LearningFacts made;
    made.rows.reserve(rows);
    for (std::size_t i = 0; i < rows; ++i) {
      core::LearningFacts::Row row;
      row.person = static_cast<std::uint32_t>(person(random));
      const core::Person& who = data.people[row.person];
      row.unit = data.tree->index_of(who.unit_code).value_or(core::LearningFacts::kNoUnit);
      row.gender = who.gender;
      row.activity = static_cast<std::uint16_t>(activity(random));
      row.day = day(random);
      const int roll = percent(random);
      row.status = roll < 80 ? core::ParticipationStatus::kAttended
                   : roll < 90 ? core::ParticipationStatus::kRegistered
                   : roll < 95 ? core::ParticipationStatus::kNoShow
                               : core::ParticipationStatus::kCancelled;
      row.hours = row.status == core::ParticipationStatus::kAttended
                      ? static_cast<float>(catalogue()[row.activity].hours)
                      : 0.0F;
      made.rows.push_back(row);
    }
    std::stable_sort(made.rows.begin(), made.rows.end(),
                     [](const core::LearningFacts::Row& a, const core::LearningFacts::Row& b) { return a.person < b.person; });
    return made;
  }();
  return facts;
}

void BM_LearningStats(benchmark::State& state) {
  const bench::Dataset& data = bench::synthetic(1'300'000);
  const core::LearningFacts& facts = random_facts(data, 10'000'000);
  core::LearningStatsQuery query;
  query.from = *core::parse_iso_date("2025-01-01");
  query.to = *core::parse_iso_date("2025-12-31");
  query.by = static_cast<core::LearningGrouping>(state.range(0));
  query.targets = {1098, 18};
  const std::vector<core::Framework> frameworks{bench::framework()};
  std::size_t participants = 0;
  for (auto _ : state) {
    auto stats = core::compute_learning_stats(*data.tree, catalogue(), frameworks, facts, query);
    if (!stats) {
      state.SkipWithError(stats.error().message.c_str());
      return;
    }
    participants = stats->total.participants;
    benchmark::DoNotOptimize(stats->total.hours);
  }
  state.SetLabel(query.by == core::LearningGrouping::kNone ? "total" : std::string(core::to_code(query.by)));
  state.counters["rows"] = static_cast<double>(facts.rows.size());
  state.counters["participants"] = static_cast<double>(participants);
}

}  // namespace

BENCHMARK(BM_RecommendEveryone)->Arg(50'000)->Unit(benchmark::kMillisecond)->Repetitions(5)
    ->ReportAggregatesOnly(true)->UseRealTime();
BENCHMARK(BM_LearningStats)
    ->Arg(static_cast<int>(trappa::core::LearningGrouping::kNone))
    ->Arg(static_cast<int>(trappa::core::LearningGrouping::kGender))
    ->Arg(static_cast<int>(trappa::core::LearningGrouping::kArea))
    ->Arg(static_cast<int>(trappa::core::LearningGrouping::kUnit))
    ->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true)->UseRealTime();

BENCHMARK_MAIN();
