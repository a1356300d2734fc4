// The organisation's learning targets, kept in its settings (docs/learning.md, "Targets"):
// `learning.target_participants` and `learning.target_hours_per_participant`, each a number
// of at least 0 (at most 10 000 000). `trappa settings set|unset|show` and the page
// Läraktiviteter set them; the statistics use them where no target is given.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/learning/learning_stats.hpp"
#include "store/store.hpp"

namespace trappa::app {

inline constexpr std::string_view kTargetParticipantsKey = "learning.target_participants";
inline constexpr std::string_view kTargetHoursPerParticipantKey = "learning.target_hours_per_participant";

// The keys a setting may have, in the order they are shown.
[[nodiscard]] const std::vector<std::string_view>& setting_keys();

// The targets the settings hold (a key that is missing or not a number: no target).
[[nodiscard]] core::LearningTargets learning_targets(const std::map<std::string, std::string>& settings);
[[nodiscard]] core::Result<core::LearningTargets> load_learning_targets(store::Store& store);

// A target's text ("1098", "18", "17,5" with a decimal comma) as the number stored; a problem
// naming `field` when it is not a number from 0 to 10 000 000.
[[nodiscard]] core::Result<double> parse_target(std::string_view field, std::string_view text);
// The stored form of a number: the shortest text that reads back the same ("18", "17.5").
[[nodiscard]] std::string setting_number(double value);

// Sets (a value) or removes (nullopt) the settings in one audited write. kInvalidInput with a
// problem per unknown key or bad value, and nothing written then. Returns how many changed.
[[nodiscard]] core::Result<std::size_t> save_settings(store::Store& store,
                                                      const std::map<std::string, std::optional<std::string>>& values,
                                                      const store::Actor& actor);

}  // namespace trappa::app
