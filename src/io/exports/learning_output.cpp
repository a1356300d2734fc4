#include "io/exports/learning_output.hpp"

#include <cmath>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/base/date.hpp"
#include "io/json/json_text.hpp"

namespace trappa::io {

namespace json = boost::json;

namespace {

constexpr std::array<const char*, 3> kGenderCodes{"K", "M", "X"};

double hours_value(double hours) { return std::round(hours * 100) / 100; }

json::value hours_or_null(const std::optional<double>& hours) {
  if (!hours) return nullptr;
  return hours_value(*hours);
}

std::string number(double value) { return fmt::format("{}", hours_value(value)); }

// `cell`: the small-group decisions of the figures (nullptr: everything shown); `genders`
// whether the cell's gender figures are shown at all.
json::object figures_object(const core::LearningFigures& figures, const core::LearningCellDisclosure* cell = nullptr,
                            bool genders = true) {
  if (cell != nullptr && cell->suppressed) {
    json::object object;
    object["participants"] = nullptr;
    object["hours"] = nullptr;
    object["registrations"] = nullptr;
    object["suppressed"] = true;
    return object;
  }
  json::object participants;
  participants["total"] = figures.participants;
  for (std::size_t g = 0; g < kGenderCodes.size(); ++g) {
    if (cell != nullptr && (!genders || cell->gender_suppressed[g])) {
      participants[kGenderCodes[g]] = nullptr;
    } else {
      participants[kGenderCodes[g]] = figures.participants_by_gender[g];
    }
  }
  json::object hours;
  hours["total"] = hours_value(figures.hours);
  hours["per_participant"] = hours_or_null(figures.hours_per_participant);
  json::object registrations;
  for (std::size_t s = 0; s < core::kParticipationStatuses; ++s) {
    registrations[core::to_code(static_cast<core::ParticipationStatus>(s))] = figures.registrations[s];
  }
  json::object object;
  object["participants"] = std::move(participants);
  object["hours"] = std::move(hours);
  if (cell != nullptr) {
    object["registrations"] = nullptr;
    object["suppressed"] = false;
  } else {
    object["registrations"] = std::move(registrations);
  }
  return object;
}

}  // namespace

std::string write_learning_stats_json(const core::LearningStats& stats, const core::LearningStatsQuery& query,
                                      const core::LearningDisclosure* disclosure) {
  json::object root;
  root["from"] = core::to_iso(query.from);
  root["to"] = core::to_iso(query.to);
  root["unit"] = query.unit ? json::value(*query.unit) : json::value(nullptr);
  root["by"] = query.by == core::LearningGrouping::kNone ? json::value(nullptr) : json::value(core::to_code(query.by));
  if (disclosure != nullptr) root["min_group"] = disclosure->min_group;
  for (auto& [key, value] : figures_object(stats.total, disclosure != nullptr ? &disclosure->total : nullptr)) {
    root[key] = value;
  }
  json::object targets;
  targets["participants"] = stats.targets.participants ? json::value(*stats.targets.participants) : json::value(nullptr);
  targets["hours_per_participant"] =
      stats.targets.hours_per_participant ? json::value(*stats.targets.hours_per_participant) : json::value(nullptr);
  const bool met_shown = stats.met && (disclosure == nullptr || !disclosure->total.suppressed);
  targets["met"] = met_shown ? json::value(*stats.met) : json::value(nullptr);
  root["targets"] = std::move(targets);
  json::array groups;
  for (std::size_t i = 0; i < stats.groups.size(); ++i) {
    const core::LearningFigures& figures = stats.groups[i];
    json::object group;
    group["key"] = figures.key;
    group["name"] = figures.name;
    const core::LearningCellDisclosure* cell = disclosure != nullptr ? &disclosure->groups[i] : nullptr;
    for (auto& [key, value] : figures_object(figures, cell, false)) group[key] = value;
    groups.push_back(std::move(group));
  }
  root["groups"] = std::move(groups);
  return write_json_text(root);
}

std::string write_learning_stats_csv(const core::LearningStats& stats, const CsvDialect& dialect) {
  std::string text(csv_start(dialect));
  text += csv_line({"group", "name", "participants", "participants_K", "participants_M", "participants_X", "hours",
                    "hours_per_participant", "registered", "attended", "no_show", "cancelled"},
                   dialect);
  const auto record = [&](const std::string& key, const std::string& name, const core::LearningFigures& figures) {
    CsvRow row(dialect);
    row.text(key).text(name).number(std::to_string(figures.participants));
    for (std::size_t count : figures.participants_by_gender) row.number(std::to_string(count));
    row.number(number(figures.hours))
        .number(figures.hours_per_participant ? number(*figures.hours_per_participant) : std::string());
    for (std::size_t count : figures.registrations) row.number(std::to_string(count));
    text += row.line();
  };
  record("total", "", stats.total);
  for (const core::LearningFigures& figures : stats.groups) record(figures.key, figures.name, figures);
  return text;
}

std::string write_learning_stats_table(const core::LearningStats& stats, const core::LearningStatsQuery& query) {
  std::string text = fmt::format("Deltagande {} – {}{}\n", core::to_iso(query.from), core::to_iso(query.to),
                                 query.unit ? ", enhet " + *query.unit : std::string());
  const auto line = [&](const std::string& label, const core::LearningFigures& figures) {
    text += fmt::format("  {:<30} {:>8} {:>6} {:>6} {:>6} {:>10} {:>8}\n", label, figures.participants,
                        figures.participants_by_gender[0], figures.participants_by_gender[1],
                        figures.participants_by_gender[2], number(figures.hours),
                        figures.hours_per_participant ? number(*figures.hours_per_participant) : std::string("–"));
  };
  text += fmt::format("  {:<30} {:>8} {:>6} {:>6} {:>6} {:>10} {:>8}\n", "", "deltagare", "K", "M", "X", "timmar",
                      "per pers");
  line("Totalt", stats.total);
  for (const core::LearningFigures& figures : stats.groups) {
    line(figures.name == figures.key ? figures.key : figures.key + " " + figures.name, figures);
  }
  if (stats.met) {
    text += fmt::format("Mål: {} deltagare, {} timmar per deltagare – {}\n",
                        stats.targets.participants ? number(*stats.targets.participants) : std::string("–"),
                        stats.targets.hours_per_participant ? number(*stats.targets.hours_per_participant)
                                                            : std::string("–"),
                        *stats.met ? "nått" : "inte nått");
  }
  return text;
}

std::string write_recommendations_json(const std::string& employee_id, const std::string& round,
                                       const core::RecommendationList& list) {
  json::object root;
  root["employee_id"] = employee_id;
  root["round"] = round;
  root["budget_hours"] = list.budget_hours ? json::value(*list.budget_hours) : json::value(nullptr);
  json::array needs;
  for (const core::LearningNeed& need : list.needs) {
    needs.push_back(json::object{{"competency", need.competency}, {"level", need.level}, {"expected", need.expected}});
  }
  root["needs"] = std::move(needs);
  json::array recommendations;
  for (const core::Recommendation& recommendation : list.recommendations) {
    json::array closes;
    for (const core::ClosedSteps& steps : recommendation.closes) {
      closes.push_back(json::object{{"competency", steps.competency}, {"from", steps.from}, {"to", steps.to}});
    }
    json::object object;
    object["activity"] = recommendation.activity;
    object["title"] = recommendation.title;
    object["hours"] = hours_value(recommendation.hours);
    object["gain"] = recommendation.gain;
    object["closes"] = std::move(closes);
    recommendations.push_back(std::move(object));
  }
  root["recommendations"] = std::move(recommendations);
  root["total_hours"] = hours_value(list.total_hours);
  root["steps_closed"] = list.steps_closed;
  root["steps_open"] = list.steps_open;
  json::array uncovered;
  for (const std::string& code : list.uncovered) uncovered.push_back(json::value(code));
  root["uncovered"] = std::move(uncovered);
  return write_json_text(root);
}

std::string write_recommendations_table(const std::string& employee_id, const std::string& round,
                                        const core::RecommendationList& list) {
  std::string text = fmt::format("Rekommendationer för {} i omgång {}{}\n", employee_id, round,
                                 list.budget_hours ? ", högst " + number(*list.budget_hours) + " timmar" : std::string());
  if (list.needs.empty()) return text + "Inga behov: alla skattade nivåer når rollens förväntade nivå.\n";
  text += "Behov:";
  for (const core::LearningNeed& need : list.needs) text += fmt::format(" {} {}→{}", need.competency, need.level, need.expected);
  text += '\n';
  int position = 0;
  for (const core::Recommendation& recommendation : list.recommendations) {
    std::string closes;
    for (const core::ClosedSteps& steps : recommendation.closes) {
      closes += fmt::format("{}{} {}→{}", closes.empty() ? "" : ", ", steps.competency, steps.from, steps.to);
    }
    text += fmt::format("  {}. {} {} ({} h, {} steg: {})\n", ++position, recommendation.activity, recommendation.title,
                        number(recommendation.hours), recommendation.gain, closes);
  }
  if (list.recommendations.empty()) text += "  Ingen aktivitet passar.\n";
  text += fmt::format("Totalt {} timmar, {} steg stängda, {} steg kvar\n", number(list.total_hours), list.steps_closed,
                      list.steps_open);
  if (!list.uncovered.empty()) {
    std::string codes;
    for (const std::string& code : list.uncovered) codes += (codes.empty() ? "" : ", ") + code;
    text += "Ingen aktivitet höjer: " + codes + '\n';
  }
  return text;
}

namespace {

std::string_view grouping_code(core::UncoveredGrouping by) {
  return by == core::UncoveredGrouping::kArea ? "area" : by == core::UncoveredGrouping::kCompetency ? "competency" : "";
}

json::object uncovered_object(const core::UncoveredFigures& figures) {
  return json::object{{"people_with_need", figures.people_with_need},
                      {"people_uncovered", figures.people_uncovered},
                      {"needs", figures.needs},
                      {"needs_uncovered", figures.needs_uncovered}};
}

}  // namespace

std::string write_uncovered_json(const core::UncoveredNeeds& needs, const std::string& round,
                                 const std::optional<std::string>& unit, core::UncoveredGrouping by) {
  json::object root;
  root["round"] = round;
  root["unit"] = unit ? json::value(*unit) : json::value(nullptr);
  root["by"] = by == core::UncoveredGrouping::kNone ? json::value(nullptr) : json::value(grouping_code(by));
  for (auto& [key, value] : uncovered_object(needs.total)) root[key] = value;
  json::array groups;
  for (const core::UncoveredFigures& figures : needs.groups) {
    json::object group{{"key", figures.key}, {"name", figures.name}};
    for (auto& [key, value] : uncovered_object(figures)) group[key] = value;
    groups.push_back(std::move(group));
  }
  root["groups"] = std::move(groups);
  return write_json_text(root);
}

std::string write_uncovered_csv(const core::UncoveredNeeds& needs, const CsvDialect& dialect) {
  std::string text(csv_start(dialect));
  text += csv_line({"group", "name", "people_with_need", "people_uncovered", "needs", "needs_uncovered"}, dialect);
  const auto record = [&](const std::string& key, const std::string& name, const core::UncoveredFigures& figures) {
    text += CsvRow(dialect)
                .text(key)
                .text(name)
                .number(std::to_string(figures.people_with_need))
                .number(std::to_string(figures.people_uncovered))
                .number(std::to_string(figures.needs))
                .number(std::to_string(figures.needs_uncovered))
                .line();
  };
  record("total", "", needs.total);
  for (const core::UncoveredFigures& figures : needs.groups) record(figures.key, figures.name, figures);
  return text;
}

std::string write_uncovered_table(const core::UncoveredNeeds& needs, const std::string& round) {
  std::string text = fmt::format("Behov som ingen aktivitet täcker, omgång {}\n", round);
  const auto line = [&](const std::string& label, const core::UncoveredFigures& figures) {
    text += fmt::format("  {:<30} {:>10} {:>10} {:>8} {:>10}\n", label, figures.people_with_need,
                        figures.people_uncovered, figures.needs, figures.needs_uncovered);
  };
  text += fmt::format("  {:<30} {:>10} {:>10} {:>8} {:>10}\n", "", "med behov", "otäckta", "behov", "otäckta");
  line("Totalt", needs.total);
  for (const core::UncoveredFigures& figures : needs.groups) line(figures.key + " " + figures.name, figures);
  return text;
}

namespace {

const std::vector<std::string>& participant_list_header() {
  static const std::vector<std::string> header{"employee_id", "name",           "gender", "unit", "unit_name",
                                               "activity",    "activity_title", "date",   "hours"};
  return header;
}

}  // namespace

std::vector<std::vector<std::string>> participant_list_table(const std::vector<core::ParticipantListRow>& rows) {
  std::vector<std::vector<std::string>> table{participant_list_header()};
  for (const core::ParticipantListRow& row : rows) {
    table.push_back({row.employee_id, row.name, std::string(core::to_code(row.gender)), row.unit_code, row.unit_name,
                     row.activity, row.activity_title, core::to_iso(row.date), number(row.hours)});
  }
  return table;
}

std::string write_participant_list_csv(const std::vector<core::ParticipantListRow>& rows, const CsvDialect& dialect) {
  std::string text(csv_start(dialect));
  text += csv_line(participant_list_header(), dialect);
  for (const core::ParticipantListRow& row : rows) {
    CsvRow record(dialect);
    record.text(row.employee_id).text(row.name).text(core::to_code(row.gender)).text(row.unit_code).text(row.unit_name);
    record.text(row.activity).text(row.activity_title).text(core::to_iso(row.date)).number(number(row.hours));
    text += record.line();
  }
  return text;
}

}  // namespace trappa::io
