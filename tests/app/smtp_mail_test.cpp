// The reminder e-mails on the wire (app/mail): headers that any SMTP server carries (the UTF-8
// subject as RFC 2047 encoded words, the body in base64 with CRLF line ends), addresses that
// cannot inject a header or a recipient, and the serve options' checks.
#include "app/mail/smtp_mail.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace trappa::app {
namespace {

const SmtpSettings kSettings{.host = "smtp.example.se", .port = 587, .starttls = true, .from = "kompetens@example.se"};
const core::Clock::TimePoint kAt = std::chrono::sys_days{std::chrono::year(2026) / 12 / 4} + std::chrono::hours(7);

std::string header(const std::string& mail, const std::string& name) {
  const auto at = mail.find("\r\n" + name + ": ");
  if (at == std::string::npos) return mail.starts_with(name + ": ") ? mail.substr(name.size() + 2, mail.find("\r\n") - name.size() - 2) : "";
  const auto start = at + 2 + name.size() + 2;
  return mail.substr(start, mail.find("\r\n", start) - start);
}

TEST(SmtpMail, a_message_has_its_headers_a_blank_line_and_a_base64_body) {
  const std::string mail = format_mail(kSettings, {"emma.astrom@example.se", "Påminnelse", "Hej!\n\nÅ"}, kAt);
  EXPECT_EQ(header(mail, "Date"), "Fri, 04 Dec 2026 07:00:00 +0000");
  EXPECT_EQ(header(mail, "From"), "kompetens@example.se");
  EXPECT_EQ(header(mail, "To"), "emma.astrom@example.se");
  // "Påminnelse" in UTF-8, base64.
  EXPECT_EQ(header(mail, "Subject"), "=?UTF-8?B?UMOlbWlubmVsc2U=?=");
  EXPECT_EQ(header(mail, "Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(header(mail, "Content-Transfer-Encoding"), "base64");
  EXPECT_TRUE(header(mail, "Message-ID").ends_with("@example.se>"));
  // "Hej!\r\n\r\nÅ" in base64, after the blank line that ends the headers.
  EXPECT_TRUE(mail.ends_with("\r\n\r\nSGVqIQ0KDQrDhQ==\r\n")) << mail;
}

TEST(SmtpMail, a_long_subject_is_folded_between_whole_characters) {
  const std::string subject = "Påminnelse: din självskattning i omgången 2026 / Reminder: your self-assessment";
  const std::string mail = format_mail(kSettings, {"a@example.se", subject, "x"}, kAt);
  // Encoded words of at most 45 bytes each (never splitting a UTF-8 character):
  // "Påminnelse: din självskattning i omgången " is 45 bytes, and the next starts at "2026".
  EXPECT_NE(mail.find("Subject: =?UTF-8?B?UMOlbWlubmVsc2U6IGRpbiBzasOkbHZza2F0dG5pbmcgaSBvbWfDpW5nZW4g?=\r\n =?UTF-8?B?MjAyNi"),
            std::string::npos)
      << mail;
  // A line break in a subject never starts a new header.
  const std::string broken = format_mail(kSettings, {"a@example.se", "a\r\nBcc: x@example.se", "x"}, kAt);
  EXPECT_EQ(broken.find("\r\nBcc:"), std::string::npos);
}

TEST(SmtpMail, only_plain_addresses_are_used) {
  EXPECT_TRUE(plain_mail_address("emma.astrom@stockholm.se"));
  for (const char* bad : {"", "emma", "@example.se", "emma@", "a@b@c", "a b@example.se", "a@example.se\r\nBcc: x",
                          "<a@example.se>", "a@example.se,b@example.se"}) {
    EXPECT_FALSE(plain_mail_address(bad)) << bad;
  }
}

TEST(SmtpMail, the_serve_options_are_checked) {
  EXPECT_TRUE(validate(kSettings).has_value());
  auto bad = validate({.host = "", .port = 0, .starttls = false, .from = "nobody"});
  ASSERT_FALSE(bad.has_value());
  ASSERT_EQ(bad.error().problems.size(), 3u);
  EXPECT_EQ(bad.error().problems[0].where, "--smtp-host");
  EXPECT_EQ(bad.error().problems[1].where, "--smtp-port");
  EXPECT_EQ(bad.error().problems[2].where, "--smtp-from");
}

TEST(SmtpMail, an_unreachable_server_sends_nothing_and_says_why) {
  // Port 1 on this host: nothing listens there, so the connection is refused at once.
  const SmtpSettings nowhere{.host = "127.0.0.1", .port = 1, .starttls = false, .from = "kompetens@example.se"};
  const MailBatch batch = send_mail(nowhere, {{"a@example.se", "s", "b"}, {"b@example.se", "s", "b"}}, core::system_clock());
  EXPECT_EQ(batch.sent, 0u);
  ASSERT_TRUE(batch.failure.has_value());
  EXPECT_NE(batch.failure->message.find("the SMTP server 127.0.0.1:1 did not take the message to a@example.se"),
            std::string::npos)
      << batch.failure->message;
}

}  // namespace
}  // namespace trappa::app
