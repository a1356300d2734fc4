#include "app/mail/smtp_mail.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <random>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace trappa::app {

namespace {

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i + 1 == bytes.size()) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

// The body with CRLF line ends, base64 in lines of 76 characters.
std::string encoded_body(std::string_view body) {
  std::string crlf;
  for (char c : body) {
    if (c == '\r') continue;
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const std::string encoded = base64(crlf);
  std::string lines;
  for (std::size_t at = 0; at < encoded.size(); at += 76) lines += encoded.substr(at, 76) + "\r\n";
  return lines;
}

// An RFC 2047 encoded word per at most 45 bytes of whole UTF-8 characters, folded.
std::string encoded_subject(std::string_view subject) {
  std::string one_line;
  for (char c : subject) one_line += (c == '\r' || c == '\n') ? ' ' : c;
  std::string out;
  std::size_t at = 0;
  while (at < one_line.size()) {
    std::size_t end = std::min(one_line.size(), at + 45);
    while (end < one_line.size() && (static_cast<unsigned char>(one_line[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(one_line).substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

std::string message_id(const SmtpSettings& settings) {
  std::random_device random;
  const auto at = settings.from.find('@');
  const std::string domain = at == std::string::npos ? "trappa.invalid" : settings.from.substr(at + 1);
  return fmt::format("<{:08x}{:08x}{:08x}@{}>", random(), random(), random(), domain);
}

struct Upload {
  std::string data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

void initialise_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

bool plain_mail_address(std::string_view address) {
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size() || address.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  return std::none_of(address.begin(), address.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '"';
  });
}

core::Result<void> validate(const SmtpSettings& settings) {
  std::vector<core::Problem> problems;
  if (settings.host.empty() || !plain_mail_address("x@" + settings.host)) {
    problems.push_back({"--smtp-host", "give the SMTP server's name or address"});
  }
  if (settings.port < 1 || settings.port > 65535) {
    problems.push_back({"--smtp-port", fmt::format("{} is not a port (1–65535)", settings.port)});
  }
  if (!plain_mail_address(settings.from)) {
    problems.push_back({"--smtp-from", "'" + settings.from + "' is not an e-mail address such as kompetens@stad.example.se"});
  }
  if (!problems.empty()) return core::invalid("the SMTP settings cannot work", std::move(problems));
  return {};
}

std::string format_mail(const SmtpSettings& settings, const MailMessage& message, core::Clock::TimePoint at) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
  std::string mail;
  mail += fmt::format("Date: {:%a, %d %b %Y %H:%M:%S} +0000\r\n", seconds);
  mail += "From: " + settings.from + "\r\n";
  mail += "To: " + message.to + "\r\n";
  mail += "Subject: " + encoded_subject(message.subject) + "\r\n";
  mail += "Message-ID: " + message_id(settings) + "\r\n";
  mail += "MIME-Version: 1.0\r\n";
  mail += "Content-Type: text/plain; charset=UTF-8\r\n";
  mail += "Content-Transfer-Encoding: base64\r\n";
  mail += "Auto-Submitted: auto-generated\r\n";
  mail += "\r\n";
  mail += encoded_body(message.body);
  return mail;
}

MailBatch send_mail(const SmtpSettings& settings, const std::vector<MailMessage>& messages, const core::Clock& clock) {
  MailBatch batch;
  if (messages.empty()) return batch;
  initialise_curl();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    batch.failure = core::Error{core::ErrorKind::kInternal, "libcurl could not start", {}};
    return batch;
  }
  const bool ipv6 = settings.host.find(':') != std::string::npos;
  const std::string url =
      fmt::format("smtp://{}:{}", ipv6 ? "[" + settings.host + "]" : settings.host, settings.port);
  const std::string from = "<" + settings.from + ">";
  char error[CURL_ERROR_SIZE] = {};
  for (const MailMessage& message : messages) {
    if (!plain_mail_address(message.to)) {
      batch.failure = core::Error{core::ErrorKind::kInvalidInput, "'" + message.to + "' is not an e-mail address", {}};
      return batch;
    }
    Upload upload{format_mail(settings, message, clock.now()), 0};
    std::unique_ptr<curl_slist, ListDeleter> recipients(curl_slist_append(nullptr, ("<" + message.to + ">").c_str()));
    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
    curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(settings.starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(handle, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
    curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    error[0] = '\0';
    const CURLcode code = curl_easy_perform(handle);
    if (code != CURLE_OK) {
      batch.failure = core::Error{
          core::ErrorKind::kInternal,
          fmt::format("the SMTP server {}:{} did not take the message to {}: {}", settings.host, settings.port,
                      message.to, error[0] != '\0' ? std::string(error) : std::string(curl_easy_strerror(code))),
          {}};
      return batch;
    }
    ++batch.sent;
  }
  return batch;
}

}  // namespace trappa::app
