// Ej påbörjade: who has not started a round, per unit and manager with counts, as a list to
// open, download (CSV, XLSX) and remind by e-mail (issue 13, "HR can run the round";
// docs/web.md, "Who has not started and reminders").
//
// HR and administrators see the people of the round within their scope; a manager sees their
// own team (direct reports). Anyone else gets 404. Reminders: choose people (all are chosen at
// first) → a preview of the exact e-mail and its recipients → confirm (POST with CSRF) → the
// use case app::Reminders sends what the per-round limit allows and records it.
#include <algorithm>
#include <cctype>
#include <functional>
#include <set>
#include <variant>

#include <spdlog/spdlog.h>

#include "app/reminders/reminders.hpp"
#include "core/assessment/reminders.hpp"
#include "i18n/ui_text.hpp"
#include "io/csv/csv_writer.hpp"
#include "io/xlsx/xlsx_writer.hpp"
#include "web/pages/rounds/rounds_routes.hpp"
#include "web/ui/download.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

constexpr std::string_view kPath = "/omgangar/ej-paborjade";

// Whose not-started list the viewer sees; nullopt: nobody's (404).
enum class ListScope : std::uint8_t { kHr, kTeam };

// The navigation entry the page belongs to: Omgångar for HR, Mitt team for a manager.
std::string_view active_path(ListScope scope) { return scope == ListScope::kHr ? "/omgangar" : "/team"; }

std::optional<ListScope> list_scope(const Viewer& viewer) {
  if (viewer.is_hr()) return ListScope::kHr;
  if (viewer.manages_anyone) return ListScope::kTeam;
  return std::nullopt;
}

// The round: ?omgang= (or the form's), else the newest open round, else the newest round.
std::shared_ptr<const app::RoundView> chosen_round(AppContext& app, const std::string& named) {
  if (!named.empty()) return app.rounds->find(named);
  if (auto open = app.rounds->current_open_round(std::nullopt)) return open;
  auto rounds = app.rounds->rounds();
  return rounds->empty() ? nullptr : rounds->back();
}

std::string query_round(const PageRequest& page) {
  const auto found = page.request.query.find("omgang");
  return found == page.request.query.end() ? std::string() : found->second;
}

struct NotStarted {
  std::size_t in_round = 0;             // people of the round the viewer sees
  std::vector<std::uint32_t> people;    // of them, who has not started; by unit, then name
};

NotStarted not_started(const AppContext& app, const Viewer& viewer, ListScope scope, const app::RoundView& round) {
  const app::Directory& directory = *app.directory;
  NotStarted result;
  auto consider = [&](std::uint32_t person) {
    if (!round.includes(person)) return;
    ++result.in_round;
    if (published_progress(round, person) == core::Progress::kNotStarted) result.people.push_back(person);
  };
  if (scope == ListScope::kTeam) {
    for (std::uint32_t person : directory.direct_reports(viewer.person_index)) consider(person);
  } else {
    const std::string unit = viewer.scope();
    const auto& people = directory.people();
    for (std::uint32_t person = 0; person < people.size(); ++person) {
      if (unit.empty() || directory.in_subtree(people[person], unit)) consider(person);
    }
  }
  const auto& people = directory.people();
  std::sort(result.people.begin(), result.people.end(), [&](std::uint32_t a, std::uint32_t b) {
    const std::string unit_a = directory.unit_name(people[a].unit_code), unit_b = directory.unit_name(people[b].unit_code);
    if (unit_a != unit_b) return unit_a < unit_b;
    if (people[a].name != people[b].name) return people[a].name < people[b].name;
    return people[a].employee_id < people[b].employee_id;
  });
  return result;
}

std::string manager_name(const app::Directory& directory, const core::Person& person) {
  const core::Person* manager = directory.find(person.manager_id);
  return manager != nullptr ? manager->name : std::string();
}

std::string refusal_text(const PageRequest& page, core::ReminderRefusal refusal) {
  return std::string(page.t("reminder_refusal_" + std::string(core::to_code(refusal))));
}

// "2 av 3, senast 4 december 2026" or "–".
std::string reminders_text(const PageRequest& page, const app::RemindersByPerson& sent, const core::Person& person,
                           int per_round) {
  const auto found = sent.find(person.employee_id);
  if (found == sent.end() || found->second.empty()) return "–";
  return format_text(page.t("not_started_reminded"), {{"count", std::to_string(found->second.size())},
                                                       {"limit", std::to_string(per_round)},
                                                       {"date", format_date(page.language, found->second.back().sent_at)}});
}

// The columns of the downloads, and of the page's list.
std::vector<std::string> header(const PageRequest& page) {
  return {std::string(page.t("not_started_col_name")), std::string(page.t("person_employee_id")),
          std::string(page.t("not_started_col_email")), std::string(page.t("not_started_col_unit")),
          std::string(page.t("not_started_col_manager")), std::string(page.t("not_started_col_reminders"))};
}

std::vector<std::string> row_cells(const AppContext& app, const app::RemindersByPerson& sent, const core::Person& person) {
  std::string reminded;
  if (const auto found = sent.find(person.employee_id); found != sent.end()) reminded = std::to_string(found->second.size());
  return {person.name, person.employee_id, person.email, app.directory->unit_name(person.unit_code),
          manager_name(*app.directory, person), reminded.empty() ? std::string("0") : reminded};
}

struct Listed {
  std::shared_ptr<const app::RoundView> round;
  ListScope scope = ListScope::kHr;
  NotStarted list;
  app::RemindersByPerson sent;
};

// The list for the viewer, or the error page to answer.
std::variant<Listed, Response> listed(AppContext& app, const PageRequest& page, const std::string& round_name,
                                      bool round_required) {
  const auto scope = list_scope(*page.viewer);
  if (!scope) return error_page(app, page, 404);
  Listed result;
  result.scope = *scope;
  result.round = chosen_round(app, round_name);
  if (!result.round) {
    if (round_required || !round_name.empty()) return error_page(app, page, 404);
    return result;
  }
  result.list = not_started(app, *page.viewer, *scope, *result.round);
  auto sent = app.reminders->sent(result.round->round.name);
  if (!sent) return error_response(app, page, sent.error());
  result.sent = std::move(*sent);
  return result;
}

TemplateData group_rows(const std::vector<core::GroupCount>& groups, const std::function<std::string(const std::string&)>& name) {
  TemplateData rows = list();
  for (const core::GroupCount& group : groups) {
    TemplateData row;
    row.set("name", name(group.key));
    row.set("count", grouped_number(group.count));
    rows.push_back(row);
  }
  return rows;
}

Response not_started_page(AppContext& app, const PageRequest& page) {
  auto found = listed(app, page, query_round(page), false);
  if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
  const Listed& shown = std::get<Listed>(found);
  const Viewer& viewer = *page.viewer;
  const app::Directory& directory = *app.directory;
  TemplateData data;
  data.set("lead", std::string(page.t(shown.scope == ListScope::kHr ? "not_started_lead_hr" : "not_started_lead_team")));
  data.set("has_round", flag(shown.round != nullptr));
  data.set("no_round", flag(shown.round == nullptr));
  data.set("csrf", viewer.csrf_token);
  if (shown.round) {
    const app::RoundView& round = *shown.round;
    const bool open = round.round.state == core::RoundState::kOpen;
    const bool can_remind = open && app.reminders->available() && !shown.list.people.empty();
    data.set("rounds", round_options(app, round.round.name));
    data.set("round_name", round.round.name);
    data.set("round_query", url_encode(round.round.name));
    data.set("round_state", std::string(state_label(page, round.round.state)));
    data.set("count_text", format_text(page.t("not_started_count"), {{"count", grouped_number(shown.list.people.size())},
                                                                    {"total", grouped_number(shown.list.in_round)}}));
    data.set("none", flag(shown.list.people.empty()));
    data.set("any", flag(!shown.list.people.empty()));
    data.set("can_remind", flag(can_remind));
    data.set("reminders_off", flag(open && !app.reminders->available() && !shown.list.people.empty()));
    data.set("round_not_open", flag(!open && !shown.list.people.empty()));
    data.set("limit_text", format_text(page.t("reminder_limit"), {{"limit", std::to_string(app.reminders->policy().per_round)}}));
    std::vector<std::string> units, managers;
    const auto& people = directory.people();
    TemplateData& rows = add_list(data, "people");
    std::size_t remindable = 0;
    for (std::uint32_t index : shown.list.people) {
      const core::Person& person = people[index];
      units.push_back(person.unit_code);
      managers.push_back(person.manager_id);
      const core::ReminderRefusal refusal = app.reminders->refusal(shown.sent, {person.employee_id, person.email});
      if (refusal == core::ReminderRefusal::kNone) ++remindable;
      TemplateData& row = add_object(rows);
      row.set("name", person.name);
      row.set("employee_id", person.employee_id);
      row.set("href", shown.scope == ListScope::kHr
                          ? "/personer/" + url_encode(person.employee_id)
                          : "/team/" + url_encode(person.employee_id) + "?omgang=" + url_encode(round.round.name));
      row.set("unit", directory.unit_name(person.unit_code));
      row.set("manager", manager_name(directory, person));
      row.set("reminders", reminders_text(page, shown.sent, person, app.reminders->policy().per_round));
      row.set("remindable", flag(refusal == core::ReminderRefusal::kNone));
      row.set("refusal", refusal_text(page, refusal));
    }
    data.set("remindable_count", grouped_number(remindable));
    data.set("can_preview", flag(can_remind && remindable > 0));
    data.set("by_unit", group_rows(core::count_groups(units), [&](const std::string& code) { return directory.unit_name(code); }));
    data.set("by_manager", group_rows(core::count_groups(managers), [&](const std::string& id) {
               const core::Person* manager = directory.find(id);
               return manager != nullptr ? manager->name : std::string(page.t("not_started_no_manager"));
             }));
    data.set("show_by_manager", flag(shown.scope == ListScope::kHr));
    data.set("csv_href", std::string(kPath) + ".csv?omgang=" + url_encode(round.round.name));
    data.set("xlsx_href", std::string(kPath) + ".xlsx?omgang=" + url_encode(round.round.name));
  }
  return page_response(200, render_layout(app, page, page.t("not_started_title"), active_path(shown.scope),
                                          render("not_started", page.language, data)));
}

std::string download_name(const std::string& round) {
  std::string safe;
  for (char c : round) safe += (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_') ? c : '-';
  return "ej-paborjade-" + safe;
}

Response not_started_download(AppContext& app, const PageRequest& page, bool xlsx) {
  auto found = listed(app, page, query_round(page), true);
  if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
  const Listed& shown = std::get<Listed>(found);
  const auto& people = app.directory->people();
  const std::string name = download_name(shown.round->round.name);
  if (xlsx) {
    io::XlsxSheet sheet{std::string(page.t("not_started_sheet")), {header(page)}};
    for (std::uint32_t index : shown.list.people) sheet.rows.push_back(row_cells(app, shown.sent, people[index]));
    auto workbook = io::write_xlsx({sheet});
    if (!workbook) return error_response(app, page, workbook.error());
    return file_download(FileKind::kXlsx, std::move(*workbook), name);
  }
  const io::CsvDialect dialect = io::spreadsheet_csv_for(i18n::language_code(page.language));
  std::string body = std::string(io::csv_start(dialect)) + io::csv_line(header(page), dialect);
  for (std::uint32_t index : shown.list.people) body += io::csv_line(row_cells(app, shown.sent, people[index]), dialect);
  return file_download(FileKind::kCsv, std::move(body), name);
}

// The e-mail of a reminder: Swedish first, then English, since the organisation's language is
// Swedish and Trappa does not know which language each recipient reads (docs/web.md).
constexpr std::string_view kPartSeparator = "\n\n----\n\n";

std::string reminder_part(const AppContext& app, const app::RoundView& round, Language language) {
  const std::string deadline =
      round.round.closes.empty()
          ? std::string()
          : format_text(text(language, "reminder_mail_deadline"), {{"date", format_date(language, round.round.closes)}});
  return format_text(text(language, "reminder_mail_body"), {{"round", round.round.name},
                                                            {"organisation", app.options.organisation_name},
                                                            {"deadline", deadline}});
}

app::ReminderText reminder_text(const AppContext& app, const app::RoundView& round) {
  return {format_text(text(Language::kSwedish, "reminder_mail_subject"), {{"round", round.round.name}}) + " / " +
              format_text(text(Language::kEnglish, "reminder_mail_subject"), {{"round", round.round.name}}),
          reminder_part(app, round, Language::kSwedish) + std::string(kPartSeparator) +
              reminder_part(app, round, Language::kEnglish)};
}

// The paragraphs of one language's part, for the preview.
TemplateData paragraphs_of(const std::string& part) {
  TemplateData paragraphs = list();
  std::size_t start = 0;
  while (true) {
    const std::size_t end = part.find("\n\n", start);
    TemplateData item;
    item.set("text", part.substr(start, end == std::string::npos ? std::string::npos : end - start));
    paragraphs.push_back(item);
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return paragraphs;
}

struct Chosen {
  std::vector<std::uint32_t> people;  // in the list's order
  std::optional<Response> refused;
};

// The people the form names, each of whom must be on the viewer's not-started list: anyone
// else refuses the whole form (403), so nobody outside the scope can be reminded.
Chosen chosen_people(AppContext& app, const PageRequest& page, const Listed& shown, const FormData& form) {
  Chosen chosen;
  const std::vector<std::string> ids = form.all("person");
  const std::set<std::string> wanted(ids.begin(), ids.end());
  std::set<std::string> listed_ids;
  for (std::uint32_t index : shown.list.people) {
    const core::Person& person = app.directory->people()[index];
    listed_ids.insert(person.employee_id);
    if (wanted.contains(person.employee_id)) chosen.people.push_back(index);
  }
  for (const std::string& id : wanted) {
    if (!listed_ids.contains(id)) {
      chosen.refused = error_page(app, page, 403, page.t("reminder_outside_list"));
      return chosen;
    }
  }
  return chosen;
}

Response render_preview(AppContext& app, const PageRequest& page, const Listed& shown, const Chosen& chosen) {
  const app::RoundView& round = *shown.round;
  const app::ReminderText mail = reminder_text(app, round);
  TemplateData data;
  data.set("csrf", page.viewer->csrf_token);
  data.set("round_name", round.round.name);
  data.set("round_query", url_encode(round.round.name));
  data.set("from", app.options.smtp ? app.options.smtp->from : std::string());
  data.set("subject", mail.subject);
  // The same text as the e-mail, each language's part marked with its language.
  data.set("swedish", paragraphs_of(reminder_part(app, round, Language::kSwedish)));
  data.set("english", paragraphs_of(reminder_part(app, round, Language::kEnglish)));
  TemplateData& recipients = add_list(data, "recipients");
  TemplateData& skipped = add_list(data, "skipped");
  std::size_t count = 0, skipped_count = 0;
  for (std::uint32_t index : chosen.people) {
    const core::Person& person = app.directory->people()[index];
    const core::ReminderRefusal refusal = app.reminders->refusal(shown.sent, {person.employee_id, person.email});
    TemplateData& item = add_object(refusal == core::ReminderRefusal::kNone ? recipients : skipped);
    item.set("name", person.name);
    item.set("employee_id", person.employee_id);
    item.set("email", person.email);
    item.set("reason", refusal_text(page, refusal));
    (refusal == core::ReminderRefusal::kNone ? count : skipped_count)++;
  }
  data.set("any", flag(count > 0));
  data.set("has_skipped", flag(skipped_count > 0));
  data.set("count_text", format_text(page.t(count == 1 ? "reminder_preview_count_one" : "reminder_preview_count"),
                                     {{"count", grouped_number(count)}}));
  data.set("skipped_text", format_text(page.t("reminder_preview_skipped"), {{"count", grouped_number(skipped_count)}}));
  return page_response(200, render_layout(app, page, page.t("reminder_preview_title"), active_path(shown.scope),
                                          render("reminder_preview", page.language, data)));
}

Response render_sent(AppContext& app, const PageRequest& page, const Listed& shown, const app::ReminderOutcome& outcome,
                     int status) {
  TemplateData data;
  data.set("round_query", url_encode(shown.round->round.name));
  data.set("sent_text", format_text(page.t(outcome.sent.size() == 1 ? "reminder_sent_count_one" : "reminder_sent_count"),
                                    {{"count", grouped_number(outcome.sent.size())}}));
  data.set("has_skipped", flag(!outcome.skipped.empty()));
  data.set("skipped_text", format_text(page.t("reminder_sent_skipped"), {{"count", grouped_number(outcome.skipped.size())}}));
  data.set("failed", flag(outcome.failure.has_value()));
  data.set("succeeded", flag(!outcome.failure.has_value()));
  data.set("failure", outcome.failure ? outcome.failure->message : std::string());
  return page_response(status, render_layout(app, page, page.t("reminder_sent_title"), active_path(shown.scope),
                                             render("reminder_sent", page.language, data)));
}

Response remind(AppContext& app, const PageRequest& page) {
  const FormData form = FormData::parse(page.request.body);
  if (!list_scope(*page.viewer)) return error_page(app, page, 404);
  if (!csrf_valid(page, form)) return error_page(app, page, 403, page.t("error_csrf_text"));
  auto found = listed(app, page, form.get("omgang"), true);
  if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
  const Listed& shown = std::get<Listed>(found);
  if (shown.round->round.state != core::RoundState::kOpen) return error_page(app, page, 409, page.t("reminder_round_not_open"));
  if (!app.reminders->available()) return error_page(app, page, 409, page.t("reminder_not_available"));
  const Chosen chosen = chosen_people(app, page, shown, form);
  if (chosen.refused) return *chosen.refused;
  if (chosen.people.empty()) return error_page(app, page, 422, page.t("reminder_none_chosen"));
  if (form.get("bekrafta") != "ja") return render_preview(app, page, shown, chosen);

  std::vector<app::ReminderRecipient> recipients;
  for (std::uint32_t index : chosen.people) {
    const core::Person& person = app.directory->people()[index];
    recipients.push_back({person.employee_id, person.email});
  }
  auto outcome = app.reminders->send(shown.round->round.name, recipients, reminder_text(app, *shown.round),
                                     page.viewer->account.employee_id);
  if (!outcome) {
    spdlog::error("request_id={} {}", page.request.request_id, outcome.error().describe());
    return error_response(app, page, outcome.error());
  }
  if (outcome->failure) {
    spdlog::error("request_id={} reminders of round {}: {} sent, then {}", page.request.request_id,
                  shown.round->round.name, outcome->sent.size(), outcome->failure->message);
  } else {
    spdlog::info("request_id={} reminders of round {}: {} sent by {}, {} skipped", page.request.request_id,
                 shown.round->round.name, outcome->sent.size(), page.viewer->account.employee_id, outcome->skipped.size());
  }
  return render_sent(app, page, shown, *outcome, outcome->failure ? 502 : 200);
}

}  // namespace

void register_not_started(Router& router) {
  router.get(std::string(kPath), [](AppContext& app, PageRequest& page, const RouteParams&) { return not_started_page(app, page); });
  router.get(std::string(kPath) + ".csv",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return not_started_download(app, page, false); });
  router.get(std::string(kPath) + ".xlsx",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return not_started_download(app, page, true); });
  router.post(std::string(kPath) + "/paminn", [](AppContext& app, PageRequest& page, const RouteParams&) { return remind(app, page); });
}

}  // namespace trappa::web
