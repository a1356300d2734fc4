#include "app/serving/services.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>
#include <utility>

#include "app/published/change_watcher.hpp"
#include "app/published/snapshot_loader.hpp"
#include "app/published/store_pool.hpp"
#include "store/change_feed.hpp"
#include "store/store.hpp"

namespace trappa::app {

Services::Services() = default;
Services::~Services() { stop_following(); }

core::Result<std::unique_ptr<Services>> Services::open(store::Store& store, const ServicesOptions& options) {
  std::unique_ptr<Services> services(new Services());
  const core::Clock& clock = *options.clock;
  services->database_ = options.database;
  services->clock_ = &clock;
  // The feed's position before anything is read: a change committed while the state loads
  // is applied again afterwards, which is harmless (every refresh re-reads what it refreshes).
  ASSIGN_OR_RETURN(services->feed_position_, store.changes().latest_change());
  ASSIGN_OR_RETURN(services->pool_, StorePool::open(options.database, options.store_connections));
  ASSIGN_OR_RETURN(auto published, services->load_published(store));
  services->published_.store(std::move(published));
  StorePool& pool = *services->pool_;
  services->disclosures = std::make_unique<DisclosureCache>(options.min_group, clock);
  services->frameworks = std::make_unique<FrameworkCatalogue>(pool);
  services->personal_data = std::make_unique<PersonalData>(pool, clock);
  services->accounts = std::make_unique<Accounts>(pool);
  services->session_records = std::make_unique<SessionRecords>(pool);
  services->access_log = std::make_unique<AccessLog>(pool, clock);
  services->account_failures = std::make_unique<StoredThrottleCounters>(pool, "account");
  services->address_failures = std::make_unique<StoredThrottleCounters>(pool, "address");
  services->reminders = std::make_unique<Reminders>(pool, options.smtp, options.reminder_policy, clock);
  services->learning = std::make_unique<LearningAdministration>(pool);
  services->registrations = std::make_unique<Registrations>(pool, clock);
  services->xapi = std::make_unique<XapiStatements>(pool, clock);
  services->imports = std::make_unique<WebImports>(pool, clock);
  ASSIGN_OR_RETURN(services->sign_in_form_key, services->accounts->sign_in_form_key());
  return services;
}

core::Result<std::shared_ptr<const Published>> Services::load_published(store::Store& store) {
  auto published = std::make_shared<Published>();
  ASSIGN_OR_RETURN(auto organisation, load_organisation(store));
  published->directory = std::make_shared<const Directory>(std::move(organisation));
  published->rounds = std::make_shared<RoundRegistry>(published->directory);
  TRY(published->rounds->load_all(store));
  ASSIGN_OR_RETURN(published->key_figures, KeyFigureInputs::load(store, published->directory));
  ASSIGN_OR_RETURN(published->learning, LearningInputs::load(store, published->directory));
  published->assessments = std::make_shared<AssessmentService>(*pool_, *published->rounds);
  published->round_administration = std::make_shared<RoundAdministration>(*pool_, *published->rounds);
  published->plans = std::make_shared<DevelopmentPlans>(*pool_, *published->assessments, *clock_);
  return std::shared_ptr<const Published>(std::move(published));
}

core::Result<void> Services::follow_changes(std::chrono::milliseconds poll_interval, Listeners listeners) {
  listeners_ = std::move(listeners);
  ASSIGN_OR_RETURN(watcher_, ChangeWatcher::start(database_, feed_position_, poll_interval,
                                                  [this](store::Store& store, const std::vector<store::Change>& changes) {
                                                    return apply_changes(store, changes);
                                                  }));
  return {};
}

void Services::stop_following() { watcher_.reset(); }

core::Result<void> Services::apply_changes(store::Store& store, const std::vector<store::Change>& changes) {
  const std::shared_ptr<const Published> current = published_.load();
  for (const store::Change& change : changes) {
    if (change.kind == store::ChangeKind::kAccounts && listeners_.account_changed) listeners_.account_changed(change.subject);
  }
  const bool organisation_changed = std::any_of(changes.begin(), changes.end(), [](const store::Change& change) {
    return change.kind == store::ChangeKind::kOrganisation || change.kind == store::ChangeKind::kEmployments;
  });
  if (organisation_changed) {
    // New people or history: build the whole published state beside the current one, which
    // serves until the new one replaces it. It reads everything committed so far, so the
    // rest of the batch is in it.
    const auto started = std::chrono::steady_clock::now();
    ASSIGN_OR_RETURN(auto next, load_published(store));
    published_.store(next);
    if (listeners_.republished) listeners_.republished(next);
    spdlog::info("change feed: the organisation changed (change {}); {} people published again in {} ms",
                 changes.back().id, next->directory->people().size(),
                 std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
    return {};
  }
  if (std::any_of(changes.begin(), changes.end(),
                  [](const store::Change& change) {
                    return change.kind == store::ChangeKind::kLearning || change.kind == store::ChangeKind::kSettings;
                  })) {
    // The catalogue, participation or the targets changed: a copy of the published state with the
    // learning inputs read again (the rest is shared).
    auto next = std::make_shared<Published>(*current);
    ASSIGN_OR_RETURN(next->learning, LearningInputs::load(store, current->directory));
    published_.store(next);
    if (listeners_.republished) listeners_.republished(next);
    spdlog::info("change feed: learning activities, participation or targets changed (change {})", changes.back().id);
  }
  std::set<std::string> reloaded;  // rounds re-read whole in this batch
  for (const store::Change& change : changes) {
    if (change.kind == store::ChangeKind::kRound || change.kind == store::ChangeKind::kAssessments) {
      if (!reloaded.insert(change.round).second) continue;
      if (auto read = current->rounds->reload(store, change.round);
          !read && read.error().kind != core::ErrorKind::kNotFound) {
        return read;
      }
      spdlog::info("change feed: round {} published again (change {})", change.round, change.id);
    }
  }
  for (const store::Change& change : changes) {
    if (change.kind == store::ChangeKind::kAssessment && !reloaded.contains(change.round)) {
      TRY(current->assessments->refresh(store, change.round, change.subject));
    }
  }
  return {};
}

}  // namespace trappa::app
