#include "report/workforce/key_figure_charts.hpp"

#include <string>

namespace trappa::report {

namespace {

std::string t(i18n::Language language, std::string_view key) { return std::string(i18n::text(language, key)); }

}  // namespace

std::string age_band_label(std::string_view band, i18n::Language language) {
  std::string label(band);
  if (label.starts_with('-')) label = "0\u2013" + label.substr(1);
  if (label.ends_with('-')) {
    label = i18n::format_text(i18n::text(language, "figures_age_band_and_older"),
                              {{"age", label.substr(0, label.size() - 1)}});
  }
  for (std::size_t dash = label.find('-'); dash != std::string::npos; dash = label.find('-')) {
    label.replace(dash, 1, "\u2013");
  }
  return label;
}

KeyFigureCharts key_figure_charts(const core::KeyFigures& figures, i18n::Language language) {
  KeyFigureCharts charts;
  charts.headcount.text = {"kf-headcount", t(language, "figures_chart_headcount"), {}, language};
  charts.headcount.period_heading = t(language, "figures_date");
  LineSeries all{t(language, "figures_all"), {}};
  LineSeries permanent{t(language, "figures_permanent"), {}};
  LineSeries temporary{t(language, "figures_temporary"), {}};
  for (auto it = figures.headcount.rbegin(); it != figures.headcount.rend(); ++it) {
    charts.headcount.periods.push_back(core::to_iso(it->at));
    all.values.emplace_back(static_cast<double>(it->all.total()));
    permanent.values.emplace_back(static_cast<double>(it->permanent.total()));
    temporary.values.emplace_back(static_cast<double>(it->temporary.total()));
  }
  charts.headcount.series = {all, permanent, temporary};

  charts.age.text = {"kf-age", t(language, "figures_chart_age"), {}, language};
  const core::HiddenKeyFigureCells& hidden = figures.hidden;
  for (std::size_t b = 0; b < figures.age.bands.size(); ++b) {
    const core::AgeBand& band = figures.age.bands[b];
    auto cell = [&](core::Gender gender) -> std::optional<double> {
      if (hidden.age[b][static_cast<std::size_t>(gender)]) return std::nullopt;  // too few to show
      return static_cast<double>(band.people.of(gender));
    };
    charts.age.bands.push_back({age_band_label(band.label, language), cell(core::Gender::kWoman),
                                cell(core::Gender::kMan), cell(core::Gender::kOther)});
  }

  charts.positions.text = {"kf-positions", t(language, "figures_chart_positions"), {}, language};
  charts.positions.format = NumberFormat::decimal(1);
  charts.positions.value_label = core::to_iso(figures.at);
  charts.positions.comparison_label =
      core::to_iso(figures.positions.empty() ? figures.at : figures.positions.front().previous_years[0].at);
  charts.positions.category_heading = t(language, "figures_position");
  for (std::size_t p = 0; p < figures.positions.size(); ++p) {
    const core::PositionRow& row = figures.positions[p];
    const bool now_hidden = p < hidden.positions.size() && hidden.positions[p][0];
    const bool before_hidden = p < hidden.positions.size() && hidden.positions[p][1];
    if (now_hidden) continue;  // too few people in the position to show
    charts.positions.bars.push_back(
        {row.position, row.current.fte, before_hidden ? std::nullopt : std::optional<double>(row.previous_years[0].fte)});
  }

  charts.retirements.text = {"kf-retirements", t(language, "figures_chart_retirements"), {}, language};
  charts.retirements.format = NumberFormat::count();
  charts.retirements.value_label = t(language, "figures_people");
  charts.retirements.category_heading = t(language, "figures_year");
  for (std::size_t y = 0; y < figures.retirements.size(); ++y) {
    const core::RetirementYear& year = figures.retirements[y];
    charts.retirements.bars.push_back(
        {std::to_string(year.year),
         hidden.retirements[y] ? std::nullopt : std::optional<double>(static_cast<double>(year.people)), std::nullopt});
  }
  return charts;
}

}  // namespace trappa::report
