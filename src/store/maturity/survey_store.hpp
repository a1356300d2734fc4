// The organisation's own maturity survey in the store (docs/maturity-survey.md): instrument
// versions, survey rounds with their respondents, and the answers.
//
// Answers are pseudonymous: each respondent of a round gets a random token, and answers are
// stored and read under the token only. The token's owner is known to the store alone, so a
// respondent can go on answering; nothing this interface returns pairs a person with an
// answer except the respondent's own answers (load_own_answers). An instrument version is
// locked once any round has an answer to it.
//
// Part of the Store (store/store.hpp); the same rules hold: not thread-safe, one per
// connection, driver errors returned as kStorage. Every write is audited.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/maturity/survey_instrument.hpp"
#include "core/maturity/survey_scoring.hpp"
#include "store/store.hpp"

namespace trappa::store {

struct SurveyInstrumentVersion {
  std::string instrument;
  int version = 0;
  std::string title;
  std::string definition;  // the canonical instrument file
  std::string imported_at;
  std::string imported_by;
  bool locked = false;     // some round has an answer to it
};

enum class SurveyScope { kEveryone, kChosen };

struct SurveyRoundSpec {
  std::string name;
  std::string instrument;
  int version = 0;          // 0: the latest version of the instrument
  std::string unit_code;
  std::string period;       // "2026", "2026-10", "2026-10-01", …: orders the rounds of an instrument
  SurveyScope scope = SurveyScope::kEveryone;
  std::vector<std::string> chosen{};  // kChosen: the employee ids asked
};

struct SurveyRound {
  std::string name;
  std::string instrument;
  int version = 0;
  std::string unit_code;
  std::string period;
  SurveyScope scope = SurveyScope::kEveryone;
  bool open = true;
  std::string opened_at;
  std::string opened_by;
  std::size_t invited = 0;    // respondents asked
  std::size_t answering = 0;  // respondents with at least one answer
};

class SurveyStore {
 public:
  virtual ~SurveyStore() = default;

  // Saves one instrument version, with `definition` (its canonical file) and its items. A new
  // version is audited "survey.instrument.import", one replaced before any answer
  // "survey.instrument.replace" (subject "INSTRUMENT@VERSION"); a version with answers is
  // locked: kConflict, nothing changes. Returns whether a version was replaced.
  [[nodiscard]] virtual core::Result<bool> save_instrument_version(const core::SurveyInstrument& instrument,
                                                                   const std::string& definition,
                                                                   const Actor& actor) = 0;
  // Every version, by instrument and version.
  [[nodiscard]] virtual core::Result<std::vector<SurveyInstrumentVersion>> list_instrument_versions() = 0;
  // One version (0: the latest), or nullopt.
  [[nodiscard]] virtual core::Result<std::optional<SurveyInstrumentVersion>> load_instrument_version(
      const std::string& instrument, int version) = 0;

  // Opens a round: the instrument version and unit must exist, the name be new, and the
  // respondents — everyone whose unit is the round's unit or below it (kEveryone), or the
  // chosen people — be at least one. Each respondent gets a random token. Audited
  // "survey.round.open" under the round's name. Returns the round.
  [[nodiscard]] virtual core::Result<SurveyRound> open_round(const SurveyRoundSpec& spec, const Actor& actor) = 0;
  [[nodiscard]] virtual core::Result<std::optional<SurveyRound>> load_round(const std::string& name) = 0;
  [[nodiscard]] virtual core::Result<std::vector<SurveyRound>> list_rounds() = 0;
  // The round of the same instrument and unit with the latest period before `round`'s, or nullopt.
  [[nodiscard]] virtual core::Result<std::optional<SurveyRound>> previous_round(const SurveyRound& round) = 0;
  // Closes an open round: no more answers. Audited "survey.round.close".
  [[nodiscard]] virtual core::Result<void> close_round(const std::string& name, const Actor& actor) = 0;

  // Saves (or replaces) one answer of a respondent of an open round: `value` within the item's
  // scale, or nullopt for N/A where the item allows it. Audited "survey.answer" under the
  // round's name with the item's code only — never the value.
  [[nodiscard]] virtual core::Result<void> save_answer(const std::string& round, const std::string& employee_id,
                                                       const std::string& item, std::optional<int> value,
                                                       const Actor& actor) = 0;
  // Every answer of the round under its respondent token (for scoring).
  [[nodiscard]] virtual core::Result<std::vector<core::SurveyAnswer>> load_answers(const std::string& round) = 0;
  // The answers of one respondent, by item (for the respondent's own form).
  [[nodiscard]] virtual core::Result<std::map<std::string, std::optional<int>>> load_own_answers(
      const std::string& round, const std::string& employee_id) = 0;
};

[[nodiscard]] std::string_view to_code(SurveyScope scope);  // "everyone", "chosen"

}  // namespace trappa::store
