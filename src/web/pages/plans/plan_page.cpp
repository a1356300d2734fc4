// Min utvecklingsplan (/utvecklingsplan) and a report's plan on the manager's side
// (/team/{id}/plan), one page with what the viewer may do (docs/learning.md, "In the web"):
// the needs of the newest round the person takes part in, the plan's goals, chosen activities
// and note (edited while a draft; read-only once agreed), the manager's agreement and
// follow-ups, the recommendations under a budget of hours (a GET form), one-click
// registration, the person's registrations with cancel, and their credited hours.
//
// Who may do what: the person edits their own draft and registers themselves; the direct
// manager edits the draft, agrees it, follows it up and registers the report; HR in scope
// reads the plan and may register; an indirect manager reads. Anyone else: 404.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "core/assessment/assessment_rules.hpp"
#include "core/base/date.hpp"
#include "core/learning/development_plan.hpp"
#include "core/learning/participation.hpp"
#include "io/exports/gap_report_output.hpp"
#include "web/pages/assessment/assessment_form.hpp"
#include "web/pages/plans/plans_routes.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

struct PlanTarget {
  std::uint32_t person = 0;
  app::PlanRole role = app::PlanRole::kReader;
  bool self = false;
  bool may_register = false;
  std::string base;  // "/utvecklingsplan" or "/team/ID/plan"
};

std::optional<PlanTarget> own_target(const PageRequest& page) {
  const Viewer& viewer = *page.viewer;
  if (viewer.is_observer() || viewer.person == nullptr) return std::nullopt;
  return PlanTarget{viewer.person_index, app::PlanRole::kPerson, true, true, "/utvecklingsplan"};
}

// Someone the viewer may not see gets the same answer as someone who does not exist.
std::optional<PlanTarget> report_target(const AppContext& app, const PageRequest& page, const std::string& employee_id) {
  const Viewer& viewer = *page.viewer;
  const auto person = app.directory->index_of(employee_id);
  if (!person || viewer.is_observer()) return std::nullopt;
  const std::string base = "/team/" + url_encode(employee_id) + "/plan";
  if (*person == viewer.person_index) return PlanTarget{*person, app::PlanRole::kPerson, true, true, base};
  if (app.directory->is_manager_of(viewer.person_index, *person, true)) {
    return PlanTarget{*person, app::PlanRole::kManager, false, true, base};
  }
  const core::Person& subject = app.directory->people()[*person];
  if (viewer.is_hr() && app.directory->in_subtree(subject, viewer.scope())) {
    return PlanTarget{*person, app::PlanRole::kReader, false, true, base};
  }
  if (app.directory->is_manager_of(viewer.person_index, *person, false)) {
    return PlanTarget{*person, app::PlanRole::kReader, false, false, base};
  }
  return std::nullopt;
}

// The round of the plan: the one named (?omgang= or the form's round) when it includes the
// person, else the newest round that does.
std::shared_ptr<const app::RoundView> plan_round(const AppContext& app, const std::string& named, std::uint32_t person) {
  if (!named.empty()) {
    auto round = app.rounds->find(named);
    return round && round->includes(person) ? round : nullptr;
  }
  auto rounds = app.rounds->rounds();
  for (auto it = rounds->rbegin(); it != rounds->rend(); ++it) {
    if ((*it)->includes(person)) return *it;
  }
  return nullptr;
}

// Whole hours without decimals ("6"), others with one ("2,5").
std::string hours_text(double hours) { return io::swedish_decimal(hours, hours == std::trunc(hours) ? 0 : 1); }

std::string_view progress_label(const PageRequest& page, core::GoalProgress progress) {
  switch (progress) {
    case core::GoalProgress::kNotStarted: return page.t("plan_progress_not_started");
    case core::GoalProgress::kInProgress: return page.t("plan_progress_in_progress");
    case core::GoalProgress::kDone: return page.t("plan_progress_done");
  }
  return {};
}

std::string_view participation_label(const PageRequest& page, core::ParticipationStatus status) {
  switch (status) {
    case core::ParticipationStatus::kRegistered: return page.t("participation_registered");
    case core::ParticipationStatus::kAttended: return page.t("participation_attended");
    case core::ParticipationStatus::kNoShow: return page.t("participation_no_show");
    case core::ParticipationStatus::kCancelled: return page.t("participation_cancelled");
  }
  return {};
}

std::string person_name(const AppContext& app, const std::string& employee_id) {
  const core::Person* person = app.directory->find(employee_id);
  return person != nullptr ? person->name : employee_id;
}

struct PageState {
  int status = 200;
  std::string refusal;               // a refused registration or action, in the reader's language
  std::vector<FieldError> errors;    // a refused plan form
  std::optional<core::PlanContent> entered;  // what was entered, when the form comes back
};

Response render_plan(AppContext& app, const PageRequest& page, const PlanTarget& target, const std::string& named_round,
                     const PageState& state = {}) {
  const core::Person& person = app.directory->people()[target.person];
  TemplateData data;
  data.set("csrf", page.viewer->csrf_token);
  data.set("base", target.base);
  data.set("employee_id", url_encode(person.employee_id));
  data.set("show_back", flag(!target.self || target.base != "/utvecklingsplan"));
  data.set("heading", target.self && target.base == "/utvecklingsplan"
                          ? std::string(page.t("plan_title"))
                          : std::string(page.t("plan_title_of")) + " " + person.name);
  data.set("has_refusal", flag(!state.refusal.empty()));
  data.set("refusal", state.refusal);
  data.set("has_errors", flag(!state.errors.empty()));
  data.set("errors", errors_data(state.errors));
  data.set("may_register", flag(target.may_register));
  auto round = plan_round(app, named_round, target.person);
  data.set("has_round", flag(round != nullptr));
  const std::string title = target.self && target.base == "/utvecklingsplan"
                                ? std::string(page.t("plan_title"))
                                : std::string(page.t("plan_title_of")) + " " + person.name;
  const auto flash = page.request.query.find("klart");
  const std::string_view flash_key = flash != page.request.query.end() ? allowed_flash(flash->second) : std::string_view{};
  const std::string_view active = target.base == "/utvecklingsplan" ? "/utvecklingsplan" : "/team";
  if (!round) {
    return page_response(state.status, render_layout(app, page, title, active, render("plan", page.language, data), flash_key));
  }
  const core::Framework& framework = round->snapshot->framework();
  data.set("fw_lang", framework_lang_attribute(page, framework));
  data.set("round_name", round->round.name);
  data.set("round_query", url_encode(round->round.name));
  // The rounds the person takes part in, newest first, to look at another round's plan.
  TemplateData& round_choices = add_list(data, "round_choices");
  std::size_t choice_count = 0;
  const auto all_rounds = app.rounds->rounds();
  for (auto it = all_rounds->rbegin(); it != all_rounds->rend(); ++it) {
    if (!(*it)->includes(target.person)) continue;
    TemplateData& option = add_object(round_choices);
    option.set("value", (*it)->round.name);
    option.set("label", (*it)->round.name);
    option.set("selected", flag((*it)->round.name == round->round.name));
    ++choice_count;
  }
  data.set("has_round_choices", flag(choice_count > 1));
  data.set("hours_label", std::string(page.t(target.self ? "plan_my_hours" : "plan_hours")));
  data.set("today", core::to_iso(app.options.clock->today()));

  auto assessment = app.assessments->load(round->round.name, person.employee_id);
  if (!assessment) return error_response(app, page, assessment.error());
  auto stored_plan = app.plans->load(person.employee_id, round->round.name);
  if (!stored_plan) return error_response(app, page, stored_plan.error());
  const std::optional<core::DevelopmentPlan>& plan = *stored_plan;
  const bool agreed = plan && plan->state == core::PlanState::kAgreed;

  data.set("has_plan", flag(plan.has_value()));
  data.set("state_code", plan ? std::string(core::to_code(plan->state)) : std::string{});
  data.set("state_label", std::string(page.t(agreed ? "plan_state_agreed" : "plan_state_draft")));
  data.set("has_proposed_by", flag(plan && !plan->proposed_by.empty()));
  data.set("proposed_by", plan ? person_name(app, plan->proposed_by) : std::string{});
  data.set("agreed", flag(agreed));
  data.set("agreed_by", agreed ? person_name(app, plan->agreed_by) : std::string{});
  data.set("agreed_at", agreed ? i18n::format_date(page.language, plan->agreed_at) : std::string{});

  // The goals shown: as entered when the form comes back, else as stored.
  const std::vector<core::PlanGoal> shown_goals = state.entered ? state.entered->goals
                                                  : plan        ? plan->goals
                                                                : std::vector<core::PlanGoal>{};
  // Needs: the agreed level, else the self level, below the profile's expected level.
  const core::RoleProfile* profile = framework.profile_of(person.role);
  std::map<std::string, int> levels;
  for (const core::Rating& rating : assessment->ratings) {
    if (auto level = rating.agreed_level ? rating.agreed_level : rating.self_level) levels[rating.competency] = *level;
  }
  TemplateData& needs = add_list(data, "needs");
  std::vector<const core::Competency*> goal_competencies;
  std::size_t need_count = 0;
  for (const core::Area& area : framework.areas) {
    for (const core::Competency& competency : area.competencies) {
      int expected = 0;
      if (profile != nullptr) {
        if (auto found = profile->find(competency.code); found != profile->end()) expected = found->second;
      }
      const auto level = levels.find(competency.code);
      const bool need = expected > 0 && level != levels.end() && level->second < expected;
      const bool has_goal = std::any_of(shown_goals.begin(), shown_goals.end(),
                                        [&](const core::PlanGoal& goal) { return goal.competency == competency.code; });
      if (need || has_goal) goal_competencies.push_back(&competency);
      if (!need) continue;
      ++need_count;
      TemplateData& item = add_object(needs);
      item.set("code", competency.code);
      item.set("name", competency.name);
      item.set("level", std::to_string(level->second));
      item.set("expected", std::to_string(expected));
    }
  }
  data.set("has_needs", flag(need_count > 0));

  // Goals: a form while the plan is a draft and the viewer may edit it.
  const bool editable = !agreed && target.role != app::PlanRole::kReader;
  data.set("editable", flag(editable));
  data.set("read_only_reason", std::string(page.t(agreed ? "plan_read_only_agreed" : "plan_read_only_reader")));
  const auto goal_of = [&](const std::string& code) -> const core::PlanGoal* {
    auto found = std::find_if(shown_goals.begin(), shown_goals.end(),
                              [&](const core::PlanGoal& goal) { return goal.competency == code; });
    return found != shown_goals.end() ? &*found : nullptr;
  };
  TemplateData& goal_rows = add_list(data, "goal_rows");
  for (const core::Competency* competency : goal_competencies) {
    const core::PlanGoal* goal = goal_of(competency->code);
    TemplateData& row = add_object(goal_rows);
    row.set("code", competency->code);
    row.set("name", competency->name);
    row.set("date", goal != nullptr && goal->target_date.ok() ? core::to_iso(goal->target_date) : std::string{});
    TemplateData& options = add_list(row, "options");
    TemplateData& none = add_object(options);
    none.set("value", std::string{});
    none.set("label", std::string(page.t("plan_no_goal")));
    none.set("selected", flag(goal == nullptr));
    for (int level = framework.scale.min; level <= framework.scale.max; ++level) {
      TemplateData& option = add_object(options);
      option.set("value", std::to_string(level));
      option.set("label", std::to_string(level) + " – " + level_name(framework, level));
      option.set("selected", flag(goal != nullptr && goal->target_level == level));
    }
  }
  data.set("has_goal_rows", flag(!goal_competencies.empty()));
  TemplateData& goals = add_list(data, "goals");
  for (const core::PlanGoal& goal : shown_goals) {
    const core::Competency* competency = framework.find_competency(goal.competency);
    TemplateData& item = add_object(goals);
    item.set("code", goal.competency);
    item.set("name", competency != nullptr ? competency->name : std::string{});
    item.set("level", std::to_string(goal.target_level));
    item.set("date", i18n::format_date(page.language, core::to_iso(goal.target_date)));
  }
  data.set("has_goals", flag(!shown_goals.empty()));
  const std::string note = state.entered ? state.entered->note : plan ? plan->note : std::string{};
  data.set("note", note);
  data.set("has_note", flag(!note.empty()));

  const std::vector<core::LearningActivity>& catalogue = app.published->learning->activities();
  const auto activity_of = [&](const std::string& code) -> const core::LearningActivity* {
    auto found = std::find_if(catalogue.begin(), catalogue.end(),
                              [&](const core::LearningActivity& activity) { return activity.code == code; });
    return found != catalogue.end() ? &*found : nullptr;
  };
  const std::vector<std::string> chosen_codes = state.entered ? state.entered->activities
                                                : plan        ? plan->activities
                                                              : std::vector<std::string>{};
  TemplateData& chosen = add_list(data, "chosen");
  for (const std::string& code : chosen_codes) {
    TemplateData& item = add_object(chosen);
    item.set("code", code);
    const core::LearningActivity* activity = activity_of(code);
    item.set("title", activity != nullptr ? activity->title : std::string{});
  }
  data.set("has_chosen", flag(!chosen_codes.empty()));

  // Recommendations under the budget given.
  std::optional<double> budget;
  std::string budget_text = query_value(page.request, "budget_hours");
  if (!budget_text.empty()) {
    std::string normalised = budget_text;
    std::replace(normalised.begin(), normalised.end(), ',', '.');
    double value = 0;
    const auto [end, error] = std::from_chars(normalised.data(), normalised.data() + normalised.size(), value);
    if (error == std::errc{} && end == normalised.data() + normalised.size() && value >= 0) budget = value;
  }
  data.set("budget", budget_text);
  const core::RecommendationList recommended = app.published->learning->recommend(
      target.person, &*assessment, framework, app.options.clock->today(), budget);
  TemplateData& recommendations = add_list(data, "recommendations");
  std::vector<std::string> choice_codes = chosen_codes;
  for (const core::Recommendation& item : recommended.recommendations) {
    TemplateData& row = add_object(recommendations);
    row.set("code", item.activity);
    row.set("title", item.title);
    row.set("hours", hours_text(item.hours));
    std::string closes;
    for (const core::ClosedSteps& step : item.closes) {
      closes += (closes.empty() ? "" : ", ") + step.competency + " " + std::to_string(step.from) + "→" + std::to_string(step.to);
    }
    row.set("closes", closes);
    if (std::find(choice_codes.begin(), choice_codes.end(), item.activity) == choice_codes.end()) {
      choice_codes.push_back(item.activity);
    }
  }
  data.set("has_recommendations", flag(!recommended.recommendations.empty()));
  data.set("recommendation_total", format_text(page.t("plan_recommendation_total"),
                                               {{"hours", hours_text(recommended.total_hours)},
                                                {"steps", std::to_string(recommended.steps_closed)}}));

  // The person's rows, fresh from the store, and their credited hours.
  auto rows = app.registrations->of_person(person.employee_id);
  if (!rows) return error_response(app, page, rows.error());
  TemplateData& row_data = add_list(data, "rows");
  double total = 0;
  for (const core::Participation& row : *rows) {
    const core::LearningActivity* activity = activity_of(row.activity);
    const double credited = activity != nullptr ? core::credited_hours(row, *activity) : row.hours.value_or(0);
    total += credited;
    TemplateData& item = add_object(row_data);
    item.set("code", row.activity);
    item.set("title", activity != nullptr ? activity->title : std::string{});
    item.set("date", i18n::format_date(page.language, core::to_iso(row.date)));
    item.set("status", std::string(participation_label(page, row.status)));
    item.set("hours", row.status == core::ParticipationStatus::kAttended ? hours_text(credited) : std::string("–"));
    item.set("cancellable", flag(row.status == core::ParticipationStatus::kRegistered));
    if (std::find(choice_codes.begin(), choice_codes.end(), row.activity) == choice_codes.end()) {
      choice_codes.push_back(row.activity);
    }
  }
  data.set("has_rows", flag(!rows->empty()));
  data.set("hours_total", hours_text(total));

  // The activities a plan may choose: those chosen, recommended or with a row of the person.
  TemplateData& choices = add_list(data, "activity_choices");
  for (const std::string& code : choice_codes) {
    const core::LearningActivity* activity = activity_of(code);
    if (activity == nullptr) continue;
    TemplateData& item = add_object(choices);
    item.set("code", code);
    item.set("title", activity->title);
    item.set("checked", flag(std::find(chosen_codes.begin(), chosen_codes.end(), code) != chosen_codes.end()));
  }
  data.set("has_activity_choices", flag(!choice_codes.empty()));

  data.set("may_agree", flag(plan && !agreed && target.role == app::PlanRole::kManager));
  data.set("may_follow_up", flag(agreed && target.role == app::PlanRole::kManager));
  TemplateData& follow_ups = add_list(data, "follow_ups");
  if (plan) {
    for (const core::PlanFollowUp& follow_up : plan->follow_ups) {
      TemplateData& item = add_object(follow_ups);
      item.set("date", i18n::format_date(page.language, core::to_iso(follow_up.date)));
      item.set("progress", std::string(progress_label(page, follow_up.progress)));
      item.set("comment", follow_up.comment);
    }
  }
  data.set("has_follow_ups", flag(plan && !plan->follow_ups.empty()));
  TemplateData& progress_options = add_list(data, "progress_options");
  for (core::GoalProgress progress :
       {core::GoalProgress::kInProgress, core::GoalProgress::kDone, core::GoalProgress::kNotStarted}) {
    TemplateData& option = add_object(progress_options);
    option.set("value", std::string(core::to_code(progress)));
    option.set("label", std::string(progress_label(page, progress)));
  }
  return page_response(state.status,
                       render_layout(app, page, title, active, render("plan", page.language, data), flash_key));
}

Response show(AppContext& app, const PageRequest& page, const std::optional<PlanTarget>& target) {
  if (!target) return error_page(app, page, 404);
  return render_plan(app, page, *target, query_value(page.request, "omgang"));
}

// The catalogue's codes of the round's framework: what a plan may choose.
std::vector<std::string> catalogue_codes(const AppContext& app, const core::Framework& framework) {
  std::vector<std::string> codes;
  for (const core::LearningActivity& activity : app.published->learning->activities()) {
    if (activity.framework_id == framework.id) codes.push_back(activity.code);
  }
  return codes;
}

// A plan error of core (field path "goals[2].target_level") as a form error at its row, in
// the reader's language. Dates the form refused itself are not repeated.
std::vector<FieldError> plan_errors(const PageRequest& page, const std::vector<core::Problem>& problems,
                                    const core::PlanContent& content, const core::Framework& framework) {
  std::vector<FieldError> errors;
  for (const core::Problem& problem : problems) {
    if (problem.where.starts_with("goals[")) {
      const std::size_t index = std::stoul(problem.where.substr(6));
      const std::string code = index < content.goals.size() ? content.goals[index].competency : std::string{};
      if (problem.where.ends_with(".target_date")) continue;
      if (problem.where.ends_with(".target_level")) {
        errors.push_back({"goal-" + code + "-level",
                          format_text(page.t("plan_error_level"), {{"competency", code},
                                                                   {"min", std::to_string(framework.scale.min)},
                                                                   {"max", std::to_string(framework.scale.max)}})});
      } else {
        errors.push_back({"goal-" + code + "-level", format_text(page.t("plan_error_goal"), {{"competency", code}})});
      }
    } else if (problem.where.starts_with("activities[")) {
      const std::size_t index = std::stoul(problem.where.substr(11));
      const std::string code = index < content.activities.size() ? content.activities[index] : std::string{};
      errors.push_back({"goals-heading", format_text(page.t("plan_error_activity"), {{"activity", code}})});
    } else {
      errors.push_back({"plan-note", std::string(page.t("plan_error_note"))});
    }
  }
  return errors;
}

Response save(AppContext& app, const PageRequest& page, const std::optional<PlanTarget>& target) {
  const FormData form = FormData::parse(page.request.body);
  if (!csrf_valid(page, form)) return error_page(app, page, 403, page.t("error_csrf_text"));
  if (!target) return error_page(app, page, 404);
  if (target->role == app::PlanRole::kReader) return error_page(app, page, 403);
  const std::string round_name = form.get("round");
  auto round = plan_round(app, round_name, target->person);
  if (!round) return error_page(app, page, 404);
  const core::Framework& framework = round->snapshot->framework();
  core::PlanContent content;
  std::vector<FieldError> errors;
  // goal.CODE.level and goal.CODE.date, in framework order; an empty level is no goal.
  for (const core::Area& area : framework.areas) {
    for (const core::Competency& competency : area.competencies) {
      const std::string level_text = form.get("goal." + competency.code + ".level");
      if (level_text.empty()) continue;
      core::PlanGoal goal;
      goal.competency = competency.code;
      const auto [end, error] = std::from_chars(level_text.data(), level_text.data() + level_text.size(), goal.target_level);
      if (error != std::errc{} || end != level_text.data() + level_text.size()) {
        errors.push_back({"goal-" + competency.code + "-level",
                          format_text(page.t("error_invalid_value"), {{"field", competency.code}})});
        continue;
      }
      const std::string date_text = form.get("goal." + competency.code + ".date");
      if (auto date = core::parse_iso_date(date_text)) {
        goal.target_date = *date;
      } else {
        // Kept without a date, so that the row comes back with the level entered.
        errors.push_back({"goal-" + competency.code + "-date",
                          format_text(page.t("plan_error_date"), {{"competency", competency.code}})});
      }
      content.goals.push_back(goal);
    }
  }
  content.activities = form.all("activity");
  content.note = form.get("note");
  const core::Person& person = app.directory->people()[target->person];
  const std::vector<std::string> codes = catalogue_codes(app, framework);
  if (!errors.empty()) {
    // The rest of the content's problems beside those of the form, so that all come at once.
    core::DevelopmentPlan probe;
    probe.goals = content.goals;
    probe.activities = content.activities;
    probe.note = content.note;
    for (FieldError& error : plan_errors(page, core::validate_plan(probe, framework, codes), content, framework)) {
      errors.push_back(std::move(error));
    }
  } else {
    auto saved = app.plans->save(person, *round, target->role, page.viewer->account.employee_id, content, codes);
    if (saved) return redirect_to(target->base + "?omgang=" + url_encode(round->round.name) + "&klart=plan_saved");
    if (saved.error().kind == core::ErrorKind::kConflict) {
      return render_plan(app, page, *target, round->round.name, {409, std::string(page.t("plan_read_only_agreed")), {}, {}});
    }
    if (saved.error().kind != core::ErrorKind::kInvalidInput) return error_response(app, page, saved.error());
    errors = plan_errors(page, saved.error().problems, content, framework);
  }
  return render_plan(app, page, *target, round->round.name, {422, {}, errors, content});
}

Response agree(AppContext& app, const PageRequest& page, const std::optional<PlanTarget>& target) {
  const FormData form = FormData::parse(page.request.body);
  if (!csrf_valid(page, form)) return error_page(app, page, 403, page.t("error_csrf_text"));
  if (!target) return error_page(app, page, 404);
  if (target->role != app::PlanRole::kManager) return error_page(app, page, 403, page.t("plan_error_agree_forbidden"));
  auto round = plan_round(app, form.get("round"), target->person);
  if (!round) return error_page(app, page, 404);
  auto agreed = app.plans->agree(app.directory->people()[target->person], *round, target->role,
                                 page.viewer->account.employee_id);
  if (!agreed) {
    switch (agreed.error().kind) {
      case core::ErrorKind::kInvalidInput:
        return render_plan(app, page, *target, round->round.name, {422, std::string(page.t("plan_error_no_goals")), {}, {}});
      case core::ErrorKind::kConflict:
      case core::ErrorKind::kNotFound:
        return render_plan(app, page, *target, round->round.name,
                           {409, std::string(page.t("plan_error_nothing_to_agree")), {}, {}});
      default:
        return error_response(app, page, agreed.error());
    }
  }
  return redirect_to(target->base + "?omgang=" + url_encode(round->round.name) + "&klart=plan_agreed");
}

Response follow_up(AppContext& app, const PageRequest& page, const std::optional<PlanTarget>& target) {
  const FormData form = FormData::parse(page.request.body);
  if (!csrf_valid(page, form)) return error_page(app, page, 403, page.t("error_csrf_text"));
  if (!target) return error_page(app, page, 404);
  if (target->role != app::PlanRole::kManager) return error_page(app, page, 403);
  auto round = plan_round(app, form.get("round"), target->person);
  if (!round) return error_page(app, page, 404);
  std::vector<FieldError> errors;
  core::PlanFollowUp follow_up;
  follow_up.by = page.viewer->account.employee_id;
  follow_up.comment = form.get("comment");
  if (auto date = core::parse_iso_date(form.get("date"))) follow_up.date = *date;
  else errors.push_back({"follow-date", std::string(page.t("plan_error_follow_up_date"))});
  if (auto progress = core::parse_goal_progress(form.get("progress"))) follow_up.progress = *progress;
  else errors.push_back({"follow-progress", std::string(page.t("plan_error_follow_up_progress"))});
  if (!errors.empty()) return render_plan(app, page, *target, round->round.name, {422, {}, errors, {}});
  auto saved = app.plans->follow_up(app.directory->people()[target->person], *round, target->role, follow_up);
  if (!saved) {
    switch (saved.error().kind) {
      case core::ErrorKind::kInvalidInput:
        return render_plan(app, page, *target, round->round.name,
                           {422, {}, {{"follow-comment", std::string(page.t("plan_error_follow_up_comment"))}}, {}});
      case core::ErrorKind::kConflict:
      case core::ErrorKind::kNotFound:
        return render_plan(app, page, *target, round->round.name,
                           {409, std::string(page.t("plan_error_not_agreed")), {}, {}});
      default:
        return error_response(app, page, saved.error());
    }
  }
  return redirect_to(target->base + "?omgang=" + url_encode(round->round.name) + "&klart=plan_followed_up");
}

Response registration(AppContext& app, const PageRequest& page, const std::optional<PlanTarget>& target, bool cancel) {
  const FormData form = FormData::parse(page.request.body);
  if (!csrf_valid(page, form)) return error_page(app, page, 403, page.t("error_csrf_text"));
  if (!target) return error_page(app, page, 404);
  if (!target->may_register) return error_page(app, page, 403);
  const std::string activity = form.get("activity");
  const std::string& employee_id = app.directory->people()[target->person].employee_id;
  auto outcome = cancel ? app.registrations->cancel(employee_id, activity, page.viewer->account.employee_id)
                        : app.registrations->register_person(employee_id, activity, page.viewer->account.employee_id);
  if (!outcome) return error_response(app, page, outcome.error());
  if (*outcome == app::RegistrationOutcome::kRegistered || *outcome == app::RegistrationOutcome::kCancelled) {
    return redirect_to(target->base + "?klart=registration_" + std::string(app::to_code(*outcome)));
  }
  const std::string message = format_text(page.t("registration_refused_" + std::string(app::to_code(*outcome))),
                                          {{"activity", activity}});
  const int status = *outcome == app::RegistrationOutcome::kUnknownActivity ? 404 : 409;
  return render_plan(app, page, *target, {}, {status, message, {}, {}});
}

}  // namespace

void register_plans(Router& router) {
  router.get("/utvecklingsplan", [](AppContext& app, PageRequest& page, const RouteParams&) {
    return show(app, page, own_target(page));
  });
  router.post("/utvecklingsplan", [](AppContext& app, PageRequest& page, const RouteParams&) {
    return save(app, page, own_target(page));
  });
  router.post("/utvecklingsplan/anmal", [](AppContext& app, PageRequest& page, const RouteParams&) {
    return registration(app, page, own_target(page), false);
  });
  router.post("/utvecklingsplan/avboka", [](AppContext& app, PageRequest& page, const RouteParams&) {
    return registration(app, page, own_target(page), true);
  });
  router.get("/team/{employee_id}/plan", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return show(app, page, report_target(app, page, params.get("employee_id")));
  });
  router.post("/team/{employee_id}/plan", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return save(app, page, report_target(app, page, params.get("employee_id")));
  });
  router.post("/team/{employee_id}/plan/godkann", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return agree(app, page, report_target(app, page, params.get("employee_id")));
  });
  router.post("/team/{employee_id}/plan/uppfoljning", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return follow_up(app, page, report_target(app, page, params.get("employee_id")));
  });
  router.post("/team/{employee_id}/plan/anmal", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return registration(app, page, report_target(app, page, params.get("employee_id")), false);
  });
  router.post("/team/{employee_id}/plan/avboka", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return registration(app, page, report_target(app, page, params.get("employee_id")), true);
  });
  router.pages().add({.path = "/utvecklingsplan", .title_key = "nav_plan", .tile_text_key = "home_plan_text",
                      .order = 15, .visible = [](const Viewer& viewer) { return !viewer.is_observer() && viewer.person != nullptr; },
                      .tile_status = {}});
}

}  // namespace trappa::web
