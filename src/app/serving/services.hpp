// Everything a serving process (trappa serve) hands its request threads from the app layer:
// the published state (the directory of the organisation, the round registry with its
// snapshots, the key figures' inputs, and the use cases bound to them) and the use cases
// that do not depend on it. The store connections behind the use cases are owned here and
// handed to nobody: an adapter reaches the store only through a use case.
//
// The published state follows the store's change feed (follow_changes): an assessment save
// or a round change made elsewhere refreshes that part in place; new people or employments
// build a whole new Published beside the current one, which serves until the new one
// replaces it (docs/operations.md, "Several nodes"). Every member is thread-safe (see its
// header) and lives as long as the Services; a Published lives as long as someone holds it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/access_log.hpp"
#include "app/accounts/accounts.hpp"
#include "app/accounts/session_records.hpp"
#include "app/accounts/stored_throttle_counters.hpp"
#include "app/assessment/assessment_service.hpp"
#include "app/frameworks/framework_catalogue.hpp"
#include "app/imports/web_imports.hpp"
#include "app/learning/attendance_use_case.hpp"
#include "app/learning/development_plans.hpp"
#include "app/learning/learning_inputs.hpp"
#include "app/learning/registration_use_case.hpp"
#include "app/learning/xapi_service.hpp"
#include "app/people/personal_data.hpp"
#include "app/published/directory.hpp"
#include "app/published/disclosure_cache.hpp"
#include "app/published/key_figure_inputs.hpp"
#include "app/published/round_registry.hpp"
#include "app/reminders/reminders.hpp"
#include "app/rounds/round_administration.hpp"
#include "core/base/clock.hpp"
#include "core/base/result.hpp"

namespace trappa::store {
class Store;
struct Change;
}  // namespace trappa::store

namespace trappa::app {

class StorePool;
class ChangeWatcher;

struct ServicesOptions {
  std::string database;               // the store's location, for the connection pool
  std::size_t store_connections = 4;  // at least 1
  std::size_t min_group = 5;          // K of the small-group rule (docs/analytics.md)
  // Wall time for sessions, audit stamps and "today"; must outlive the Services.
  const core::Clock* clock = &core::system_clock();
  // Reminder e-mails (app/reminders): the SMTP server, none when not configured, and the
  // per-round limit.
  std::optional<SmtpSettings> smtp;
  core::ReminderPolicy reminder_policy{};
};

// One published state of the organisation. Its directory, key-figure inputs and learning
// inputs never change (a `learning` change publishes a copy with new learning inputs); its
// rounds are refreshed in place when assessments or rounds change.
struct Published {
  std::shared_ptr<const Directory> directory;
  std::shared_ptr<RoundRegistry> rounds;                    // the rounds and their snapshots
  std::shared_ptr<const KeyFigureInputs> key_figures;       // people, employments and units in memory
  std::shared_ptr<AssessmentService> assessments;           // every assessment read for editing and save
  std::shared_ptr<RoundAdministration> round_administration;  // Omgångar: create, open, close
  std::shared_ptr<const LearningInputs> learning;           // catalogue and participation rows
  std::shared_ptr<DevelopmentPlans> plans;                  // Min utvecklingsplan and the manager's side
};

class Services {
 private:
  // Declared first so that it goes last: every use case below borrows from it.
  std::unique_ptr<StorePool> pool_;

 public:
  // Loads the organisation, every round and the key figures' inputs from `store` (migrated),
  // then opens `options.store_connections` connections to `options.database` for the use
  // cases. `store` is not kept.
  [[nodiscard]] static core::Result<std::unique_ptr<Services>> open(store::Store& store,
                                                                    const ServicesOptions& options);
  ~Services();  // stops following the change feed first
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  // The current published state; hold the pointer for the whole of a request.
  [[nodiscard]] std::shared_ptr<const Published> published() const { return published_.load(); }

  // Starts following the change feed from the position read before the state was loaded, on
  // a thread of its own with its own connection (app/published/change_watcher.hpp), waiting
  // at most `poll_interval` between reads. The listeners are called on that thread. Call at
  // most once.
  struct Listeners {
    // After a new Published has replaced the old one.
    std::function<void(std::shared_ptr<const Published>)> republished;
    // After the account of an employee id changed (what a node caches of it is stale).
    std::function<void(const std::string& employee_id)> account_changed;
  };
  [[nodiscard]] core::Result<void> follow_changes(std::chrono::milliseconds poll_interval, Listeners listeners);
  void stop_following();

  // Use cases that do not depend on the published state.
  std::unique_ptr<DisclosureCache> disclosures;     // small-group decisions per round snapshot
  std::unique_ptr<FrameworkCatalogue> frameworks;   // Ramverk, and a new round's framework choice
  std::unique_ptr<PersonalData> personal_data;      // Personuppgifter: history and export
  std::unique_ptr<Accounts> accounts;               // Mitt konto, sign-in
  std::unique_ptr<SessionRecords> session_records;  // the stored sessions
  std::unique_ptr<AccessLog> access_log;            // sign-in events the store does not audit
  std::unique_ptr<StoredThrottleCounters> account_failures;  // failed sign-ins per account name
  std::unique_ptr<StoredThrottleCounters> address_failures;  // failed sign-ins per client address
  std::unique_ptr<Reminders> reminders;                      // reminder e-mails to who has not started
  std::unique_ptr<LearningAdministration> learning;          // Läraktiviteter: attendance, activities, targets
  std::unique_ptr<Registrations> registrations;              // registering for learning activities in the web
  std::unique_ptr<XapiStatements> xapi;                      // xAPI statements from the learning platform
  std::unique_ptr<WebImports> imports;                       // Importera: uploads, previews, imports
  std::optional<SignedTokenKey> sign_in_form_key;            // the same on every node of the store

 private:
  Services();
  // A new published state read from `store`.
  [[nodiscard]] core::Result<std::shared_ptr<const Published>> load_published(store::Store& store);
  // Refreshes what is published after `changes` (the watcher's thread, with its store).
  [[nodiscard]] core::Result<void> apply_changes(store::Store& store, const std::vector<store::Change>& changes);

  std::string database_;
  const core::Clock* clock_ = &core::system_clock();
  long long feed_position_ = 0;  // the change feed's position when the state was first read
  std::atomic<std::shared_ptr<const Published>> published_;
  Listeners listeners_;
  std::unique_ptr<ChangeWatcher> watcher_;  // last, so that it stops before the rest goes
};

}  // namespace trappa::app
