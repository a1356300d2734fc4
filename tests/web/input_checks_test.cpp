#include <gtest/gtest.h>

#include "web/server/input_checks.hpp"

namespace trappa::web {
namespace {

Request with_target(std::string target) {
  Request request;
  request.target = std::move(target);
  return request;
}

TEST(InputChecks, accept_ordinary_targets_with_escapes) {
  for (const char* target : {"/", "/team/E000009?omgang=2026", "/oversikt?enhet=KF-%C3%96ST&roll=chef",
                             "/api/v1/rounds/2027'%3B%20DROP%20TABLE%20rounds%3B--", "/login?next=%2Fskattning"}) {
    EXPECT_FALSE(target_problem(with_target(target)).has_value()) << target;
  }
}

TEST(InputChecks, refuse_targets_that_do_not_decode_to_utf8_text) {
  for (const char* target : {"*", "http://evil.example/", "/a%zz", "/a%", "/%ff", "/%c0%ae", "/team/%00",
                             "/?next=%0d%0aSet-Cookie:x", "/?a=%1b", "/?%ff=1", "/\xff"}) {
    EXPECT_TRUE(target_problem(with_target(target)).has_value()) << target;
  }
}

TEST(InputChecks, know_a_form_body_by_its_media_type) {
  Request request;
  for (const char* type : {"application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
                           "Application/X-WWW-Form-Urlencoded"}) {
    request.headers["content-type"] = type;
    EXPECT_TRUE(is_form_body(request)) << type;
  }
  for (const char* type : {"", "text/plain", "application/json", "multipart/form-data; boundary=x",
                           "application/x-www-form-urlencodedx"}) {
    request.headers["content-type"] = type;
    EXPECT_FALSE(is_form_body(request)) << type;
  }
}

TEST(InputChecks, name_the_form_field_that_holds_bad_text) {
  EXPECT_FALSE(form_problem("csrf=x&notes=rad+ett%0D%0Arad%09tv%C3%A5&notes2=%27%3B+DROP").has_value());
  EXPECT_FALSE(form_problem("").has_value());
  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {"csrf=x&notes=%ff", "notes"}, {"notes=a%00b", "notes"}, {"round=2026%1b", "round"},
           {"level.1.1=%ed%a0%80", "level.1.1"}, {"a=%zz", ""}, {"a=4%", ""}, {"%ff=1", ""}, {"a%00=1", ""}}) {
    const auto problem = form_problem(body);
    ASSERT_TRUE(problem.has_value()) << body;
    EXPECT_EQ(problem->field, field) << body;
  }
}

TEST(InputChecks, build_redirects_that_stay_on_this_site) {
  EXPECT_EQ(local_location("/team/E000009"), "/team/E000009");
  EXPECT_EQ(local_location("/"), "/");
  EXPECT_EQ(local_location("//evil.example"), "/evil.example");
  EXPECT_EQ(local_location("///evil.example/"), "/evil.example/");
  EXPECT_EQ(local_location("/\\evil.example"), "/%5Cevil.example");
  EXPECT_EQ(local_location("/\r\nSet-Cookie: x=1"), "/%0D%0ASet-Cookie%3A%20x%3D1");
  EXPECT_EQ(local_location("/m\xC3\xA5l"), "/m%C3%A5l");
}

TEST(InputChecks, find_response_headers_that_would_split_the_response) {
  Response response;
  response.headers = {{"Location", "/ok"}, {"Set-Cookie", "a=b"}};
  EXPECT_TRUE(headers_are_safe(response));
  response.headers.emplace_back("Location", "/\r\nSet-Cookie: x=1");
  EXPECT_FALSE(headers_are_safe(response));
  response.headers.back().second = std::string("/\0x", 3);
  EXPECT_FALSE(headers_are_safe(response));
}

}  // namespace
}  // namespace trappa::web
