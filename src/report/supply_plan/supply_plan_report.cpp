#include "report/supply_plan/supply_plan_report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "report/analytics/gap_charts.hpp"
#include "report/charts/charts.hpp"
#include "report/charts/data_table.hpp"
#include "report/charts/markup.hpp"
#include "report/charts/number_format.hpp"
#include "report/supply_plan/supply_plan_texts.hpp"
#include "report/workforce/key_figure_charts.hpp"

namespace trappa::report {

namespace {

namespace supply = core::supply;
using i18n::Language;

// A text of the catalogue in the report's language, escaped for HTML.
class Words {
 public:
  explicit Words(Language language) : language_(language) {}
  [[nodiscard]] std::string operator()(std::string_view key) const { return escape_markup(i18n::text(language_, key)); }
  [[nodiscard]] std::string plain(std::string_view key) const { return std::string(i18n::text(language_, key)); }
  [[nodiscard]] std::string format(std::string_view key,
                                   std::initializer_list<std::pair<std::string_view, std::string>> values) const {
    return escape_markup(i18n::format_text(i18n::text(language_, key), values));
  }
  [[nodiscard]] Language language() const { return language_; }

 private:
  Language language_;
};

// A text for a CSS string literal ("…"): quotes, backslashes and line breaks escaped.
std::string css_string(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (c == '\n' || c == '\r') {
      quoted += "\\A ";
    } else {
      quoted += c;
    }
  }
  return quoted + "\"";
}

// The print layout: A4, numbered pages, each main section on a new page, the activity table on
// landscape pages, and no table row, figure or heading left alone at a page break.
std::string print_style(const Words& t, const std::string& footer) {
  return "<style>"
         "@page { size: A4; margin: 18mm 16mm 20mm 16mm;"
         " @bottom-left { content: " + css_string(footer) + "; font-size: 8pt; color: #52606d; }"
         " @bottom-right { content: " + css_string(t.plain("splan_report_page") + " ") + " counter(page) " +
         css_string(" " + t.plain("splan_report_page_of") + " ") + " counter(pages); font-size: 8pt; } }"
         "@page wide { size: A4 landscape; }"
         "body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #1f2933; line-height: 1.35; }"
         "h1 { font-size: 24pt; margin: 0 0 8pt; } h2 { font-size: 16pt; break-before: page; break-after: avoid; }"
         "h3 { font-size: 12pt; break-after: avoid; margin-top: 14pt; }"
         ".title-page { margin-top: 60mm; break-after: page; } .title-page p { font-size: 12pt; margin: 4pt 0; }"
         ".wide { page: wide; }"
         "table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; }"
         "caption { text-align: left; font-weight: 600; padding-bottom: 4pt; }"
         "th, td { border: 1px solid #9aa5b1; padding: 3pt 4pt; text-align: left; vertical-align: top; }"
         "thead { display: table-header-group; } tr, figure, li { break-inside: avoid; }"
         "td.number { text-align: right; white-space: nowrap; } td.date { white-space: nowrap; }"
         "figure { margin: 0 0 12pt; } figcaption { font-weight: 600; margin-bottom: 4pt; }"
         "svg.trappa-chart { max-width: 100%; height: auto; }"
         "th.goal { background: #f0f4f8; } tr.goal { break-after: avoid; }"
         ".risk-high { background: #f8c9c4; } .risk-medium { background: #fde9b6; } .risk-low { background: #d7efdc; }"
         ".toc a { color: inherit; text-decoration: none; } .muted { color: #52606d; }"
         "</style>";
}

std::string paragraph_text(std::string_view text) {
  // Paragraphs of the plan's own texts: blank lines part them, single line breaks stay.
  std::string html;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string part = escape_markup(text.substr(start, end - start));
    for (std::size_t at = part.find('\n'); at != std::string::npos; at = part.find('\n', at + 4)) {
      part.replace(at, 1, "<br>");
    }
    if (!part.empty()) html += "<p>" + part + "</p>";
    start = end + 2;
  }
  return html;
}

std::string figure(const std::string& title, const std::string& svg, const DataTable& table) {
  return "<figure><figcaption>" + escape_markup(title) + "</figcaption>" + svg + "</figure>" + data_table_html(table);
}

int checkpoint_order(supply::Checkpoint checkpoint) { return static_cast<int>(checkpoint); }

// Follow-ups in the order they were made: by year, then T1, T2, VB.
bool earlier(const supply::FollowUp& a, const supply::FollowUp& b) {
  return std::tie(a.year, a.checkpoint) < std::tie(b.year, b.checkpoint);
}

const supply::FollowUp* latest_follow_up(const supply::SupplyPlan& plan, std::string_view activity) {
  const supply::FollowUp* latest = nullptr;
  for (const supply::FollowUp& follow_up : plan.follow_ups) {
    if (follow_up.activity == activity && (latest == nullptr || earlier(*latest, follow_up))) latest = &follow_up;
  }
  return latest;
}

std::string follow_up_value(const supply::FollowUp& follow_up, const supply::Activity* activity, const Words& t) {
  if (follow_up.suppressed) return t("splan_value_suppressed");
  if (!follow_up.value || activity == nullptr || !activity->indicator) return kMissingValue;
  return escape_markup(format_indicator_value(activity->indicator->kind, follow_up.value));
}

std::string title_page(const SupplyPlanReport& report, const Words& t) {
  const supply::SupplyPlan& plan = *report.plan;
  std::string state;
  switch (plan.state) {
    case supply::SupplyPlanState::kDraft: state = t("splan_state_draft"); break;
    case supply::SupplyPlanState::kArchived: state = t("splan_state_archived"); break;
    case supply::SupplyPlanState::kAdopted:
      state = t.format("splan_state_adopted",
                       {{"date", plan.adopted_at ? i18n::format_date(t.language(), core::to_iso(*plan.adopted_at)) : ""},
                        {"who", plan.adopted_by}});
      break;
  }
  return "<section class=\"title-page\"><p class=\"muted\">" + t("splan_report_kind") + "</p><h1>" +
         escape_markup(plan.title) + "</h1><p>" + escape_markup(report.unit_name.empty() ? plan.unit : report.unit_name) +
         "</p><p>" + t("splan_period") + " " + std::to_string(plan.period_from) + "\u2013" +
         std::to_string(plan.period_to) + "</p><p>" + state + "</p><p class=\"muted\">" +
         t.format("splan_report_printed", {{"date", i18n::format_date(t.language(), core::to_iso(report.today))}}) +
         "</p></section>";
}

struct Section {
  std::string id;
  std::string title;
};

std::string contents(const std::vector<Section>& sections, const Words& t) {
  std::string html = "<nav class=\"toc\" aria-labelledby=\"innehall\"><h2 id=\"innehall\">" + t("splan_contents") +
                     "</h2><ol>";
  for (const Section& section : sections) {
    html += "<li><a href=\"#" + section.id + "\">" + section.title + "</a></li>";
  }
  return html + "</ol></nav>";
}

std::string text_block(const Words& t, std::string_view key, std::string_view text) {
  if (text.empty()) return {};
  return "<h3>" + t(key) + "</h3>" + paragraph_text(text);
}

std::string list_block(const Words& t, std::string_view key, const std::vector<std::string>& items) {
  if (items.empty()) return {};
  std::string html = "<h3>" + t(key) + "</h3><ul>";
  for (const std::string& item : items) html += "<li>" + escape_markup(item) + "</li>";
  return html + "</ul>";
}

std::string key_figures_block(const SupplyPlanReport& report, const Words& t) {
  const supply::Analysis& analysis = report.plan->analysis;
  if (!analysis.key_figures_at) return {};
  std::string html = "<h3>" + t.format("splan_key_figures_at", {{"date", i18n::format_date(t.language(), core::to_iso(*analysis.key_figures_at))}}) + "</h3>";
  if (report.key_figures_state == BlockState::kSuppressed) return html + "<p>" + t("splan_block_suppressed") + "</p>";
  if (report.key_figures_state != BlockState::kShown || report.key_figures == nullptr) {
    return html + "<p>" + t("splan_block_absent") + "</p>";
  }
  const core::KeyFigures& figures = *report.key_figures;
  html += "<p>" + t("splan_headcount") + ": " + escape_markup(swedish_number(static_cast<double>(figures.headcount[0].all.total()))) +
          ". " + t("splan_share_women") + ": " +
          escape_markup(format_value(figures.headcount[0].all.share(core::Gender::kWoman), NumberFormat::share(1))) + ". " +
          t("splan_external_turnover") + ": " +
          escape_markup(format_value(figures.turnover.external.rate, NumberFormat::share(1))) + ".</p>";
  KeyFigureCharts charts = key_figure_charts(figures, t.language());
  html += figure(charts.headcount.text.title, line_chart(charts.headcount), table_for(charts.headcount));
  html += figure(charts.age.text.title, population_pyramid(charts.age), table_for(charts.age));
  html += figure(charts.retirements.text.title, bar_chart(charts.retirements), table_for(charts.retirements));
  return html;
}

std::string gaps_block(const SupplyPlanReport& report, const Words& t) {
  const supply::Analysis& analysis = report.plan->analysis;
  if (analysis.round.empty()) return {};
  std::string heading = t.format("splan_gaps_round", {{"round", analysis.round}});
  if (!analysis.compare_round.empty()) heading += " " + t.format("splan_gaps_compared", {{"round", analysis.compare_round}});
  std::string html = "<h3>" + heading + "</h3>";
  if (report.gaps_state == BlockState::kSuppressed || (report.gaps != nullptr && report.gaps->suppressed)) {
    return html + "<p>" + t("splan_block_suppressed") + "</p>";
  }
  if (report.gaps_state != BlockState::kShown || report.gaps == nullptr) return html + "<p>" + t("splan_block_absent") + "</p>";
  const core::GapReport& gaps = *report.gaps;
  const core::GapReport* earlier_round = report.compare_gaps != nullptr && !report.compare_gaps->suppressed ? report.compare_gaps : nullptr;
  auto with_earlier = [&](std::optional<double> now, std::optional<double> before) {
    std::string text = escape_markup(format_value(now, NumberFormat::share(1)));
    if (earlier_round != nullptr) text += " (" + escape_markup(format_value(before, NumberFormat::share(1))) + ")";
    return text;
  };
  html += "<p>" + t("splan_share_with_need") + ": " +
          with_earlier(gaps.share_with_need, earlier_round ? earlier_round->share_with_need : std::nullopt) + ". " +
          t("splan_participation") + ": " +
          with_earlier(gaps.participation, earlier_round ? earlier_round->participation : std::nullopt) + ".";
  if (earlier_round != nullptr) html += " " + t.format("splan_in_brackets_round", {{"round", analysis.compare_round}});
  html += "</p>";
  GapChartOptions options;
  options.language = t.language();
  options.earlier = earlier_round;
  const BarChart need = need_share_by_area(gaps, options, {"splan-behov", {}, {}, t.language(), {}});
  html += figure(need.text.title, bar_chart(need), table_for(need));
  const BarChart motivation = high_motivation_by_area(gaps, options, {"splan-motivation", {}, {}, t.language(), {}});
  html += figure(motivation.text.title, bar_chart(motivation), table_for(motivation));
  return html;
}

std::string analysis_section(const SupplyPlanReport& report, const Words& t) {
  const supply::Analysis& a = report.plan->analysis;
  std::string html = "<section aria-labelledby=\"analys\"><h2 id=\"analys\">" + t("splan_section_analysis") + "</h2>";
  html += text_block(t, "splan_mission", a.mission);
  html += key_figures_block(report, t);
  html += gaps_block(report, t);
  html += text_block(t, "splan_changes", a.changes);
  html += text_block(t, "splan_competence_needed", a.competence_needed);
  html += text_block(t, "splan_competence_to_keep", a.competence_to_keep);
  html += text_block(t, "splan_gap", a.gap);
  html += list_block(t, "splan_needs_short_term", a.needs_short_term);
  html += list_block(t, "splan_needs_long_term", a.needs_long_term);
  return html + "</section>";
}

std::string risk_level_class(int score) { return score >= 9 ? "risk-high" : score >= 4 ? "risk-medium" : "risk-low"; }

std::string risks_section(const SupplyPlanReport& report, const Words& t) {
  const std::vector<supply::Risk>& risks = report.plan->risks;
  std::string html = "<section aria-labelledby=\"risker\"><h2 id=\"risker\">" + t("splan_section_risks") + "</h2>";
  if (risks.empty()) return html + "<p>" + t("splan_no_risks") + "</p></section>";
  // The matrix: likelihood from 4 (top) to 1, consequence from 1 to 4; each cell names its risks.
  html += "<table class=\"risk-matrix\"><caption>" + t("splan_risk_matrix") + "</caption><thead><tr><th scope=\"col\">" +
          t("splan_likelihood") + " \\ " + t("splan_consequence") + "</th>";
  for (int consequence = 1; consequence <= 4; ++consequence) {
    html += "<th scope=\"col\">" + std::to_string(consequence) + "</th>";
  }
  html += "</tr></thead><tbody>";
  for (int likelihood = 4; likelihood >= 1; --likelihood) {
    html += "<tr><th scope=\"row\">" + std::to_string(likelihood) + "</th>";
    for (int consequence = 1; consequence <= 4; ++consequence) {
      std::string names;
      for (std::size_t r = 0; r < risks.size(); ++r) {
        if (risks[r].likelihood == likelihood && risks[r].consequence == consequence) {
          names += (names.empty() ? "R" : ", R") + std::to_string(r + 1);
        }
      }
      html += "<td class=\"" + risk_level_class(likelihood * consequence) + "\">" + names + "</td>";
    }
    html += "</tr>";
  }
  html += "</tbody></table>";
  html += "<table><caption>" + t("splan_risk_list") + "</caption><thead><tr><th scope=\"col\">" + t("splan_number") +
          "</th><th scope=\"col\">" + t("splan_risk") + "</th><th scope=\"col\">" + t("splan_likelihood") +
          "</th><th scope=\"col\">" + t("splan_consequence") + "</th><th scope=\"col\">" + t("splan_measure") +
          "</th></tr></thead><tbody>";
  for (std::size_t r = 0; r < risks.size(); ++r) {
    html += "<tr><td>R" + std::to_string(r + 1) + "</td><td>" + escape_markup(risks[r].risk) + "</td><td class=\"number\">" +
            std::to_string(risks[r].likelihood) + "</td><td class=\"number\">" + std::to_string(risks[r].consequence) +
            "</td><td>" + escape_markup(risks[r].measure) + "</td></tr>";
  }
  return html + "</tbody></table></section>";
}

std::string activities_section(const SupplyPlanReport& report, const Words& t) {
  const supply::SupplyPlan& plan = *report.plan;
  const double elapsed = supply::elapsed_share(plan, report.today);
  std::string html = "<section class=\"wide\" aria-labelledby=\"aktiviteter\"><h2 id=\"aktiviteter\">" +
                     t("splan_section_activities") + "</h2>";
  html += "<table class=\"activities\"><caption>" + t("splan_activity_table") + "</caption><thead><tr>";
  for (const char* key : {"splan_number", "splan_activity", "splan_ubara", "splan_target_date", "splan_responsible",
                          "splan_status", "splan_indicator", "splan_latest_follow_up"}) {
    html += "<th scope=\"col\">" + t(key) + "</th>";
  }
  html += "</tr></thead>";
  for (std::size_t g = 0; g < plan.goals.size(); ++g) {
    const supply::Goal& goal = plan.goals[g];
    html += "<tbody><tr class=\"goal\"><th class=\"goal\" scope=\"colgroup\" colspan=\"8\">" +
            t.format("splan_goal_heading", {{"number", std::to_string(g + 1)}, {"title", goal.title}}) + "</th></tr>";
    for (const supply::Activity& activity : goal.activities) {
      html += "<tr><td>" + escape_markup(activity.code) + "</td><td>" + escape_markup(activity.title) + "</td><td>" +
              t(ubara_key(activity.ubara)) + "</td><td class=\"date\">" + escape_markup(core::to_iso(activity.target_date)) + "</td><td>" +
              escape_markup(activity.responsible) + "</td><td>" +
              t(shown_status_key(supply::shown_status(plan, activity, report.today))) + "</td><td>";
      if (activity.indicator) {
        const auto found = report.live.find(activity.code);
        const LiveIndicator live = found == report.live.end() ? LiveIndicator{} : found->second;
        html += escape_markup(indicator_progress_text(*activity.indicator, live, t.language()));
        if (live.value && !live.suppressed) {
          if (auto state = supply::indicator_state(*activity.indicator, *live.value, elapsed)) {
            html += " (" + t(indicator_state_key(*state)) + ")";
          }
        }
      } else {
        html += kMissingValue;
      }
      html += "</td><td>";
      if (const supply::FollowUp* follow_up = latest_follow_up(plan, activity.code)) {
        html += escape_markup(std::string(supply::to_code(follow_up->checkpoint)) + " " + std::to_string(follow_up->year)) +
                ": " + t(shown_status_key(follow_up->status));
        if (!follow_up->comment.empty()) html += " \u2013 " + escape_markup(follow_up->comment);
      } else {
        html += kMissingValue;
      }
      html += "</td></tr>";
    }
    html += "</tbody>";
  }
  return html + "</table></section>";
}

std::string follow_up_section(const SupplyPlanReport& report, const Words& t) {
  const supply::SupplyPlan& plan = *report.plan;
  std::string html = "<section aria-labelledby=\"uppfoljning\"><h2 id=\"uppfoljning\">" + t("splan_section_follow_up") + "</h2>";
  std::vector<std::pair<int, supply::Checkpoint>> checkpoints;
  for (const supply::FollowUp& follow_up : plan.follow_ups) checkpoints.emplace_back(follow_up.year, follow_up.checkpoint);
  std::sort(checkpoints.begin(), checkpoints.end(), [](const auto& a, const auto& b) {
    return std::make_pair(a.first, checkpoint_order(a.second)) < std::make_pair(b.first, checkpoint_order(b.second));
  });
  checkpoints.erase(std::unique(checkpoints.begin(), checkpoints.end()), checkpoints.end());
  if (checkpoints.empty()) return html + "<p>" + t("splan_no_follow_up") + "</p></section>";
  for (const auto& [year, checkpoint] : checkpoints) {
    html += "<table><caption>" + t(checkpoint_key(checkpoint)) + " " + std::to_string(year) + "</caption><thead><tr>";
    for (const char* key : {"splan_number", "splan_activity", "splan_status", "splan_comment", "splan_frozen_value",
                            "splan_frozen_at"}) {
      html += "<th scope=\"col\">" + t(key) + "</th>";
    }
    html += "</tr></thead><tbody>";
    for (const supply::FollowUp& follow_up : plan.follow_ups) {
      if (follow_up.year != year || follow_up.checkpoint != checkpoint) continue;
      const supply::Activity* activity = plan.find_activity(follow_up.activity);
      html += "<tr><td>" + escape_markup(follow_up.activity) + "</td><td>" +
              (activity != nullptr ? escape_markup(activity->title) : std::string()) + "</td><td>" +
              t(shown_status_key(follow_up.status)) + "</td><td>" + escape_markup(follow_up.comment) +
              "</td><td class=\"number\">" + follow_up_value(follow_up, activity, t) + "</td><td>" +
              escape_markup(follow_up.frozen_at.empty() ? std::string(kMissingValue)
                                                        : i18n::format_date(t.language(), follow_up.frozen_at)) +
              "</td></tr>";
    }
    html += "</tbody></table>";
  }
  return html + "</section>";
}

std::string previous_section(const SupplyPlanReport& report, const Words& t) {
  const supply::SupplyPlan& previous = *report.previous;
  std::string html = "<section aria-labelledby=\"forra-perioden\"><h2 id=\"forra-perioden\">" +
                     t("splan_section_previous") + "</h2><p>" +
                     t.format("splan_previous_plan", {{"title", previous.title},
                                                      {"period", std::to_string(previous.period_from) + "\u2013" +
                                                                     std::to_string(previous.period_to)}}) +
                     "</p><table><caption>" + t("splan_previous_table") + "</caption><thead><tr>";
  for (const char* key : {"splan_number", "splan_activity", "splan_ubara", "splan_last_checkpoint", "splan_status",
                          "splan_comment", "splan_frozen_value"}) {
    html += "<th scope=\"col\">" + t(key) + "</th>";
  }
  html += "</tr></thead><tbody>";
  for (const supply::Goal& goal : previous.goals) {
    for (const supply::Activity& activity : goal.activities) {
      const supply::FollowUp* last = latest_follow_up(previous, activity.code);
      std::string status = last != nullptr ? t(shown_status_key(last->status)) : std::string(kMissingValue);
      if (activity.carry_over && (last == nullptr || last->status != supply::ShownStatus::kDone)) {
        status += " (" + t("splan_carried_over") + ")";
      }
      html += "<tr><td>" + escape_markup(activity.code) + "</td><td>" + escape_markup(activity.title) + "</td><td>" +
              t(ubara_key(activity.ubara)) + "</td><td>" +
              (last != nullptr ? escape_markup(std::string(supply::to_code(last->checkpoint)) + " " + std::to_string(last->year))
                               : std::string(kMissingValue)) +
              "</td><td>" + status + "</td><td>" + (last != nullptr ? escape_markup(last->comment) : std::string()) +
              "</td><td class=\"number\">" +
              (last != nullptr ? follow_up_value(*last, &activity, t) : std::string(kMissingValue)) + "</td></tr>";
    }
  }
  return html + "</tbody></table></section>";
}

}  // namespace

std::string format_indicator_value(std::string_view kind, std::optional<double> value) {
  if (!value || !std::isfinite(*value)) return kMissingValue;
  if (kind == "figures.headcount" || kind == "learning.participants") return format_value(value, NumberFormat::count());
  if (kind == "learning.hours_per_participant" || kind == "series") return format_value(value, NumberFormat::decimal(1));
  if (kind == "maturity.overall") return format_value(value, NumberFormat::decimal(1)) + "\u00a0%";
  return format_value(value, NumberFormat::share(1));  // gap.* and the figures' shares and rates
}

std::string indicator_progress_text(const core::supply::Indicator& indicator, const LiveIndicator& live,
                                    i18n::Language language) {
  const std::string now = live.suppressed ? std::string(i18n::text(language, "splan_value_suppressed"))
                                          : format_indicator_value(indicator.kind, live.value);
  return format_indicator_value(indicator.kind, indicator.baseline) + " \u2192 " + now + " \u2192 " +
         format_indicator_value(indicator.kind, indicator.target);
}

std::string supply_plan_html(const SupplyPlanReport& report) {
  const Words t(report.language);
  const supply::SupplyPlan& plan = *report.plan;
  std::vector<Section> sections = {{"analys", t("splan_section_analysis")},
                                   {"risker", t("splan_section_risks")},
                                   {"aktiviteter", t("splan_section_activities")},
                                   {"uppfoljning", t("splan_section_follow_up")}};
  if (report.previous != nullptr) sections.push_back({"forra-perioden", t("splan_section_previous")});
  // The title and the period at every page's foot; a title that names its period already is enough.
  const std::string period = std::to_string(plan.period_from) + "\u2013" + std::to_string(plan.period_to);
  const std::string footer = plan.title.find(period) == std::string::npos ? plan.title + " " + period : plan.title;
  std::string html = "<!doctype html><html lang=\"" + std::string(i18n::language_code(report.language)) +
                     "\"><head><meta charset=\"utf-8\"><title>" + escape_markup(footer) + "</title>" +
                     print_style(t, footer) + "</head><body><main>";
  html += title_page(report, t);
  html += contents(sections, t);
  html += analysis_section(report, t);
  html += risks_section(report, t);
  html += activities_section(report, t);
  html += follow_up_section(report, t);
  if (report.previous != nullptr) html += previous_section(report, t);
  return html + "</main></body></html>";
}

}  // namespace trappa::report
