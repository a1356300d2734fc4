// /api/v1: the JSON API (docs/openapi.yaml). Same sessions and access rules as the pages;
// no session answers 401. Writes need the session's CSRF token in X-CSRF-Token and a JSON
// body. Errors are {"error": {"status", "message", "problems": [{"where", "what"}]}}, with the
// status of their kind and only the listed query parameters (web/api/api_conventions.hpp).
#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>

#include <boost/json.hpp>

#include "app/access/password.hpp"
#include "core/analytics/gap_query.hpp"
#include "core/assessment/assessment_edit.hpp"
#include "core/assessment/assessment_progress.hpp"
#include "core/assessment/assessment_rules.hpp"
#include "io/exports/forecast_output.hpp"
#include "io/exports/gap_report_output.hpp"
#include "io/exports/key_figures_json.hpp"
#include "io/json/forecast_scenario_json.hpp"
#include "io/json/json_text.hpp"
#include "web/api/api_conventions.hpp"
#include "web/api/api_routes.hpp"
#include "web/pages/assessment/assessment_form.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"

namespace trappa::web {

namespace json = boost::json;

namespace {

json::value optional_int(const std::optional<int>& value) {
  if (!value) return nullptr;
  return *value;
}

json::object round_json(const app::RoundView& view) {
  const core::Round& round = view.round;
  return json::object{{"name", round.name},
                      {"framework_id", round.framework_id},
                      {"framework_revision", round.framework_revision},
                      {"scope_unit", round.scope_unit.empty() ? json::value(nullptr) : json::value(round.scope_unit)},
                      {"opens", round.opens},
                      {"closes", round.closes},
                      {"state", core::to_code(round.state)},
                      {"people", view.snapshot->people()}};
}

json::object assessment_json(const core::Assessment& assessment, const core::Framework& framework,
                             const core::Person& person) {
  json::array ratings;
  for (const core::Competency* competency : profile_competencies(framework, person.role)) {
    const core::Rating* rating = assessment.find_rating(competency->code);
    const int expected = framework.profile_of(person.role)->at(competency->code);
    ratings.push_back(json::object{
        {"competency", competency->code},
        {"expected_level", expected},
        {"self_level", rating != nullptr ? optional_int(rating->self_level) : json::value(nullptr)},
        {"agreed_level", rating != nullptr ? optional_int(rating->agreed_level) : json::value(nullptr)},
        {"agreed_by", rating != nullptr ? rating->agreed_by : std::string{}},
        {"agreed_at", rating != nullptr ? rating->agreed_at : std::string{}}});
  }
  json::object motivation;
  for (const auto& [area, value] : assessment.motivation) motivation[area] = value;
  json::array priorities;
  for (const std::string& code : assessment.priorities) priorities.push_back(json::value(code));
  return json::object{{"round", assessment.round},
                      {"employee_id", assessment.employee_id},
                      {"status", core::to_code(assessment.status)},
                      // The state in the one status model (core/assessment/assessment_progress.hpp).
                      {"progress", core::to_code(core::progress_of(assessment))},
                      {"self_assessed_at", assessment.self_assessed_at},
                      {"conversation_at", assessment.conversation_at},
                      {"followed_up_at", assessment.followed_up_at},
                      {"ratings", std::move(ratings)},
                      {"motivation", std::move(motivation)},
                      {"priorities", std::move(priorities)},
                      {"notes", assessment.notes}};
}

// The gap analytics of a round. Everyone but HR gets them through the round's small-group
// decisions (web/disclosure_cache.hpp), for the snapshot those decisions belong to.
Response gaps(AppContext& app, const PageRequest& page, std::shared_ptr<const app::RoundView> round_view) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.sees_overview()) {
    return api_error(ApiErrorKind::kForbidden,
                     "the gap analytics are for HR, observers and managers with the overview");
  }
  std::shared_ptr<const core::GapDisclosure> disclosure;
  std::shared_ptr<const core::GapDisclosure> reader;  // a manager's own reports, readable one by one
  if (viewer.suppressed_aggregates()) {
    auto decided = app.disclosures->decided(round_view);
    round_view = decided.view;
    disclosure = decided.disclosure;
    if (viewer.manages_anyone) {
      reader = app.disclosures->for_manager(decided, app.directory->people(), viewer.account.employee_id);
    }
  }
  const app::RoundView& round = *round_view;
  core::GapQuery query;
  query.disclosure = disclosure.get();
  query.reader = reader.get();
  std::vector<core::Problem> problems;
  const std::string basis = query_value(page.request, "basis");
  if (basis == "self") query.basis = core::LevelBasis::kSelf;
  else if (!basis.empty() && basis != "agreed") problems.push_back({"basis", "must be agreed or self"});
  query.unit = query_value(page.request, "unit");
  if (query.unit.empty()) query.unit = viewer.aggregate_scope();
  if (auto refusal = refuse_unit(app, "unit", query.unit, viewer.aggregate_scope())) return std::move(*refusal);
  query.role = query_value(page.request, "role");
  if (const std::string gender = query_value(page.request, "gender"); !gender.empty()) {
    query.gender = core::parse_gender(gender);
    if (!query.gender) problems.push_back({"gender", "must be K, M or X"});
  }
  const std::string by = query_value(page.request, "by");
  if (by == "unit") query.group_by = core::GroupBy::kUnit;
  else if (by == "role") query.group_by = core::GroupBy::kRole;
  else if (by == "gender") query.group_by = core::GroupBy::kGender;
  else if (!by.empty()) problems.push_back({"by", "must be unit, role or gender"});
  if (const std::string min_group = query_value(page.request, "min_group"); !min_group.empty()) {
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(min_group.data(), min_group.data() + min_group.size(), value);
    if (error != std::errc{} || end != min_group.data() + min_group.size()) problems.push_back({"min_group", "must be a whole number"});
    query.min_group = value;
  }
  // A suppressed viewer may ask for a higher threshold (fewer groups shown), never a lower one:
  // the round's decisions apply whatever min_group says.
  std::shared_ptr<const app::RoundView> earlier;
  std::shared_ptr<const core::GapDisclosure> earlier_disclosure;
  std::shared_ptr<const core::GapDisclosure> earlier_reader;
  std::optional<core::Problem> unknown_compare;
  if (const std::string compare = query_value(page.request, "compare"); !compare.empty()) {
    earlier = app.rounds->find(compare);
    if (!earlier) unknown_compare = {"compare", "no round named '" + compare + "'"};
    if (earlier && viewer.suppressed_aggregates()) {
      auto decided = app.disclosures->decided(earlier);
      earlier = decided.view;
      earlier_disclosure = decided.disclosure;
      if (viewer.manages_anyone) {
        earlier_reader = app.disclosures->for_manager(decided, app.directory->people(), viewer.account.employee_id);
      }
    }
  }
  if (!problems.empty()) return api_error(ApiErrorKind::kMalformed, "invalid query parameters", problems);
  if (unknown_compare) return api_error(ApiErrorKind::kNotFound, "no round named to compare with", {*unknown_compare});
  auto report = core::run_gap_query(*round.snapshot, query);
  if (!report) return api_failure(page, report.error());
  std::optional<core::GapComparison> comparison;
  if (earlier) {
    core::GapQuery earlier_query = query;
    earlier_query.group_by = core::GroupBy::kNone;
    earlier_query.disclosure = earlier_disclosure.get();
    earlier_query.reader = earlier_reader.get();
    auto before = core::run_gap_query(*earlier->snapshot, earlier_query);
    if (!before) return api_failure(page, before.error());
    comparison = core::compare_reports(*report, *before);
  }
  return json_response(200, io::gap_report_json(*report, comparison));
}

// An optional level in a JSON object: absent (unchanged), null (cleared) or a number.
struct LevelField {
  bool present = false;
  std::optional<int> value;
};

LevelField level_field(const json::object& object, const char* key, std::vector<core::Problem>& problems,
                       const std::string& where) {
  LevelField field;
  auto found = object.find(key);
  if (found == object.end()) return field;
  if (found->value().is_null()) {
    field.present = true;
  } else if (found->value().is_int64()) {
    // Checked before narrowing: 4294967298 must not pass as level 2.
    const std::int64_t level = found->value().as_int64();
    if (level < std::numeric_limits<int>::min() || level > std::numeric_limits<int>::max()) {
      problems.push_back({where, "is outside the scale"});
      return field;
    }
    field.present = true;
    field.value = static_cast<int>(level);
  } else {
    problems.push_back({where, "must be a whole number or null"});
  }
  return field;
}

Response put_assessment(AppContext& app, const PageRequest& page, const app::RoundView& round, std::uint32_t person_index,
                        bool self) {
  const Viewer& viewer = *page.viewer;
  const core::Person& person = app.directory->people()[person_index];
  if (!app::equal_in_constant_time(header(page.request, "x-csrf-token"), viewer.csrf_token)) {
    return api_error(ApiErrorKind::kForbidden, "missing or wrong X-CSRF-Token header (GET /api/v1/me gives the token)");
  }
  if (!header(page.request, "content-type").starts_with("application/json")) {
    return api_error(ApiErrorKind::kUnsupportedMediaType, "the body must be application/json");
  }
  if (!round.includes(person_index)) {
    return api_error(ApiErrorKind::kNotFound, "the person is not part of round '" + round.round.name + "'");
  }
  if (round.round.state != core::RoundState::kOpen) {
    return api_error(ApiErrorKind::kConflict, "round '" + round.round.name + "' is not open");
  }
  // The same strict reader as framework files: duplicate keys, invalid UTF-8 and nesting
  // deeper than 32 are refused with their place ("body:LINE:COLUMN").
  auto parsed = io::parse_json_text(page.request.body, "body");
  if (!parsed) return api_error(ApiErrorKind::kMalformed, "the body is not valid JSON", parsed.error().problems);
  const json::value body = std::move(*parsed);
  if (!body.is_object()) return api_error(ApiErrorKind::kMalformed, "the body must be a JSON object");
  const json::object& input = body.as_object();

  core::AssessmentEdit edit;
  edit.role = self ? core::EditorRole::kPerson : core::EditorRole::kReviewer;
  edit.editor_id = viewer.account.employee_id;
  edit.at = app.options.clock->utc_timestamp();
  std::vector<core::Problem> problems;
  if (auto ratings = input.find("ratings"); ratings != input.end()) {
    if (!ratings->value().is_array()) {
      problems.push_back({"ratings", "must be an array"});
    } else {
      for (std::size_t i = 0; i < ratings->value().as_array().size(); ++i) {
        const json::value& item = ratings->value().as_array()[i];
        const std::string where = "ratings[" + std::to_string(i) + "]";
        if (!item.is_object() || !item.as_object().contains("competency") ||
            !item.as_object().at("competency").is_string()) {
          problems.push_back({where, "must be an object with a competency code"});
          continue;
        }
        const json::object& object = item.as_object();
        const std::string code(object.at("competency").as_string());
        if (auto level = level_field(object, "self_level", problems, where + ".self_level"); level.present) {
          edit.self_levels[code] = level.value;
        }
        if (auto level = level_field(object, "agreed_level", problems, where + ".agreed_level"); level.present) {
          edit.agreed_levels[code] = level.value;
        }
      }
    }
  }
  if (auto motivation = input.find("motivation"); motivation != input.end()) {
    if (!motivation->value().is_object()) {
      problems.push_back({"motivation", "must be an object of area code → 1–5"});
    } else {
      edit.motivation.emplace();
      for (const auto& entry : motivation->value().as_object()) {
        // Checked before narrowing, like levels: 4294967300 must not pass as motivation 4.
        if (!entry.value().is_int64() || entry.value().as_int64() < core::kMotivationMin ||
            entry.value().as_int64() > core::kMotivationMax) {
          problems.push_back({"motivation." + std::string(entry.key()), "must be a whole number from 1 to 5"});
          continue;
        }
        (*edit.motivation)[std::string(entry.key())] = static_cast<int>(entry.value().as_int64());
      }
    }
  }
  if (auto priorities = input.find("priorities"); priorities != input.end()) {
    edit.priorities.emplace();
    if (!priorities->value().is_array()) problems.push_back({"priorities", "must be an array of competency codes"});
    else {
      for (const json::value& code : priorities->value().as_array()) {
        if (code.is_string()) edit.priorities->emplace_back(code.as_string());
        else problems.push_back({"priorities", "must be an array of competency codes"});
      }
    }
  }
  if (auto notes = input.find("notes"); notes != input.end()) {
    if (notes->value().is_string()) edit.notes = std::string(notes->value().as_string());
    else problems.push_back({"notes", "must be a string"});
  }
  if (auto status = input.find("status"); status != input.end()) {
    const auto parsed = status->value().is_string() ? core::parse_assessment_status(std::string(status->value().as_string()))
                                                    : std::nullopt;
    if (!parsed) problems.push_back({"status", "must be not_started, self_assessed, conversation_held or followed_up"});
    else edit.status = *parsed;
  }
  if (auto confirm = input.find("confirm_incomplete"); confirm != input.end()) {
    if (!confirm->value().is_bool()) problems.push_back({"confirm_incomplete", "must be true or false"});
    else if (confirm->value().as_bool()) edit.incomplete = core::IncompleteConversation::kConfirmed;
  }
  if (!problems.empty()) return api_error(ApiErrorKind::kRuleBroken, "the assessment was not saved", problems);
  const core::EditOutcome saved = app.assessments->save(round.round.name, person, edit);
  if (saved.refusal) {
    if (saved.refusal->kind == core::ErrorKind::kInvalidInput) {
      return api_error(ApiErrorKind::kRuleBroken, saved.refusal->message, saved.refusal->problems);
    }
    return api_failure(page, *saved.refusal);
  }
  return json_response(200, json::serialize(assessment_json(saved.after, round.snapshot->framework(), person)) + "\n");
}

Response assessment(AppContext& app, const PageRequest& page, const app::RoundView& round, const std::string& employee_id) {
  const Viewer& viewer = *page.viewer;
  auto person = app.directory->index_of(employee_id);
  if (!person) return api_error(ApiErrorKind::kNotFound, "no such assessment");
  const bool self = *person == viewer.person_index && !viewer.is_observer();
  const PersonAccess access = access_to_person(*app.directory, viewer, *person);
  if (!self && access == PersonAccess::kNone) return api_error(ApiErrorKind::kNotFound, "no such assessment");
  if (page.request.method == "PUT") {
    if (!self) {
      const core::AssessmentActor actor{viewer.account.employee_id, viewer.is_hr() && access == PersonAccess::kManage};
      if (access != PersonAccess::kManage || !core::may_agree_levels(actor, app.directory->people()[*person])) {
        return api_error(ApiErrorKind::kForbidden, "only the person's manager or HR may change this assessment");
      }
    }
    return put_assessment(app, page, round, *person, self);
  }
  if (!round.includes(*person)) {
    return api_error(ApiErrorKind::kNotFound, "the person is not part of round '" + round.round.name + "'");
  }
  auto loaded = app.assessments->load(round.round.name, employee_id);
  if (!loaded) return api_failure(page, loaded.error());
  return json_response(200, json::serialize(assessment_json(*loaded, round.snapshot->framework(),
                                                            app.directory->people()[*person])) + "\n");
}

}  // namespace

namespace {

using RoundHandler = Response (*)(AppContext& app, PageRequest& page, const RouteParams& params,
                                  std::shared_ptr<const app::RoundView> round);

// A handler for /api/v1/rounds/{round}/...: 404 when no round has that name.
Handler with_round(RoundHandler handler) {
  return [handler](AppContext& app, PageRequest& page, const RouteParams& params) {
    auto round = app.rounds->find(params.get("round"));
    if (!round) {
      return api_error(ApiErrorKind::kNotFound, "no round named '" + params.get("round") + "'",
                       {{"round", "no round named '" + params.get("round") + "'"}});
    }
    return handler(app, page, params, std::move(round));
  };
}

Response me(AppContext&, PageRequest& page, const RouteParams&) {
  const Viewer& viewer = *page.viewer;
  return json_response(200, json::serialize(json::object{{"employee_id", viewer.account.employee_id},
                                                         {"name", viewer.person->name},
                                                         {"role", core::to_code(viewer.account.role)},
                                                         {"manager", viewer.manages_anyone},
                                                         {"scope_unit", viewer.scope()},
                                                         {"csrf_token", viewer.csrf_token}}) +
                                "\n");
}

Response figures(AppContext& app, PageRequest& page, const RouteParams&) {
  auto figures = key_figures_for(app, page);
  if (!figures) return api_failure(page, figures.error());
  if (!*figures) {  // the session or the server already computes as many as it may
    Response response = api_error(
        ApiErrorKind::kBusy, "key figures are already being computed for this session or others; retry in a second");
    response.headers.emplace_back("Retry-After", "1");
    return response;
  }
  return json_response(200, io::write_key_figures_json(**figures));
}

// GET: the forecast of the query's parameters; POST: the same under the scenario in the body
// (the CLI's scenario file). The document is `trappa forecast --format json`'s. Every bad
// parameter or scenario field is a 400 naming it; computing takes a key-figure slot (429).
Response forecast(AppContext& app, PageRequest& page, const RouteParams&) {
  core::ForecastScenario scenario;
  if (page.request.method == "POST") {
    if (!app::equal_in_constant_time(header(page.request, "x-csrf-token"), page.viewer->csrf_token)) {
      return api_error(ApiErrorKind::kForbidden,
                       "missing or wrong X-CSRF-Token header (GET /api/v1/me gives the token)");
    }
    if (!header(page.request, "content-type").starts_with("application/json")) {
      return api_error(ApiErrorKind::kUnsupportedMediaType, "the body must be application/json");
    }
    auto parsed = io::parse_forecast_scenario(page.request.body, "body");
    if (!parsed) return api_error(ApiErrorKind::kMalformed, "the scenario is not valid", parsed.error().problems);
    scenario = std::move(*parsed);
  }
  auto computed = forecast_for(app, page, scenario);
  if (!computed) return api_failure(page, computed.error());
  if (!*computed) {
    Response response = api_error(
        ApiErrorKind::kBusy,
        "a forecast or key figures are already being computed for this session or others; retry in a second");
    response.headers.emplace_back("Retry-After", "1");
    return response;
  }
  return json_response(200, io::write_forecast_json(**computed));
}

Response rounds(AppContext& app, PageRequest&, const RouteParams&) {
  json::array rounds;
  for (const auto& view : *app.rounds->rounds()) rounds.push_back(round_json(*view));
  return json_response(200, json::serialize(json::object{{"rounds", std::move(rounds)}}) + "\n");
}

}  // namespace

// Every endpoint needs a session; the application answers 401 before routing here.
void register_api(Router& router) {
  add_api_route(router, Method::kGet, "/api/v1/me", me);
  add_api_route(router, Method::kGet, "/api/v1/figures", figures);
  add_api_route(router, Method::kGet, "/api/v1/forecast", forecast);
  add_api_route(router, Method::kPost, "/api/v1/forecast", forecast);
  add_api_route(router, Method::kGet, "/api/v1/rounds", rounds);
  register_learning_api(router);
  register_plans_api(router);
  register_xapi_api(router);
  add_api_route(router, Method::kGet, "/api/v1/rounds/{round}",
                with_round([](AppContext&, PageRequest&, const RouteParams&,
                              std::shared_ptr<const app::RoundView> round) {
                  return json_response(200, json::serialize(round_json(*round)) + "\n");
                }));
  add_api_route(router, Method::kGet, "/api/v1/rounds/{round}/gaps",
                with_round([](AppContext& app, PageRequest& page, const RouteParams&,
                              std::shared_ptr<const app::RoundView> round) {
                  return gaps(app, page, std::move(round));
                }));
  // GET reads the assessment, PUT changes it (assessment() tells them apart by the method).
  const Handler assessment_handler =
      with_round([](AppContext& app, PageRequest& page, const RouteParams& params,
                    std::shared_ptr<const app::RoundView> round) { return assessment(app, page, *round, params.get("id")); });
  add_api_route(router, Method::kGet, "/api/v1/rounds/{round}/assessments/{id}", assessment_handler);
  add_api_route(router, Method::kPut, "/api/v1/rounds/{round}/assessments/{id}", assessment_handler);
}

}  // namespace trappa::web
