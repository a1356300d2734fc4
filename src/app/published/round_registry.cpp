#include "app/published/round_registry.hpp"
#include "store/assessment/round_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/org/organisation_store.hpp"

#include <algorithm>

namespace trappa::app {

RoundRegistry::RoundRegistry(std::shared_ptr<const Directory> directory)
    : directory_(std::move(directory)), rounds_(std::make_shared<const RoundList>()) {}

std::uint64_t RoundRegistry::next_version() {
  static std::atomic<std::uint64_t> versions{0};
  return ++versions;
}

std::shared_ptr<const RoundView> RoundRegistry::build_view(const core::Round& round, const core::Framework& framework,
                                                           const core::RoundFacts& facts) const {
  auto view = std::make_shared<RoundView>();
  view->round = round;
  view->version = next_version();
  view->snapshot = core::GapSnapshot::build(round, framework, directory_->organisation().tree, directory_->people(), facts);
  view->position.assign(directory_->people().size(), -1);
  const auto source = view->snapshot->source_person();
  for (std::size_t p = 0; p < source.size(); ++p) view->position[source[p]] = static_cast<std::int32_t>(p);
  return view;
}

core::Result<std::shared_ptr<const RoundView>> RoundRegistry::load_view(store::Store& store, const core::Round& round) {
  auto framework = store.frameworks().load_framework(round.framework_id, round.framework_revision);
  if (!framework) return std::unexpected(framework.error());
  if (!*framework) {
    return core::fail(core::ErrorKind::kNotFound, "the framework '" + round.framework_id + "' of round '" + round.name +
                                                      "' is missing from the store");
  }
  auto facts = store.rounds().load_round_facts(round.name, directory_->organisation().employee_ids, (*framework)->framework);
  if (!facts) return std::unexpected(facts.error());
  auto view = build_view(round, (*framework)->framework, *facts);
  numberings_.insert_or_assign(round.name, core::FrameworkNumbering((*framework)->framework));
  return view;
}

core::Result<void> RoundRegistry::load_all(store::Store& store) {
  std::lock_guard lock(writer_mutex_);
  auto rounds = store.rounds().list_rounds();
  if (!rounds) return std::unexpected(rounds.error());
  auto list = std::make_shared<RoundList>();
  for (const core::Round& round : *rounds) {
    auto view = load_view(store, round);
    if (!view) return std::unexpected(view.error());
    list->push_back(std::move(*view));
  }
  rounds_.store(std::move(list));
  return {};
}

void RoundRegistry::publish(std::shared_ptr<const RoundView> view) {
  auto current = rounds_.load();
  auto list = std::make_shared<RoundList>(*current);
  auto existing = std::find_if(list->begin(), list->end(),
                               [&](const auto& entry) { return entry->round.name == view->round.name; });
  if (existing != list->end()) {
    *existing = std::move(view);
  } else {
    list->push_back(std::move(view));
  }
  rounds_.store(std::move(list));
}

core::Result<void> RoundRegistry::reload(store::Store& store, const std::string& name) {
  std::lock_guard lock(writer_mutex_);
  auto round = store.rounds().load_round(name);
  if (!round) return std::unexpected(round.error());
  if (!*round) return core::fail(core::ErrorKind::kNotFound, "no round named '" + name + "'");
  auto view = load_view(store, **round);
  if (!view) return std::unexpected(view.error());
  publish(std::move(*view));
  return {};
}

std::shared_ptr<const RoundView> RoundRegistry::find(const std::string& name) const {
  auto list = rounds_.load();
  for (const auto& view : *list) {
    if (view->round.name == name) return view;
  }
  return nullptr;
}

std::shared_ptr<const RoundView> RoundRegistry::current_open_round(std::optional<std::uint32_t> person) const {
  auto list = rounds_.load();
  std::shared_ptr<const RoundView> newest_open;
  for (auto it = list->rbegin(); it != list->rend(); ++it) {
    if ((*it)->round.state != core::RoundState::kOpen) continue;
    if (!person || (*it)->includes(*person)) return *it;
    if (!newest_open) newest_open = *it;
  }
  return newest_open;
}

std::vector<std::shared_ptr<const RoundView>> RoundRegistry::open_rounds_including(std::uint32_t person) const {
  auto list = rounds_.load();
  std::vector<std::shared_ptr<const RoundView>> open;
  for (const auto& view : *list) {
    if (view->round.state == core::RoundState::kOpen && view->includes(person)) open.push_back(view);
  }
  return open;
}

std::shared_ptr<const RoundView> RoundRegistry::previous_round(const std::string& round) const {
  auto list = rounds_.load();
  for (std::size_t i = 0; i < list->size(); ++i) {
    if ((*list)[i]->round.name != round) continue;
    for (std::size_t j = i; j-- > 0;) {
      if ((*list)[j]->round.framework_id == (*list)[i]->round.framework_id) return (*list)[j];
    }
    return nullptr;
  }
  return nullptr;
}

void RoundRegistry::record_assessment(const core::Assessment& assessment) {
  std::lock_guard lock(writer_mutex_);
  auto found = numberings_.find(assessment.round);
  auto view = find(assessment.round);
  auto person = directory_->index_of(assessment.employee_id);
  if (found == numberings_.end() || !view || !person || !view->includes(*person)) return;
  core::RoundFacts saved;
  core::add_assessment_facts(saved, *person, assessment, found->second);
  // A save changes no one's place in the round, so the position index stays as it is.
  auto next = std::make_shared<RoundView>(*view);
  next->version = next_version();
  next->snapshot = view->snapshot->with_person_replaced(*person, saved);
  publish(std::move(next));
}

}  // namespace trappa::web
