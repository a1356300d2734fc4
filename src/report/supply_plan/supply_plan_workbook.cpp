#include "report/supply_plan/supply_plan_workbook.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

#include "io/csv/csv_writer.hpp"
#include "io/exports/gap_report_output.hpp"
#include "io/exports/key_figures_json.hpp"
#include "io/xlsx/csv_sheet.hpp"
#include "io/xlsx/xlsx_writer.hpp"
#include "report/analytics/gap_workbook.hpp"
#include "report/charts/number_format.hpp"
#include "report/supply_plan/supply_plan_texts.hpp"

namespace trappa::report {

namespace {

namespace supply = core::supply;

std::string t(const SupplyPlanReport& report, std::string_view key) {
  return std::string(i18n::text(report.language, key));
}

// A number as the workbook's number columns read it: '.' decimals, no grouping; "" when none.
std::string machine_number(std::optional<double> value) {
  if (!value || !std::isfinite(*value)) return {};
  return csv_value(value, NumberFormat::decimal(6));
}

// A sheet of one text cell saying why the block is not there.
io::XlsxSheet note_sheet(const std::string& name, const std::string& note) { return {name, {{note}}, {}}; }

io::XlsxSheet activities_sheet(const SupplyPlanReport& report) {
  const supply::SupplyPlan& plan = *report.plan;
  const double elapsed = supply::elapsed_share(plan, report.today);
  std::vector<std::pair<int, supply::Checkpoint>> checkpoints;
  for (const supply::FollowUp& follow_up : plan.follow_ups) checkpoints.emplace_back(follow_up.year, follow_up.checkpoint);
  std::sort(checkpoints.begin(), checkpoints.end());
  checkpoints.erase(std::unique(checkpoints.begin(), checkpoints.end()), checkpoints.end());

  io::XlsxSheet sheet{t(report, "splan_sheet_activities"), {}, {}};
  std::vector<std::string> header;
  for (const char* key : {"splan_goal", "splan_number", "splan_activity", "splan_ubara", "splan_target_date",
                          "splan_responsible", "splan_status", "splan_indicator_kind", "splan_baseline",
                          "splan_value_now", "splan_target", "splan_indicator_state"}) {
    header.push_back(t(report, key));
  }
  sheet.columns.assign(header.size(), io::XlsxColumn::kText);
  for (const std::size_t number_column : {8U, 9U, 10U}) sheet.columns[number_column] = io::XlsxColumn::kNumber;
  for (const auto& [year, checkpoint] : checkpoints) {
    const std::string name(supply::to_code(checkpoint));
    for (const char* key : {"splan_follow_up_status", "splan_follow_up_value", "splan_follow_up_comment"}) {
      header.push_back(i18n::format_text(i18n::text(report.language, key), {{"checkpoint", name}, {"year", std::to_string(year)}}));
    }
    sheet.columns.push_back(io::XlsxColumn::kText);
    sheet.columns.push_back(io::XlsxColumn::kNumber);
    sheet.columns.push_back(io::XlsxColumn::kText);
  }
  sheet.rows.push_back(std::move(header));

  for (const supply::Goal& goal : plan.goals) {
    for (const supply::Activity& activity : goal.activities) {
      std::vector<std::string> row = {goal.title,
                                      activity.code,
                                      activity.title,
                                      t(report, ubara_key(activity.ubara)),
                                      core::to_iso(activity.target_date),
                                      activity.responsible,
                                      t(report, shown_status_key(supply::shown_status(plan, activity, report.today)))};
      if (activity.indicator) {
        const auto found = report.live.find(activity.code);
        const LiveIndicator live = found == report.live.end() ? LiveIndicator{} : found->second;
        std::string state;
        if (live.value && !live.suppressed) {
          if (auto computed = supply::indicator_state(*activity.indicator, *live.value, elapsed)) {
            state = t(report, indicator_state_key(*computed));
          }
        }
        row.insert(row.end(), {activity.indicator->kind, machine_number(activity.indicator->baseline),
                               live.suppressed ? t(report, "splan_value_suppressed") : machine_number(live.value),
                               machine_number(activity.indicator->target), state});
      } else {
        row.insert(row.end(), {"", "", "", "", ""});
      }
      for (const auto& [year, checkpoint] : checkpoints) {
        const auto follow_up = std::find_if(plan.follow_ups.begin(), plan.follow_ups.end(), [&](const supply::FollowUp& f) {
          return f.activity == activity.code && f.year == year && f.checkpoint == checkpoint;
        });
        if (follow_up == plan.follow_ups.end()) {
          row.insert(row.end(), {"", "", ""});
          continue;
        }
        row.insert(row.end(), {t(report, shown_status_key(follow_up->status)),
                               follow_up->suppressed ? t(report, "splan_value_suppressed") : machine_number(follow_up->value),
                               follow_up->comment});
      }
      sheet.rows.push_back(std::move(row));
    }
  }
  return sheet;
}

core::Result<io::XlsxSheet> key_figures_sheet(const SupplyPlanReport& report) {
  const std::string name = t(report, "splan_sheet_key_figures");
  if (report.key_figures_state == BlockState::kSuppressed) return note_sheet(name, t(report, "splan_block_suppressed"));
  if (report.key_figures_state != BlockState::kShown || report.key_figures == nullptr) {
    return note_sheet(name, t(report, "splan_block_absent"));
  }
  return io::sheet_from_csv(io::write_key_figures_csv(*report.key_figures, io::kMachineCsv), name,
                            [](std::string_view column) {
                              return column == "value" ? io::XlsxColumn::kNumber : io::XlsxColumn::kText;
                            });
}

core::Result<io::XlsxSheet> gaps_sheet(const SupplyPlanReport& report) {
  const std::string name = t(report, "splan_sheet_gaps");
  if (report.gaps_state == BlockState::kSuppressed || (report.gaps != nullptr && report.gaps->suppressed)) {
    return note_sheet(name, t(report, "splan_block_suppressed"));
  }
  if (report.gaps_state != BlockState::kShown || report.gaps == nullptr) return note_sheet(name, t(report, "splan_block_absent"));
  const core::GapReport* earlier =
      report.compare_gaps != nullptr && !report.compare_gaps->suppressed ? report.compare_gaps : nullptr;
  return io::sheet_from_csv(io::gap_report_csv(*report.gaps, earlier, io::kMachineCsv), name, gap_csv_column_kind);
}

}  // namespace

core::Result<std::string> supply_plan_xlsx(const SupplyPlanReport& report) {
  ASSIGN_OR_RETURN(io::XlsxSheet key_figures, key_figures_sheet(report));
  ASSIGN_OR_RETURN(io::XlsxSheet gaps, gaps_sheet(report));
  return io::write_xlsx({activities_sheet(report), std::move(key_figures), std::move(gaps)});
}

}  // namespace trappa::report
