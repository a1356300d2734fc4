#include "store/assessment/assessment_writer.hpp"

#include <soci/soci.h>

#include "store/store.hpp"

namespace trappa::store {

// Column vectors for one chunk, reused between chunks to keep their capacity.
struct AssessmentWriter::Buffers {
  // assessments
  std::vector<long long> rounds;
  std::vector<std::string> employees, statuses, self_at, conversation_at, followed_at, notes, updated;
  // ratings
  std::vector<long long> rating_rounds;
  std::vector<std::string> rating_employees, competencies, agreed_by, agreed_at;
  std::vector<int> self_levels, agreed_levels;
  std::vector<soci::indicator> self_indicators, agreed_indicators;
  // motivations
  std::vector<long long> motivation_rounds;
  std::vector<std::string> motivation_employees, areas;
  std::vector<int> motivations;
  // priorities
  std::vector<long long> priority_rounds;
  std::vector<std::string> priority_employees, priority_codes;
  std::vector<int> positions;

  void clear() {
    for (auto* texts : {&employees, &statuses, &self_at, &conversation_at, &followed_at, &notes, &updated,
                        &rating_employees, &competencies, &agreed_by, &agreed_at, &motivation_employees, &areas,
                        &priority_employees, &priority_codes}) {
      texts->clear();
    }
    for (auto* ids : {&rounds, &rating_rounds, &motivation_rounds, &priority_rounds}) ids->clear();
    for (auto* numbers : {&self_levels, &agreed_levels, &motivations, &positions}) numbers->clear();
    self_indicators.clear();
    agreed_indicators.clear();
  }
};

AssessmentWriter::AssessmentWriter(soci::session& session, long long round_id, bool replace_existing)
    : session_(session), round_id_(round_id), replace_existing_(replace_existing), buffers_(std::make_unique<Buffers>()) {}

AssessmentWriter::~AssessmentWriter() = default;

void AssessmentWriter::write(std::span<const core::Assessment> assessments) {
  if (assessments.empty()) return;
  Buffers& b = *buffers_;
  b.clear();
  const std::string now = utc_timestamp_now();
  for (const core::Assessment& assessment : assessments) {
    b.rounds.push_back(round_id_);
    b.employees.push_back(assessment.employee_id);
    b.statuses.emplace_back(core::to_code(assessment.status));
    b.self_at.push_back(assessment.self_assessed_at);
    b.conversation_at.push_back(assessment.conversation_at);
    b.followed_at.push_back(assessment.followed_up_at);
    b.notes.push_back(assessment.notes);
    b.updated.push_back(now);
    for (const core::Rating& rating : assessment.ratings) {
      b.rating_rounds.push_back(round_id_);
      b.rating_employees.push_back(assessment.employee_id);
      b.competencies.push_back(rating.competency);
      b.self_levels.push_back(rating.self_level.value_or(0));
      b.self_indicators.push_back(rating.self_level ? soci::i_ok : soci::i_null);
      b.agreed_levels.push_back(rating.agreed_level.value_or(0));
      b.agreed_indicators.push_back(rating.agreed_level ? soci::i_ok : soci::i_null);
      b.agreed_by.push_back(rating.agreed_by);
      b.agreed_at.push_back(rating.agreed_at);
    }
    for (const auto& [area, value] : assessment.motivation) {
      b.motivation_rounds.push_back(round_id_);
      b.motivation_employees.push_back(assessment.employee_id);
      b.areas.push_back(area);
      b.motivations.push_back(value);
    }
    for (std::size_t i = 0; i < assessment.priorities.size(); ++i) {
      b.priority_rounds.push_back(round_id_);
      b.priority_employees.push_back(assessment.employee_id);
      b.positions.push_back(static_cast<int>(i + 1));
      b.priority_codes.push_back(assessment.priorities[i]);
    }
  }
  // Replace what the person had: children first, so the foreign keys hold at every step.
  if (replace_existing_) {
    for (const char* sql : {"DELETE FROM ratings WHERE round_id = :round AND employee_id = :employee",
                            "DELETE FROM motivations WHERE round_id = :round AND employee_id = :employee",
                            "DELETE FROM priorities WHERE round_id = :round AND employee_id = :employee"}) {
      session_ << sql, soci::use(b.rounds), soci::use(b.employees);
    }
  }
  session_ << "INSERT INTO assessments (round_id, employee_id, status, self_assessed_at, conversation_at, "
              "followed_up_at, notes, updated_at) VALUES (:round, :employee, :status, :self_at, :conversation_at, "
              ":followed_at, :notes, :updated) ON CONFLICT (round_id, employee_id) DO UPDATE SET "
              "status = excluded.status, self_assessed_at = excluded.self_assessed_at, "
              "conversation_at = excluded.conversation_at, followed_up_at = excluded.followed_up_at, "
              "notes = excluded.notes, updated_at = excluded.updated_at",
      soci::use(b.rounds), soci::use(b.employees), soci::use(b.statuses), soci::use(b.self_at),
      soci::use(b.conversation_at), soci::use(b.followed_at), soci::use(b.notes), soci::use(b.updated);
  if (!b.rating_rounds.empty()) {
    session_ << "INSERT INTO ratings (round_id, employee_id, competency, self_level, agreed_level, agreed_by, "
                "agreed_at) VALUES (:round, :employee, :competency, :self, :agreed, :agreed_by, :agreed_at)",
        soci::use(b.rating_rounds), soci::use(b.rating_employees), soci::use(b.competencies),
        soci::use(b.self_levels, b.self_indicators), soci::use(b.agreed_levels, b.agreed_indicators),
        soci::use(b.agreed_by), soci::use(b.agreed_at);
  }
  if (!b.motivation_rounds.empty()) {
    session_ << "INSERT INTO motivations (round_id, employee_id, area, motivation) VALUES (:round, :employee, :area, "
                ":motivation)",
        soci::use(b.motivation_rounds), soci::use(b.motivation_employees), soci::use(b.areas),
        soci::use(b.motivations);
  }
  if (!b.priority_rounds.empty()) {
    session_ << "INSERT INTO priorities (round_id, employee_id, position, competency) VALUES (:round, :employee, "
                ":position, :competency)",
        soci::use(b.priority_rounds), soci::use(b.priority_employees), soci::use(b.positions),
        soci::use(b.priority_codes);
  }
}

}  // namespace trappa::store
