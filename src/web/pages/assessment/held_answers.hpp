// Answers that Min skattning posted after its session had ended, kept through sign-in and
// saved for the same person only (issue 13, item 1).
//
// The form carries, beside the session's CSRF token, a form owner token bound to the person
// (SessionService::form_owner_token: signed with the key every node shares, valid 24 hours,
// naming nobody). A post to /skattning without a live session that carries such a token is
// not refused: the sign-in page comes back holding the posted form in hidden fields (nothing
// is kept on the server, so any node may take the sign-in). When someone signs in with it,
// the answers are saved as a draft through the ordinary use case — but only if the owner
// token verifies for the person who signed in: the sign-in form's own CSRF token protects
// that post, and a token of another person (or a made-up one) saves nothing. A submission
// is never made on the person's behalf; they submit themselves after checking the draft.
#pragma once

#include <string>
#include <string_view>

#include "web/server/http_util.hpp"
#include "web/ui/app_context.hpp"

namespace trappa::web {

// The form fields of Min skattning that carry the owner token.
inline constexpr std::string_view kFormOwnerField = "form_owner";
// The only form whose answers are held.
inline constexpr std::string_view kHeldAnswersPath = "/skattning";

// Whether a post to `path` without a session holds answers to keep: Min skattning's form
// with an owner token (verified only at sign-in, when the person is known).
[[nodiscard]] bool holds_answers(std::string_view path, const FormData& form);

enum class HeldAnswersSaved {
  kSaved,        // saved as the person's draft
  kNotTheOwner,  // the token is not this person's (or is forged or expired): nothing saved
  kRefused,      // the person's, but the round or the rules refused it (closed, conversation held, bad values)
};

// Saves the held form `held` (Min skattning's fields) as a draft of `employee_id`, who has
// just signed in, if the form's owner token is theirs.
[[nodiscard]] HeldAnswersSaved save_held_answers(AppContext& app, Language language, const std::string& employee_id,
                                                 const FormData& held);

}  // namespace trappa::web
