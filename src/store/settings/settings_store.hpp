// The organisation's settings: one text value per key ("learning.target_participants" …).
// The store keeps whatever it is given; app/learning/learning_settings.hpp knows the keys and
// checks the values. Part of the Store (store/store.hpp); the same rules hold: not
// thread-safe, one per connection, driver errors returned as kStorage.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/base/result.hpp"
#include "store/store.hpp"

namespace trappa::store {

class SettingsStore {
 public:
  virtual ~SettingsStore() = default;

  // Every stored setting, by key.
  [[nodiscard]] virtual core::Result<std::map<std::string, std::string>> load_settings() = 0;

  // Sets each key to its value (nullopt: removes the key) in one transaction. Each setting
  // whose value changes is audited ("setting.update", subject the key, "old→new" with "–" for
  // no value) as done by `actor`, and the change feed records a `settings` change. A key whose
  // value is the same is left alone. Returns how many keys changed.
  [[nodiscard]] virtual core::Result<std::size_t> save_settings(
      const std::map<std::string, std::optional<std::string>>& values, const Actor& actor) = 0;
};

}  // namespace trappa::store
