#include "io/exports/gap_report_output.hpp"

#include <algorithm>
#include <cmath>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "io/csv/csv_writer.hpp"
#include "io/json/json_text.hpp"

namespace trappa::io {

namespace json = boost::json;

namespace {

template <typename T>
json::value optional_value(const std::optional<T>& value) {
  if (!value) return nullptr;
  return json::value(*value);
}

std::string csv_number(const std::optional<double>& value) { return value ? fmt::format("{}", *value) : ""; }
template <typename T>
std::string csv_count(const std::optional<T>& value) { return value ? std::to_string(*value) : ""; }

std::string_view basis_code(core::LevelBasis basis) { return basis == core::LevelBasis::kAgreed ? "agreed" : "self"; }

}  // namespace

std::string swedish_percent(const std::optional<double>& share) {
  if (!share) return "–";
  return fmt::format("{:.0f}\u00a0%", *share * 100.0);
}

std::string swedish_decimal(const std::optional<double>& value, int decimals) {
  if (!value) return "–";
  std::string text = fmt::format("{:.{}f}", *value, decimals);
  for (char& c : text) {
    if (c == '.') c = ',';
  }
  if (text.starts_with('-')) text = "\u2212" + text.substr(1);
  return text;
}

std::string gap_report_json(const core::GapReport& report, const std::optional<core::GapComparison>& comparison) {
  json::object root;
  root["round"] = report.round;
  root["basis"] = basis_code(report.basis);
  root["suppressed"] = report.suppressed;
  root["people"] = optional_value(report.people);
  root["assessed"] = optional_value(report.assessed);
  root["participation"] = optional_value(report.participation);
  root["share_with_need"] = optional_value(report.share_with_need);
  if (report.status_counts) {
    // Keyed by the status model's codes (core/assessment/assessment_progress.hpp).
    json::object status;
    for (const core::Progress progress : core::kAllProgress) {
      status[core::to_code(progress)] = (*report.status_counts)[static_cast<std::size_t>(progress)];
    }
    root["status"] = std::move(status);
  } else {
    root["status"] = nullptr;
  }
  json::array areas;
  for (const core::AreaFigures& area : report.areas) {
    json::object object;
    object["code"] = area.code;
    object["name"] = area.name;
    object["ratings"] = optional_value(area.ratings);
    object["mean_level"] = optional_value(area.mean_level);
    object["need_share"] = optional_value(area.need_share);
    object["people_with_need_share"] = optional_value(area.people_with_need_share);
    object["motivation_answers"] = optional_value(area.motivation_answers);
    object["high_motivation_share"] = optional_value(area.high_motivation_share);
    if (area.suppressed) object["suppressed"] = true;  // hidden on its own by the small-group rule
    areas.emplace_back(std::move(object));
  }
  root["areas"] = std::move(areas);
  json::array competencies;
  for (const core::CompetencyFigures& competency : report.competencies) {
    json::object object;
    object["code"] = competency.code;
    object["name"] = competency.name;
    object["area"] = competency.area;
    object["applicable"] = optional_value(competency.applicable);
    object["rated"] = optional_value(competency.rated);
    object["participation"] = optional_value(competency.participation);
    object["mean_level"] = optional_value(competency.mean_level);
    object["need_share"] = optional_value(competency.need_share);
    if (competency.suppressed) object["suppressed"] = true;
    competencies.emplace_back(std::move(object));
  }
  root["competencies"] = std::move(competencies);
  if (comparison) {
    json::object compare;
    compare["round"] = comparison->round;
    compare["share_with_need_pp"] = optional_value(comparison->share_with_need_pp);
    compare["participation_pp"] = optional_value(comparison->participation_pp);
    json::array area_changes;
    for (const core::AreaChange& change : comparison->areas) {
      area_changes.emplace_back(json::object{{"code", change.code},
                                             {"need_share_pp", optional_value(change.need_share_pp)},
                                             {"mean_level_delta", optional_value(change.mean_level_delta)},
                                             {"high_motivation_share_pp",
                                              optional_value(change.high_motivation_share_pp)}});
    }
    compare["areas"] = std::move(area_changes);
    json::array competency_changes;
    for (const core::CompetencyChange& change : comparison->competencies) {
      competency_changes.emplace_back(json::object{{"code", change.code},
                                                   {"need_share_pp", optional_value(change.need_share_pp)},
                                                   {"mean_level_delta", optional_value(change.mean_level_delta)}});
    }
    compare["competencies"] = std::move(competency_changes);
    root["compare"] = std::move(compare);
  }
  if (!report.groups.empty()) {
    json::array groups;
    for (const core::GroupFigures& group : report.groups) {
      json::object object;
      object["key"] = group.key;
      object["name"] = group.name;
      object["people"] = optional_value(group.people);
      object["assessed"] = optional_value(group.assessed);
      object["share_with_need"] = optional_value(group.share_with_need);
      object["suppressed"] = group.suppressed;
      json::array cells;
      for (const core::GroupCompetencyFigures& cell : group.competencies) {
        json::object figures{{"code", cell.code},
                             {"rated", optional_value(cell.rated)},
                             {"need_share", optional_value(cell.need_share)}};
        if (cell.suppressed) figures["suppressed"] = true;
        cells.emplace_back(std::move(figures));
      }
      object["competencies"] = std::move(cells);
      groups.emplace_back(std::move(object));
    }
    root["groups"] = std::move(groups);
  }
  return write_json_text(root);
}

std::string gap_report_csv(const core::GapReport& report, const core::GapReport* earlier, const CsvDialect& dialect) {
  std::string out(csv_start(dialect));
  if (report.groups.empty()) {
    const std::optional<core::GapComparison> comparison =
        earlier ? std::optional(core::compare_reports(report, *earlier)) : std::nullopt;
    CsvRow header(dialect);
    for (std::string_view name : {"code", "name", "area", "applicable", "rated", "participation", "mean_level", "need_share"}) {
      header.text(name);
    }
    if (comparison) header.text("need_share_pp").text("mean_level_delta");
    out += header.line();
    for (const core::CompetencyFigures& c : report.competencies) {
      CsvRow row(dialect);
      row.text(c.code).text(c.name).text(c.area).number(csv_count(c.applicable)).number(csv_count(c.rated));
      row.number(csv_number(c.participation)).number(csv_number(c.mean_level)).number(csv_number(c.need_share));
      if (comparison) {
        const auto change = std::find_if(comparison->competencies.begin(), comparison->competencies.end(),
                                         [&](const core::CompetencyChange& x) { return x.code == c.code; });
        const bool found = change != comparison->competencies.end();
        row.number(found ? csv_number(change->need_share_pp) : "");
        row.number(found ? csv_number(change->mean_level_delta) : "");
      }
      out += row.line();
    }
    return out;
  }
  // Groups: each group's change in its share with a need, and in each cell's need share, in
  // percentage points against the same group of the earlier round.
  CsvRow header(dialect);
  for (std::string_view name : {"key", "name", "people", "assessed", "share_with_need", "suppressed"}) header.text(name);
  for (const core::CompetencyFigures& c : report.competencies) header.text(c.code);
  if (earlier) {
    header.text("share_with_need_pp");
    for (const core::CompetencyFigures& c : report.competencies) header.text(c.code + "_pp");
  }
  out += header.line();
  const auto points = [](const std::optional<double>& now, const std::optional<double>& before) -> std::optional<double> {
    if (!now || !before) return std::nullopt;
    return (*now - *before) * 100.0;
  };
  for (const core::GroupFigures& group : report.groups) {
    CsvRow row(dialect);
    row.text(group.key).text(group.name).number(csv_count(group.people)).number(csv_count(group.assessed));
    row.number(csv_number(group.share_with_need)).text(group.suppressed ? "true" : "false");
    for (const core::GroupCompetencyFigures& cell : group.competencies) row.number(csv_number(cell.need_share));
    if (earlier) {
      const auto before = std::find_if(earlier->groups.begin(), earlier->groups.end(),
                                       [&](const core::GroupFigures& g) { return g.key == group.key; });
      const bool found = before != earlier->groups.end();
      row.number(csv_number(found ? points(group.share_with_need, before->share_with_need) : std::nullopt));
      for (const core::GroupCompetencyFigures& cell : group.competencies) {
        std::optional<double> change;
        if (found) {
          const auto earlier_cell = std::find_if(before->competencies.begin(), before->competencies.end(),
                                                 [&](const core::GroupCompetencyFigures& x) { return x.code == cell.code; });
          if (earlier_cell != before->competencies.end()) change = points(cell.need_share, earlier_cell->need_share);
        }
        row.number(csv_number(change));
      }
    }
    out += row.line();
  }
  return out;
}

std::string gap_report_table(const core::GapReport& report, const std::optional<core::GapComparison>& comparison) {
  std::string out;
  if (report.suppressed) {
    return fmt::format("Omgång {}: för få bedömda personer för att visa resultat (gruppen är undertryckt).\n",
                       report.round);
  }
  out += fmt::format("Omgång {} ({} nivåer)\n", report.round,
                     report.basis == core::LevelBasis::kAgreed ? "överenskomna" : "självskattade");
  out += fmt::format("Personer {}   bedömda {}   deltagande {}   andel med behov {}\n", csv_count(report.people),
                     csv_count(report.assessed), swedish_percent(report.participation),
                     swedish_percent(report.share_with_need));
  if (comparison) {
    out += fmt::format("Jämfört med {}: andel med behov {} procentenheter, deltagande {} procentenheter\n",
                       comparison->round, swedish_decimal(comparison->share_with_need_pp, 1),
                       swedish_decimal(comparison->participation_pp, 1));
  }
  out += fmt::format("\n{:<6} {:<44} {:>8} {:>10} {:>8} {:>12}\n", "Område", "Namn", "Skattn.", "Medelnivå", "Behov",
                     "Hög motiv.");
  for (const core::AreaFigures& area : report.areas) {
    out += fmt::format("{:<6} {:<44.44} {:>8} {:>10} {:>8} {:>12}\n", area.code, area.name, csv_count(area.ratings),
                       swedish_decimal(area.mean_level), swedish_percent(area.need_share),
                       swedish_percent(area.high_motivation_share));
  }
  out += fmt::format("\n{:<6} {:<44} {:>8} {:>8} {:>10} {:>8}\n", "Kod", "Delkompetens", "Berörda", "Skattade",
                     "Medelnivå", "Behov");
  for (const core::CompetencyFigures& c : report.competencies) {
    out += fmt::format("{:<6} {:<44.44} {:>8} {:>8} {:>10} {:>8}\n", c.code, c.name, csv_count(c.applicable),
                       csv_count(c.rated), swedish_decimal(c.mean_level), swedish_percent(c.need_share));
  }
  if (!report.groups.empty()) {
    out += fmt::format("\n{:<16} {:<36} {:>8} {:>8} {:>10}\n", "Grupp", "Namn", "Personer", "Bedömda", "Med behov");
    for (const core::GroupFigures& group : report.groups) {
      out += fmt::format("{:<16.16} {:<36.36} {:>8} {:>8} {:>10}\n", group.key, group.name,
                         group.suppressed ? "–" : csv_count(group.people),
                         group.suppressed ? "–" : csv_count(group.assessed),
                         group.suppressed ? "undertryckt" : swedish_percent(group.share_with_need));
    }
  }
  return out;
}

}  // namespace trappa::io
