// One realistic example of each chart, shared by the chart tests, the golden files and the
// screenshot page.
#pragma once

#include "report/charts/charts.hpp"

namespace trappa::report::testing {

inline BarChart sample_bar_chart() {
  BarChart chart;
  chart.text = {"gap-areas", "Andel med kompetensbehov per kompetensområde", "Omgång 2025, hela staden."};
  chart.bars = {{"Digital kommunikation", 0.29, 0.31},
                {"Informationssäkerhet & dataskydd", 0.42, 0.35},
                {"Digitala verktyg", 0.12, 0.18},
                {"Data och analys", 0.36, 0.40},
                {"Innovation", std::nullopt, 0.22}};
  chart.value_label = "2025";
  chart.comparison_label = "2024";
  chart.category_heading = "Kompetensområde";
  return chart;
}

inline BarChart sample_level_chart() {
  BarChart chart;
  chart.text = {"levels", "Medelnivå per kompetensområde", ""};
  chart.bars = {{"Digital kommunikation", 3.05, std::nullopt},
                {"Informationssäkerhet", 2.4, std::nullopt},
                {"Digitala verktyg", 3.6, std::nullopt}};
  chart.format = NumberFormat::decimal(2);
  chart.value_label = "Medelnivå";
  chart.axis_maximum = 5;
  chart.reference = ReferenceLine{3.0, "Förväntad nivå"};
  return chart;
}

inline StackedBar sample_stacked_bar() {
  StackedBar chart;
  chart.text = {"participation", "Deltagande per status", "Omgång 2025."};
  chart.parts = {{"Ej påbörjad", 120}, {"Självskattad", 200}, {"Samtal genomfört", 130}, {"Uppföljd", 30}};
  chart.value_heading = "Personer";
  return chart;
}

inline Heatmap sample_heatmap() {
  Heatmap chart;
  chart.text = {"gap-units", "Andel med behov per avdelning och delkompetens", ""};
  chart.columns = {{"1.1", "Kommunicera digitalt"}, {"1.2", "Samarbeta digitalt"}, {"2.1", "Informationssäkerhet"},
                   {"2.2", "Dataskydd"}, {"3.1", "Digitala verktyg"}, {"3.2", "Automatisering"}};
  chart.rows = {{"Äldreomsorg", {0.05, 0.22, 0.47, 0.61, 0.83, 0.18}},
                {"Individ- & familjeomsorg", {0.12, std::nullopt, 0.35, 0.40, 0.58, 0.95}},
                {"Funktionsstöd", {0.31, 0.29, std::nullopt, std::nullopt, 0.66, 0.72}},
                {"Stab", {0.0, 0.10, 0.20, 0.30, 1.0, 0.79}}};
  chart.row_heading = "Avdelning";
  return chart;
}

inline Pyramid sample_pyramid() {
  Pyramid chart;
  chart.text = {"age", "Åldersfördelning per kön", "Tillsvidare- och visstidsanställda den 31 december 2025."};
  chart.bands = {{"–29", 98, 61, std::nullopt},
                 {"30–39", 143, 92, 2},
                 {"40–49", 161, 104, std::nullopt},
                 {"50–59", 132, 98, 1},
                 {"60–", 78, 54, std::nullopt}};
  return chart;
}

inline LineChart sample_line_chart() {
  LineChart chart;
  chart.text = {"headcount", "Antal anställda per år", ""};
  chart.periods = {"2023", "2024", "2025"};
  chart.series = {{"Totalt", {980, 1004, 1021}}, {"Kvinnor", {590, 601, 612}}, {"Män", {385, 398, 406}}};
  return chart;
}

}  // namespace trappa::report::testing
