// The maturity survey over the shared SQL session (store/sql/sql_session.hpp).
// Internal to the store layer.
#pragma once

#include "store/maturity/survey_store.hpp"
#include "store/sql/sql_session.hpp"

namespace trappa::store {

class SqlSurveyStore final : public SurveyStore, private SqlCapability {
 public:
  explicit SqlSurveyStore(SqlSession& sql) : SqlCapability(sql) {}

  core::Result<bool> save_instrument_version(const core::SurveyInstrument& instrument, const std::string& definition,
                                             const Actor& actor) override;
  core::Result<std::vector<SurveyInstrumentVersion>> list_instrument_versions() override;
  core::Result<std::optional<SurveyInstrumentVersion>> load_instrument_version(const std::string& instrument,
                                                                               int version) override;
  core::Result<SurveyRound> open_round(const SurveyRoundSpec& spec, const Actor& actor) override;
  core::Result<std::optional<SurveyRound>> load_round(const std::string& name) override;
  core::Result<std::vector<SurveyRound>> list_rounds() override;
  core::Result<std::optional<SurveyRound>> previous_round(const SurveyRound& round) override;
  core::Result<void> close_round(const std::string& name, const Actor& actor) override;
  core::Result<void> save_answer(const std::string& round, const std::string& employee_id, const std::string& item,
                                 std::optional<int> value, const Actor& actor) override;
  core::Result<std::vector<core::SurveyAnswer>> load_answers(const std::string& round) override;
  core::Result<std::map<std::string, std::optional<int>>> load_own_answers(const std::string& round,
                                                                           const std::string& employee_id) override;

 private:
  core::Result<std::vector<SurveyRound>> rounds_where(std::string_view condition, std::initializer_list<ScanParameter> parameters);
};

}  // namespace trappa::store
