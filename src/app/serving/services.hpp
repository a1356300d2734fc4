// Everything a serving process (trappa serve) hands its request threads from the app layer,
// opened once at start-up: the published state (the directory of the organisation, the
// round registry with its snapshots, the key figures' inputs, the small-group decisions) and
// the use cases the adapters call. The store connections behind the use cases are owned
// here and handed to nobody: an adapter reaches the store only through a use case.
//
// Every member is thread-safe (see its header) and lives as long as the Services.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "app/accounts/access_log.hpp"
#include "app/accounts/accounts.hpp"
#include "app/accounts/session_records.hpp"
#include "app/assessment/assessment_service.hpp"
#include "app/frameworks/framework_catalogue.hpp"
#include "app/people/personal_data.hpp"
#include "app/published/directory.hpp"
#include "app/published/disclosure_cache.hpp"
#include "app/published/key_figure_inputs.hpp"
#include "app/published/round_registry.hpp"
#include "app/rounds/round_administration.hpp"
#include "core/base/clock.hpp"
#include "core/base/result.hpp"

namespace trappa::store {
class Store;
}

namespace trappa::app {

class StorePool;

struct ServicesOptions {
  std::string database;               // the store's location, for the connection pool
  std::size_t store_connections = 4;  // at least 1
  std::size_t min_group = 5;          // K of the small-group rule (docs/analytics.md)
  // Wall time for sessions, audit stamps and "today"; must outlive the Services.
  const core::Clock* clock = &core::system_clock();
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
  ~Services();
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  // Published state.
  std::shared_ptr<const Directory> directory;       // immutable while serving
  std::unique_ptr<RoundRegistry> rounds;            // the rounds and their snapshots
  std::unique_ptr<DisclosureCache> disclosures;     // small-group decisions per round snapshot
  std::shared_ptr<const KeyFigureInputs> key_figures;  // people, employments and units in memory

  // Use cases.
  std::unique_ptr<AssessmentService> assessments;   // every assessment read for editing and save
  std::unique_ptr<FrameworkCatalogue> frameworks;   // Ramverk, and a new round's framework choice
  std::unique_ptr<RoundAdministration> round_administration;  // Omgångar: create, open, close
  std::unique_ptr<PersonalData> personal_data;      // Personuppgifter: history and export
  std::unique_ptr<Accounts> accounts;               // Mitt konto, sign-in
  std::unique_ptr<SessionRecords> session_records;  // the stored sessions
  std::unique_ptr<AccessLog> access_log;            // sign-in events the store does not audit

 private:
  Services();
};

}  // namespace trappa::app
