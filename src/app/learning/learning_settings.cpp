#include "app/learning/learning_settings.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "store/settings/settings_store.hpp"

namespace trappa::app {

namespace {

constexpr double kMaxTarget = 10'000'000;

std::optional<double> number(std::string_view text) {
  std::string copy(text);
  std::replace(copy.begin(), copy.end(), ',', '.');
  double value = 0;
  const auto [end, error] = std::from_chars(copy.data(), copy.data() + copy.size(), value);
  if (copy.empty() || error != std::errc{} || end != copy.data() + copy.size()) return std::nullopt;
  return value;
}

std::optional<double> stored_number(const std::map<std::string, std::string>& settings, std::string_view key) {
  const auto found = settings.find(std::string(key));
  if (found == settings.end()) return std::nullopt;
  return number(found->second);
}

}  // namespace

const std::vector<std::string_view>& setting_keys() {
  static const std::vector<std::string_view> keys{kTargetParticipantsKey, kTargetHoursPerParticipantKey};
  return keys;
}

core::LearningTargets learning_targets(const std::map<std::string, std::string>& settings) {
  return {stored_number(settings, kTargetParticipantsKey), stored_number(settings, kTargetHoursPerParticipantKey)};
}

core::Result<core::LearningTargets> load_learning_targets(store::Store& store) {
  ASSIGN_OR_RETURN(auto settings, store.settings().load_settings());
  return learning_targets(settings);
}

core::Result<double> parse_target(std::string_view field, std::string_view text) {
  const auto value = number(text);
  if (!value || *value < 0 || *value > kMaxTarget) {
    return core::invalid("bad setting", {{std::string(field), "'" + std::string(text) +
                                                                  "' is not a number from 0 to 10000000"}});
  }
  return *value;
}

std::string setting_number(double value) {
  std::array<char, 32> buffer{};
  const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), written.ptr);
}

core::Result<std::size_t> save_settings(store::Store& store,
                                        const std::map<std::string, std::optional<std::string>>& values,
                                        const store::Actor& actor) {
  std::vector<core::Problem> problems;
  std::map<std::string, std::optional<std::string>> checked;
  for (const auto& [key, value] : values) {
    const auto& keys = setting_keys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      problems.push_back({key, "is not a setting (known: learning.target_participants, "
                               "learning.target_hours_per_participant)"});
      continue;
    }
    if (!value) {
      checked.emplace(key, std::nullopt);
      continue;
    }
    auto parsed = parse_target(key, *value);
    if (!parsed) {
      for (const core::Problem& problem : parsed.error().problems) problems.push_back(problem);
      continue;
    }
    checked.emplace(key, setting_number(*parsed));
  }
  if (!problems.empty()) return core::invalid("the settings are not valid", std::move(problems));
  return store.settings().save_settings(checked, actor);
}

}  // namespace trappa::app
