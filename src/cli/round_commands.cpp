// trappa round create|open|close|list: assessment rounds.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/command_context.hpp"
#include "core/assessment/assessment_rules.hpp"
#include "core/assessment/round_opening.hpp"
#include "core/base/clock.hpp"
#include "core/base/date.hpp"
#include "store/assessment/round_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/org/organisation_store.hpp"

namespace trappa::cli {

namespace {

struct RoundOptions {
  std::string name;
  std::string framework_id;
  std::string unit;
  std::string opens;
  std::string closes;
  bool allow_overlap = false;  // open although another open round has the same scope
  bool open_early = false;     // open before the round's opening date
};

int create_round(const CommandContext& context, const RoundOptions& options) {
  std::vector<core::Problem> problems;
  if (const auto problem = core::round_name_problem(options.name)) problems.push_back({"name", *problem});
  for (const auto& [parameter, value] : {std::pair{"--opens", options.opens}, std::pair{"--closes", options.closes}}) {
    if (!value.empty() && !core::parse_iso_date(value)) {
      problems.push_back({parameter, fmt::format("'{}' is not a date (YYYY-MM-DD)", value)});
    }
  }
  if (problems.empty() && !options.opens.empty() && !options.closes.empty() && options.closes < options.opens) {
    problems.push_back({"--closes", "the round closes before it opens"});
  }
  if (!problems.empty()) return report({core::ErrorKind::kInvalidInput, "the round was not created", problems});

  auto store = context.open_store();
  if (!store) return report(store.error());
  auto framework = (*store)->frameworks().load_framework(options.framework_id);
  if (!framework) return report(framework.error());
  if (!*framework) {
    return report({core::ErrorKind::kNotFound, "the round was not created",
                   {{"--framework", "no framework '" + options.framework_id + "'; import it first"}}});
  }
  if (!options.unit.empty()) {
    auto units = (*store)->organisation().load_units();
    if (!units) return report(units.error());
    bool known = false;
    for (const core::Unit& unit : *units) known = known || unit.code == options.unit;
    if (!known) {
      return report({core::ErrorKind::kNotFound, "the round was not created",
                     {{"--unit", "unknown unit '" + options.unit + "'"}}});
    }
  }
  core::Round round{options.name, options.framework_id, (*framework)->revision, options.unit, options.opens,
                    options.closes, core::RoundState::kDraft};
  if (auto created = (*store)->rounds().create_round(round, context.actor()); !created) return report(created.error());
  std::cout << fmt::format("round '{}' created as a draft: framework {} revision {}, scope {}\n", round.name,
                           round.framework_id, round.framework_revision,
                           round.scope_unit.empty() ? "the whole organisation" : round.scope_unit);
  return 0;
}

// Issue 13, item 5: a round opens only past the questions HR would be asked on the web
// (core/assessment/round_opening.hpp); here each is an explicit flag.
int refuse_opening(store::Store& store, const RoundOptions& options) {
  auto rounds = store.rounds().list_rounds();
  if (!rounds) return report(rounds.error());
  const auto round = std::find_if(rounds->begin(), rounds->end(),
                                  [&options](const core::Round& r) { return r.name == options.name; });
  if (round == rounds->end() || round->state != core::RoundState::kDraft) return 0;  // the store says why
  auto units = store.organisation().load_units();
  if (!units) return report(units.error());
  core::OpeningCheck check =
      core::check_opening(*round, *rounds, core::UnitTree::build(*units), core::system_clock().today());
  if (options.allow_overlap) check.overlapping.clear();
  if (options.open_early) check.before_opening_date = false;
  if (!check.needs_confirmation()) return 0;
  std::vector<core::Problem> problems = core::opening_problems(*round, check);
  for (core::Problem& problem : problems) {
    if (problem.where.starts_with("round ")) problem.what += " (--allow-overlap)";
    if (problem.where == "opens") problem.what += " (--open-early)";
  }
  return report({core::ErrorKind::kInvalidInput, "the round was not opened", std::move(problems)});
}

int change_state(const CommandContext& context, const RoundOptions& options, core::RoundState state) {
  const std::string& name = options.name;
  auto store = context.open_store();
  if (!store) return report(store.error());
  if (state == core::RoundState::kOpen) {
    if (const int refused = refuse_opening(**store, options); refused != 0) return refused;
  }
  if (auto changed = (*store)->rounds().set_round_state(name, state, context.actor()); !changed) {
    return report(changed.error());
  }
  std::cout << fmt::format("round '{}' is now {}\n", name, core::to_code(state));
  return 0;
}

int list_rounds(const CommandContext& context) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto rounds = (*store)->rounds().list_rounds();
  if (!rounds) return report(rounds.error());
  if (rounds->empty()) {
    std::cout << "No rounds yet. Create one with: trappa round create NAME --framework ID\n";
    return 0;
  }
  std::cout << fmt::format("{:<12} {:<8} {:<24} {:<14} {:<10} {:<10}\n", "name", "state", "framework", "scope",
                           "opens", "closes");
  for (const core::Round& round : *rounds) {
    std::cout << fmt::format("{:<12} {:<8} {:<24} {:<14} {:<10} {:<10}\n", round.name, core::to_code(round.state),
                             fmt::format("{} r{}", round.framework_id, round.framework_revision),
                             round.scope_unit.empty() ? "(all)" : round.scope_unit,
                             round.opens.empty() ? "–" : round.opens, round.closes.empty() ? "–" : round.closes);
  }
  return 0;
}

}  // namespace

void add_round_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* round = app.add_subcommand("round", "Assessment rounds: create, open, close, list");
  round->require_subcommand(1);
  auto options = std::make_shared<RoundOptions>();

  CLI::App* create = round->add_subcommand("create", "Create a round as a draft");
  create->add_option("name", options->name, "Round name, e.g. 2026")->required();
  create->add_option("--framework", options->framework_id, "Framework id (its latest revision is pinned)")->required();
  create->add_option("--unit", options->unit, "Limit the round to this unit's subtree");
  create->add_option("--opens", options->opens, "Opening date, YYYY-MM-DD");
  create->add_option("--closes", options->closes, "Closing date, YYYY-MM-DD");
  create->callback([&context, &exit_status, options] { exit_status = create_round(context, *options); });

  CLI::App* open = round->add_subcommand("open", "Open a draft round for assessments");
  open->add_option("name", options->name, "Round name")->required();
  open->add_flag("--allow-overlap", options->allow_overlap,
                 "Open although a round of the same framework is open for overlapping units");
  open->add_flag("--open-early", options->open_early, "Open before the round's opening date");
  open->callback([&context, &exit_status, options] {
    exit_status = change_state(context, *options, core::RoundState::kOpen);
  });
  CLI::App* close = round->add_subcommand("close", "Close a round: its assessments become read-only");
  close->add_option("name", options->name, "Round name")->required();
  close->callback([&context, &exit_status, options] {
    exit_status = change_state(context, *options, core::RoundState::kClosed);
  });
  round->add_subcommand("list", "List rounds")->callback([&context, &exit_status] {
    exit_status = list_rounds(context);
  });
}

}  // namespace trappa::cli
