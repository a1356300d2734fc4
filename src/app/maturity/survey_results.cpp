#include "app/maturity/survey_results.hpp"

#include <fmt/format.h>

#include "io/json/survey_instrument_json.hpp"

namespace trappa::app {

core::Result<ImportedInstrument> import_survey_instrument(store::Store& store, const std::filesystem::path& file,
                                                          const store::Actor& actor) {
  ASSIGN_OR_RETURN(auto instrument, io::read_survey_instrument_file(file));
  store::Actor with_source = actor;
  with_source.source = file.filename().string();
  ASSIGN_OR_RETURN(const bool replaced, store.surveys().save_instrument_version(
                                            instrument, io::write_survey_instrument_json(instrument), with_source));
  return ImportedInstrument{std::move(instrument), replaced};
}

core::Result<core::SurveyInstrument> load_round_instrument(store::Store& store, const store::SurveyRound& round) {
  ASSIGN_OR_RETURN(auto version, store.surveys().load_instrument_version(round.instrument, round.version));
  if (!version) {
    return core::fail(core::ErrorKind::kInternal,
                      fmt::format("the survey round '{}' refers to a missing instrument version", round.name));
  }
  return io::parse_survey_instrument(version->definition, fmt::format("{}@{}", round.instrument, round.version));
}

namespace {

core::Result<core::SurveyResults> score_round(store::Store& store, const store::SurveyRound& round,
                                              const core::SurveyInstrument& instrument, std::size_t min_group,
                                              const core::SurveyResults* previous) {
  ASSIGN_OR_RETURN(auto answers, store.surveys().load_answers(round.name));
  return core::score_survey(instrument, answers, min_group, previous);
}

}  // namespace

core::Result<SurveyRoundResults> load_survey_results(store::Store& store, const std::string& name,
                                                     std::size_t min_group) {
  ASSIGN_OR_RETURN(auto round, store.surveys().load_round(name));
  if (!round) return core::fail(core::ErrorKind::kNotFound, fmt::format("no survey round '{}'", name));
  ASSIGN_OR_RETURN(auto instrument, load_round_instrument(store, *round));
  ASSIGN_OR_RETURN(auto previous, store.surveys().previous_round(*round));
  std::optional<core::SurveyResults> before;
  if (previous) {
    ASSIGN_OR_RETURN(auto previous_instrument, load_round_instrument(store, *previous));
    ASSIGN_OR_RETURN(before, score_round(store, *previous, previous_instrument, min_group, nullptr));
  }
  ASSIGN_OR_RETURN(auto results, score_round(store, *round, instrument, min_group, before ? &*before : nullptr));
  return SurveyRoundResults{std::move(*round), std::move(instrument),
                            previous ? std::optional<std::string>(previous->name) : std::nullopt, std::move(results)};
}

}  // namespace trappa::app
