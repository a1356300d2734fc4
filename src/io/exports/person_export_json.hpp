// The personal-data export: everything Trappa stores about one person as one JSON document
// (format "trappa-person-export", version 1, every field documented in
// docs/personal-data.md), and the person's audit history alone (format
// "trappa-audit-history", version 1). Both in the canonical indented form of
// io/json_text.hpp. The same bytes come from `trappa person export` and the web's
// "Exportera personuppgifter (JSON)".
#pragma once

#include <string>
#include <vector>

#include "core/people/person_record.hpp"

namespace trappa::io {

inline constexpr int kPersonExportVersion = 1;
inline constexpr int kAuditHistoryVersion = 1;

struct ExportStamp {
  std::string exported_at;  // ISO 8601 UTC
  std::string exported_by;  // the actor, as in the audit trail
};

[[nodiscard]] std::string write_person_export_json(const core::PersonRecord& record, const ExportStamp& stamp);

[[nodiscard]] std::string write_audit_history_json(const std::string& employee_id,
                                                   const std::vector<core::AuditEntry>& entries);

// "personuppgifter-E123.json": a file name safe in a Content-Disposition header and on any
// file system (characters outside [A-Za-z0-9._-] become '_').
[[nodiscard]] std::string person_export_file_name(const std::string& employee_id);

}  // namespace trappa::io
