#include "app/learning/learning_inputs.hpp"

#include <algorithm>
#include <set>

#include "store/framework/framework_store.hpp"
#include "app/learning/learning_settings.hpp"
#include "store/learning/learning_store.hpp"

namespace trappa::app {

core::Result<std::shared_ptr<const LearningInputs>> LearningInputs::load(store::Store& store,
                                                                        std::shared_ptr<const Directory> directory) {
  auto inputs = std::make_shared<LearningInputs>();
  ASSIGN_OR_RETURN(inputs->activities_, store.learning().load_activities());
  ASSIGN_OR_RETURN(auto rows, store.learning().load_participation());
  std::set<std::string> framework_ids;
  for (const core::LearningActivity& activity : inputs->activities_) framework_ids.insert(activity.framework_id);
  for (const std::string& id : framework_ids) {
    ASSIGN_OR_RETURN(auto stored, store.frameworks().load_framework(id));
    if (stored) inputs->frameworks_.push_back(std::move(stored->framework));
  }
  inputs->facts_ = core::build_learning_facts(directory->people(), directory->tree(), inputs->activities_, rows);
  inputs->places_ = core::places_taken(inputs->activities_, rows);
  ASSIGN_OR_RETURN(inputs->targets_, load_learning_targets(store));
  inputs->rows_ = std::move(rows);
  inputs->directory_ = std::move(directory);
  return std::shared_ptr<const LearningInputs>(std::move(inputs));
}

core::Result<core::LearningStats> LearningInputs::stats(const core::LearningStatsQuery& query) const {
  return core::compute_learning_stats(directory_->tree(), activities_, frameworks_, facts_, query);
}

core::Result<std::vector<core::ParticipantListRow>> LearningInputs::participant_list(
    core::Date from, core::Date to, const std::optional<std::string>& unit) const {
  return core::participant_list(directory_->people(), directory_->tree(), activities_, rows_, from, to, unit);
}

core::RecommendationList LearningInputs::recommend(std::uint32_t person, const core::Assessment* assessment,
                                                   const core::Framework& framework, core::Date on,
                                                   std::optional<double> budget_hours) const {
  const auto by_person = [](const core::LearningFacts::Row& row, std::uint32_t wanted) { return row.person < wanted; };
  auto row = std::lower_bound(facts_.rows.begin(), facts_.rows.end(), person, by_person);
  std::vector<core::Participation> own;
  for (; row != facts_.rows.end() && row->person == person; ++row) {
    core::Participation participation;
    participation.employee_id = directory_->people()[person].employee_id;
    participation.activity = activities_[row->activity].code;
    participation.status = row->status;
    own.push_back(std::move(participation));
  }
  return core::recommend(directory_->people()[person], assessment, framework, activities_, places_, own, on,
                         budget_hours);
}

}  // namespace trappa::app
