// The supply plan's committee report (report/supply_plan): the HTML document's sections,
// activity rows with baseline → value → target and state, suppressed values never shown as
// numbers, follow-ups per checkpoint, the previous period's table, the risk matrix, escaping,
// and the workbook's sheets read back with Trappa's own XLSX reader.
#include "report/supply_plan/supply_plan_report.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io/xlsx/xlsx_reader.hpp"
#include "report/supply_plan/supply_plan_workbook.hpp"

namespace trappa::report {
namespace {

namespace supply = core::supply;

core::Date day(int y, unsigned m, unsigned d) {
  return core::Date(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d));
}

supply::Activity activity(std::string code, std::string title, supply::Ubara ubara, core::Date target,
                          std::optional<supply::Indicator> indicator = std::nullopt) {
  supply::Activity made;
  made.code = std::move(code);
  made.title = std::move(title);
  made.ubara = ubara;
  made.target_date = target;
  made.responsible = "Hr-enheten";
  made.indicator = std::move(indicator);
  return made;
}

supply::Indicator need_share_indicator() {
  supply::Indicator indicator;
  indicator.kind = "gap.area_need_share";
  indicator.parameters = {{"round", "2026"}, {"area", "4"}, {"unit", "KF"}};
  indicator.baseline = 0.31;
  indicator.target = 0.2;
  return indicator;
}

supply::Indicator headcount_indicator() {
  supply::Indicator indicator;
  indicator.kind = "figures.headcount";
  indicator.parameters = {{"at", "2025-12-31"}};
  indicator.baseline = 400;
  indicator.target = 420;
  return indicator;
}

supply::SupplyPlan previous_plan() {
  supply::SupplyPlan plan;
  plan.id = "KF-2024-2026";
  plan.unit = "KF";
  plan.title = "Kompetensförsörjningsplan för kulturförvaltningen";
  plan.period_from = 2024;
  plan.period_to = 2026;
  plan.state = supply::SupplyPlanState::kArchived;
  supply::Activity kept = activity("P1", "Mentorskap för nyanställda", supply::Ubara::kIntroducera, day(2024, 12, 31));
  supply::Activity carried = activity("P2", "Kartlägga behörigheter i biblioteken", supply::Ubara::kUtveckla, day(2024, 12, 31));
  carried.carry_over = true;
  plan.goals = {{"Introduktion", {kept, carried}}};
  plan.follow_ups = {{"P1", supply::Checkpoint::kVB, 2024, supply::ShownStatus::kDone, "Alla nyanställda fick en mentor", {}, false, "2025-01-15T09:00:00Z"},
                     {"P2", supply::Checkpoint::kVB, 2024, supply::ShownStatus::kOngoing, "Halvvägs", {}, false, "2025-01-15T09:00:00Z"}};
  return plan;
}

supply::SupplyPlan sample_plan() {
  supply::SupplyPlan plan;
  plan.id = "KF-2025-2027";
  plan.unit = "KF";
  plan.title = "Kompetensförsörjning i kulturförvaltningen <2025> & framåt";
  plan.period_from = 2025;
  plan.period_to = 2027;
  plan.previous = "KF-2024-2026";
  plan.state = supply::SupplyPlanState::kAdopted;
  plan.adopted_by = "Kulturnämnden";
  plan.adopted_at = day(2025, 2, 20);
  plan.analysis.round = "2026";
  plan.analysis.compare_round = "2025";
  plan.analysis.mission = "Förvaltningen driver bibliotek, kulturskola och konsthall.\n\nUppdraget växer.";
  plan.analysis.needs_short_term = {"Digital säkerhet", "Arbetsmiljö"};
  plan.risks = {{"Svårt att rekrytera bibliotekarier", 3, 4, "Samarbete med lärosäten"},
                {"Pensionsavgångar i kulturskolan", 4, 2, "Överlämning i tid"}};
  plan.goals = {{"Stärkt digital kompetens",
                 {activity("A1", "Utbildning i informationssäkerhet för alla", supply::Ubara::kUtveckla, day(2026, 12, 31),
                           need_share_indicator()),
                  activity("A2", "Öka antalet anställda i kulturskolan", supply::Ubara::kRekrytera, day(2027, 6, 30),
                           headcount_indicator())}},
                {"Behålla erfarna medarbetare",
                 {activity("A3", "Äldre medarbetare blir mentorer", supply::Ubara::kBehalla, day(2025, 6, 30))}}};
  plan.follow_ups = {
      {"A1", supply::Checkpoint::kT2, 2025, supply::ShownStatus::kOngoing, "Två av tre enheter klara", 0.27, false, "2025-09-02T08:00:00Z"},
      {"A1", supply::Checkpoint::kT1, 2025, supply::ShownStatus::kOngoing, "Upphandlad", 0.3, false, "2025-05-02T08:00:00Z"},
      {"A2", supply::Checkpoint::kT1, 2025, supply::ShownStatus::kNotStarted, "", std::nullopt, true, "2025-05-02T08:00:00Z"}};
  return plan;
}

struct Fixture {
  supply::SupplyPlan plan = sample_plan();
  supply::SupplyPlan previous = previous_plan();
  SupplyPlanReport report;
  Fixture() {
    report.plan = &plan;
    report.previous = &previous;
    report.unit_name = "Kulturförvaltningen";
    report.today = day(2026, 3, 1);
    report.live = {{"A1", {0.24, false}}, {"A2", {std::nullopt, true}}};
  }
};

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t found = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++found;
  return found;
}

TEST(SupplyPlanReport, the_contents_link_every_section_in_order) {
  Fixture f;
  const std::string html = supply_plan_html(f.report);
  ASSERT_TRUE(html.starts_with("<!doctype html><html lang=\"sv\">"));
  std::size_t last = 0;
  for (const char* id : {"analys", "risker", "aktiviteter", "uppfoljning", "forra-perioden"}) {
    EXPECT_NE(html.find(std::string("<a href=\"#") + id + "\">"), std::string::npos) << id;
    const std::size_t section = html.find(std::string("<h2 id=\"") + id + "\">");
    ASSERT_NE(section, std::string::npos) << id;
    EXPECT_GT(section, last) << id;
    last = section;
  }
  // Numbered pages and rows kept whole, from the document's own print CSS.
  EXPECT_NE(html.find("@bottom-right { content: \"Sida \" counter(page) \" av \" counter(pages)"), std::string::npos);
  EXPECT_NE(html.find("tr, figure, li { break-inside: avoid; }"), std::string::npos);
  // Without a previous plan, no section for it.
  f.report.previous = nullptr;
  EXPECT_EQ(supply_plan_html(f.report).find("forra-perioden"), std::string::npos);
}

TEST(SupplyPlanReport, each_activity_shows_baseline_value_target_and_state) {
  Fixture f;
  const std::string html = supply_plan_html(f.report);
  // 1 March 2026 is 36 % into 2025–2027; (0.24 − 0.31) / (0.2 − 0.31) = 0.64 ≥ 0.36: green.
  EXPECT_NE(html.find("31,0\u00a0% \u2192 24,0\u00a0% \u2192 20,0\u00a0% (grön: i fas)"), std::string::npos) << html;
  EXPECT_NE(html.find("<td>Utbildning i informationssäkerhet för alla</td><td>Utveckla</td><td class=\"date\">2026-12-31</td>"
                      "<td>Hr-enheten</td><td>Pågår</td>"),
            std::string::npos);
  // A3's target date has passed without a status set by hand: delayed.
  EXPECT_NE(html.find("<td>Äldre medarbetare blir mentorer</td><td>Behålla</td><td class=\"date\">2025-06-30</td><td>Hr-enheten</td>"
                      "<td>Försenad</td>"),
            std::string::npos);
  EXPECT_NE(html.find("Mål 2: Behålla erfarna medarbetare"), std::string::npos);
  // The latest follow-up of A1 is T2 2025, not T1.
  EXPECT_NE(html.find("T2 2025: Pågår \u2013 Två av tre enheter klara"), std::string::npos);
}

TEST(SupplyPlanReport, a_suppressed_value_is_shown_as_hidden_never_as_a_number) {
  Fixture f;
  const std::string html = supply_plan_html(f.report);
  EXPECT_NE(html.find("400 \u2192 dolt (för få) \u2192 420"), std::string::npos) << html;
  // A2's frozen T1 value was suppressed for whoever froze it.
  EXPECT_NE(html.find("<td>Ej påbörjad</td><td></td><td class=\"number\">dolt (för få)</td>"), std::string::npos);
}

TEST(SupplyPlanReport, follow_ups_are_tabled_per_checkpoint_oldest_first) {
  Fixture f;
  const std::string html = supply_plan_html(f.report);
  const std::size_t t1 = html.find("<caption>T1 (till 30 april) 2025</caption>");
  const std::size_t t2 = html.find("<caption>T2 (till 31 augusti) 2025</caption>");
  ASSERT_NE(t1, std::string::npos);
  ASSERT_NE(t2, std::string::npos);
  EXPECT_LT(t1, t2);
  EXPECT_NE(html.find("<td>Upphandlad</td><td class=\"number\">30,0\u00a0%</td><td>2 maj 2025</td>"), std::string::npos);
  f.plan.follow_ups.clear();
  EXPECT_NE(supply_plan_html(f.report).find("Ingen uppföljning är gjord ännu."), std::string::npos);
}

TEST(SupplyPlanReport, the_previous_period_shows_its_last_follow_up_and_what_is_carried_over) {
  Fixture f;
  const std::string html = supply_plan_html(f.report);
  EXPECT_NE(html.find("<td>P1</td><td>Mentorskap för nyanställda</td><td>Introducera</td><td>VB 2024</td><td>Klar</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td>VB 2024</td><td>Pågår (förs över till den nya planen)</td><td>Halvvägs</td>"),
            std::string::npos);
}

TEST(SupplyPlanReport, the_risk_matrix_places_each_risk_by_likelihood_and_consequence) {
  Fixture f;
  const std::string html = supply_plan_html(f.report);
  // Row likelihood 3: R1 under consequence 4 (3 × 4 = 12: high). Row 4: R2 under 2 (8: medium).
  EXPECT_NE(html.find("<tr><th scope=\"row\">3</th><td class=\"risk-low\"></td><td class=\"risk-medium\"></td>"
                      "<td class=\"risk-high\"></td><td class=\"risk-high\">R1</td></tr>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<tr><th scope=\"row\">4</th><td class=\"risk-medium\"></td><td class=\"risk-medium\">R2</td>"),
            std::string::npos);
  f.plan.risks.clear();
  EXPECT_NE(supply_plan_html(f.report).find("Planen beskriver inga risker."), std::string::npos);
}

TEST(SupplyPlanReport, the_plans_own_texts_are_escaped) {
  Fixture f;
  f.plan.goals[0].activities[0].title = "<script>alert(1)</script>";
  const std::string html = supply_plan_html(f.report);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("<h1>Kompetensförsörjning i kulturförvaltningen &lt;2025&gt; &amp; framåt</h1>"), std::string::npos);
  // Paragraphs of the analysis keep their blank-line breaks.
  EXPECT_NE(html.find("<p>Förvaltningen driver bibliotek, kulturskola och konsthall.</p><p>Uppdraget växer.</p>"),
            std::string::npos);
}

TEST(SupplyPlanReport, absent_and_suppressed_blocks_say_so) {
  Fixture f;
  f.plan.analysis.key_figures_at = day(2025, 12, 31);
  f.report.key_figures_state = BlockState::kSuppressed;
  const std::string html = supply_plan_html(f.report);
  EXPECT_NE(html.find("<h3>Nyckeltal per 31 december 2025</h3><p>Uppgifterna visas inte: de gäller för få personer.</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<h3>Kompetensgap i omgång 2026 jämfört med omgång 2025</h3><p>Uppgifterna finns inte i Trappa.</p>"),
            std::string::npos);
}

TEST(SupplyPlanReport, a_gap_block_draws_the_charts_with_their_tables) {
  Fixture f;
  core::GapReport gaps;
  gaps.round = "2026";
  gaps.assessed = 120;
  gaps.people = 150;
  gaps.share_with_need = 0.4;
  gaps.participation = 0.8;
  core::AreaFigures area;
  area.code = "4";
  area.name = "Säkerhet";
  area.need_share = 0.24;
  gaps.areas = {area};
  f.report.gaps = &gaps;
  f.report.gaps_state = BlockState::kShown;
  const std::string html = supply_plan_html(f.report);
  EXPECT_NE(html.find("Andel med minst ett kompetensbehov: 40,0\u00a0%. Deltagande: 80,0\u00a0%."), std::string::npos);
  EXPECT_EQ(count(html, "<svg"), 2U);
  EXPECT_GE(count(html, "<table class=\"trappa-table\">"), 2U);
  EXPECT_NE(html.find("4 Säkerhet"), std::string::npos);
}

TEST(SupplyPlanReport, an_english_report_uses_the_english_catalogue) {
  Fixture f;
  f.report.language = i18n::Language::kEnglish;
  const std::string html = supply_plan_html(f.report);
  EXPECT_TRUE(html.starts_with("<!doctype html><html lang=\"en\">"));
  EXPECT_NE(html.find("Goals and activities"), std::string::npos);
  EXPECT_NE(html.find("\"Page \" counter(page) \" of \" counter(pages)"), std::string::npos);
  EXPECT_NE(html.find("(green: on track)"), std::string::npos);
}

TEST(SupplyPlanWorkbook, the_activity_sheet_has_one_row_per_activity_and_a_column_group_per_checkpoint) {
  Fixture f;
  const auto workbook = supply_plan_xlsx(f.report);
  ASSERT_TRUE(workbook) << workbook.error().describe();
  const std::filesystem::path file = std::filesystem::temp_directory_path() / "trappa-supply-plan-test.xlsx";
  std::ofstream(file, std::ios::binary) << *workbook;
  const auto sheets = io::xlsx_sheet_names(file);
  ASSERT_TRUE(sheets) << sheets.error().describe();
  EXPECT_EQ(*sheets, (std::vector<std::string>{"Aktiviteter", "Nyckeltal", "Kompetensgap"}));
  const auto activities = io::read_xlsx_sheet(file, "Aktiviteter");
  const auto figures = io::read_xlsx_sheet(file, "Nyckeltal");
  std::filesystem::remove(file);
  ASSERT_TRUE(activities) << activities.error().describe();
  const std::vector<io::XlsxRow>& rows = activities->rows;
  ASSERT_EQ(rows.size(), 4U);  // the header and three activities
  const std::vector<std::string>& header = rows[0].cells;
  ASSERT_EQ(header.size(), 12U + 2 * 3);
  EXPECT_EQ(header[12], "T1 2025: status");
  EXPECT_EQ(header[15], "T2 2025: status");
  const std::vector<std::string>& a1 = rows[1].cells;
  EXPECT_EQ(a1[0], "Stärkt digital kompetens");
  EXPECT_EQ(a1[2], "Utbildning i informationssäkerhet för alla");
  EXPECT_EQ(a1[7], "gap.area_need_share");
  // Numbers as numbers: the reader writes a number cell in its shortest form.
  EXPECT_EQ(a1[8], "0.31");
  EXPECT_EQ(a1[9], "0.24");
  EXPECT_EQ(a1[11], "grön: i fas");
  EXPECT_EQ(a1[13], "0.3");
  EXPECT_EQ(a1[17], "Två av tre enheter klara");
  EXPECT_EQ(rows[2].cells[9], "dolt (för få)");
  EXPECT_EQ(rows[2].cells[13], "dolt (för få)");
  ASSERT_TRUE(figures);
  ASSERT_EQ(figures->rows.size(), 1U);
  EXPECT_EQ(figures->rows[0].cells, std::vector<std::string>{"Uppgifterna finns inte i Trappa."});
}

}  // namespace
}  // namespace trappa::report
