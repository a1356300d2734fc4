#include "core/assessment/round_facts.hpp"

namespace trappa::core {

FrameworkNumbering::FrameworkNumbering(const Framework& framework) {
  for (const Area& a : framework.areas) {
    area.emplace(a.code, static_cast<std::uint8_t>(area.size()));
    for (const Competency& c : a.competencies) competency.emplace(c.code, static_cast<std::uint16_t>(competency.size()));
  }
}

void add_assessment_facts(RoundFacts& facts, std::uint32_t person, const Assessment& assessment,
                          const FrameworkNumbering& numbering) {
  facts.statuses.push_back({person, assessment.status});
  for (const Rating& rating : assessment.ratings) {
    auto competency = numbering.competency.find(rating.competency);
    if (competency == numbering.competency.end()) continue;
    const auto self = static_cast<std::uint8_t>(rating.self_level.value_or(0));
    const auto agreed = static_cast<std::uint8_t>(rating.agreed_level.value_or(0));
    if (self == 0 && agreed == 0) continue;
    facts.ratings.push_back({person, competency->second, self, agreed});
  }
  for (const auto& [code, value] : assessment.motivation) {
    auto area = numbering.area.find(code);
    if (area == numbering.area.end()) continue;
    facts.motivations.push_back({person, area->second, static_cast<std::uint8_t>(value)});
  }
}

std::vector<bool> takes_part_on(const std::vector<Person>& people, const std::vector<Employment>& employments,
                                Date day) {
  std::unordered_map<std::string, std::size_t> index;
  index.reserve(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) index.emplace(people[i].employee_id, i);
  std::vector<bool> has_history(people.size(), false);
  std::vector<bool> employed(people.size(), false);
  for (const Employment& employment : employments) {
    auto found = index.find(employment.employee_id);
    if (found == index.end()) continue;
    has_history[found->second] = true;
    if (employment.active_on(day)) employed[found->second] = true;
  }
  for (std::size_t i = 0; i < people.size(); ++i) employed[i] = employed[i] || !has_history[i];
  return employed;
}

}  // namespace trappa::core
