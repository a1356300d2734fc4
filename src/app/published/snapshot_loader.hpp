// Building the analytics snapshot of a round from the store.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/analytics/gap_snapshot.hpp"
#include "core/base/result.hpp"
#include "store/store.hpp"

namespace trappa::app {

// The organisation as the snapshots need it; load once and share between rounds.
struct OrganisationData {
  std::vector<core::Person> people;
  std::shared_ptr<const core::UnitTree> tree;
  std::vector<std::string> employee_ids;  // employee_ids[i] == people[i].employee_id
};

[[nodiscard]] core::Result<OrganisationData> load_organisation(store::Store& store);

// The round's snapshot with the framework revision the round pinned. kNotFound for an
// unknown round.
[[nodiscard]] core::Result<std::shared_ptr<const core::GapSnapshot>> load_gap_snapshot(
    store::Store& store, const std::string& round, const OrganisationData& organisation);

}  // namespace trappa::store
