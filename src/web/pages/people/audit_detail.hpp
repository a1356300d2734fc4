// The detail of an audit entry (store/store.hpp AuditEntry::detail) in the reader's language.
// The store keeps details in one machine-readable English form, "round 2026: status
// self_assessed→conversation_held; 1.1 agreed 2→3" (core::describe_assessment_change,
// core::describe_person_change, the account store), which the CLI and the JSON export show as
// stored. Personuppgifter shows each part through the catalogue (audit_* texts, the status
// words of the one status model, the account role words); a part of another form (an
// employment line, an import's or an erasure's summary) is shown as stored.
#pragma once

#include <string>
#include <string_view>

#include "web/ui/app_context.hpp"

namespace trappa::web {

[[nodiscard]] std::string audit_detail_text(const PageRequest& page, std::string_view action, std::string_view detail);

}  // namespace trappa::web
