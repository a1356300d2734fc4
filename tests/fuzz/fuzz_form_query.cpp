// Fuzz target: what the web layer reads from a request before any page sees it: form bodies
// (web/http_util FormData), the request target's path and query (web/beast_request), cookies
// and Accept-Language, and the self-assessment form (web/assessment_form) for every role of
// the shipped framework.
//
// Beyond not crashing: url_encode'd fields parse back to themselves, html_escape leaves no
// markup characters, and a self-assessment the rules accept has every level inside the scale.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/assessment/assessment_edit.hpp"
#include "core/assessment/assessment_rules.hpp"
#include "fuzz_check.hpp"
#include "io/json/framework_json.hpp"
#include "web/pages/assessment/assessment_form.hpp"
#include "web/server/beast_request.hpp"
#include "web/server/http_util.hpp"
#include "i18n/ui_text.hpp"

using namespace trappa;

namespace {

const core::Framework& shipped_framework() {
  static const core::Framework framework = [] {
    auto read = io::read_framework_file(std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json");
    if (!read) fuzz::fail("read the shipped framework", read.error().describe());
    return std::move(*read);
  }();
  return framework;
}

void check_form_round_trip(const web::FormData& form) {
  std::string encoded;
  for (const auto& [key, value] : form.fields()) {
    if (!encoded.empty()) encoded += '&';
    encoded += web::url_encode(key) + "=" + web::url_encode(value);
  }
  const web::FormData again = web::FormData::parse(encoded);
  fuzz::expect(again.fields() == form.fields(), "url_encode'd form fields parse back to themselves", encoded);
}

void check_html_escape(std::string_view text) {
  const std::string escaped = web::html_escape(text);
  fuzz::expect(escaped.find_first_of("<>\"'") == std::string::npos, "html_escape leaves no markup characters");
}

void check_self_assessment(const web::FormData& form, const core::Framework& framework, const std::string& role) {
  core::Person person;
  person.employee_id = "E1";
  person.name = "Fuzz Person";
  person.role = role;
  person.unit_code = "U1";
  for (const web::Language language : {web::Language::kSwedish, web::Language::kEnglish}) {
    const web::SelfAssessmentInput input = web::read_self_assessment(form, framework, person, language);
    core::Assessment before;
    before.round = "2026";
    before.employee_id = person.employee_id;
    for (const bool submit : {false, true}) {
      const core::EditOutcome outcome = core::apply_assessment_edit(
          framework, person, core::RoundState::kOpen, before,
          web::self_assessment_edit(input, submit, person.employee_id, "2026-03-01T08:00:00Z"));
      const core::Assessment& after = outcome.after;
      std::vector<web::FieldError> errors = input.errors;
      if (submit) web::append_completeness_errors(framework, person, input, language, errors);
      if (outcome.refusal) {
        fuzz::expect(outcome.refusal->kind == core::ErrorKind::kInvalidInput, "the person's own edit is never forbidden");
        web::append_rule_errors(outcome.refusal->problems, language, errors);
      }
      for (const web::FieldError& error : errors) fuzz::expect(!error.message.empty(), "a field error has a message");
      if (!outcome.refusal) {
        for (const core::Rating& rating : after.ratings) {
          fuzz::expect(!rating.self_level || framework.scale.contains(*rating.self_level),
                       "an accepted self level is inside the scale", rating.competency);
        }
        for (const auto& [area, value] : after.motivation) {
          fuzz::expect(value >= core::kMotivationMin && value <= core::kMotivationMax,
                       "an accepted motivation answer is 1–5", area);
        }
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)shipped_framework();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const web::FormData form = web::FormData::parse(text);
  check_form_round_trip(form);
  for (const auto& [key, value] : form.fields()) {
    fuzz::expect(form.has(key), "a parsed field is found by its key", key);
    check_html_escape(value);
  }

  // The same bytes as a request: target (a query when it does not start with '/'), cookies
  // and the language preference.
  web::BeastRequest message;
  message.method(boost::beast::http::verb::get);
  try {
    message.target(text.starts_with('/') ? std::string(text) : "/?" + std::string(text));
    message.set(boost::beast::http::field::cookie, text);
    message.set(boost::beast::http::field::accept_language, text);
  } catch (const std::exception&) {
    return 0;  // Beast refuses a field value it could not send (CR, LF): no request carries one.
  }
  const web::Request request = web::to_request(message, "127.0.0.1", "fuzz");
  (void)web::parse_cookies(request);
  const web::Language language = web::request_language(request);
  (void)web::format_date(language, text);
  for (const auto& [key, value] : request.query) check_html_escape(key + value);

  for (const std::string& role : shipped_framework().roles) check_self_assessment(form, shipped_framework(), role);
  return 0;
}
