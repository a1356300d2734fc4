// Sending e-mail through the organisation's SMTP server (libcurl; the one folder that
// includes it). Used for reminder e-mails (app/reminders); configured by `trappa serve
// --smtp-host/--smtp-port/--smtp-starttls/--smtp-from` (docs/operations.md, "E-mail").
//
// A message is plain text in UTF-8 (body base64-encoded, subject as an RFC 2047 encoded
// word), so any SMTP server carries it whatever it supports. Thread-safe: each batch opens
// its own connection.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.hpp"
#include "core/base/result.hpp"

namespace trappa::app {

struct SmtpSettings {
  std::string host;        // name or address of the SMTP server
  int port = 25;           // 25, or 587 for submission
  bool starttls = false;   // require STARTTLS (refuse to send in the clear)
  std::string from;        // the sender's address, e.g. "kompetens@stad.example.se"
};

// kInvalidInput naming the problem when `settings` cannot work (no host, a port outside
// 1–65535, a sender that is not an address).
[[nodiscard]] core::Result<void> validate(const SmtpSettings& settings);

// Whether `address` can be put on a RCPT TO or a header as it is: one @, no space, no
// control character, no angle bracket or comma.
[[nodiscard]] bool plain_mail_address(std::string_view address);

struct MailMessage {
  std::string to;       // the recipient's address
  std::string subject;  // UTF-8, one line
  std::string body;     // UTF-8, lines separated by \n
};

// The message as it goes on the wire (headers, a blank line, the base64 body), CRLF line ends.
[[nodiscard]] std::string format_mail(const SmtpSettings& settings, const MailMessage& message,
                                      core::Clock::TimePoint at);

// The outcome of a batch: `sent` messages went out, in order; `failure` says why the next one
// did not (the batch stops there: nothing after it was tried).
struct MailBatch {
  std::size_t sent = 0;
  std::optional<core::Error> failure;  // kInternal, with the server's or libcurl's words
};

// Sends `messages` one after the other over one connection to the server.
[[nodiscard]] MailBatch send_mail(const SmtpSettings& settings, const std::vector<MailMessage>& messages,
                                  const core::Clock& clock);

}  // namespace trappa::app
