// The multipart/form-data reader of uploads (web/server/multipart.hpp): what browsers send,
// and hostile bodies (no boundary, truncated parts, too many parts, oversize headers), each
// refused with where and why.
#include <gtest/gtest.h>

#include <string>

#include "web/server/multipart.hpp"

namespace trappa::web {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=----WebKitFormBoundaryX3";
const std::string kDelimiter = "------WebKitFormBoundaryX3";

std::string part(std::string_view headers, std::string_view body) {
  return kDelimiter + "\r\n" + std::string(headers) + "\r\n\r\n" + std::string(body) + "\r\n";
}

std::string browser_body() {
  return part("Content-Disposition: form-data; name=\"csrf\"", "tok") +
         part("Content-Disposition: form-data; name=\"fil\"; filename=\"C:\\\\Users\\\\hr\\\\people.csv\"\r\n"
              "Content-Type: text/csv",
              "employee_id,name\r\nE1,Anna\r\n") +
         part("Content-Disposition: form-data; name=\"typ\"", "people") + kDelimiter + "--\r\n";
}

std::string problem_of(std::string_view type, std::string_view body) {
  auto form = MultipartForm::parse(type, body);
  if (form) return "accepted";
  EXPECT_EQ(form.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(form.error().problems.size(), 1U);
  return form.error().problems.front().to_string();
}

TEST(Multipart, reads_the_fields_and_the_file_a_browser_sends) {
  auto form = MultipartForm::parse(kType, browser_body());
  ASSERT_TRUE(form) << form.error().describe();
  ASSERT_EQ(form->parts().size(), 3U);
  EXPECT_EQ(form->get("csrf"), "tok");
  EXPECT_EQ(form->get("typ"), "people");
  const MultipartPart* file = form->part("fil");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "people.csv");  // no directory kept, from any client
  EXPECT_EQ(file->content_type, "text/csv");
  EXPECT_EQ(file->body, "employee_id,name\r\nE1,Anna\r\n");  // line ends inside the file kept
  EXPECT_EQ(form->part("missing"), nullptr);
  EXPECT_EQ(form->get("missing"), "");
}

TEST(Multipart, accepts_a_quoted_boundary_and_no_line_end_after_the_last) {
  const std::string body = "--a b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--a b--";
  auto form = MultipartForm::parse("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"", body);
  ASSERT_TRUE(form) << form.error().describe();
  EXPECT_EQ(form->get("x"), "1");
}

TEST(Multipart, a_file_holding_text_like_the_boundary_without_its_line_end_stays_whole) {
  const std::string body = part("Content-Disposition: form-data; name=\"fil\"; filename=\"a.csv\"",
                                "x" + kDelimiter + "y") + kDelimiter + "--";
  auto form = MultipartForm::parse(kType, body);
  ASSERT_TRUE(form) << form.error().describe();
  EXPECT_EQ(form->get("fil"), "x" + kDelimiter + "y");
}

TEST(Multipart, hostile_content_types_are_refused) {
  EXPECT_EQ(problem_of("application/x-www-form-urlencoded", browser_body()),
            "Content-Type: expected multipart/form-data, got 'application/x-www-form-urlencoded'");
  EXPECT_EQ(problem_of("multipart/form-data", browser_body()), "Content-Type: the boundary parameter is missing");
  EXPECT_EQ(problem_of("multipart/form-data; boundary=", browser_body()), "Content-Type: its parameters are malformed");
  EXPECT_EQ(problem_of("multipart/form-data; boundary=\"open", browser_body()),
            "Content-Type: its parameters are malformed");
  EXPECT_EQ(problem_of("multipart/form-data; boundary=" + std::string(71, 'b'), browser_body()),
            "boundary: it must be 1 to 70 characters of the allowed set");
  EXPECT_EQ(problem_of("multipart/form-data; boundary=a\x01z", browser_body()),
            "boundary: it must be 1 to 70 characters of the allowed set");
}

TEST(Multipart, hostile_bodies_are_refused_with_where_and_why) {
  EXPECT_EQ(problem_of(kType, ""), "boundary: the body does not begin with the boundary");
  EXPECT_EQ(problem_of(kType, "preamble\r\n" + browser_body()), "boundary: the body does not begin with the boundary");
  EXPECT_EQ(problem_of(kType, kDelimiter + "--"), "boundary: the body has no parts");
  // Truncated: the upload stopped inside the file.
  const std::string body = browser_body();
  EXPECT_EQ(problem_of(kType, body.substr(0, body.find("E1,Anna"))), "part 2: it is truncated: the next boundary never comes");
  EXPECT_EQ(problem_of(kType, kDelimiter + "\r\nContent-Disposition: form-data; name=\"x\""), "part 1: its headers never end");
  EXPECT_EQ(problem_of(kType, body.substr(0, body.size() - 4)), "part 4: the boundary is not followed by a line end");
  EXPECT_EQ(problem_of(kType, body + "trailing"), "boundary: text follows the closing boundary");
  EXPECT_EQ(problem_of(kType, part("Content-Type: text/plain", "x") + kDelimiter + "--"), "part 1: Content-Disposition is missing");
  EXPECT_EQ(problem_of(kType, part("Content-Disposition: attachment; name=\"x\"", "x") + kDelimiter + "--"),
            "part 1: Content-Disposition is not form-data");
  EXPECT_EQ(problem_of(kType, part("Content-Disposition: form-data; filename=\"a.csv\"", "x") + kDelimiter + "--"),
            "part 1: Content-Disposition has no field name");
  EXPECT_EQ(problem_of(kType, part("Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"", "x") +
                                  kDelimiter + "--"),
            "part 1: Content-Disposition appears twice");
  EXPECT_EQ(problem_of(kType, part("no colon here", "x") + kDelimiter + "--"), "part 1: a header line has no name");
}

TEST(Multipart, oversize_headers_and_too_many_parts_are_refused) {
  const std::string long_header = "Content-Disposition: form-data; name=\"x\"\r\nX-Padding: " +
                                  std::string(MultipartForm::kMaxHeaderBytes, 'p');
  EXPECT_EQ(problem_of(kType, part(long_header, "x") + kDelimiter + "--"), "part 1: its headers are longer than 8 KiB");
  std::string many;
  for (std::size_t i = 0; i <= MultipartForm::kMaxParts; ++i) {
    many += part("Content-Disposition: form-data; name=\"f" + std::to_string(i) + "\"", "v");
  }
  many += kDelimiter + "--";
  EXPECT_EQ(problem_of(kType, many), "part 33: more than 32 parts");
}

TEST(Multipart, every_prefix_of_a_valid_body_is_refused_not_misread) {
  const std::string body = browser_body();
  // Only the body without its last line end (body.size() - 2) is whole; every shorter one is not.
  for (std::size_t length = 0; length + 2 < body.size(); ++length) {
    auto form = MultipartForm::parse(kType, std::string_view(body).substr(0, length));
    EXPECT_FALSE(form) << "prefix of " << length << " bytes was accepted";
  }
}

}  // namespace
}  // namespace trappa::web
