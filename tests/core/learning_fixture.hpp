// A small framework, organisation and catalogue for the learning tests, worked out by hand
// in the tests that use them: areas 1 (1.1, 1.2) and 2 (2.1, 2.2) on a 1–5 scale, and the
// role `medarbetare` expecting 1.1 at 3, 1.2 at 4, 2.1 at 2 and 2.2 at 3.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/date.hpp"
#include "core/framework/framework.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/learning/participation.hpp"

namespace trappa::core::testing {

inline Date day(const char* iso) { return *parse_iso_date(iso); }

inline Framework learning_framework() {
  Framework framework;
  framework.id = "fw";
  framework.name = "Test";
  framework.scale = {1, 5, {"1", "2", "3", "4", "5"}};
  framework.roles = {"medarbetare", "chef"};
  framework.areas = {Area{"1", "Information", "", "", {}, {{"1.1", "Söka", "", {}}, {"1.2", "Värdera", "", {}}}},
                     Area{"2", "Säkerhet", "", "", {}, {{"2.1", "Skydda", "", {}}, {"2.2", "Lösenord", "", {}}}}};
  framework.profiles["medarbetare"] = {{"1.1", 3}, {"1.2", 4}, {"2.1", 2}, {"2.2", 3}};
  return framework;
}

inline LearningActivity activity(std::string code, std::vector<std::string> competencies, int from, int to,
                                 double hours) {
  LearningActivity made;
  made.code = code;
  made.title = "Aktivitet " + code;
  made.format = ActivityFormat::kWorkshop;
  made.framework_id = "fw";
  made.competencies = std::move(competencies);
  made.level_from = from;
  made.level_to = to;
  made.hours = hours;
  made.starts = day("2025-01-01");
  made.ends = day("2026-12-31");
  made.status = ActivityStatus::kOpen;
  return made;
}

inline Participation row(std::string employee, std::string activity_code, const char* date, ParticipationStatus status,
                         std::optional<double> hours = std::nullopt) {
  return Participation{std::move(employee), std::move(activity_code), day(date), status, hours, "test"};
}

}  // namespace trappa::core::testing
