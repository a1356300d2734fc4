#include "core/learning/learning_activity.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "core/base/case_fold.hpp"
#include "core/base/date.hpp"
#include "core/learning/xapi.hpp"

namespace trappa::core {

namespace {

constexpr std::array<std::pair<ActivityFormat, std::string_view>, 8> kFormats{{
    {ActivityFormat::kCourse, "kurs"},
    {ActivityFormat::kELearning, "e-lärande"},
    {ActivityFormat::kLecture, "föreläsning"},
    {ActivityFormat::kWorkshop, "workshop"},
    {ActivityFormat::kNetwork, "nätverk"},
    {ActivityFormat::kStudyVisit, "studieresa"},
    {ActivityFormat::kConference, "konferens"},
    {ActivityFormat::kSelfStudy, "självstudier"},
}};

constexpr std::array<std::pair<ActivityStatus, std::string_view>, 4> kStatuses{{
    {ActivityStatus::kPlanned, "planned"},
    {ActivityStatus::kOpen, "open"},
    {ActivityStatus::kClosed, "closed"},
    {ActivityStatus::kCancelled, "cancelled"},
}};

}  // namespace

std::string_view to_code(ActivityFormat format) {
  for (const auto& [value, code] : kFormats) {
    if (value == format) return code;
  }
  return {};
}

std::optional<ActivityFormat> parse_activity_format(std::string_view text) {
  const std::string wanted = fold_case(text);
  for (const auto& [value, code] : kFormats) {
    if (code == wanted) return value;
  }
  return std::nullopt;
}

std::vector<std::string_view> activity_format_codes() {
  std::vector<std::string_view> codes;
  for (const auto& [value, code] : kFormats) codes.push_back(code);
  return codes;
}

std::string_view to_code(ActivityStatus status) {
  for (const auto& [value, code] : kStatuses) {
    if (value == status) return code;
  }
  return {};
}

std::optional<ActivityStatus> parse_activity_status(std::string_view text) {
  const std::string wanted = fold_case(text);
  for (const auto& [value, code] : kStatuses) {
    if (code == wanted) return value;
  }
  return std::nullopt;
}

std::vector<ActivityProblem> activity_problems(const LearningActivity& activity, const Framework& framework) {
  std::vector<ActivityProblem> problems;
  if (activity.code.empty()) problems.push_back({"code", "the code is empty"});
  if (activity.title.empty()) problems.push_back({"title", "the title is empty"});
  if (activity.competencies.empty()) problems.push_back({"competencies", "name at least one competency"});
  std::set<std::string_view> known;
  for (const Area& area : framework.areas) {
    for (const Competency& competency : area.competencies) known.insert(competency.code);
  }
  std::set<std::string_view> seen;
  for (const std::string& code : activity.competencies) {
    if (!known.contains(code)) {
      problems.push_back({"competencies", "'" + code + "' is not a competency of framework '" + framework.id + "'"});
    } else if (!seen.insert(code).second) {
      problems.push_back({"competencies", "'" + code + "' is named twice"});
    }
  }
  const auto in_scale = [&](int level) { return level >= framework.scale.min && level <= framework.scale.max; };
  const std::string scale = std::to_string(framework.scale.min) + "–" + std::to_string(framework.scale.max);
  if (!in_scale(activity.level_from)) {
    problems.push_back({"level_from", "level " + std::to_string(activity.level_from) + " is outside the scale " + scale});
  }
  if (!in_scale(activity.level_to)) {
    problems.push_back({"level_to", "level " + std::to_string(activity.level_to) + " is outside the scale " + scale});
  } else if (in_scale(activity.level_from) && activity.level_to < activity.level_from) {
    problems.push_back({"level_to", "level_to " + std::to_string(activity.level_to) + " is below level_from " +
                                        std::to_string(activity.level_from)});
  }
  if (!(activity.hours > 0 && activity.hours <= 10'000)) {
    problems.push_back({"hours", "the hours per participant must be more than 0 and at most 10 000"});
  }
  if (activity.ends < activity.starts) {
    problems.push_back({"ends", "the end date " + to_iso(activity.ends) + " is before the start " + to_iso(activity.starts)});
  }
  if (activity.capacity && *activity.capacity < 1) {
    problems.push_back({"capacity", "a capacity is at least 1 (leave it empty for no limit)"});
  }
  for (const std::string& role : activity.audience_roles) {
    if (std::find(framework.roles.begin(), framework.roles.end(), role) == framework.roles.end()) {
      problems.push_back({"audience_roles", "'" + role + "' is not a role of framework '" + framework.id + "'"});
    }
  }
  if (!activity.xapi_id.empty() && !is_absolute_iri(activity.xapi_id)) {
    problems.push_back({"xapi_id", "'" + activity.xapi_id + "' is not an absolute IRI (e.g. https://lms.example.se/course/42)"});
  }
  return problems;
}

std::vector<std::string> parse_code_list(std::string_view text) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find_first_of(" \t,", start), text.size());
    if (end > start) codes.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return codes;
}

std::string format_code_list(const std::vector<std::string>& codes) {
  std::string text;
  for (const std::string& code : codes) text += (text.empty() ? "" : " ") + code;
  return text;
}

}  // namespace trappa::core
