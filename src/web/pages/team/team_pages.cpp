// Mitt team and the conversation page.
//
// The team list reads statuses, needs and motivation from the round's analytics snapshot
// (no store access). The conversation page shows one report's self, agreed and expected
// levels side by side; the direct manager (or HR in scope) adjusts agreed levels, chooses
// priorities and records the conversation. An indirect manager reads it.
#include <algorithm>
#include <charconv>

#include <spdlog/spdlog.h>

#include "core/assessment/assessment_edit.hpp"
#include "core/assessment/assessment_progress.hpp"
#include "core/assessment/assessment_rules.hpp"
#include "io/exports/gap_report_output.hpp"
#include "web/pages/assessment/assessment_form.hpp"
#include "web/pages/team/team_routes.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

// The round a team page shows: ?omgang=, else the open round, else the newest round.
std::shared_ptr<const app::RoundView> chosen_round(AppContext& app, const PageRequest& page,
                                              std::optional<std::uint32_t> person) {
  if (auto named = page.request.query.find("omgang"); named != page.request.query.end() && !named->second.empty()) {
    return app.rounds->find(named->second);
  }
  if (auto open = app.rounds->current_open_round(person)) return open;
  auto rounds = app.rounds->rounds();
  return rounds->empty() ? nullptr : rounds->back();
}

struct ReportRow {
  std::string employee_id;
  std::string name;
  std::string role;
  std::string unit;
  std::string manager;
  bool in_round = false;
  core::Progress progress = core::Progress::kNotStarted;
  std::size_t needs = 0;
  bool rated = false;  // any level given: needs are counted only then
  std::optional<double> motivation;
};

ReportRow report_row(const app::Directory& directory, const app::RoundView& round, std::uint32_t person) {
  const core::Person& subject = directory.people()[person];
  ReportRow row{subject.employee_id, subject.name, subject.role, directory.unit_name(subject.unit_code), {}, false, {}, 0, false, {}};
  if (const core::Person* manager = directory.find(subject.manager_id)) row.manager = manager->name;
  if (!round.includes(person)) return row;
  const core::GapSnapshot& snapshot = *round.snapshot;
  const auto p = static_cast<std::size_t>(round.position[person]);
  row.in_round = true;
  row.progress = snapshot.progress()[p];
  const std::uint16_t role = snapshot.role()[p];
  for (std::size_t c = 0; c < snapshot.competencies(); ++c) {
    const std::uint8_t expected = snapshot.expected(role, c);
    const std::uint8_t level = snapshot.levels(core::LevelBasis::kAgreed, c)[p];
    if (level > 0) row.rated = true;
    if (expected > 0 && level > 0 && level < expected) ++row.needs;
  }
  int sum = 0, answers = 0;
  for (std::size_t a = 0; a < snapshot.areas(); ++a) {
    if (const std::uint8_t value = snapshot.motivation(a)[p]; value > 0) {
      sum += value;
      ++answers;
    }
  }
  if (answers > 0) row.motivation = static_cast<double>(sum) / answers;
  return row;
}

}  // namespace

Response team_page(AppContext& app, const PageRequest& page) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.manages_anyone) return error_page(app, page, 403);
  auto round = chosen_round(app, page, std::nullopt);
  TemplateData data;
  data.set("no_round", flag(round == nullptr));
  data.set("has_round", flag(round != nullptr));
  if (round) {
    const bool indirect = page.request.query.contains("alla") && page.request.query.at("alla") == "1";
    const std::vector<std::uint32_t> people = indirect ? app.directory->all_reports(viewer.person_index)
                                                       : app.directory->direct_reports(viewer.person_index);
    data.set("rounds", round_options(app, round->round.name));
    data.set("round_name", round->round.name);
    data.set("round_query", url_encode(round->round.name));
    data.set("indirect", flag(indirect));
    TemplateData rows = list();
    std::size_t self_assessed = 0, conversations = 0;
    for (std::uint32_t person : people) {
      const ReportRow row = report_row(*app.directory, *round, person);
      // Assessed means rated: a conversation recorded without any level counts as held, not
      // as self-assessed (issue 13, item 2).
      if (row.in_round && row.rated && row.progress >= core::Progress::kSelfAssessed) ++self_assessed;
      if (row.in_round && row.progress >= core::Progress::kConversationHeld) ++conversations;
      TemplateData item;
      item.set("employee_id", url_encode(row.employee_id));
      item.set("round_query", url_encode(round->round.name));
      item.set("name", row.name);
      item.set("role", row.role);
      item.set("unit", row.unit);
      item.set("manager", row.manager);
      item.set("in_round", flag(row.in_round));
      item.set("status", std::string(status_label(page, row.progress)));
      item.set("status_code", std::string(status_code(row.progress)));
      item.set("needs", row.in_round && row.rated ? std::to_string(row.needs) : std::string("–"));
      item.set("motivation", io::swedish_decimal(row.motivation, 1));
      rows.push_back(item);
    }
    data.set("reports", rows);
    data.set("has_reports", flag(!people.empty()));
    data.set("count", grouped_number(people.size()));
    data.set("self_assessed", grouped_number(self_assessed));
    data.set("conversations", grouped_number(conversations));
  }
  return page_response(200, render_layout(app, page, page.t("team_title"), "/team",
                                          render("team", page.language, data)));
}

namespace {

struct ConversationInput {
  std::map<std::string, std::optional<int>> agreed;
  std::vector<std::string> priorities;
  std::string notes;
  bool held = false;
  bool followed_up = false;
};

// What recording the conversation would leave missing, to be confirmed (issue 13, item 2);
// empty when nothing is asked.
struct Confirmation {
  core::ConversationGaps gaps;
  bool asked = false;
};

// `shown`: the assessment as the form shows it (stored, or as entered when refused);
// `stored`: the state of what is stored.
Response render_conversation(AppContext& app, const PageRequest& page, int status, const app::RoundView& round,
                             std::uint32_t person_index, PersonAccess access, const core::Assessment& shown,
                             core::Progress stored, const std::vector<FieldError>& errors,
                             const Confirmation& confirmation = {}) {
  const core::Person& person = app.directory->people()[person_index];
  const core::Framework& framework = round.snapshot->framework();
  const bool in_round = round.includes(person_index);
  const bool round_open = round.round.state == core::RoundState::kOpen;
  const bool read_only = access != PersonAccess::kManage || !round_open;
  TemplateData data;
  data.set("fw_lang", framework_lang_attribute(page, framework));
  data.set("csrf", page.viewer->csrf_token);
  data.set("employee_id", url_encode(person.employee_id));
  data.set("name", person.name);
  data.set("role", person.role);
  data.set("unit", app.directory->unit_name(person.unit_code));
  data.set("round_name", round.round.name);
  data.set("round_query", url_encode(round.round.name));
  data.set("show_team_link", flag(page.viewer->manages_anyone));
  // HR in scope reach the person's history and data export from here (person_page.cpp).
  data.set("show_person_link", flag(page.viewer->is_hr() && app.directory->in_subtree(person, page.viewer->scope())));
  data.set("status_code", std::string(status_code(stored)));
  data.set("status_label", std::string(status_label(page, stored)));
  data.set("confirm", flag(confirmation.asked));
  data.set("confirm_not_submitted", flag(confirmation.gaps.not_submitted));
  data.set("confirm_has_missing_levels", flag(!confirmation.gaps.without_level.empty()));
  data.set("confirm_missing_count", std::to_string(confirmation.gaps.without_level.size()));
  TemplateData& missing = add_list(data, "confirm_missing");
  for (const std::string& code : confirmation.gaps.without_level) {
    const core::Competency* competency = framework.find_competency(code);
    TemplateData& item = add_object(missing);
    item.set("code", code);
    item.set("name", competency != nullptr ? competency->name : std::string{});
  }
  data.set("has_self_assessed_at", flag(!shown.self_assessed_at.empty()));
  data.set("self_assessed_at", format_date(page.language, shown.self_assessed_at));
  data.set("has_conversation_at", flag(!shown.conversation_at.empty()));
  data.set("conversation_at", format_date(page.language, shown.conversation_at));
  data.set("in_round", flag(in_round));
  data.set("read_only", flag(read_only));
  data.set("read_only_reason", std::string(page.t(!round_open ? "conversation_read_only_closed"
                                                              : "conversation_read_only_indirect")));
  data.set("has_errors", flag(!errors.empty()));
  data.set("errors", errors_data(errors));
  data.set("max_priorities", std::to_string(core::kMaxPriorities));
  data.set("notes", shown.notes);
  data.set("held", flag(shown.status >= core::AssessmentStatus::kConversationHeld));
  data.set("may_follow_up", flag(shown.status >= core::AssessmentStatus::kConversationHeld));
  data.set("followed_up", flag(shown.status >= core::AssessmentStatus::kFollowedUp));
  TemplateData& areas = add_list(data, "areas");
  if (in_round) {
    const core::RoleProfile* profile = framework.profile_of(person.role);
    for (const core::Area* area : core::assessed_areas(framework, person.role)) {
      TemplateData& section = add_object(areas);
      section.set("code", area->code);
      section.set("name", area->name);
      auto motivation = shown.motivation.find(area->code);
      section.set("motivation", motivation != shown.motivation.end() ? std::to_string(motivation->second)
                                                                     : std::string(page.t("not_answered")));
      TemplateData& competencies = add_list(section, "competencies");
      for (const core::Competency& competency : area->competencies) {
        auto expected = profile->find(competency.code);
        if (expected == profile->end()) continue;
        const core::Rating* rating = shown.find_rating(competency.code);
        const std::optional<int> self = rating != nullptr ? rating->self_level : std::nullopt;
        const std::optional<int> agreed = rating != nullptr ? rating->agreed_level : std::nullopt;
        // Until levels are agreed, the choice starts from the person's own level.
        const std::optional<int> proposed = agreed ? agreed : self;
        TemplateData& item = add_object(competencies);
        item.set("code", competency.code);
        item.set("name", competency.name);
        item.set("self", self ? std::to_string(*self) : std::string("–"));
        item.set("expected", std::to_string(expected->second));
        item.set("below", flag(proposed && *proposed < expected->second));
        item.set("prioritised", flag(std::find(shown.priorities.begin(), shown.priorities.end(), competency.code) !=
                                     shown.priorities.end()));
        TemplateData& options = add_list(item, "options");
        TemplateData& none = add_object(options);
        none.set("value", std::string{});
        none.set("label", std::string(page.t("agreed_none")));
        none.set("selected", flag(!proposed));
        for (int level = framework.scale.min; level <= framework.scale.max; ++level) {
          TemplateData& option = add_object(options);
          option.set("value", std::to_string(level));
          option.set("label", std::to_string(level) + " – " + level_name(framework, level));
          option.set("selected", flag(proposed && *proposed == level));
        }
      }
    }
  }
  const auto flash = page.request.query.find("klart");
  return page_response(status, render_layout(app, page, std::string(page.t("conversation_title")) + ": " + person.name,
                                             "/team", render("conversation", page.language, data),
                                             flash != page.request.query.end() ? allowed_flash(flash->second)
                                                                               : std::string_view{}));
}

// The round of a conversation: ?omgang= (GET) or the form's round (POST), else the open
// round that includes the person, else the newest round that does.
std::shared_ptr<const app::RoundView> conversation_round(AppContext& app, const std::string& named, std::uint32_t person) {
  if (!named.empty()) return app.rounds->find(named);
  if (auto open = app.rounds->current_open_round(person); open && open->includes(person)) return open;
  auto rounds = app.rounds->rounds();
  for (auto it = rounds->rbegin(); it != rounds->rend(); ++it) {
    if ((*it)->includes(person)) return *it;
  }
  return rounds->empty() ? nullptr : rounds->back();
}

}  // namespace

Response conversation_page(AppContext& app, const PageRequest& page, const std::string& employee_id) {
  const Viewer& viewer = *page.viewer;
  auto person = app.directory->index_of(employee_id);
  // Someone the viewer may not see gets the same answer as someone who does not exist.
  if (!person) return error_page(app, page, 404);
  const PersonAccess access = access_to_person(*app.directory, viewer, *person);
  if (access == PersonAccess::kNone) return error_page(app, page, 404);
  auto named = page.request.query.find("omgang");
  auto round = conversation_round(app, named != page.request.query.end() ? named->second : std::string{}, *person);
  if (!round) return error_page(app, page, 404);
  auto loaded = app.assessments->load(round->round.name, employee_id);
  if (!loaded) return error_response(app, page, loaded.error());
  return render_conversation(app, page, 200, *round, *person, access, *loaded, core::progress_of(*loaded), {});
}

Response conversation_submit(AppContext& app, const PageRequest& page, const std::string& employee_id) {
  const Viewer& viewer = *page.viewer;
  const FormData form = FormData::parse(page.request.body);
  if (!csrf_valid(page, form)) return error_page(app, page, 403, page.t("error_csrf_text"));
  auto person = app.directory->index_of(employee_id);
  if (!person) return error_page(app, page, 404);
  const PersonAccess access = access_to_person(*app.directory, viewer, *person);
  if (access == PersonAccess::kNone) return error_page(app, page, 404);
  const core::Person& subject = app.directory->people()[*person];
  const core::AssessmentActor actor{viewer.account.employee_id, viewer.is_hr() && access == PersonAccess::kManage};
  if (access != PersonAccess::kManage || !core::may_agree_levels(actor, subject)) return error_page(app, page, 403);
  auto round = app.rounds->find(form.get("round"));
  if (!round || !round->includes(*person)) return error_page(app, page, 404);
  if (round->round.state != core::RoundState::kOpen) {
    return error_page(app, page, 409, page.t("conversation_read_only_closed"));
  }

  const core::Framework& framework = round->snapshot->framework();
  core::AssessmentEdit edit;
  edit.role = core::EditorRole::kReviewer;
  edit.editor_id = viewer.account.employee_id;
  edit.at = app.options.clock->utc_timestamp();
  std::vector<FieldError> errors;
  for (const core::Competency* competency : profile_competencies(framework, subject.role)) {
    const std::string value = form.get("agreed." + competency->code);
    std::optional<int> agreed;
    if (!value.empty()) {
      int parsed = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
      if (error != std::errc{} || end != value.data() + value.size() || !framework.scale.contains(parsed)) {
        errors.push_back({agreed_anchor(competency->code),
                          format_text(page.t("error_invalid_value"), {{"field", competency->code}})});
        continue;
      }
      agreed = parsed;
    }
    edit.agreed_levels[competency->code] = agreed;
  }
  edit.priorities = form.all("priority");
  if (edit.priorities->size() > core::kMaxPriorities) {
    errors.push_back({"priorities-hint", std::string(page.t("error_too_many_priorities"))});
  }
  edit.notes = form.get("notes");
  const bool held = form.get("conversation_held") == "1";
  edit.conversation = held && form.get("followed_up") == "1" ? core::ConversationMark::kFollowedUp
                      : held                                 ? core::ConversationMark::kHeld
                                                             : core::ConversationMark::kNotHeld;
  edit.incomplete = form.get("confirm_incomplete") == "1" ? core::IncompleteConversation::kConfirmed
                                                          : core::IncompleteConversation::kRefuse;
  const core::Progress stored = published_progress(*round, *person);
  if (!errors.empty()) {
    // Nothing is saved; the form comes back with what was entered.
    auto loaded = app.assessments->load(round->round.name, employee_id);
    if (!loaded) return error_response(app, page, loaded.error());
    const core::Assessment shown =
        core::apply_assessment_edit(framework, subject, round->round.state, *loaded, edit).after;
    return render_conversation(app, page, 422, *round, *person, access, shown, stored, errors);
  }
  const core::EditOutcome saved = app.assessments->save(round->round.name, subject, edit);
  if (saved.refusal) {
    switch (saved.refusal->kind) {
      case core::ErrorKind::kInvalidInput: {
        // Recording the conversation with something missing: ask, naming what is missing.
        const bool asks = std::any_of(saved.refusal->problems.begin(), saved.refusal->problems.end(),
                                      [](const core::Problem& problem) { return problem.where == "confirm_incomplete"; });
        if (asks) {
          const Confirmation confirmation{core::conversation_gaps(framework, subject, saved.after), true};
          errors.push_back({"confirm-incomplete", std::string(page.t("conversation_confirm_error"))});
          return render_conversation(app, page, 422, *round, *person, access, saved.after, stored, errors, confirmation);
        }
        append_rule_errors(saved.refusal->problems, page.language, errors);
        return render_conversation(app, page, 422, *round, *person, access, saved.after, stored, errors);
      }
      case core::ErrorKind::kConflict:
        return error_page(app, page, 409, page.t("conversation_read_only_closed"));
      case core::ErrorKind::kForbidden:
        return error_page(app, page, 403);
      default:
        return error_response(app, page, *saved.refusal);
    }
  }
  return redirect_to("/team/" + url_encode(employee_id) + "?omgang=" + url_encode(round->round.name) +
                     "&klart=conversation_saved");
}

void register_team(Router& router) {
  router.get("/team", [](AppContext& app, PageRequest& page, const RouteParams&) { return team_page(app, page); });
  router.get("/team/{employee_id}",
             [](AppContext& app, PageRequest& page, const RouteParams& params) { return conversation_page(app, page, params.get("employee_id")); });
  router.post("/team/{employee_id}",
              [](AppContext& app, PageRequest& page, const RouteParams& params) { return conversation_submit(app, page, params.get("employee_id")); });
  router.pages().add({.path = "/team", .title_key = "nav_team", .tile_text_key = "home_team_text", .order = 20,
                      .visible = [](const Viewer& viewer) { return viewer.manages_anyone; }, .tile_status = {}});
}

}  // namespace trappa::web
