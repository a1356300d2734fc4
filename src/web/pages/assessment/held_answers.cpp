#include "web/pages/assessment/held_answers.hpp"

#include <spdlog/spdlog.h>

#include "core/assessment/assessment_edit.hpp"
#include "web/pages/assessment/assessment_form.hpp"

namespace trappa::web {

bool holds_answers(std::string_view path, const FormData& form) {
  return path == kHeldAnswersPath && !form.get(std::string(kFormOwnerField)).empty();
}

HeldAnswersSaved save_held_answers(AppContext& app, Language language, const std::string& employee_id,
                                   const FormData& held) {
  if (!app.sessions->form_owner_valid(held.get(std::string(kFormOwnerField)), employee_id)) {
    spdlog::warn("held answers offered at the sign-in of {} are not theirs: not saved", employee_id);
    return HeldAnswersSaved::kNotTheOwner;
  }
  const auto person = app.directory->index_of(employee_id);
  auto round = app.rounds->find(held.get("round"));
  if (!person || !round || !round->includes(*person)) return HeldAnswersSaved::kRefused;
  const core::Person& subject = app.directory->people()[*person];
  SelfAssessmentInput input = read_self_assessment(held, round->snapshot->framework(), subject, language);
  if (!input.errors.empty()) return HeldAnswersSaved::kRefused;
  // Always a draft: submitting is the person's own step, after they have seen the answers.
  const core::AssessmentEdit edit =
      self_assessment_edit(input, false, employee_id, app.options.clock->utc_timestamp());
  const core::EditOutcome saved = app.assessments->save(round->round.name, subject, edit);
  if (saved.refusal) {
    spdlog::info("held answers of {} for round {} refused: {}", employee_id, round->round.name, saved.refusal->describe());
    return HeldAnswersSaved::kRefused;
  }
  spdlog::info("held answers of {} for round {} saved as a draft after sign-in", employee_id, round->round.name);
  return HeldAnswersSaved::kSaved;
}

}  // namespace trappa::web
