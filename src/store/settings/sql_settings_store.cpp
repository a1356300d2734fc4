#include "store/settings/sql_settings_store.hpp"

#include <soci/soci.h>

#include <vector>

#include "store/sql/row_scan.hpp"

namespace trappa::store {

core::Result<std::map<std::string, std::string>> SqlSettingsStore::load_settings() {
  return guarded("reading the settings", [&]() -> core::Result<std::map<std::string, std::string>> {
    std::map<std::string, std::string> settings;
    for (auto scanned = scan("SELECT setting_key, setting_value FROM organisation_settings ORDER BY setting_key", {});
         scanned->next();) {
      settings.emplace(std::string(scanned->text(0)), std::string(scanned->text(1)));
    }
    return settings;
  });
}

core::Result<std::size_t> SqlSettingsStore::save_settings(
    const std::map<std::string, std::optional<std::string>>& values, const Actor& actor) {
  return guarded("saving the settings", [&]() -> core::Result<std::size_t> {
    WriteTransaction transaction(*session_, *dialect_);
    ASSIGN_OR_RETURN(auto before, load_settings());
    const std::string now = utc_timestamp_now();
    std::vector<AuditEntry> entries;
    for (const auto& [key, value] : values) {
      const auto found = before.find(key);
      const std::optional<std::string> old =
          found == before.end() ? std::nullopt : std::optional<std::string>(found->second);
      if (old == value) continue;
      if (value) {
        *session_ << "INSERT INTO organisation_settings (setting_key, setting_value, updated_at, updated_by) "
                     "VALUES (:key, :value, :updated, :by) ON CONFLICT (setting_key) DO UPDATE SET "
                     "setting_value = excluded.setting_value, updated_at = excluded.updated_at, "
                     "updated_by = excluded.updated_by",
            soci::use(key), soci::use(*value), soci::use(now), soci::use(actor.name);
      } else {
        *session_ << "DELETE FROM organisation_settings WHERE setting_key = :key", soci::use(key);
      }
      entries.push_back({now, actor.name, "setting.update", key, old.value_or("–") + "→" + value.value_or("–")});
    }
    if (!entries.empty()) {
      append_audit_entries_in_transaction(entries);
      record_change_in_transaction(ChangeKind::kSettings);
    }
    transaction.commit();
    return entries.size();
  });
}

}  // namespace trappa::store
