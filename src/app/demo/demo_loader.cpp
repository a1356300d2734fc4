#include "app/demo/demo_loader.hpp"

#include <cstdio>
#include <map>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "core/assessment/round_facts.hpp"
#include "core/base/date.hpp"
#include "demo/history.hpp"
#include "demo/learning.hpp"
#include "demo/maturity.hpp"
#include "demo/plans.hpp"
#include "demo/organisation.hpp"
#include "demo/rounds.hpp"
#include "app/supply_plan/supply_plan_use_case.hpp"
#include "io/json/framework_json.hpp"
#include "io/json/supply_plan_json.hpp"
#include "store/assessment/round_store.hpp"
#include "store/audit/audit_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/learning/learning_store.hpp"
#include "store/maturity/maturity_store.hpp"
#include "store/org/organisation_store.hpp"
#include "store/settings/settings_store.hpp"
#include "store/workforce/employment_store.hpp"

namespace trappa::app {

namespace {

constexpr std::string_view kDemoSubject = "demo";
constexpr std::string_view kDemoStarted = "demo.start";
constexpr std::string_view kDemoCompleted = "demo.complete";

// The demo rounds, written in chunks so national-scale demos never hold every assessment
// in memory at once. Returns the number of assessments written.
core::Result<std::size_t> add_demo_rounds(store::Store& store, const core::Framework& framework,
                                          const std::vector<core::Person>& people,
                                          const std::vector<core::Employment>& employments, const DemoOptions& options,
                                          const store::Actor& actor) {
  constexpr std::size_t kChunk = 50000;
  ASSIGN_OR_RETURN(auto stored, store.frameworks().load_framework(framework.id));
  const int revision = stored ? stored->revision : 1;
  std::size_t written = 0;
  const auto& specs = demo::demo_round_specs();
  for (std::size_t r = 0; r < specs.size(); ++r) {
    const demo::DemoRoundSpec& spec = specs[r];
    // Resuming an interrupted demo, the round may be there already: closed when all of it
    // was written, else open with some of its chunks (each chunk is one transaction).
    ASSIGN_OR_RETURN(auto existing, store.rounds().load_round(spec.name));
    const std::vector<bool> in_round = core::takes_part_on(people, employments, *core::parse_iso_date(spec.opens));
    if (existing && existing->state == core::RoundState::kClosed) {
      for (std::size_t begin = 0; begin < people.size(); begin += kChunk) {
        written += demo::build_demo_assessments(framework, people, in_round, begin,
                                                std::min(people.size(), begin + kChunk), r, options.seed)
                       .size();
      }
      options.progress(fmt::format("round {} was written before", spec.name));
      continue;
    }
    if (!existing) {
      const core::Round round{spec.name, framework.id, revision, "", spec.opens, spec.closes, core::RoundState::kDraft};
      TRY(store.rounds().create_round(round, actor));
    }
    if (!existing || existing->state != core::RoundState::kOpen) {
      if (auto opened = store.rounds().set_round_state(spec.name, core::RoundState::kOpen, actor); !opened) {
        return std::unexpected(opened.error());
      }
    }
    for (std::size_t begin = 0; begin < people.size(); begin += kChunk) {
      const auto assessments = demo::build_demo_assessments(framework, people, in_round, begin,
                                                            std::min(people.size(), begin + kChunk), r, options.seed);
      written += assessments.size();
      if (assessments.empty()) continue;
      if (existing) {
        // A chunk is all there or not at all: its first assessment tells which.
        ASSIGN_OR_RETURN(auto first, store.rounds().load_assessment(spec.name, assessments.front().employee_id));
        if (first) continue;
      }
      if (auto saved = store.rounds().save_assessments(spec.name, assessments, actor); !saved) {
        return std::unexpected(saved.error());
      }
    }
    options.progress(fmt::format("round {} written", spec.name));
    if (spec.state == core::RoundState::kClosed) {
      if (auto closed = store.rounds().set_round_state(spec.name, core::RoundState::kClosed, actor); !closed) {
        return std::unexpected(closed.error());
      }
    }
  }
  return written;
}

// The culture administration's learning activities and participation (demo/learning.hpp),
// each written in one transaction: a catalogue that is there is not written again, and
// participation rows that are there mean it all is.
core::Result<void> add_demo_learning(store::Store& store, const core::Framework& framework,
                                     const std::vector<core::Person>& people,
                                     const std::vector<core::Employment>& employments, const DemoOptions& options,
                                     const store::Actor& actor) {
  ASSIGN_OR_RETURN(auto stored_activities, store.learning().load_activities());
  const std::vector<core::LearningActivity> catalogue = demo::build_demo_catalogue(framework);
  if (stored_activities.empty()) TRY(store.learning().save_activities(catalogue, actor));
  ASSIGN_OR_RETURN(auto stored_rows, store.learning().load_participation());
  ASSIGN_OR_RETURN(auto stored_plans, store.learning().load_plans(demo::demo_round_specs()[0].name));
  if (stored_rows.empty() || stored_plans.empty()) {
    std::vector<core::Assessment> rounds[2];
    for (std::size_t r = 0; r < 2; ++r) {
      const demo::DemoRoundSpec& spec = demo::demo_round_specs()[r];
      const std::vector<bool> in_round = core::takes_part_on(people, employments, *core::parse_iso_date(spec.opens));
      rounds[r] = demo::build_demo_assessments(framework, people, in_round, 0, people.size(), r, options.seed);
    }
    if (stored_rows.empty()) {
      stored_rows = demo::build_demo_participation(people, employments, catalogue, framework, rounds[0], rounds[1],
                                                   options.seed);
      TRY(store.learning().save_participation(stored_rows, actor));
    }
    // Development plans of round 2025, agreed by the managers (demo/plans.hpp): written once,
    // after the rows they choose activities from.
    if (stored_plans.empty()) {
      TRY(store.learning().save_plans(
          demo::build_demo_plans(people, framework, rounds[0], catalogue, stored_rows, options.seed),
          store::PlanWrite::kContent, actor));
    }
  }
  // The project's goals (seed 001): 1 098 participants, 18 hours each — kept as the
  // organisation's learning targets (app/learning/learning_settings.hpp) unless set already.
  ASSIGN_OR_RETURN(auto settings, store.settings().load_settings());
  std::map<std::string, std::optional<std::string>> targets;
  if (!settings.contains("learning.target_participants")) targets.emplace("learning.target_participants", "1098");
  if (!settings.contains("learning.target_hours_per_participant")) {
    targets.emplace("learning.target_hours_per_participant", "18");
  }
  if (!targets.empty()) TRY(store.settings().save_settings(targets, actor));
  options.progress("learning activities and participation written");
  return {};
}

// The administration's DiMiOS measurements and indicator series (demo/maturity.hpp), each
// written once: measurements or series that are there are not written again.
core::Result<void> add_demo_maturity(store::Store& store, const DemoOptions& options, const store::Actor& actor) {
  ASSIGN_OR_RETURN(auto measurements, store.maturity().load_measurements());
  if (measurements.empty()) TRY(store.maturity().save_measurements(demo::build_demo_maturity(), actor));
  ASSIGN_OR_RETURN(auto series, store.maturity().load_series());
  if (series.empty()) TRY(store.maturity().save_series(demo::build_demo_indicator_series(), actor));
  options.progress("maturity measurements and indicator series written");
  return {};
}

// The culture administration's competence supply plans (data/demo, issue 19), the predecessor
// first so that the plan can name it; each saved once, its bindings checked against the demo's
// rounds, key figures and learning like any imported plan.
core::Result<void> add_demo_supply_plans(store::Store& store, const DemoOptions& options, const store::Actor& actor) {
  if (options.supply_plans_directory.empty()) return {};
  for (const char* file : {"supply-plan-kf-2024-2026.json", "supply-plan-kf-2025-2027.json"}) {
    ASSIGN_OR_RETURN(auto plan, io::read_supply_plan_file(options.supply_plans_directory / file));
    auto stored = load_supply_plan(store, plan.id);
    if (stored) continue;
    if (stored.error().kind != core::ErrorKind::kNotFound) return std::unexpected(stored.error());
    TRY(save_supply_plan(store, plan, "supply_plan.import", actor, file));
  }
  options.progress("competence supply plans written");
  return {};
}

}  // namespace

core::Result<std::optional<InterruptedDemo>> find_interrupted_demo(store::Store& store) {
  ASSIGN_OR_RETURN(auto entries, store.audit().load_audit(std::string(kDemoSubject)));
  std::optional<InterruptedDemo> interrupted;
  for (const store::AuditEntry& entry : entries) {
    if (entry.action == kDemoCompleted) interrupted.reset();
    if (entry.action != kDemoStarted) continue;
    InterruptedDemo demo;
    unsigned long long scale = 0, seed = 0;
    if (std::sscanf(entry.detail.c_str(), "scale %llu, seed %llu", &scale, &seed) != 2) {
      return core::fail(core::ErrorKind::kInternal,
                        fmt::format("the audit trail's demo.start entry '{}' cannot be read", entry.detail));
    }
    demo.scale = static_cast<std::size_t>(scale);
    demo.seed = static_cast<std::uint64_t>(seed);
    interrupted = demo;
  }
  return interrupted;
}

core::Result<DemoSummary> load_demo(store::Store& store, const DemoOptions& given) {
  DemoOptions options = given;
  if (!options.progress) options.progress = [](const std::string&) {};
  ASSIGN_OR_RETURN(auto interrupted, find_interrupted_demo(store));
  const store::Actor actor{.name = "demo", .itemise_created = false};
  bool people_written = false;
  bool employments_written = false;
  if (interrupted) {
    options.scale = interrupted->scale;
    options.seed = interrupted->seed;
    options.progress(fmt::format("this store holds a demo that was interrupted before it finished ({}, seed {}); "
                                 "finishing it",
                                 options.scale == 0 ? std::string("the culture administration")
                                                    : fmt::format("scale {}", options.scale),
                                 options.seed));
    ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
    people_written = !people.empty();
    ASSIGN_OR_RETURN(auto employments, store.employments().load_employments());
    employments_written = !employments.empty();
  } else {
    ASSIGN_OR_RETURN(auto existing, store.organisation().load_people());
    if (!existing.empty()) {
      return core::fail(
          core::ErrorKind::kConflict,
          fmt::format("the store already holds {} people; the demo needs an empty store (use another --db)",
                      existing.size()));
    }
  }
  ASSIGN_OR_RETURN(auto framework, io::read_framework_file(options.framework_file));

  demo::DemoOrganisation organisation = options.scale == 0
                                            ? demo::build_demo_organisation(options.seed)
                                            : demo::build_synthetic_organisation(options.scale, options.seed);
  // Adds the people who appear only in the history (former staff) before people are saved.
  const std::vector<core::Employment> employments = demo::add_employment_history(organisation, options.seed);
  options.progress(fmt::format("organisation and history built: {} people", organisation.people.size()));
  if (!interrupted) {
    // Written before anything else: until "demo.complete" follows, the store is known to
    // hold an unfinished demo, which the next `trappa demo` finishes.
    const store::AuditEntry started{store::utc_timestamp_now(), actor.name, std::string(kDemoStarted),
                                    std::string(kDemoSubject),
                                    fmt::format("scale {}, seed {}", options.scale, options.seed)};
    TRY(store.audit().append_audit(started));
  }
  TRY(store.frameworks().save_framework(framework, actor));
  // Units, people and employments are each one transaction: there entirely or not at all.
  // Units come before people, so people being there means the units are too.
  if (!people_written) {
    TRY(store.organisation().save_units(organisation.units, actor));
    TRY(store.organisation().save_people(organisation.people, actor));
  }
  options.progress("units and people written");
  if (!employments_written) {
    TRY(store.employments().save_employments(employments, actor));
  }
  options.progress("employment history written");
  ASSIGN_OR_RETURN(auto rounds, add_demo_rounds(store, framework, organisation.people, employments, options, actor));
  if (options.scale == 0) TRY(add_demo_learning(store, framework, organisation.people, employments, options, actor));
  if (options.scale == 0) TRY(add_demo_maturity(store, options, actor));
  if (options.scale == 0) TRY(add_demo_supply_plans(store, options, actor));
  const store::AuditEntry completed{store::utc_timestamp_now(), actor.name, std::string(kDemoCompleted),
                                    std::string(kDemoSubject),
                                    fmt::format("{} people, {} assessments", organisation.people.size(), rounds)};
  TRY(store.audit().append_audit(completed));
  return DemoSummary{organisation.units.size(), organisation.people.size(), employments.size(), framework.id, rounds};
}

}  // namespace trappa::cli
