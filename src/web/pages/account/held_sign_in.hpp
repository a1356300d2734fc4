// The sign-in page that keeps a form posted after its session ended (issue 13, item 1; the
// rules are in web/pages/assessment/held_answers.hpp).
#pragma once

#include <optional>

#include "web/server/http_types.hpp"
#include "web/ui/app_context.hpp"

namespace trappa::web {

// For a post without a session whose answers can be held: the sign-in page (401) carrying
// them, to be saved for their owner once signed in. nullopt for any other request, which the
// caller refuses as before.
[[nodiscard]] std::optional<Response> sign_in_keeping_answers(AppContext& app, const PageRequest& page);

}  // namespace trappa::web
