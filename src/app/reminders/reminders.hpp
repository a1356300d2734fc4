// Reminding the people who have not started a round (issue 13, "Who has not started";
// docs/web.md, "Who has not started and reminders"). The page decides who is in the viewer's
// scope and writes the text; this use case applies the per-round limit
// (core/assessment/reminders.hpp) against what the store holds, sends the e-mails through the
// SMTP server (app/mail) and records exactly those that were sent, with their audit entries.
//
// Sends on one node run one at a time, and each re-reads the stored reminders first, so a
// double click or two HR people at once never remind anyone twice. (Two nodes sending to the
// same person in the same second could both send; the limit then holds from the next send.)
// Each call borrows one connection of the pool. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/mail/smtp_mail.hpp"
#include "app/published/store_pool.hpp"
#include "core/assessment/reminders.hpp"
#include "core/base/clock.hpp"
#include "core/base/result.hpp"

namespace trappa::app {

struct ReminderRecipient {
  std::string employee_id;
  std::string email;  // empty: not remindable
};

// The e-mail every recipient of one batch gets, exactly as the preview shows it.
struct ReminderText {
  std::string subject;
  std::string body;
};

// The reminders sent in a round, per employee id, oldest first.
using RemindersByPerson = std::map<std::string, std::vector<core::SentReminder>, std::less<>>;

struct ReminderOutcome {
  std::vector<std::string> sent;  // employee ids reminded now, stored and audited
  std::vector<std::pair<std::string, core::ReminderRefusal>> skipped;  // not tried, and why
  // Set when the SMTP server refused or could not be reached: `sent` went out before it, and
  // nobody after it was tried.
  std::optional<core::Error> failure;
};

class Reminders {
 public:
  // `smtp` empty: reminders are not available (no SMTP server configured).
  Reminders(StorePool& pool, std::optional<SmtpSettings> smtp, core::ReminderPolicy policy, const core::Clock& clock)
      : pool_(pool), smtp_(std::move(smtp)), policy_(policy), clock_(clock) {}

  [[nodiscard]] bool available() const { return smtp_.has_value(); }
  [[nodiscard]] const core::ReminderPolicy& policy() const { return policy_; }

  [[nodiscard]] core::Result<RemindersByPerson> sent(const std::string& round);
  // Whether `recipient` may be reminded now, given what was sent in the round.
  [[nodiscard]] core::ReminderRefusal refusal(const RemindersByPerson& sent, const ReminderRecipient& recipient) const;

  // Sends `text` to each recipient the limit allows now, and records those sent, audited as
  // done by `actor` (an employee id). kConflict when reminders are not available; kStorage
  // when the sent e-mails could not be recorded (they went out: the error says so).
  [[nodiscard]] core::Result<ReminderOutcome> send(const std::string& round,
                                                   const std::vector<ReminderRecipient>& recipients,
                                                   const ReminderText& text, const std::string& actor);

 private:
  StorePool& pool_;
  std::optional<SmtpSettings> smtp_;
  core::ReminderPolicy policy_;
  const core::Clock& clock_;
  std::mutex sending_;  // one send at a time on this node
};

}  // namespace trappa::app
