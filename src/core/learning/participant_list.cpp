#include "core/learning/participant_list.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

namespace trappa::core {

Result<std::vector<ParticipantListRow>> participant_list(const std::vector<Person>& people, const UnitTree& tree,
                                                         const std::vector<LearningActivity>& activities,
                                                         const std::vector<Participation>& rows, Date from, Date to,
                                                         const std::optional<std::string>& unit) {
  if (to < from) return invalid("bad period", {{"to", "the period ends before it starts"}});
  std::optional<std::pair<std::uint32_t, std::uint32_t>> range;
  if (unit) {
    const auto index = tree.index_of(*unit);
    if (!index) return fail(ErrorKind::kNotFound, "no unit with code '" + *unit + "'");
    range = std::pair{*index, tree.subtree_end(*index)};
  }
  std::map<std::string_view, const Person*> by_id;
  for (const Person& person : people) by_id.emplace(person.employee_id, &person);
  std::map<std::string_view, const LearningActivity*> by_code;
  for (const LearningActivity& activity : activities) by_code.emplace(activity.code, &activity);
  std::vector<ParticipantListRow> list;
  for (const Participation& row : rows) {
    if (row.status != ParticipationStatus::kAttended || row.date < from || to < row.date) continue;
    const auto person = by_id.find(row.employee_id);
    const auto activity = by_code.find(row.activity);
    if (person == by_id.end() || activity == by_code.end()) continue;
    const auto unit_index = tree.index_of(person->second->unit_code);
    if (range && (!unit_index || *unit_index < range->first || *unit_index >= range->second)) continue;
    ParticipantListRow entry;
    entry.employee_id = row.employee_id;
    entry.name = person->second->name;
    entry.gender = person->second->gender;
    entry.unit_code = person->second->unit_code;
    entry.unit_name = unit_index ? tree.unit(*unit_index).name : std::string();
    entry.activity = row.activity;
    entry.activity_title = activity->second->title;
    entry.date = row.date;
    entry.hours = credited_hours(row, *activity->second);
    list.push_back(std::move(entry));
  }
  std::sort(list.begin(), list.end(), [](const ParticipantListRow& a, const ParticipantListRow& b) {
    return std::tie(a.date, a.employee_id, a.activity) < std::tie(b.date, b.employee_id, b.activity);
  });
  return list;
}

}  // namespace trappa::core
