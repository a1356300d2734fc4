// trappa report plan ID --format html|pdf|xlsx --output FILE: the competence supply plan as
// the committee reads it (app/reports/supply_plan_report.hpp; docs/supply-plan.md, "The
// report"), with every live value as of today (or --on) for HR with the whole scope, or as a
// reader under the small-group rule sees it with --min-group.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/reports/supply_plan_report.hpp"
#include "cli/command_context.hpp"

namespace trappa::cli {

namespace {

struct ReportPlanOptions {
  std::string id;
  std::string format = "html";
  std::string output;
  std::string on;
  std::string language = "sv";
  std::size_t min_group = 0;
};

int run_report_plan(const CommandContext& context, const ReportPlanOptions& options) {
  app::SupplyPlanReportRequest request;
  request.plan_id = options.id;
  request.format = *app::parse_report_format(options.format);  // CLI11 checked the choice
  request.language = options.language == "en" ? i18n::Language::kEnglish : i18n::Language::kSwedish;
  request.viewer.min_group = options.min_group;
  auto today = day_option(options.on);
  if (!today) return report(today.error());
  request.today = *today;
  if (request.format != app::ReportFormat::kHtml && (options.output.empty() || options.output == "-")) {
    return report(core::Error{core::ErrorKind::kInvalidInput,
                              fmt::format("--format {} needs --output FILE (the document is not text)", options.format),
                              {}});
  }
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto document = app::supply_plan_report(**store, request);
  if (!document) return report(document.error());
  return write_output(*document, options.output);
}

}  // namespace

void add_report_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* report_command = app.add_subcommand("report", "Documents for the committee (docs/supply-plan.md)");
  report_command->require_subcommand(1);
  auto options = std::make_shared<ReportPlanOptions>();
  CLI::App* plan = report_command->add_subcommand(
      "plan", "A competence supply plan as the committee reads it: title page, analysis, risks, activities, follow-ups");
  plan->add_option("id", options->id, "The plan's id")->required();
  plan->add_option("--format", options->format, "html, pdf (printed by headless Chromium) or xlsx")
      ->check(CLI::IsMember({"html", "pdf", "xlsx"}))
      ->capture_default_str();
  plan->add_option("-o,--output", options->output, "The file to write (standard output for html when omitted)");
  plan->add_option("--on", options->on, "The day for statuses, indicator states and the printed date (default: today)");
  plan->add_option("--language", options->language, "sv or en")->check(CLI::IsMember({"sv", "en"}))->capture_default_str();
  plan->add_option("--min-group", options->min_group,
                   "Suppress figures of fewer people than this, as a reader under the small-group rule sees them");
  plan->callback([&context, &exit_status, options] { exit_status = run_report_plan(context, *options); });
}

}  // namespace trappa::cli
