// Min skattning: the signed-in person's self-assessment in the open round.
//
// GET shows the round's areas and competencies for the person's role, with the saved
// answers. POST saves a draft or submits; problems are shown next to their fields and
// nothing is saved. After a save the round's analytics snapshot is republished.
#include <set>

#include <spdlog/spdlog.h>

#include "core/assessment/assessment_progress.hpp"
#include "core/assessment/assessment_rules.hpp"
#include "core/assessment/assessment_edit.hpp"
#include "web/pages/assessment/assessment_form.hpp"
#include "web/pages/assessment/assessment_outcome.hpp"
#include "web/pages/assessment/held_answers.hpp"
#include "web/pages/assessment/assessment_routes.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

// The typed view model of the page.
struct LevelChoice {
  int level = 0;
  std::string name;
  std::string descriptor;
  bool checked = false;
  bool is_expected = false;
};
struct CompetencyQuestion {
  std::string code;
  std::string name;
  std::string definition;
  int expected = 0;
  std::string expected_name;
  std::vector<LevelChoice> levels;
  std::string error;
  std::string error_html;  // error, escaped, with the framework text marked (error_html_for)
};
struct AreaSection {
  std::string code;
  std::string name;
  std::string description;
  std::string motivation_question;
  int motivation = 0;
  std::string motivation_error;
  std::string motivation_error_html;
  std::vector<CompetencyQuestion> competencies;
};
struct SummaryItem {
  std::string code;
  std::string name;
  int level = 0;
  int expected = 0;
  bool agreed = false;  // the level is the agreed one (else the person's own)
};
struct AssessmentView {
  enum class State { kNoRound, kNotInRound, kForm } state = State::kNoRound;
  std::string fw_lang;  // framework_lang_attribute: the framework's texts marked when not in the page's language
  std::string round_name;
  std::string role;
  std::string closes;
  // The state of what is stored (never of a form the rules refused), in the one status model.
  core::Progress progress = core::Progress::kNotStarted;
  bool locked = false;
  std::string outcome_html;  // the conversation's outcome, once it is recorded
  // The form came from an earlier session of the same person: shown with what it posted,
  // nothing saved (assessment_submit).
  bool from_earlier_session = false;
  std::vector<std::pair<int, std::string>> scale;
  std::vector<AreaSection> areas;
  std::vector<FieldError> errors;
  bool show_summary = false;
  std::vector<SummaryItem> needs;
  std::vector<SummaryItem> strengths;
  std::size_t at_expected = 0;
};

// `shown`: the answers the form shows (stored, or as entered when refused); `stored`: the
// state of what is stored.
AssessmentView build_view(const PageRequest& page, const app::RoundView& round, const core::Person& person,
                          const core::Assessment& shown, const std::vector<FieldError>& errors, bool locked,
                          core::Progress stored) {
  const core::Framework& framework = round.snapshot->framework();
  AssessmentView view;
  view.state = AssessmentView::State::kForm;
  view.fw_lang = framework_lang_attribute(page, framework);
  view.round_name = round.round.name;
  view.role = person.role;
  view.closes = format_date(page.language, round.round.closes);
  view.progress = stored;
  view.locked = locked;
  view.errors = errors;
  for (int level = framework.scale.min; level <= framework.scale.max; ++level) {
    view.scale.emplace_back(level, framework.scale.names[static_cast<std::size_t>(level - framework.scale.min)]);
  }
  const core::RoleProfile* profile = framework.profile_of(person.role);
  for (const core::Area* area : core::assessed_areas(framework, person.role)) {
    AreaSection section{area->code, area->name, area->description, area->motivation_question, 0, {}, {}, {}};
    if (auto found = shown.motivation.find(area->code); found != shown.motivation.end()) section.motivation = found->second;
    section.motivation_error = error_for(errors, motivation_anchor(area->code));
    section.motivation_error_html = error_html_for(errors, motivation_anchor(area->code), view.fw_lang);
    for (const core::Competency& competency : area->competencies) {
      auto expected = profile->find(competency.code);
      if (expected == profile->end()) continue;
      CompetencyQuestion question;
      question.code = competency.code;
      question.name = competency.name;
      question.definition = competency.definition;
      question.expected = expected->second;
      question.expected_name = level_name(framework, expected->second);
      const core::Rating* rating = shown.find_rating(competency.code);
      const int chosen = rating != nullptr && rating->self_level ? *rating->self_level : 0;
      for (int level = framework.scale.min; level <= framework.scale.max; ++level) {
        const auto offset = static_cast<std::size_t>(level - framework.scale.min);
        question.levels.push_back({level, framework.scale.names[offset],
                                   offset < competency.level_descriptors.size() ? competency.level_descriptors[offset]
                                                                                 : std::string{},
                                   level == chosen, level == expected->second});
      }
      question.error = error_for(errors, level_anchor(competency.code));
      question.error_html = error_html_for(errors, level_anchor(competency.code), view.fw_lang);
      // The summary compares the level that counts (agreed, else self) with the expectation.
      if (stored >= core::Progress::kSelfAssessed && rating != nullptr) {
        const std::optional<int> counted = rating->agreed_level ? rating->agreed_level : rating->self_level;
        if (counted) {
          const SummaryItem item{competency.code, competency.name, *counted, expected->second,
                                 rating->agreed_level.has_value()};
          if (*counted < expected->second) view.needs.push_back(item);
          else if (*counted > expected->second) view.strengths.push_back(item);
          else ++view.at_expected;
        }
      }
      section.competencies.push_back(std::move(question));
    }
    view.areas.push_back(std::move(section));
  }
  view.show_summary = stored >= core::Progress::kSelfAssessed && errors.empty();
  return view;
}

// Markers stand for the answers in the cached questions: "\x02" KEY "\x03", where KEY is
// "d" (the fieldsets' disabled attribute), "l:CODE:LEVEL" (a level's checked attribute) or
// "m:AREA:VALUE" (a motivation's).
constexpr char kMarkerStart = '\x02';
constexpr char kMarkerEnd = '\x03';

std::string marker(const std::string& key) { return std::string(1, kMarkerStart) + key + kMarkerEnd; }

enum class Answers { kMarkers, kValues };

// The questions as template data: with markers for the answers (cacheable per round, role
// and language), or with the answers and errors themselves (a form shown again with errors).
TemplateData areas_data(const PageRequest& page, const AssessmentView& view, Answers answers) {
  const bool values = answers == Answers::kValues;
  TemplateData data;
  data.set("fw_lang", view.fw_lang);
  data.set("disabled_attr", values ? std::string(view.locked ? " disabled" : "") : marker("d"));
  TemplateData& areas = add_list(data, "areas");
  for (const AreaSection& section : view.areas) {
    TemplateData& area = add_object(areas);
    area.set("code", section.code);
    area.set("name", section.name);
    area.set("description", section.description);
    area.set("motivation_question", section.motivation_question);
    area.set("motivation_has_error", flag(values && !section.motivation_error.empty()));
    area.set("motivation_error_html", section.motivation_error_html);
    TemplateData& motivation = add_list(area, "motivation");
    for (int value = core::kMotivationMin; value <= core::kMotivationMax; ++value) {
      TemplateData& option = add_object(motivation);
      option.set("area", section.code);
      option.set("value", std::to_string(value));
      option.set("label", std::string(page.t("motivation_" + std::to_string(value))));
      option.set("checked_attr", values ? std::string(value == section.motivation ? " checked" : "")
                                        : marker("m:" + section.code + ":" + std::to_string(value)));
    }
    TemplateData& competencies = add_list(area, "competencies");
    for (const CompetencyQuestion& question : section.competencies) {
      TemplateData& item = add_object(competencies);
      item.set("code", question.code);
      item.set("name", question.name);
      item.set("definition", question.definition);
      item.set("expected", std::to_string(question.expected));
      item.set("expected_name", question.expected_name);
      item.set("has_error", flag(values && !question.error.empty()));
      item.set("error_html", question.error_html);
      TemplateData& levels = add_list(item, "levels");
      for (const LevelChoice& choice : question.levels) {
        TemplateData& level = add_object(levels);
        level.set("level", std::to_string(choice.level));
        level.set("name", choice.name);
        level.set("descriptor", choice.descriptor);
        level.set("checked_attr", values ? std::string(choice.checked ? " checked" : "")
                                         : marker("l:" + question.code + ":" + std::to_string(choice.level)));
        level.set("is_expected", flag(choice.is_expected));
      }
    }
  }
  return data;
}

// The cached questions with their markers replaced by this person's answers.
std::string fill_answers(const std::string& questions, const AssessmentView& view) {
  std::set<std::string> checked;
  for (const AreaSection& section : view.areas) {
    if (section.motivation > 0) checked.insert("m:" + section.code + ":" + std::to_string(section.motivation));
    for (const CompetencyQuestion& question : section.competencies) {
      for (const LevelChoice& choice : question.levels) {
        if (choice.checked) checked.insert("l:" + question.code + ":" + std::to_string(choice.level));
      }
    }
  }
  std::string html;
  html.reserve(questions.size() + 256);
  std::size_t position = 0;
  while (true) {
    const std::size_t start = questions.find(kMarkerStart, position);
    if (start == std::string::npos) break;
    const std::size_t end = questions.find(kMarkerEnd, start);
    if (end == std::string::npos) break;
    html.append(questions, position, start - position);
    const std::string_view key(questions.data() + start + 1, end - start - 1);
    if (key == "d") {
      if (view.locked) html += " disabled";
    } else if (checked.contains(std::string(key))) {
      html += " checked";
    }
    position = end + 1;
  }
  html.append(questions, position, std::string::npos);
  return html;
}

TemplateData to_data(const PageRequest& page, const AssessmentView& view) {
  TemplateData data;
  data.set("no_round", flag(view.state == AssessmentView::State::kNoRound));
  data.set("not_in_round", flag(view.state == AssessmentView::State::kNotInRound));
  data.set("has_form", flag(view.state == AssessmentView::State::kForm));
  data.set("fw_lang", view.fw_lang);
  if (view.state != AssessmentView::State::kForm) return data;
  data.set("csrf", page.viewer->csrf_token);
  data.set("round_name", view.round_name);
  data.set("role", view.role);
  data.set("has_closes", flag(!view.closes.empty()));
  data.set("closes", view.closes);
  data.set("status_code", std::string(status_code(view.progress)));
  data.set("status_label", std::string(status_label(page, view.progress)));
  data.set("locked", flag(view.locked));
  data.set("has_outcome", flag(!view.outcome_html.empty()));
  data.set("outcome_html", view.outcome_html);
  // A form sent back with problems holds answers that are not saved yet.
  data.set("unsaved_state", std::string(view.errors.empty() && !view.from_earlier_session ? "clean" : "changed"));
  data.set("from_earlier_session", flag(view.from_earlier_session));
  TemplateData& scale = add_list(data, "scale");
  for (const auto& [level, name] : view.scale) {
    TemplateData& item = add_object(scale);
    item.set("level", std::to_string(level));
    item.set("name", name);
  }
  data.set("has_errors", flag(!view.errors.empty()));
  data.set("errors", errors_data(view.errors, view.fw_lang));
  data.set("has_summary", flag(view.show_summary));
  auto items = [&](const char* key, const std::vector<SummaryItem>& source) {
    TemplateData& result = add_list(data, key);
    for (const SummaryItem& item : source) {
      TemplateData& entry = add_object(result);
      entry.set("code", item.code);
      entry.set("name", item.name);
      entry.set("level", std::to_string(item.level));
      entry.set("expected", std::to_string(item.expected));
      entry.set("agreed", flag(item.agreed));
    }
  };
  data.set("need_count", std::to_string(view.needs.size()));
  data.set("has_needs", flag(!view.needs.empty()));
  items("needs", view.needs);
  data.set("strength_count", std::to_string(view.strengths.size()));
  data.set("has_strengths", flag(!view.strengths.empty()));
  items("strengths", view.strengths);
  data.set("at_expected_count", std::to_string(view.at_expected));
  return data;
}

Response render_page(AppContext& app, const PageRequest& page, int status, const AssessmentView& view,
                     const app::RoundView* round) {
  TemplateData data = to_data(page, view);
  // Issue 13, item 5: her other open rounds stay one link away.
  TemplateData others = list();
  bool has_others = false;
  for (const auto& other : app.rounds->open_rounds_including(page.viewer->person_index)) {
    if (round != nullptr && other->round.name == round->round.name) continue;
    TemplateData item;
    item.set("name", other->round.name);
    item.set("name_query", url_encode(other->round.name));
    others.push_back(item);
    has_others = true;
  }
  data.set("has_other_rounds", flag(view.state == AssessmentView::State::kForm && has_others));
  data.set("other_rounds", others);
  if (view.state == AssessmentView::State::kForm) {
    // What this form posts after its session ended is kept for this person (held_answers.hpp).
    data.set("form_owner", app.sessions->form_owner_token(page.viewer->account.employee_id));
    data.set("form_owner_field", std::string(kFormOwnerField));
    if (view.errors.empty() && round != nullptr) {
      // The questions depend only on the round's framework, the role and the language.
      const std::string key = round->round.name + "|" + round->round.framework_id + "|" +
                              std::to_string(round->round.framework_revision) + "|" + view.role + "|" +
                              std::string(language_code(page.language));
      std::shared_ptr<const std::string> questions = app.assessment_cache.find(key);
      if (!questions) {
        questions = std::make_shared<const std::string>(
            render("assessment_areas", page.language, areas_data(page, view, Answers::kMarkers)));
        app.assessment_cache.insert(key, questions);
      }
      data.set("areas_html", fill_answers(*questions, view));
    } else {
      data.set("areas_html", render("assessment_areas", page.language, areas_data(page, view, Answers::kValues)));
    }
  }
  const auto flash = page.request.query.find("klart");
  data.set("not_restored", flag(flash != page.request.query.end() && flash->second == "assessment_not_restored"));
  return page_response(status, render_layout(app, page, page.t("assessment_title"), "/skattning",
                                             render("assessment", page.language, data),
                                             flash != page.request.query.end() ? allowed_flash(flash->second)
                                                                               : std::string_view{}));
}

// The person's answers as the snapshot holds them: status, self levels, motivation, and the
// level that counts (agreed, else self) as the agreed level where it differs from the self
// level. That is all Min skattning shows; timestamps, priorities and notes are not needed.
core::Assessment assessment_from_snapshot(const app::RoundView& round, std::uint32_t person, const std::string& employee_id) {
  core::Assessment assessment{round.round.name, employee_id, {}, {}, {}, {}, {}, {}, {}, {}};
  if (!round.includes(person)) return assessment;
  const core::GapSnapshot& snapshot = *round.snapshot;
  const auto p = static_cast<std::size_t>(round.position[person]);
  assessment.status = snapshot.status()[p];
  for (std::size_t c = 0; c < snapshot.competencies(); ++c) {
    const std::uint8_t self = snapshot.levels(core::LevelBasis::kSelf, c)[p];
    const std::uint8_t counted = snapshot.levels(core::LevelBasis::kAgreed, c)[p];
    if (self == 0 && counted == 0) continue;
    core::Rating rating{snapshot.competency(c).code, std::nullopt, std::nullopt, {}, {}};
    if (self > 0) rating.self_level = self;
    if (counted > 0 && counted != self) rating.agreed_level = counted;
    assessment.ratings.push_back(std::move(rating));
  }
  for (std::size_t a = 0; a < snapshot.areas(); ++a) {
    if (const std::uint8_t value = snapshot.motivation(a)[p]; value > 0) {
      assessment.motivation[snapshot.framework().areas[a].code] = value;
    }
  }
  return assessment;
}

bool is_locked(const app::RoundView& round, const core::Assessment& assessment) {
  return round.round.state != core::RoundState::kOpen ||
         assessment.status >= core::AssessmentStatus::kConversationHeld;
}

// Min skattning with the answers a form of an earlier session posted, not saved (403).
Response earlier_session_form(AppContext& app, const PageRequest& page, const FormData& form) {
  const Viewer& viewer = *page.viewer;
  auto round = app.rounds->find(form.get("round"));
  if (!round || !round->includes(viewer.person_index)) return error_page(app, page, 403, page.t("error_csrf_text"));
  const core::Assessment published = assessment_from_snapshot(*round, viewer.person_index, viewer.account.employee_id);
  if (is_locked(*round, published)) return error_page(app, page, 403, page.t("error_csrf_text"));
  const core::Framework& framework = round->snapshot->framework();
  const SelfAssessmentInput input = read_self_assessment(form, framework, *viewer.person, page.language);
  const core::AssessmentEdit edit =
      self_assessment_edit(input, false, viewer.account.employee_id, app.options.clock->utc_timestamp());
  const core::Assessment shown =
      core::apply_assessment_edit(framework, *viewer.person, round->round.state, published, edit).after;
  AssessmentView view = build_view(page, *round, *viewer.person, shown, {}, false,
                                   published_progress(*round, viewer.person_index));
  view.show_summary = false;
  view.from_earlier_session = true;
  return render_page(app, page, 403, view, round.get());
}

}  // namespace

Response assessment_page(AppContext& app, const PageRequest& page) {
  const Viewer& viewer = *page.viewer;
  if (viewer.is_observer()) return error_page(app, page, 403);
  auto round = app.rounds->current_open_round(viewer.person_index);
  // ?omgang=NAME: one of her rounds by name (issue 13, item 5: a newer open round must not
  // hide an unfinished one); an unknown name, or a round she is not in, shows the current one.
  if (const auto wanted = page.request.query.find("omgang"); wanted != page.request.query.end()) {
    if (auto chosen = app.rounds->find(wanted->second); chosen && chosen->includes(viewer.person_index)) {
      round = std::move(chosen);
    }
  }
  AssessmentView view;
  if (!round) return render_page(app, page, 200, view, nullptr);
  if (!round->includes(viewer.person_index)) {
    view.state = AssessmentView::State::kNotInRound;
    return render_page(app, page, 200, view, nullptr);
  }
  // Read from the round's published snapshot, not the store: every save republishes it
  // before answering, so it holds the person's latest answers, and a page view costs no
  // database round trip.
  const core::Assessment assessment = assessment_from_snapshot(*round, viewer.person_index, viewer.account.employee_id);
  const core::Progress progress = published_progress(*round, viewer.person_index);
  AssessmentView shown = build_view(page, *round, *viewer.person, assessment, {}, is_locked(*round, assessment), progress);
  if (progress >= core::Progress::kConversationHeld) {
    // The outcome needs the note and the priorities, which only the store holds.
    auto stored = app.assessments->load(round->round.name, viewer.account.employee_id);
    if (!stored) return error_response(app, page, stored.error());
    shown.outcome_html = render_conversation_outcome(page, round->snapshot->framework(), *viewer.person, *stored);
  }
  return render_page(app, page, 200, shown, round.get());
}

Response assessment_submit(AppContext& app, const PageRequest& page) {
  const Viewer& viewer = *page.viewer;
  if (viewer.is_observer()) return error_page(app, page, 403);
  const FormData form = FormData::parse(page.request.body);
  if (!csrf_valid(page, form)) {
    // A form of this person's from an earlier session (signed in again meanwhile, perhaps in
    // another tab): refused as any form without its token, but shown again with what it
    // posted, so that one more click saves it under the new session's token.
    if (app.sessions->form_owner_valid(form.get(std::string(kFormOwnerField)), viewer.account.employee_id)) {
      return earlier_session_form(app, page, form);
    }
    return error_page(app, page, 403, page.t("error_csrf_text"));
  }
  auto round = app.rounds->find(form.get("round"));
  if (!round || !round->includes(viewer.person_index)) return error_page(app, page, 404);

  // What the published snapshot says, for the form and a quick refusal; the save decides on
  // what the store holds.
  const core::Assessment published = assessment_from_snapshot(*round, viewer.person_index, viewer.account.employee_id);
  if (is_locked(*round, published)) {
    return error_page(app, page, 409,
                      page.t(round->round.state != core::RoundState::kOpen ? "assessment_round_closed"
                                                                            : "assessment_locked"));
  }
  const bool submit = form.get("action") == "submit";
  const core::Framework& framework = round->snapshot->framework();
  SelfAssessmentInput input = read_self_assessment(form, framework, *viewer.person, page.language);
  const core::AssessmentEdit edit =
      self_assessment_edit(input, submit, viewer.account.employee_id, app.options.clock->utc_timestamp());
  std::vector<FieldError> errors = std::move(input.errors);
  if (submit) append_completeness_errors(framework, *viewer.person, input, page.language, errors);
  if (!errors.empty()) {
    // Nothing is saved; the form comes back with what was entered.
    const core::Assessment shown =
        core::apply_assessment_edit(framework, *viewer.person, round->round.state, published, edit).after;
    return render_page(app, page, 422,
                       build_view(page, *round, *viewer.person, shown, errors, false,
                                  published_progress(*round, viewer.person_index)),
                       round.get());
  }
  const core::EditOutcome saved = app.assessments->save(round->round.name, *viewer.person, edit);
  if (saved.refusal) {
    switch (saved.refusal->kind) {
      case core::ErrorKind::kInvalidInput:
        append_rule_errors(saved.refusal->problems, page.language, errors);
        return render_page(app, page, 422,
                           build_view(page, *round, *viewer.person, saved.after, errors, false,
                                      published_progress(*round, viewer.person_index)),
                           round.get());
      case core::ErrorKind::kConflict:
        return error_page(app, page, 409,
                          page.t(round->round.state == core::RoundState::kOpen &&
                                         saved.after.status >= core::AssessmentStatus::kConversationHeld
                                     ? "assessment_locked"
                                     : "assessment_round_closed"));
      default:
        return error_response(app, page, *saved.refusal);
    }
  }
  const std::string in_round = "&omgang=" + url_encode(round->round.name);
  return redirect_to(submit ? "/skattning?klart=assessment_submitted" + in_round + "#summary-heading"
                            : "/skattning?klart=assessment_saved_draft" + in_round);
}

void register_assessment(Router& router) {
  router.get("/skattning", [](AppContext& app, PageRequest& page, const RouteParams&) { return assessment_page(app, page); });
  router.post("/skattning", [](AppContext& app, PageRequest& page, const RouteParams&) { return assessment_submit(app, page); });
  router.pages().add({
      .path = "/skattning",
      .title_key = "nav_assessment",
      .tile_text_key = "home_assessment_text",
      .order = 10,
      .visible = [](const Viewer& viewer) { return !viewer.is_observer(); },
      // The tile shows where the viewer's own assessment stands in the round open now.
      .tile_status = [](const AppContext& app, const Viewer& viewer) -> std::optional<core::Progress> {
        auto round = app.rounds->current_open_round(viewer.person_index);
        if (!round || !round->includes(viewer.person_index)) return std::nullopt;
        return published_progress(*round, viewer.person_index);
      }});
}

}  // namespace trappa::web
