#include "io/exports/key_figures_json.hpp"

#include <array>
#include <cmath>
#include <optional>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/base/date.hpp"
#include "io/json/json_text.hpp"

namespace trappa::io {

namespace json = boost::json;

namespace {

constexpr int kValueDecimals = 2;  // FTE, means, medians, average headcount
constexpr int kShareDecimals = 4;  // shares and rates (fractions of 1)

constexpr std::array<core::Gender, 3> kGenders{core::Gender::kWoman, core::Gender::kMan, core::Gender::kOther};
constexpr std::array<core::EmploymentType, 4> kTypes{core::EmploymentType::kPermanent,
                                                      core::EmploymentType::kTemporary, core::EmploymentType::kHourly,
                                                      core::EmploymentType::kProgram};

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double result = std::round(value * scale) / scale;
  return result == 0.0 ? 0.0 : result;  // no "-0"
}

json::value number_or_null(const std::optional<double>& value, int decimals) {
  if (!value) return nullptr;
  return rounded(*value, decimals);
}

json::value bool_or_null(const std::optional<bool>& value) {
  if (!value) return nullptr;
  return *value;
}

json::object gender_counts(const core::GenderCounts& counts) {
  json::object object;
  object["total"] = counts.total();
  json::object share;
  for (core::Gender gender : kGenders) {
    object[core::to_code(gender)] = counts.of(gender);
    share[core::to_code(gender)] = number_or_null(counts.share(gender), kShareDecimals);
  }
  object["share"] = std::move(share);
  return object;
}

json::object headcount_entry(const core::Headcount& headcount, bool with_date) {
  json::object object;
  if (with_date) object["at"] = core::to_iso(headcount.at);
  object["all"] = gender_counts(headcount.all);
  object["permanent"] = gender_counts(headcount.permanent);
  object["temporary"] = gender_counts(headcount.temporary);
  return object;
}

json::object turnover_counts(const core::TurnoverCounts& counts) {
  return {{"departures", counts.departures},
          {"recruitments", counts.recruitments},
          {"rate", number_or_null(counts.rate, kShareDecimals)}};
}

json::object position_figures(const core::PositionFigures& figures, bool with_date, bool hidden) {
  json::object object;
  if (with_date) object["at"] = core::to_iso(figures.at);
  if (hidden) {  // too few people to show (core/key_figure_disclosure.hpp)
    for (const char* key : {"people", "fte", "share_women", "balanced"}) object[key] = nullptr;
    return object;
  }
  object["people"] = figures.people;
  object["fte"] = rounded(figures.fte, kValueDecimals);
  object["share_women"] = number_or_null(figures.share_women(), kShareDecimals);
  object["balanced"] = bool_or_null(figures.balanced());
  return object;
}

json::value to_json(const core::KeyFigures& figures) {
  json::object document;
  document["at"] = core::to_iso(figures.at);
  document["period"] = {{"from", core::to_iso(figures.from)}, {"to", core::to_iso(figures.at)}};
  document["unit"] = figures.unit_code.empty() ? json::value(nullptr) : json::value(figures.unit_code);
  document["retirement_age"] = figures.retirement_age;

  json::object headcount = headcount_entry(figures.headcount[0], false);
  json::array previous;
  for (std::size_t k = 1; k < figures.headcount.size(); ++k) previous.push_back(headcount_entry(figures.headcount[k], true));
  headcount["previous_years"] = std::move(previous);
  document["headcount"] = std::move(headcount);

  json::object fte;
  for (core::EmploymentType type : kTypes) fte[core::to_code(type)] = rounded(figures.fte.of(type), kValueDecimals);
  fte["total"] = rounded(figures.fte.total(), kValueDecimals);
  document["fte"] = std::move(fte);

  const core::Turnover& turnover = figures.turnover;
  document["turnover"] = {
      {"average_permanent", rounded(turnover.average_permanent, kValueDecimals)},
      {"month_ends", turnover.month_ends},
      {"external", turnover_counts(turnover.external)},
      {"including_other_administrations", turnover_counts(turnover.including_other_administrations)},
      {"unknown_route",
       {{"departures", turnover.unknown_route_departures}, {"recruitments", turnover.unknown_route_recruitments}}},
  };

  const long long headcount_all = figures.headcount[0].all.total();
  const core::HiddenKeyFigureCells& hidden = figures.hidden;
  json::array bands;
  for (std::size_t b = 0; b < figures.age.bands.size(); ++b) {
    const core::AgeBand& band = figures.age.bands[b];
    json::object object;
    object["band"] = band.label;
    object["total"] = hidden.age_band[b] ? json::value(nullptr) : json::value(band.people.total());
    for (core::Gender gender : kGenders) {
      object[core::to_code(gender)] = hidden.age[b][static_cast<std::size_t>(gender)] ? json::value(nullptr)
                                                                                        : json::value(band.people.of(gender));
    }
    object["share"] = headcount_all == 0 || hidden.age_band[b]
                          ? json::value(nullptr)
                          : json::value(rounded(static_cast<double>(band.people.total()) /
                                                    static_cast<double>(headcount_all),
                                                kShareDecimals));
    bands.push_back(std::move(object));
  }
  document["age"] = {{"mean", number_or_null(figures.age.mean, kValueDecimals)},
                     {"median", number_or_null(figures.age.median, kValueDecimals)},
                     {"bands", std::move(bands)},
                     {"unknown", figures.age.unknown}};
  document["tenure_years"] = {{"mean", number_or_null(figures.tenure.mean, kValueDecimals)},
                              {"median", number_or_null(figures.tenure.median, kValueDecimals)}};

  json::array retirements;
  for (std::size_t y = 0; y < figures.retirements.size(); ++y) {
    const core::RetirementYear& year = figures.retirements[y];
    retirements.push_back(
        {{"year", year.year}, {"people", hidden.retirements[y] ? json::value(nullptr) : json::value(year.people)}});
  }
  document["retirements"] = std::move(retirements);

  json::array positions;
  for (std::size_t p = 0; p < figures.positions.size(); ++p) {
    const core::PositionRow& row = figures.positions[p];
    auto hidden_at = [&](std::size_t date) { return p < hidden.positions.size() && hidden.positions[p][date]; };
    json::object object{{"position", row.position}};
    for (auto& member : position_figures(row.current, false, hidden_at(0))) object[member.key()] = member.value();
    json::array earlier;
    for (std::size_t k = 0; k < row.previous_years.size(); ++k) {
      earlier.push_back(position_figures(row.previous_years[k], true, hidden_at(k + 1)));
    }
    object["previous_years"] = std::move(earlier);
    positions.push_back(std::move(object));
  }
  document["positions"] = std::move(positions);
  return document;
}

// ---------------------------------------------------------------------------------------------
// CSV

class CsvWriter {
 public:
  CsvWriter(const CsvDialect& dialect, const std::vector<std::string>& names) : dialect_(dialect), text_(csv_start(dialect)) {
    CsvRow header(dialect_);
    if (names.empty()) {
      for (std::string_view name : kKeyFiguresCsvColumns) header.text(name);
    } else {
      for (const std::string& name : names) header.text(name);
    }
    text_ += header.line();
  }

  // `value` is a number ('.' decimals), true/false or empty.
  void row(std::string_view figure, std::string_view date, std::string_view group, std::string_view measure,
           std::string_view value) {
    text_ += CsvRow(dialect_).text(figure).text(date).text(group).text(measure).number(value).line();
  }

  std::string take() { return std::move(text_); }

 private:
  CsvDialect dialect_;
  std::string text_;
};

// The band as CSV names it: spreadsheets read "-29" and "60-" as negative numbers.
std::string_view csv_band_label(std::size_t band) {
  static constexpr std::array<std::string_view, 5> kLabels{"0–29", "30–39", "40–49", "50–59", "60 och äldre"};
  return band < kLabels.size() ? kLabels[band] : std::string_view();
}

std::string number_text(double value, int decimals) { return fmt::format("{}", rounded(value, decimals)); }
std::string number_text(const std::optional<double>& value, int decimals) {
  return value ? number_text(*value, decimals) : std::string();
}
std::string bool_text(const std::optional<bool>& value) {
  if (!value) return {};
  return *value ? "true" : "false";
}

void gender_rows(CsvWriter& csv, std::string_view figure, std::string_view date, std::string_view group,
                 const core::GenderCounts& counts) {
  csv.row(figure, date, group, "total", std::to_string(counts.total()));
  for (core::Gender gender : kGenders) csv.row(figure, date, group, core::to_code(gender), std::to_string(counts.of(gender)));
  for (core::Gender gender : kGenders) {
    csv.row(figure, date, group, fmt::format("share_{}", core::to_code(gender)),
            number_text(counts.share(gender), kShareDecimals));
  }
}

void position_rows(CsvWriter& csv, std::string_view position, const core::PositionFigures& figures, bool hidden) {
  const std::string date = core::to_iso(figures.at);
  // Hidden (too few people): the rows stay, with empty values.
  csv.row("position", date, position, "people", hidden ? std::string() : std::to_string(figures.people));
  csv.row("position", date, position, "fte", hidden ? std::string() : number_text(figures.fte, kValueDecimals));
  csv.row("position", date, position, "share_women", hidden ? std::string() : number_text(figures.share_women(), kShareDecimals));
  csv.row("position", date, position, "balanced", hidden ? std::string() : bool_text(figures.balanced()));
}

// ---------------------------------------------------------------------------------------------
// Plain-text table

std::string percent(const std::optional<double>& share) {
  return share ? fmt::format("{:.1f} %", *share * 100.0) : std::string("–");
}

std::string decimal(const std::optional<double>& value) {
  return value ? fmt::format("{:.2f}", *value) : std::string("–");
}

}  // namespace

std::string write_key_figures_json(const core::KeyFigures& figures) { return write_json_text(to_json(figures)); }

std::string write_key_figures_csv(const core::KeyFigures& figures, const CsvDialect& dialect,
                                  const std::vector<std::string>& header) {
  CsvWriter csv(dialect, header);
  const std::string at = core::to_iso(figures.at);
  const std::string period = fmt::format("{}/{}", core::to_iso(figures.from), at);
  for (const core::Headcount& headcount : figures.headcount) {
    const std::string date = core::to_iso(headcount.at);
    gender_rows(csv, "headcount", date, "all", headcount.all);
    gender_rows(csv, "headcount", date, "permanent", headcount.permanent);
    gender_rows(csv, "headcount", date, "temporary", headcount.temporary);
  }
  for (core::EmploymentType type : kTypes) {
    csv.row("fte", at, core::to_code(type), "fte", number_text(figures.fte.of(type), kValueDecimals));
  }
  csv.row("fte", at, "total", "fte", number_text(figures.fte.total(), kValueDecimals));
  const core::Turnover& turnover = figures.turnover;
  csv.row("turnover", period, "", "average_permanent", number_text(turnover.average_permanent, kValueDecimals));
  csv.row("turnover", period, "", "month_ends", std::to_string(turnover.month_ends));
  for (const auto& [group, counts] : {std::pair{"external", &turnover.external},
                                      std::pair{"including_other_administrations",
                                                &turnover.including_other_administrations}}) {
    csv.row("turnover", period, group, "departures", std::to_string(counts->departures));
    csv.row("turnover", period, group, "recruitments", std::to_string(counts->recruitments));
    csv.row("turnover", period, group, "rate", number_text(counts->rate, kShareDecimals));
  }
  csv.row("turnover", period, "unknown_route", "departures", std::to_string(turnover.unknown_route_departures));
  csv.row("turnover", period, "unknown_route", "recruitments", std::to_string(turnover.unknown_route_recruitments));
  csv.row("age", at, "", "mean", number_text(figures.age.mean, kValueDecimals));
  csv.row("age", at, "", "median", number_text(figures.age.median, kValueDecimals));
  csv.row("age", at, "", "unknown", std::to_string(figures.age.unknown));
  const long long headcount_all = figures.headcount[0].all.total();
  const core::HiddenKeyFigureCells& hidden = figures.hidden;
  for (std::size_t b = 0; b < figures.age.bands.size(); ++b) {
    const core::AgeBand& band = figures.age.bands[b];
    const std::string_view label = csv_band_label(b);
    csv.row("age_band", at, label, "total", hidden.age_band[b] ? std::string() : std::to_string(band.people.total()));
    for (core::Gender gender : kGenders) {
      csv.row("age_band", at, label, core::to_code(gender),
              hidden.age[b][static_cast<std::size_t>(gender)] ? std::string() : std::to_string(band.people.of(gender)));
    }
    const std::optional<double> share =
        headcount_all == 0 || hidden.age_band[b]
            ? std::nullopt
            : std::optional(static_cast<double>(band.people.total()) / static_cast<double>(headcount_all));
    csv.row("age_band", at, label, "share", number_text(share, kShareDecimals));
  }
  csv.row("tenure_years", at, "", "mean", number_text(figures.tenure.mean, kValueDecimals));
  csv.row("tenure_years", at, "", "median", number_text(figures.tenure.median, kValueDecimals));
  for (std::size_t y = 0; y < figures.retirements.size(); ++y) {
    const core::RetirementYear& year = figures.retirements[y];
    csv.row("retirements", at, std::to_string(year.year), "people",
            hidden.retirements[y] ? std::string() : std::to_string(year.people));
  }
  for (std::size_t p = 0; p < figures.positions.size(); ++p) {
    const core::PositionRow& row = figures.positions[p];
    auto hidden_at = [&](std::size_t date) { return p < hidden.positions.size() && hidden.positions[p][date]; };
    position_rows(csv, row.position, row.current, hidden_at(0));
    for (std::size_t k = 0; k < row.previous_years.size(); ++k) {
      position_rows(csv, row.position, row.previous_years[k], hidden_at(k + 1));
    }
  }
  return csv.take();
}

std::string write_key_figures_table(const core::KeyFigures& figures) {
  std::string out;
  auto line = [&out](std::string text) {
    out += text;
    out += '\n';
  };
  line(fmt::format("Key figures at {}{}; turnover period {} – {}", core::to_iso(figures.at),
                   figures.unit_code.empty() ? std::string() : " for unit " + figures.unit_code,
                   core::to_iso(figures.from), core::to_iso(figures.at)));
  line("");
  line("Headcount (permanent and temporary; each person once)");
  line(fmt::format("  {:<12}{:<11}{:>7}{:>7}{:>7}{:>7}{:>9}{:>9}", "date", "form", "total", "K", "M", "X", "K %",
                   "M %"));
  for (const core::Headcount& headcount : figures.headcount) {
    for (const auto& [name, counts] : {std::pair{"all", &headcount.all}, std::pair{"permanent", &headcount.permanent},
                                       std::pair{"temporary", &headcount.temporary}}) {
      line(fmt::format("  {:<12}{:<11}{:>7}{:>7}{:>7}{:>7}{:>9}{:>9}", core::to_iso(headcount.at), name,
                       counts->total(), counts->of(core::Gender::kWoman), counts->of(core::Gender::kMan),
                       counts->of(core::Gender::kOther), percent(counts->share(core::Gender::kWoman)),
                       percent(counts->share(core::Gender::kMan))));
    }
  }
  line("");
  line(fmt::format("FTE: permanent {:.2f}, temporary {:.2f}, hourly {:.2f}, program {:.2f}, total {:.2f}",
                   figures.fte.of(core::EmploymentType::kPermanent), figures.fte.of(core::EmploymentType::kTemporary),
                   figures.fte.of(core::EmploymentType::kHourly), figures.fte.of(core::EmploymentType::kProgram),
                   figures.fte.total()));
  line("");
  const core::Turnover& turnover = figures.turnover;
  line(fmt::format("Turnover (permanent employments; average permanent headcount {:.2f} over {} month ends)",
                   turnover.average_permanent, turnover.month_ends));
  line(fmt::format("  {:<34}{:>11}{:>14}{:>9}", "routes", "departures", "recruitments", "rate"));
  line(fmt::format("  {:<34}{:>11}{:>14}{:>9}", "external (3)", turnover.external.departures,
                   turnover.external.recruitments, percent(turnover.external.rate)));
  line(fmt::format("  {:<34}{:>11}{:>14}{:>9}", "incl. other administrations (2+3)",
                   turnover.including_other_administrations.departures,
                   turnover.including_other_administrations.recruitments,
                   percent(turnover.including_other_administrations.rate)));
  line(fmt::format("  {:<34}{:>11}{:>14}", "route not recorded", turnover.unknown_route_departures,
                   turnover.unknown_route_recruitments));
  line("");
  line(fmt::format("Age: mean {}, median {}", decimal(figures.age.mean), decimal(figures.age.median)));
  line(fmt::format("  {:<14}{:>7}{:>7}{:>7}{:>7}", "band", "total", "K", "M", "X"));
  for (std::size_t b = 0; b < figures.age.bands.size(); ++b) {
    const core::AgeBand& band = figures.age.bands[b];
    line(fmt::format("  {:<14}{:>7}{:>7}{:>7}{:>7}", csv_band_label(b), band.people.total(),
                     band.people.of(core::Gender::kWoman), band.people.of(core::Gender::kMan),
                     band.people.of(core::Gender::kOther)));
  }
  line("");
  line(fmt::format("Tenure (years): mean {}, median {}", decimal(figures.tenure.mean), decimal(figures.tenure.median)));
  line("");
  std::string retirements = fmt::format("Retirements at {}:", figures.retirement_age);
  for (const core::RetirementYear& year : figures.retirements) retirements += fmt::format(" {} {};", year.year, year.people);
  retirements.pop_back();
  line(retirements);
  line("");
  line("Largest positions by FTE (people / FTE / women; * outside 40–60 %)");
  std::string header = fmt::format("  {:<28}", "position");
  header += fmt::format("{:>24}", core::to_iso(figures.positions.empty() ? figures.at : figures.positions[0].current.at));
  for (std::size_t k = 1; k < figures.headcount.size(); ++k) header += fmt::format("{:>24}", core::to_iso(figures.headcount[k].at));
  line(header);
  auto cell = [](const core::PositionFigures& figures) {
    const std::optional<bool> balanced = figures.balanced();
    return fmt::format("{} / {:.2f} / {}{}", figures.people, figures.fte, percent(figures.share_women()),
                       balanced && !*balanced ? "*" : "");
  };
  for (const core::PositionRow& row : figures.positions) {
    std::string text = fmt::format("  {:<28}{:>24}", row.position, cell(row.current));
    for (const core::PositionFigures& previous : row.previous_years) text += fmt::format("{:>24}", cell(previous));
    line(text);
  }
  return out;
}

}  // namespace trappa::io
