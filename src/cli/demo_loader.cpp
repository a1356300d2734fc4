#include "cli/demo_loader.hpp"

#include <fmt/format.h>

#include "cli/command_context.hpp"
#include "core/demo_org.hpp"
#include "io/framework_json.hpp"

namespace trappa::cli {

core::Result<DemoSummary> load_demo(store::Store& store, const DemoOptions& options) {
  auto existing = store.load_people();
  if (!existing) return std::unexpected(existing.error());
  if (!existing->empty()) {
    return core::fail(core::ErrorKind::kConflict,
                      fmt::format("the store already holds {} people; the demo needs an empty store (use another --db)",
                                  existing->size()));
  }
  auto framework = io::read_framework_file(data_directory() / "frameworks" / "digital-kompetens.json");
  if (!framework) return std::unexpected(framework.error());

  const store::Actor actor{"demo"};
  const core::DemoOrganisation organisation = options.scale == 0
                                                  ? core::build_demo_organisation(options.seed)
                                                  : core::build_synthetic_organisation(options.scale, options.seed);
  if (auto saved = store.save_framework(*framework, actor); !saved) return std::unexpected(saved.error());
  if (auto saved = store.save_units(organisation.units, actor); !saved) return std::unexpected(saved.error());
  if (auto saved = store.save_people(organisation.people, actor); !saved) return std::unexpected(saved.error());
  return DemoSummary{organisation.units.size(), organisation.people.size(), framework->id};
}

}  // namespace trappa::cli
