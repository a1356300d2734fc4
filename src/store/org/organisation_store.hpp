// Units and people: the organisation.
//
// Part of the Store (store/store.hpp hands it out as one of its capabilities); the same
// rules hold: not thread-safe, one per connection, driver errors returned as kStorage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/org/org.hpp"
#include "store/store.hpp"

namespace trappa::store {

class OrganisationStore {
 public:
  virtual ~OrganisationStore() = default;

  // Organisation. Units and people are upserted by code / employee id; nothing is deleted.
  // References (parent unit, person's unit, manager) must resolve within the store after the
  // write, or the whole write is refused.
  [[nodiscard]] virtual core::Result<std::vector<core::Unit>> load_units() = 0;
  [[nodiscard]] virtual core::Result<std::vector<core::Person>> load_people() = 0;
  [[nodiscard]] virtual core::Result<void> save_units(const std::vector<core::Unit>& units, const Actor& actor) = 0;
  [[nodiscard]] virtual core::Result<void> save_people(const std::vector<core::Person>& people, const Actor& actor) = 0;
};

}  // namespace trappa::store
