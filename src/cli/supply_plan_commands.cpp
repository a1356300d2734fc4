// The competence supply plan on the command line (issue 19, docs/supply-plan.md):
//   trappa import plan FILE.json [--dry-run]   all or nothing, problems at their JSON paths
//   trappa export plan ID [-o FILE]            the stored document
//   trappa plan list
//   trappa plan show ID [--format json|table] [--on DATE]
//                                              the document with each indicator's live "value"
//   trappa plan follow-up ID --checkpoint T1|T2|VB --year YYYY [--on DATE]
//                                              freezes each bound indicator's value
// The command line is HR with the whole scope, as `trappa analyze gaps` without --min-group:
// nothing is suppressed unless --min-group is given.
#include <CLI/CLI.hpp>

#include <iostream>

#include <fmt/format.h>

#include "app/supply_plan/supply_plan_use_case.hpp"
#include "cli/command_context.hpp"
#include "core/base/clock.hpp"
#include "core/base/date.hpp"
#include "io/json/supply_plan_json.hpp"

namespace trappa::cli {

namespace {

struct ImportPlanOptions {
  std::string file;
  bool dry_run = false;
};

struct ExportPlanOptions {
  std::string id;
  std::string output;
};

struct ShowPlanOptions {
  std::string id;
  std::string format = "json";
  std::string on;
  std::size_t min_group = 0;
};

struct FollowUpOptions {
  std::string id;
  std::string checkpoint;
  int year = 0;
  std::string on;
};

int run_import(const CommandContext& context, const ImportPlanOptions& options) {
  auto plan = io::read_supply_plan_file(options.file);
  if (!plan) return report(plan.error());
  auto store = context.open_store();
  if (!store) return report(store.error());
  if (options.dry_run) {
    auto problems = app::IndicatorEvaluator(**store).check_bindings(*plan);
    for (core::Problem& problem : problems) problem.where = options.file + ": " + problem.where;
    if (!problems.empty()) return report(core::Error{core::ErrorKind::kInvalidInput,
                                                     fmt::format("the supply plan {} is not saved", plan->id),
                                                     std::move(problems)});
    std::cout << fmt::format("supply plan {} is valid (dry run: nothing written)\n", plan->id);
    return 0;
  }
  auto created = app::save_supply_plan(**store, *plan, "supply_plan.import", context.actor(), options.file);
  if (!created) return report(created.error());
  std::cout << fmt::format("supply plan {} {}\n", plan->id, *created ? "imported" : "replaced");
  return 0;
}

int run_export(const CommandContext& context, const ExportPlanOptions& options) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto plan = app::load_supply_plan(**store, options.id);
  if (!plan) return report(plan.error());
  return write_output(io::write_supply_plan_json(*plan), options.output);
}

int run_list(const CommandContext& context) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto plans = app::list_supply_plans(**store);
  if (!plans) return report(plans.error());
  std::cout << fmt::format("{:<20} {:<10} {:<9} {:<9} {}\n", "id", "unit", "period", "state", "title");
  for (const store::StoredSupplyPlan& plan : *plans) {
    std::cout << fmt::format("{:<20} {:<10} {}–{} {:<9} {}\n", plan.id, plan.unit, plan.period_from, plan.period_to,
                             plan.state, plan.title);
  }
  return 0;
}

std::string number_text(const std::optional<double>& value) { return value ? fmt::format("{:.4g}", *value) : "–"; }

// The plan as a text table: one line per activity with its indicator baseline → value → target.
std::string plan_table(const app::LiveSupplyPlan& shown) {
  const core::supply::SupplyPlan& plan = shown.plan;
  std::string text = fmt::format("{} — {}\n{} {}–{}, {}\n", plan.id, plan.title, plan.unit, plan.period_from,
                                 plan.period_to, core::to_code(plan.state));
  for (const core::supply::Goal& goal : plan.goals) {
    text += fmt::format("\n{}\n", goal.title);
    text += fmt::format("  {:<6} {:<12} {:<11} {:<12} {:<28} {}\n", "code", "ubara", "target", "status",
                        "baseline → value → target", "title");
    for (const core::supply::Activity& activity : goal.activities) {
      const io::LiveActivity& live = shown.live.at(activity.code);
      std::string indicator = "–";
      if (activity.indicator) {
        const std::string value = live.suppressed ? "suppressed" : number_text(live.value);
        indicator = fmt::format("{} → {} → {}{}", number_text(activity.indicator->baseline), value,
                                number_text(activity.indicator->target),
                                live.state ? fmt::format(" ({})", core::to_code(*live.state)) : "");
      }
      text += fmt::format("  {:<6} {:<12} {:<11} {:<12} {:<28} {}\n", activity.code, core::to_code(activity.ubara),
                          core::to_iso(activity.target_date), core::to_code(live.shown_status), indicator,
                          activity.title);
    }
  }
  if (shown.previous_period) {
    text += fmt::format("\nFollow-up of last period's activities ({})\n", plan.previous);
    text += fmt::format("  {:<6} {:<12} {:<24} {:<14} {}\n", "code", "ubara", "last follow-up", "continued as",
                        "title");
    for (const io::PreviousActivity& row : *shown.previous_period) {
      const std::string last =
          row.last_follow_up ? fmt::format("{} {} {}", core::to_code(row.last_follow_up->checkpoint),
                                           row.last_follow_up->year, core::to_code(row.last_follow_up->status))
                             : "–";
      text += fmt::format("  {:<6} {:<12} {:<24} {:<14} {}\n", row.activity.code, core::to_code(row.activity.ubara),
                          last, row.continued_as.empty() ? "–" : row.continued_as, row.activity.title);
    }
  }
  return text;
}

int run_show(const CommandContext& context, const ShowPlanOptions& options) {
  auto today = day_option(options.on);
  if (!today) return report(today.error());
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto shown = app::show_supply_plan(**store, options.id, *today, app::BindingViewer{options.min_group});
  if (!shown) return report(shown.error());
  std::cout << (options.format == "table"
                    ? plan_table(*shown)
                    : io::write_supply_plan_json(shown->plan, &shown->live,
                                                 shown->previous_period ? &*shown->previous_period : nullptr));
  return 0;
}

int run_follow_up(const CommandContext& context, const FollowUpOptions& options) {
  auto today = day_option(options.on);
  if (!today) return report(today.error());
  const core::supply::Checkpoint checkpoint = *core::supply::parse_checkpoint(options.checkpoint);  // CLI11 checked the word
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto added = app::follow_up_supply_plan(**store, options.id, checkpoint, options.year, *today,
                                          core::system_clock().utc_timestamp(), context.actor());
  if (!added) return report(added.error());
  std::size_t frozen = 0;
  for (const core::supply::FollowUp& follow_up : *added) frozen += follow_up.frozen_at.empty() ? 0 : 1;
  std::cout << fmt::format("supply plan {}: {} {} recorded for {} activities, {} indicator values frozen\n",
                           options.id, options.checkpoint, options.year, added->size(), frozen);
  return 0;
}

}  // namespace

void add_supply_plan_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  auto import_options = std::make_shared<ImportPlanOptions>();
  CLI::App* import = app.get_subcommand("import")->add_subcommand(
      "plan", "A competence supply plan, trappa-supply-plan JSON (docs/supply-plan.md); all or nothing");
  import->add_option("file", import_options->file, "The plan's JSON file")->required();
  import->add_flag("--dry-run", import_options->dry_run, "Validate only; write nothing");
  import->callback([&context, &exit_status, import_options] { exit_status = run_import(context, *import_options); });

  auto export_options = std::make_shared<ExportPlanOptions>();
  CLI::App* export_plan =
      app.get_subcommand("export")->add_subcommand("plan", "A competence supply plan as trappa-supply-plan JSON");
  export_plan->add_option("id", export_options->id, "The plan's id")->required();
  export_plan->add_option("-o,--output", export_options->output, "Write to this file instead of standard output");
  export_plan->callback([&context, &exit_status, export_options] { exit_status = run_export(context, *export_options); });

  CLI::App* plan = app.add_subcommand("plan", "Competence supply plans (kompetensförsörjningsplaner, docs/supply-plan.md)");
  plan->require_subcommand(1);
  CLI::App* list = plan->add_subcommand("list", "Every stored supply plan");
  list->callback([&context, &exit_status] { exit_status = run_list(context); });

  auto show_options = std::make_shared<ShowPlanOptions>();
  CLI::App* show = plan->add_subcommand("show", "A supply plan with each indicator's live value");
  show->add_option("id", show_options->id, "The plan's id")->required();
  show->add_option("--format", show_options->format, "Output format")
      ->check(CLI::IsMember({"json", "table"}))
      ->capture_default_str();
  show->add_option("--on", show_options->on, "The day for the derived status and the indicator state (default: today)");
  show->add_option("--min-group", show_options->min_group,
                   "Suppress figures of fewer people than this, as a reader under the small-group rule sees them");
  show->callback([&context, &exit_status, show_options] { exit_status = run_show(context, *show_options); });

  auto follow_up_options = std::make_shared<FollowUpOptions>();
  CLI::App* follow_up =
      plan->add_subcommand("follow-up", "Record a checkpoint: each activity's status and each bound value, frozen");
  follow_up->add_option("id", follow_up_options->id, "The plan's id")->required();
  follow_up->add_option("--checkpoint", follow_up_options->checkpoint, "T1 (to 30 April), T2 (to 31 August), VB (year end)")
      ->required()
      ->check(CLI::IsMember({"T1", "T2", "VB"}));
  follow_up->add_option("--year", follow_up_options->year, "The checkpoint's year")->required()->check(CLI::Range(1900, 2999));
  follow_up->add_option("--on", follow_up_options->on, "The day for the derived status (default: today)");
  follow_up->callback([&context, &exit_status, follow_up_options] {
    exit_status = run_follow_up(context, *follow_up_options);
  });
}

}  // namespace trappa::cli
