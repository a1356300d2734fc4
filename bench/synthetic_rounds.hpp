// The benchmarks' data: `trappa demo --scale N` built in memory (synthetic organisation, three
// years of employment history, the two demo rounds over the 20-competency framework), with the
// assessments going straight into core::RoundFacts without a store. Built once per size and
// kept for the process; building it is not part of any timing.
//
// The framework is read from $TRAPPA_DATA_DIR/frameworks/digital-kompetens.json, else from
// data/ beside this source file, else from ./data.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/analytics/gap_snapshot.hpp"
#include "core/org/org.hpp"
#include "core/assessment/round_facts.hpp"
#include "core/workforce/employment.hpp"
#include "core/org/unit_tree.hpp"

namespace trappa::bench {

struct Dataset {
  std::shared_ptr<const core::UnitTree> tree;
  std::vector<core::Person> people;
  core::Round rounds[2];
  core::RoundFacts facts[2];
  std::shared_ptr<const core::GapSnapshot> snapshots[2];  // 2025, 2026
};

// The benchmark framework; exits with status 2 when it cannot be read.
const core::Framework& framework();

// The dataset for an organisation of `people` employees.
const Dataset& synthetic(std::size_t people);

// The same dataset with the units and the employment history kept (about 2 employments per
// current employee, in employee-id order), for the benchmarks that read the history (the
// forecast). Built and cached separately from synthetic(), so the others do not hold it.
struct DatasetWithHistory {
  Dataset data;
  std::vector<core::Unit> units;
  std::vector<core::Employment> employments;
};
const DatasetWithHistory& synthetic_with_history(std::size_t people);

}  // namespace trappa::bench
