#include "app/serving/services.hpp"

#include <utility>

#include "app/published/snapshot_loader.hpp"
#include "app/published/store_pool.hpp"
#include "store/store.hpp"

namespace trappa::app {

Services::Services() = default;
Services::~Services() = default;

core::Result<std::unique_ptr<Services>> Services::open(store::Store& store, const ServicesOptions& options) {
  std::unique_ptr<Services> services(new Services());
  const core::Clock& clock = *options.clock;
  ASSIGN_OR_RETURN(auto organisation, load_organisation(store));
  services->directory = std::make_shared<const Directory>(std::move(organisation));
  services->rounds = std::make_unique<RoundRegistry>(services->directory);
  services->disclosures = std::make_unique<DisclosureCache>(options.min_group, clock);
  TRY(services->rounds->load_all(store));
  ASSIGN_OR_RETURN(services->key_figures, KeyFigureInputs::load(store, services->directory));

  ASSIGN_OR_RETURN(services->pool_, StorePool::open(options.database, options.store_connections));
  StorePool& pool = *services->pool_;
  services->assessments = std::make_unique<AssessmentService>(pool, *services->rounds);
  services->frameworks = std::make_unique<FrameworkCatalogue>(pool);
  services->round_administration = std::make_unique<RoundAdministration>(pool, *services->rounds);
  services->personal_data = std::make_unique<PersonalData>(pool, clock);
  services->accounts = std::make_unique<Accounts>(pool);
  services->session_records = std::make_unique<SessionRecords>(pool);
  services->access_log = std::make_unique<AccessLog>(pool, clock);
  return services;
}

}  // namespace trappa::app
