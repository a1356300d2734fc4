#include "app/imports/import_preview.hpp"

#include <functional>
#include <sstream>

#include "core/base/date.hpp"

namespace trappa::app {

namespace {

template <typename Record>
ImportPreview preview(std::vector<std::string> columns, const std::vector<Record>& records, std::size_t limit,
                      const std::function<std::vector<std::string>(const Record&)>& row_of) {
  ImportPreview result;
  result.columns = std::move(columns);
  result.total = records.size();
  for (std::size_t i = 0; i < records.size() && i < limit; ++i) result.rows.push_back(row_of(records[i]));
  return result;
}

// 0.75, 1, 7.5: as the files write them.
std::string number(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

}  // namespace

ImportPreview preview_of(const std::vector<core::Unit>& units, std::size_t limit) {
  return preview<core::Unit>({"code", "name", "parent", "kind"}, units, limit, [](const core::Unit& unit) {
    return std::vector<std::string>{unit.code, unit.name, unit.parent_code, std::string(core::to_code(unit.kind))};
  });
}

ImportPreview preview_of(const std::vector<core::Person>& people, std::size_t limit) {
  return preview<core::Person>(
      {"employee_id", "name", "unit", "role", "birth_year", "gender", "manager_id"}, people, limit,
      [](const core::Person& person) {
        return std::vector<std::string>{person.employee_id, person.name, person.unit_code, person.role,
                                        person.birth_year == 0 ? std::string() : std::to_string(person.birth_year),
                                        std::string(core::to_code(person.gender)), person.manager_id};
      });
}

ImportPreview preview_of(const std::vector<core::Employment>& employments, std::size_t limit) {
  return preview<core::Employment>(
      {"employee_id", "start", "end", "type", "position", "fte", "unit"}, employments, limit,
      [](const core::Employment& employment) {
        return std::vector<std::string>{employment.employee_id, core::to_iso(employment.start),
                                        employment.end ? core::to_iso(*employment.end) : std::string(),
                                        std::string(core::to_code(employment.type)), employment.position,
                                        number(employment.fte), employment.unit_code};
      });
}

ImportPreview preview_of(const std::vector<core::LearningActivity>& activities, std::size_t limit) {
  return preview<core::LearningActivity>(
      {"code", "title", "format", "hours", "starts", "ends", "status"}, activities, limit,
      [](const core::LearningActivity& activity) {
        return std::vector<std::string>{activity.code, activity.title, std::string(core::to_code(activity.format)),
                                        number(activity.hours), core::to_iso(activity.starts),
                                        core::to_iso(activity.ends), std::string(core::to_code(activity.status))};
      });
}

ImportPreview preview_of(const std::vector<core::Participation>& rows, std::size_t limit) {
  return preview<core::Participation>(
      {"employee_id", "activity", "date", "status", "hours"}, rows, limit, [](const core::Participation& row) {
        return std::vector<std::string>{row.employee_id, row.activity, core::to_iso(row.date),
                                        std::string(core::to_code(row.status)),
                                        row.hours ? number(*row.hours) : std::string()};
      });
}

ImportPreview preview_of(const std::vector<core::Assessment>& assessments, std::size_t limit) {
  return preview<core::Assessment>(
      {"employee_id", "status", "ratings", "motivation"}, assessments, limit, [](const core::Assessment& assessment) {
        return std::vector<std::string>{assessment.employee_id, std::string(core::to_code(assessment.status)),
                                        std::to_string(assessment.ratings.size()),
                                        std::to_string(assessment.motivation.size())};
      });
}

ImportPreview preview_of(const std::vector<core::MaturityMeasurement>& measurements, std::size_t limit) {
  return preview<core::MaturityMeasurement>(
      {"unit", "date", "instrument", "overall", "results", "focus"}, measurements, limit,
      [](const core::MaturityMeasurement& measurement) {
        std::string focus;
        for (const std::string& category : measurement.focus_categories) focus += (focus.empty() ? "" : ", ") + category;
        return std::vector<std::string>{measurement.unit_code, core::to_iso(measurement.date), measurement.instrument,
                                        number(measurement.overall), std::to_string(measurement.results.size()), focus};
      });
}

ImportPreview preview_of(const std::vector<core::IndicatorSeries>& series, std::size_t limit) {
  return preview<core::IndicatorSeries>(
      {"series", "unit", "measure", "direction", "periods"}, series, limit, [](const core::IndicatorSeries& one) {
        std::string periods;
        for (const core::IndicatorValue& value : one.values) periods += (periods.empty() ? "" : " ") + value.period;
        return std::vector<std::string>{one.name, one.unit_code, std::string(core::to_code(one.measure)),
                                        std::string(core::to_code(one.direction)), periods};
      });
}

ImportPreview preview_of(const core::Framework& framework, std::size_t limit) {
  return preview<std::string>({"role", "competencies"}, framework.roles, limit, [&](const std::string& role) {
    const core::RoleProfile* profile = framework.own_profile_of(role);
    return std::vector<std::string>{role, profile == nullptr ? std::string() : std::to_string(profile->size())};
  });
}

}  // namespace trappa::app
