#include "core/forecast/forecast_competence.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "core/org/unit_tree.hpp"

namespace trappa::core {

namespace forecast_detail {

namespace {

constexpr std::uint32_t kNotInRound = UINT32_MAX;

// Snapshot position of every person (index into `people`), kNotInRound for people outside it.
std::vector<std::uint32_t> positions_by_person(const GapSnapshot& snapshot, std::span<const StockPerson> stock) {
  std::uint32_t largest = 0;
  for (const StockPerson& person : stock) largest = std::max(largest, person.person);
  for (std::uint32_t source : snapshot.source_person()) largest = std::max(largest, source);
  std::vector<std::uint32_t> position(static_cast<std::size_t>(largest) + 1, kNotInRound);
  const auto sources = snapshot.source_person();
  for (std::size_t k = 0; k < sources.size(); ++k) position[sources[k]] = static_cast<std::uint32_t>(k);
  return position;
}

// Per competency of R, pooled over the stock: people below expected in the earlier round who
// were rated in both, and of those the ones at or above expected in R.
struct Development {
  std::size_t below = 0;
  std::size_t reached = 0;
};

std::vector<Development> measure_development(const GapSnapshot& round, const GapSnapshot& earlier,
                                             std::span<const StockPerson> stock,
                                             const std::vector<std::uint32_t>& position_now,
                                             const std::vector<std::uint32_t>& position_before) {
  std::vector<Development> development(round.competencies());
  std::unordered_map<std::string_view, std::size_t> earlier_competency;
  for (std::size_t c = 0; c < earlier.competencies(); ++c) earlier_competency.emplace(earlier.competency(c).code, c);
  for (std::size_t c = 0; c < round.competencies(); ++c) {
    const auto match = earlier_competency.find(round.competency(c).code);
    if (match == earlier_competency.end()) continue;
    const std::size_t c0 = match->second;
    const auto levels_now = round.levels(LevelBasis::kAgreed, c);
    const auto levels_before = earlier.levels(LevelBasis::kAgreed, c0);
    for (const StockPerson& person : stock) {
      const std::uint32_t now = position_now[person.person];
      const std::uint32_t before = position_before[person.person];
      if (now == kNotInRound || before == kNotInRound) continue;
      const std::uint8_t level_now = levels_now[now];
      const std::uint8_t level_before = levels_before[before];
      if (level_now == 0 || level_before == 0) continue;
      const std::uint8_t expected_before = earlier.expected(earlier.role()[before], c0);
      const std::uint8_t expected_now = round.expected(round.role()[now], c);
      if (expected_before == 0 || expected_now == 0 || level_before >= expected_before) continue;
      ++development[c].below;
      if (level_now >= expected_now) ++development[c].reached;
    }
  }
  return development;
}

}  // namespace

void check_development_rates(const ForecastScenario& scenario, const ForecastRounds& rounds,
                             std::vector<Problem>& problems) {
  for (const auto& [code, rate] : scenario.development_rate) {
    if (rounds.round == nullptr || rounds.round->framework().find_competency(code) == nullptr) {
      problems.push_back({"$.development_rate." + code,
                          rounds.round == nullptr ? "unknown competency (the forecast has no round)"
                                                  : "unknown competency"});
    } else if (!(rate >= 0 && rate <= 1)) {
      problems.push_back({"$.development_rate." + code, "a rate between 0 and 1 expected"});
    }
  }
}

void add_competence_forecast(Forecast& forecast, std::span<const StockPerson> stock, const ForecastRounds& rounds,
                             const ForecastScenario& scenario) {
  if (rounds.round == nullptr) return;
  const GapSnapshot& round = *rounds.round;
  forecast.round = round.round().name;
  const std::vector<std::uint32_t> position_now = positions_by_person(round, stock);
  std::vector<Development> development(round.competencies());
  if (rounds.earlier != nullptr) {
    forecast.earlier_round = rounds.earlier->round().name;
    const std::vector<std::uint32_t> position_before = positions_by_person(*rounds.earlier, stock);
    development = measure_development(round, *rounds.earlier, stock, position_now, position_before);
  }

  // Per role and competency: rated, at or above expected, and the same for recent recruits.
  struct Tally {
    std::size_t rated = 0, reached = 0, recruits_rated = 0, recruits_reached = 0;
  };
  const std::size_t competencies = round.competencies();
  std::vector<std::optional<std::uint16_t>> snapshot_role(forecast.roles.size());
  for (std::size_t r = 0; r < forecast.roles.size(); ++r) snapshot_role[r] = round.role_index(forecast.roles[r].role);
  std::vector<Tally> tallies(forecast.roles.size() * competencies);
  for (std::size_t c = 0; c < competencies; ++c) {
    const auto levels = round.levels(LevelBasis::kAgreed, c);
    for (const StockPerson& person : stock) {
      const std::uint32_t position = position_now[person.person];
      if (position == kNotInRound || !snapshot_role[person.role]) continue;
      const std::uint8_t expected = round.expected(*snapshot_role[person.role], c);
      const std::uint8_t level = levels[position];
      if (expected == 0 || level == 0) continue;
      Tally& tally = tallies[person.role * competencies + c];
      ++tally.rated;
      if (level >= expected) ++tally.reached;
      if (person.recent) {
        ++tally.recruits_rated;
        if (level >= expected) ++tally.recruits_reached;
      }
    }
  }

  const auto years = static_cast<std::size_t>(forecast.years);
  for (std::size_t r = 0; r < forecast.roles.size(); ++r) {
    RoleForecast& role = forecast.roles[r];
    if (!snapshot_role[r]) continue;  // no profile in the round's framework
    for (std::size_t c = 0; c < competencies; ++c) {
      if (round.expected(*snapshot_role[r], c) == 0) continue;
      const Tally& tally = tallies[r * competencies + c];
      CompetencyForecast competency;
      competency.code = round.competency(c).code;
      competency.area = round.framework().areas[round.competency_area(c)].code;
      competency.rated = tally.rated;
      competency.recruits_rated = tally.recruits_rated;
      if (const auto set = scenario.development_rate.find(competency.code); set != scenario.development_rate.end()) {
        competency.development_rate = set->second;
        competency.development_rate_from_scenario = true;
      } else if (development[c].below > 0) {
        competency.development_rate =
            static_cast<double>(development[c].reached) / static_cast<double>(development[c].below);
      }
      competency.shares.assign(years, std::nullopt);
      if (tally.rated > 0) {
        const double s0 = static_cast<double>(tally.reached) / static_cast<double>(tally.rated);
        competency.start_share = s0;
        competency.recruit_share =
            tally.recruits_rated >= kMinimumRecruitsRated
                ? static_cast<double>(tally.recruits_reached) / static_cast<double>(tally.recruits_rated)
                : s0;
        double supply = s0 * static_cast<double>(role.start);  // A(t − 1)
        for (std::size_t t = 0; t < years; ++t) {
          const ForecastYear& year = role.years[t];
          const double stayers = year.start - year.retirements - year.leavers;
          const double kept = year.start > 0 ? supply * stayers / year.start : 0.0;
          const double developed = kept + competency.development_rate * (stayers - kept);
          supply = developed + *competency.recruit_share * year.recruitment_need;
          if (year.end > 0) competency.shares[t] = supply / year.end;
        }
      }
      role.competencies.push_back(std::move(competency));
    }
  }

  // Areas: one per area of the framework; sum_over_roles fills their shares.
  for (const Area& area : round.framework().areas) {
    forecast.areas.push_back(AreaForecast{area.code, std::vector<std::optional<double>>(years)});
  }
}

}  // namespace forecast_detail

std::optional<std::size_t> default_forecast_round(std::span<const Round> rounds, std::span<const Unit> units,
                                                  std::string_view unit_code) {
  const UnitTree tree = UnitTree::build(std::vector<Unit>(units.begin(), units.end()));
  const std::optional<std::uint32_t> unit = unit_code.empty() ? std::nullopt : tree.index_of(unit_code);
  auto covers = [&](const Round& round) {
    if (round.scope_unit.empty()) return true;
    const auto scope = tree.index_of(round.scope_unit);
    if (!scope) return false;
    if (unit_code.empty()) return tree.unit(*scope).parent_code.empty() && tree.roots().size() == 1;
    return unit && *scope <= *unit && *unit < tree.subtree_end(*scope);
  };
  for (std::size_t k = rounds.size(); k-- > 0;) {
    if (rounds[k].state == RoundState::kClosed && covers(rounds[k])) return k;
  }
  return std::nullopt;
}

std::optional<std::size_t> round_before(std::span<const Round> rounds, std::size_t index) {
  for (std::size_t k = index; k-- > 0;) {
    if (rounds[k].framework_id == rounds[index].framework_id) return k;
  }
  return std::nullopt;
}

}  // namespace trappa::core
