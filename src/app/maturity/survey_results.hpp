// Use cases of the organisation's own maturity survey (docs/maturity-survey.md): importing an
// instrument file, and the results of a round — its answers scored against its instrument
// version with the small-group threshold K, with the change since the previous round of the
// same instrument and unit. The command line and (later) the web call these.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "core/base/result.hpp"
#include "core/maturity/survey_instrument.hpp"
#include "core/maturity/survey_scoring.hpp"
#include "store/maturity/survey_store.hpp"
#include "store/store.hpp"

namespace trappa::app {

struct ImportedInstrument {
  core::SurveyInstrument instrument;
  bool replaced = false;  // the version existed (without answers) and was replaced
};

// Reads and checks the file (io/json/survey_instrument_json.hpp) and saves its canonical form;
// a problem in the file or a locked version changes nothing.
[[nodiscard]] core::Result<ImportedInstrument> import_survey_instrument(store::Store& store,
                                                                        const std::filesystem::path& file,
                                                                        const store::Actor& actor);

// The instrument version a round uses, read from its stored definition.
[[nodiscard]] core::Result<core::SurveyInstrument> load_round_instrument(store::Store& store,
                                                                         const store::SurveyRound& round);

struct SurveyRoundResults {
  store::SurveyRound round;
  core::SurveyInstrument instrument;
  std::optional<std::string> previous_round;  // the round the change is measured against
  core::SurveyResults results;
};

// Scores round `name` with threshold `min_group` (K); kNotFound when there is no such round.
[[nodiscard]] core::Result<SurveyRoundResults> load_survey_results(store::Store& store, const std::string& name,
                                                                   std::size_t min_group);

}  // namespace trappa::app
