#include "synthetic_rounds.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <unordered_map>

#include "core/base/date.hpp"
#include "demo/history.hpp"
#include "demo/organisation.hpp"
#include "demo/rounds.hpp"
#include "io/json/framework_json.hpp"

namespace trappa::bench {
namespace {

constexpr std::uint64_t kSeed = 42;  // the demo's default seed
constexpr std::size_t kChunk = 50'000;

std::filesystem::path framework_path() {
  const std::filesystem::path relative = std::filesystem::path("frameworks") / "digital-kompetens.json";
  if (const char* dir = std::getenv("TRAPPA_DATA_DIR"); dir != nullptr && *dir != '\0') {
    return std::filesystem::path(dir) / relative;
  }
  const std::filesystem::path beside_source =
      std::filesystem::path(__FILE__).parent_path().parent_path() / "data" / relative;
  if (std::filesystem::exists(beside_source)) return beside_source;
  return std::filesystem::path("data") / relative;
}

// The demo's two rounds for `people` (the participation rule of core::takes_part_on), with the
// assessments made in chunks as `trappa demo` makes them.
void add_rounds(Dataset& data, const std::vector<core::Employment>& employments) {
  const core::Framework& f = framework();
  const core::FrameworkNumbering numbering(f);
  std::unordered_map<std::string, std::uint32_t> person_index;
  person_index.reserve(data.people.size());
  for (std::size_t i = 0; i < data.people.size(); ++i) {
    person_index.emplace(data.people[i].employee_id, static_cast<std::uint32_t>(i));
  }
  const auto& specs = demo::demo_round_specs();
  for (std::size_t r = 0; r < 2; ++r) {
    const demo::DemoRoundSpec& spec = specs[r];
    data.rounds[r] = core::Round{spec.name, f.id, 1, "", spec.opens, spec.closes, spec.state};
    const std::vector<bool> in_round = core::takes_part_on(data.people, employments, *core::parse_iso_date(spec.opens));
    core::RoundFacts& facts = data.facts[r];
    for (std::size_t i = 0; i < data.people.size(); ++i) {
      if (!in_round[i]) facts.not_employed.push_back(static_cast<std::uint32_t>(i));
    }
    for (std::size_t begin = 0; begin < data.people.size(); begin += kChunk) {
      const auto assessments = demo::build_demo_assessments(f, data.people, in_round, begin,
                                                            std::min(data.people.size(), begin + kChunk), r, kSeed);
      for (const core::Assessment& assessment : assessments) {
        core::add_assessment_facts(facts, person_index.at(assessment.employee_id), assessment, numbering);
      }
    }
  }
}

}  // namespace

const core::Framework& framework() {
  static const core::Framework loaded = [] {
    auto read = io::read_framework_file(framework_path());
    if (!read) {
      std::cerr << "bench: " << read.error().message << " (set TRAPPA_DATA_DIR)\n";
      std::exit(2);
    }
    return *read;
  }();
  return loaded;
}

namespace {

// Builds `data` for `people` employees; returns the units and the employments.
std::pair<std::vector<core::Unit>, std::vector<core::Employment>> build(Dataset& data, std::size_t people) {
  demo::DemoOrganisation organisation = demo::build_synthetic_organisation(people, kSeed);
  std::vector<core::Employment> employments = demo::add_employment_history(organisation, kSeed);
  data.tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(organisation.units));
  data.people = std::move(organisation.people);
  add_rounds(data, employments);
  for (std::size_t r = 0; r < 2; ++r) {
    data.snapshots[r] = core::GapSnapshot::build(data.rounds[r], framework(), data.tree, data.people, data.facts[r]);
  }
  return {std::move(organisation.units), std::move(employments)};
}

}  // namespace

const Dataset& synthetic(std::size_t people) {
  static std::map<std::size_t, std::unique_ptr<Dataset>> built;
  auto& slot = built[people];
  if (!slot) {
    slot = std::make_unique<Dataset>();
    build(*slot, people);
  }
  return *slot;
}

const DatasetWithHistory& synthetic_with_history(std::size_t people) {
  static std::map<std::size_t, std::unique_ptr<DatasetWithHistory>> built;
  auto& slot = built[people];
  if (!slot) {
    slot = std::make_unique<DatasetWithHistory>();
    auto [units, employments] = build(slot->data, people);
    slot->units = std::move(units);
    slot->employments = std::move(employments);
  }
  return *slot;
}

}  // namespace trappa::bench
