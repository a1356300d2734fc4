#include "app/demo/demo_loader.hpp"

#include <fmt/format.h>

#include "demo/history.hpp"
#include "demo/organisation.hpp"
#include "core/base/date.hpp"
#include "demo/rounds.hpp"
#include "core/assessment/round_facts.hpp"
#include "io/json/framework_json.hpp"

namespace trappa::app {

namespace {

// The demo rounds, written in chunks so national-scale demos never hold every assessment
// in memory at once. Returns the number of assessments written.
core::Result<std::size_t> add_demo_rounds(store::Store& store, const core::Framework& framework,
                                          const std::vector<core::Person>& people,
                                          const std::vector<core::Employment>& employments, const DemoOptions& options,
                                          const store::Actor& actor) {
  constexpr std::size_t kChunk = 50000;
  auto stored = store.load_framework(framework.id);
  if (!stored) return std::unexpected(stored.error());
  const int revision = *stored ? (*stored)->revision : 1;
  std::size_t written = 0;
  const auto& specs = demo::demo_round_specs();
  for (std::size_t r = 0; r < specs.size(); ++r) {
    const demo::DemoRoundSpec& spec = specs[r];
    const core::Round round{spec.name, framework.id, revision, "", spec.opens, spec.closes, core::RoundState::kDraft};
    if (auto created = store.create_round(round, actor); !created) return std::unexpected(created.error());
    if (auto opened = store.set_round_state(spec.name, core::RoundState::kOpen, actor); !opened) {
      return std::unexpected(opened.error());
    }
    const std::vector<bool> in_round = core::takes_part_on(people, employments, *core::parse_iso_date(spec.opens));
    for (std::size_t begin = 0; begin < people.size(); begin += kChunk) {
      const auto assessments = demo::build_demo_assessments(framework, people, in_round, begin,
                                                            std::min(people.size(), begin + kChunk), r, options.seed);
      if (auto saved = store.save_assessments(spec.name, assessments, actor); !saved) {
        return std::unexpected(saved.error());
      }
      written += assessments.size();
    }
    options.progress(fmt::format("round {} written", spec.name));
    if (spec.state == core::RoundState::kClosed) {
      if (auto closed = store.set_round_state(spec.name, core::RoundState::kClosed, actor); !closed) {
        return std::unexpected(closed.error());
      }
    }
  }
  return written;
}

}  // namespace

core::Result<DemoSummary> load_demo(store::Store& store, const DemoOptions& given) {
  DemoOptions options = given;
  if (!options.progress) options.progress = [](const std::string&) {};
  auto existing = store.load_people();
  if (!existing) return std::unexpected(existing.error());
  if (!existing->empty()) {
    return core::fail(core::ErrorKind::kConflict,
                      fmt::format("the store already holds {} people; the demo needs an empty store (use another --db)",
                                  existing->size()));
  }
  auto framework = io::read_framework_file(options.framework_file);
  if (!framework) return std::unexpected(framework.error());

  const store::Actor actor{"demo"};
  demo::DemoOrganisation organisation = options.scale == 0
                                            ? demo::build_demo_organisation(options.seed)
                                            : demo::build_synthetic_organisation(options.scale, options.seed);
  // Adds the people who appear only in the history (former staff) before people are saved.
  const std::vector<core::Employment> employments = demo::add_employment_history(organisation, options.seed);
  options.progress(fmt::format("organisation and history built: {} people", organisation.people.size()));
  if (auto saved = store.save_framework(*framework, actor); !saved) return std::unexpected(saved.error());
  if (auto saved = store.save_units(organisation.units, actor); !saved) return std::unexpected(saved.error());
  if (auto saved = store.save_people(organisation.people, actor); !saved) return std::unexpected(saved.error());
  options.progress("units and people written");
  if (auto saved = store.save_employments(employments, actor); !saved) return std::unexpected(saved.error());
  options.progress("employment history written");
  auto rounds = add_demo_rounds(store, *framework, organisation.people, employments, options, actor);
  if (!rounds) return std::unexpected(rounds.error());
  return DemoSummary{organisation.units.size(), organisation.people.size(), employments.size(), framework->id, *rounds};
}

}  // namespace trappa::cli
