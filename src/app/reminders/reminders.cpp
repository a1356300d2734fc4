#include "app/reminders/reminders.hpp"

#include <chrono>

#include "store/assessment/round_store.hpp"

namespace trappa::app {

core::Result<RemindersByPerson> Reminders::sent(const std::string& round) {
  auto lease = pool_.borrow();
  ASSIGN_OR_RETURN(auto reminders, lease->rounds().load_reminders(round));
  RemindersByPerson by_person;
  for (core::SentReminder& reminder : reminders) {
    auto& list = by_person[reminder.employee_id];
    list.push_back(std::move(reminder));
  }
  return by_person;
}

core::ReminderRefusal Reminders::refusal(const RemindersByPerson& sent, const ReminderRecipient& recipient) const {
  std::vector<std::int64_t> instants;
  if (const auto found = sent.find(recipient.employee_id); found != sent.end()) {
    for (const core::SentReminder& reminder : found->second) instants.push_back(reminder.sent_unix);
  }
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch()).count();
  return core::reminder_refusal(policy_, instants, now, plain_mail_address(recipient.email));
}

core::Result<ReminderOutcome> Reminders::send(const std::string& round, const std::vector<ReminderRecipient>& recipients,
                                              const ReminderText& text, const std::string& actor) {
  if (!smtp_) return core::fail(core::ErrorKind::kConflict, "no SMTP server is configured for reminders");
  const std::lock_guard lock(sending_);
  ASSIGN_OR_RETURN(const RemindersByPerson already, sent(round));
  ReminderOutcome outcome;
  std::vector<const ReminderRecipient*> chosen;
  std::vector<MailMessage> messages;
  for (const ReminderRecipient& recipient : recipients) {
    if (const core::ReminderRefusal why = refusal(already, recipient); why != core::ReminderRefusal::kNone) {
      outcome.skipped.emplace_back(recipient.employee_id, why);
      continue;
    }
    chosen.push_back(&recipient);
    messages.push_back({recipient.email, text.subject, text.body});
  }
  const MailBatch batch = send_mail(*smtp_, messages, clock_);
  for (std::size_t i = 0; i < batch.sent; ++i) outcome.sent.push_back(chosen[i]->employee_id);
  outcome.failure = batch.failure;
  if (!outcome.sent.empty()) {
    const auto at = clock_.now();
    const auto unix_at = std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
    auto lease = pool_.borrow();
    auto recorded = lease->rounds().record_reminders(round, outcome.sent, core::utc_timestamp(at), unix_at,
                                                     store::Actor{actor});
    if (!recorded) {
      return core::fail(core::ErrorKind::kStorage,
                        std::to_string(outcome.sent.size()) +
                            " reminder e-mails were sent but could not be recorded: " + recorded.error().describe());
    }
  }
  return outcome;
}

}  // namespace trappa::app
