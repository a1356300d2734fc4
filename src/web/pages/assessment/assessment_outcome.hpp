// The outcome of the conversation as the person reads it on Min skattning (issue 13, item 3):
// per area their own level beside the agreed and the expected level, the priorities and the
// manager's note, read-only. Shown once the conversation is recorded (Progress
// conversation_held or followed_up). Internal to the web layer; renders only.
#pragma once

#include <string>

#include "core/assessment/assessment.hpp"
#include "core/framework/framework.hpp"
#include "core/org/org.hpp"
#include "web/ui/app_context.hpp"

namespace trappa::web {

// The outcome section's HTML for `assessment` (as stored, with notes and priorities) of
// `person` under `framework`, in the page's language.
[[nodiscard]] std::string render_conversation_outcome(const PageRequest& page, const core::Framework& framework,
                                                      const core::Person& person, const core::Assessment& assessment);

}  // namespace trappa::web
