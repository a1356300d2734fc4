// The organisation's own maturity survey on the command line (docs/maturity-survey.md):
//   trappa maturity instrument import FILE.json | instrument list
//   trappa maturity survey open NAME --instrument CODE [--version N] --unit CODE --period P [--person ID …]
//   trappa maturity survey answer ROUND --person ID ITEM=VALUE|ITEM=na …
//   trappa maturity survey close ROUND | survey list
//   trappa maturity survey-results ROUND [--format json|table] [--min-group K]
// They hang under `trappa maturity`, which h41's measurement listing also uses: the group is
// found or created here, so either file may register first.
#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <iostream>
#include <memory>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "app/maturity/survey_results.hpp"
#include "cli/command_context.hpp"
#include "core/disclosure/disclosure_control.hpp"
#include "io/json/json_text.hpp"
#include "store/maturity/survey_store.hpp"

namespace trappa::cli {

namespace {

namespace json = boost::json;

struct OpenOptions {
  std::string name;
  std::string instrument;
  int version = 0;
  std::string unit;
  std::string period;
  std::vector<std::string> people;
};

struct AnswerOptions {
  std::string round;
  std::string person;
  std::vector<std::string> answers;
};

struct ResultOptions {
  std::string round;
  std::string format = "table";
  std::size_t min_group = core::kDefaultMinGroup;
};

// Scores are shown with one decimal: finer digits suggest a precision a survey does not have.
json::value rounded(const std::optional<double>& value) {
  if (!value) return nullptr;
  return std::round(*value * 10.0) / 10.0;
}

std::string shown(const std::optional<double>& value, bool signed_change = false) {
  if (!value) return "–";
  return signed_change ? fmt::format("{:+.1f}", *value) : fmt::format("{:.1f}", *value);
}

int run_import(const CommandContext& context, const std::string& file) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto imported = app::import_survey_instrument(**store, file, context.actor());
  if (!imported) return report(imported.error());
  std::cout << fmt::format("{} {}@{}: {} top nodes, {} items\n", imported->replaced ? "replaced" : "imported",
                           imported->instrument.code, imported->instrument.version, imported->instrument.nodes.size(),
                           core::survey_items(imported->instrument).size());
  return 0;
}

int run_list_instruments(const CommandContext& context) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto versions = (*store)->surveys().list_instrument_versions();
  if (!versions) return report(versions.error());
  for (const store::SurveyInstrumentVersion& version : *versions) {
    std::cout << fmt::format("{}@{}\t{}\t{}\n", version.instrument, version.version, version.locked ? "locked" : "open",
                             version.title);
  }
  return 0;
}

int run_open(const CommandContext& context, const OpenOptions& options) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  store::SurveyRoundSpec spec;
  spec.name = options.name;
  spec.instrument = options.instrument;
  spec.version = options.version;
  spec.unit_code = options.unit;
  spec.period = options.period;
  spec.scope = options.people.empty() ? store::SurveyScope::kEveryone : store::SurveyScope::kChosen;
  spec.chosen = options.people;
  auto round = (*store)->surveys().open_round(spec, context.actor());
  if (!round) return report(round.error());
  std::cout << fmt::format("opened {}: {}@{}, unit {}, period {}, {} respondents\n", round->name, round->instrument,
                           round->version, round->unit_code, round->period, round->invited);
  return 0;
}

int run_answer(const CommandContext& context, const AnswerOptions& options) {
  // Every ITEM=VALUE is checked before anything is saved.
  std::vector<std::pair<std::string, std::optional<int>>> answers;
  std::vector<core::Problem> problems;
  for (const std::string& text : options.answers) {
    const auto equals = text.find('=');
    const std::string value = equals == std::string::npos ? std::string() : text.substr(equals + 1);
    int number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (equals == std::string::npos || equals == 0) {
      problems.push_back({text, "ITEM=VALUE expected"});
    } else if (value == "na" || value == "N/A") {
      answers.emplace_back(text.substr(0, equals), std::nullopt);
    } else if (value.empty() || error != std::errc() || end != value.data() + value.size()) {
      problems.push_back({text, "the value is a whole number or na"});
    } else {
      answers.emplace_back(text.substr(0, equals), number);
    }
  }
  if (!problems.empty()) return report(core::Error{core::ErrorKind::kInvalidInput, "the answers are not valid", problems});
  auto store = context.open_store();
  if (!store) return report(store.error());
  for (const auto& [item, value] : answers) {
    auto saved = (*store)->surveys().save_answer(options.round, options.person, item, value, context.actor());
    if (!saved) return report(saved.error());
  }
  std::cout << fmt::format("saved {} answers\n", answers.size());
  return 0;
}

int run_close(const CommandContext& context, const std::string& round) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto closed = (*store)->surveys().close_round(round, context.actor());
  if (!closed) return report(closed.error());
  std::cout << fmt::format("closed {}\n", round);
  return 0;
}

int run_list_rounds(const CommandContext& context) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto rounds = (*store)->surveys().list_rounds();
  if (!rounds) return report(rounds.error());
  for (const store::SurveyRound& round : *rounds) {
    std::cout << fmt::format("{}\t{}@{}\t{}\t{}\t{}\t{}/{} answering\n", round.name, round.instrument, round.version,
                             round.unit_code, round.period, round.open ? "open" : "closed", round.answering,
                             round.invited);
  }
  return 0;
}

json::value results_json(const app::SurveyRoundResults& results) {
  const core::SurveyResults& scored = results.results;
  json::object root;
  root["round"] = results.round.name;
  root["instrument"] = results.round.instrument;
  root["instrument_version"] = results.round.version;
  root["unit"] = results.round.unit_code;
  root["period"] = results.round.period;
  root["previous_round"] = results.previous_round ? json::value(*results.previous_round) : json::value(nullptr);
  root["min_group"] = scored.min_group;
  root["invited"] = results.round.invited;
  root["respondents"] = scored.respondents;
  root["overall"] = json::object{{"status", scored.overall_published ? "published" : "too_few_answers"},
                                 {"score", rounded(scored.overall_score)},
                                 {"change", rounded(scored.overall_change)}};
  json::array nodes;
  for (const core::SurveyNodeResult& node : scored.nodes) {
    json::object entry;
    entry["code"] = node.code;
    entry["parent"] = node.parent.empty() ? json::value(nullptr) : json::value(node.parent);
    entry["kind"] = std::string(core::to_code(node.kind));
    entry["name"] = json::object{{"sv", node.name.sv}, {"en", node.name.en}};
    entry["weight"] = node.weight;
    entry["status"] = node.published ? "published" : "too_few_answers";
    entry["score"] = rounded(node.score);
    entry["respondents"] = node.respondents;
    entry["change"] = rounded(node.change);
    nodes.push_back(std::move(entry));
  }
  root["nodes"] = std::move(nodes);
  json::array weakest;
  for (const std::string& code : scored.weakest) weakest.push_back(json::value(code));
  root["weakest"] = std::move(weakest);
  return root;
}

std::string results_table(const app::SurveyRoundResults& results) {
  const core::SurveyResults& scored = results.results;
  std::string text = fmt::format("{} ({}@{}, unit {}, period {}): {} of {} answered, K = {}{}\n", results.round.name,
                                 results.round.instrument, results.round.version, results.round.unit_code,
                                 results.round.period, scored.respondents, results.round.invited, scored.min_group,
                                 results.previous_round ? ", change since " + *results.previous_round : "");
  text += fmt::format("{:<44} {:>6} {:>7} {:>11}\n", "node", "score", "change", "respondents");
  auto row = [&text](const std::string& name, bool published, const std::optional<double>& score,
                     const std::optional<double>& change, std::size_t respondents) {
    text += fmt::format("{:<44} {:>6} {:>7} {:>11}\n", name, published ? shown(score) : "too few answers",
                        shown(change, true), respondents);
  };
  row("overall", scored.overall_published, scored.overall_score, scored.overall_change, scored.respondents);
  for (const core::SurveyNodeResult& node : scored.nodes) {
    row(std::string(static_cast<std::size_t>(node.depth + 1) * 2, ' ') + node.code + " " + node.name.sv, node.published,
        node.score, node.change, node.respondents);
  }
  text += "weakest: " + (scored.weakest.empty() ? std::string("–") : fmt::format("{}", fmt::join(scored.weakest, ", "))) + '\n';
  return text;
}

int run_results(const CommandContext& context, const ResultOptions& options) {
  if (options.min_group < core::kSmallestMinGroup) {
    return report(core::Error{core::ErrorKind::kInvalidInput, "the option is not valid",
                              {{"--min-group", fmt::format("at least {} expected", core::kSmallestMinGroup)}}});
  }
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto results = app::load_survey_results(**store, options.round, options.min_group);
  if (!results) return report(results.error());
  std::cout << (options.format == "json" ? io::write_json_text(results_json(*results)) : results_table(*results));
  return 0;
}

}  // namespace

void add_maturity_survey_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* maturity = nullptr;
  try {
    maturity = app.get_subcommand("maturity");
  } catch (const CLI::OptionNotFound&) {
    maturity = app.add_subcommand("maturity", "Digital maturity: the organisation's own survey (docs/maturity-survey.md)");
  }

  CLI::App* instrument = maturity->add_subcommand("instrument", "Survey instruments: import and list versions");
  instrument->require_subcommand(1);
  auto file = std::make_shared<std::string>();
  CLI::App* import = instrument->add_subcommand("import", "Import one instrument version from a trappa-survey-instrument file");
  import->add_option("file", *file, "FILE.json (e.g. data/maturity/offentlig-digital-mognad.json)")->required();
  import->callback([&context, &exit_status, file] { exit_status = run_import(context, *file); });
  instrument->add_subcommand("list", "Every instrument version, and whether answers lock it")
      ->callback([&context, &exit_status] { exit_status = run_list_instruments(context); });

  CLI::App* survey = maturity->add_subcommand("survey", "Survey rounds: open, answer, close, list");
  survey->require_subcommand(1);
  auto open_options = std::make_shared<OpenOptions>();
  CLI::App* open = survey->add_subcommand("open", "Open a survey round for a unit and period");
  open->add_option("name", open_options->name, "The round's name")->required();
  open->add_option("--instrument", open_options->instrument, "The instrument's code")->required();
  open->add_option("--version", open_options->version, "The instrument version (default: the latest)");
  open->add_option("--unit", open_options->unit, "The unit; everyone in it and below is asked unless --person is given")
      ->required();
  open->add_option("--period", open_options->period, "The period: 2026, 2026-10, …")->required();
  open->add_option("--person", open_options->people, "Ask only these people (employee ids; repeatable)");
  open->callback([&context, &exit_status, open_options] { exit_status = run_open(context, *open_options); });

  auto answer_options = std::make_shared<AnswerOptions>();
  CLI::App* answer = survey->add_subcommand("answer", "Save a respondent's answers (as the web form does)");
  answer->add_option("round", answer_options->round, "The round")->required();
  answer->add_option("--person", answer_options->person, "The respondent's employee id")->required();
  answer->add_option("answers", answer_options->answers, "ITEM=VALUE, or ITEM=na for N/A")->required();
  answer->callback([&context, &exit_status, answer_options] { exit_status = run_answer(context, *answer_options); });

  auto close_round = std::make_shared<std::string>();
  CLI::App* close = survey->add_subcommand("close", "Close a round: no more answers");
  close->add_option("round", *close_round, "The round")->required();
  close->callback([&context, &exit_status, close_round] { exit_status = run_close(context, *close_round); });
  survey->add_subcommand("list", "Every survey round")->callback([&context, &exit_status] {
    exit_status = run_list_rounds(context);
  });

  auto result_options = std::make_shared<ResultOptions>();
  CLI::App* results = maturity->add_subcommand("survey-results", "A round's scores per node (docs/maturity-survey.md)");
  results->add_option("round", result_options->round, "The round")->required();
  results->add_option("--format", result_options->format, "json or table")
      ->check(CLI::IsMember({"json", "table"}))
      ->capture_default_str();
  results->add_option("--min-group", result_options->min_group,
                      "K: a node is shown when items with 60 % of its weight have at least K respondents")
      ->capture_default_str();
  results->callback([&context, &exit_status, result_options] { exit_status = run_results(context, *result_options); });
}

}  // namespace trappa::cli
