#include "io/imports/assessment_import.hpp"

#include <set>

#include <fmt/format.h>

#include "core/assessment/assessment_rules.hpp"

namespace trappa::io {

namespace {

// Resolves the row's person and checks they take part in the round; reports problems.
const core::Person* person_in_round(const CsvTable& table, const CsvField& field, const AssessmentImportContext& context,
                                    std::vector<core::Problem>& problems) {
  auto found = context.people.find(field.text);
  if (found == context.people.end()) {
    problems.push_back({table.where(field), fmt::format("unknown employee '{}'", field.text)});
    return nullptr;
  }
  const core::Person& person = *found->second;
  if (!context.in_round_scope(person)) {
    problems.push_back({table.where(field), fmt::format("{} is outside the scope of round '{}'", field.text,
                                                        context.round->name)});
    return nullptr;
  }
  if (context.framework->profile_of(person.role) == nullptr) {
    problems.push_back({table.where(field), fmt::format("role '{}' of {} has no profile in framework '{}'", person.role,
                                                        field.text, context.framework->id)});
    return nullptr;
  }
  return &person;
}

core::Assessment& assessment_for(std::map<std::string, core::Assessment>& changed, const AssessmentImportContext& context,
                                 const std::string& employee_id) {
  auto found = changed.find(employee_id);
  if (found != changed.end()) return found->second;
  auto existing = context.existing.find(employee_id);
  core::Assessment assessment;
  if (existing != context.existing.end()) {
    assessment = existing->second;
  } else {
    assessment.round = context.round->name;
    assessment.employee_id = employee_id;
  }
  return changed.emplace(employee_id, std::move(assessment)).first->second;
}

std::optional<int> read_level(const CsvTable& table, const CsvField& field, const core::LevelScale& scale,
                              std::vector<core::Problem>& problems, bool& ok) {
  if (field.text.empty()) return std::nullopt;
  const auto level = parse_integer(field.text);
  if (!level) {
    problems.push_back({table.where(field), fmt::format("'{}' is not a level", field.text)});
    ok = false;
    return std::nullopt;
  }
  // Compared before narrowing: 4294967298 must not pass as 2.
  if (*level < scale.min || *level > scale.max) {
    problems.push_back({table.where(field),
                        fmt::format("level {} is outside the scale {}–{}", *level, scale.min, scale.max)});
    ok = false;
    return std::nullopt;
  }
  return static_cast<int>(*level);
}

std::vector<core::Assessment> finish(std::map<std::string, core::Assessment>& changed) {
  std::vector<core::Assessment> result;
  result.reserve(changed.size());
  for (auto& [id, assessment] : changed) result.push_back(std::move(assessment));
  return result;
}

}  // namespace

core::Result<std::vector<core::Assessment>> read_assessment_ratings(const CsvTable& table,
                                                                    const AssessmentImportContext& context) {
  ASSIGN_OR_RETURN(auto columns, CsvColumns::bind(table, {"employee_id", "competency", "self_level", "agreed_level"}));
  std::vector<core::Problem> problems;
  std::map<std::string, core::Assessment> changed;
  std::set<std::pair<std::string, std::string>> seen;
  for (const CsvRecord& record : table.records) {
    const CsvField id = columns.get(record, "employee_id");
    const CsvField competency = columns.get(record, "competency");
    const CsvField self = columns.get(record, "self_level");
    const CsvField agreed = columns.get(record, "agreed_level");
    const core::Person* person = person_in_round(table, id, context, problems);
    if (person == nullptr) continue;
    const core::RoleProfile& profile = *context.framework->profile_of(person->role);
    if (competency.text.empty()) {
      problems.push_back({table.where(competency), "the competency is empty"});
      continue;
    }
    if (!profile.contains(competency.text)) {
      problems.push_back({table.where(competency), fmt::format("competency '{}' is not in the profile of role '{}'",
                                                               competency.text, person->role)});
      continue;
    }
    if (!seen.emplace(id.text, competency.text).second) {
      problems.push_back({table.where(competency), fmt::format("{} {} appears twice", id.text, competency.text)});
      continue;
    }
    bool ok = true;
    const auto self_level = read_level(table, self, context.framework->scale, problems, ok);
    const auto agreed_level = read_level(table, agreed, context.framework->scale, problems, ok);
    if (!ok) continue;
    core::Assessment& assessment = assessment_for(changed, context, id.text);
    core::Rating* rating = nullptr;
    for (core::Rating& existing : assessment.ratings) {
      if (existing.competency == competency.text) rating = &existing;
    }
    if (rating == nullptr) {
      assessment.ratings.push_back({competency.text, {}, {}, {}, {}});
      rating = &assessment.ratings.back();
    }
    rating->self_level = self_level;
    rating->agreed_level = agreed_level;
    rating->agreed_by = agreed_level ? context.imported_by : "";
    rating->agreed_at = agreed_level ? context.now : "";
    // The status follows what the data shows: self levels mean the self-assessment was
    // done, agreed levels that the conversation was held.
    if (self_level && assessment.status == core::AssessmentStatus::kNotStarted) {
      assessment.status = core::AssessmentStatus::kSelfAssessed;
      assessment.self_assessed_at = context.now;
    }
    if (agreed_level && assessment.status < core::AssessmentStatus::kConversationHeld) {
      assessment.status = core::AssessmentStatus::kConversationHeld;
      assessment.conversation_at = context.now;
    }
  }
  if (!problems.empty()) {
    return core::invalid("the assessments file has problems; nothing was imported", std::move(problems));
  }
  return finish(changed);
}

core::Result<std::vector<core::Assessment>> read_motivation_answers(const CsvTable& table,
                                                                    const AssessmentImportContext& context) {
  ASSIGN_OR_RETURN(auto columns, CsvColumns::bind(table, {"employee_id", "area", "motivation"}));
  std::vector<core::Problem> problems;
  std::map<std::string, core::Assessment> changed;
  std::set<std::pair<std::string, std::string>> seen;
  for (const CsvRecord& record : table.records) {
    const CsvField id = columns.get(record, "employee_id");
    const CsvField area = columns.get(record, "area");
    const CsvField motivation = columns.get(record, "motivation");
    const core::Person* person = person_in_round(table, id, context, problems);
    if (person == nullptr) continue;
    bool assessed = false;
    for (const core::Area* candidate : core::assessed_areas(*context.framework, person->role)) {
      if (candidate->code == area.text) assessed = true;
    }
    if (!assessed) {
      problems.push_back({table.where(area), fmt::format("area '{}' is not assessed by role '{}'", area.text,
                                                         person->role)});
      continue;
    }
    if (!seen.emplace(id.text, area.text).second) {
      problems.push_back({table.where(area), fmt::format("{} area {} appears twice", id.text, area.text)});
      continue;
    }
    const auto value = parse_integer(motivation.text);
    if (!value || *value < core::kMotivationMin || *value > core::kMotivationMax) {
      problems.push_back({table.where(motivation), fmt::format("motivation '{}' is not a whole number {}–{}",
                                                               motivation.text, core::kMotivationMin,
                                                               core::kMotivationMax)});
      continue;
    }
    assessment_for(changed, context, id.text).motivation[area.text] = static_cast<int>(*value);
  }
  if (!problems.empty()) {
    return core::invalid("the motivation file has problems; nothing was imported", std::move(problems));
  }
  return finish(changed);
}

}  // namespace trappa::io
