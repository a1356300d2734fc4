#include <gtest/gtest.h>

#include <boost/beast/http/field.hpp>

#include "web/server/beast_request.hpp"

namespace trappa::web {
namespace {

namespace http = boost::beast::http;

// Issue 12: Transfer-Encoding shapes that Beast would read as a request without body (so its
// body became a second request on the connection) are refused before any route.
BeastRequest post_with(std::initializer_list<std::pair<http::field, const char*>> fields, unsigned version = 11) {
  BeastRequest request{http::verb::post, "/login", version};
  for (const auto& [field, value] : fields) request.insert(field, value);
  return request;
}

std::optional<int> status_of(const BeastRequest& request) {
  auto refusal = transfer_encoding_refusal(request);
  if (!refusal) return std::nullopt;
  return refusal->status;
}

TEST(TransferEncodingRefusal, accepts_no_transfer_encoding_and_a_single_chunked_in_any_case) {
  EXPECT_EQ(status_of(post_with({})), std::nullopt);
  EXPECT_EQ(status_of(post_with({{http::field::content_length, "3"}})), std::nullopt);
  EXPECT_EQ(status_of(post_with({{http::field::transfer_encoding, "chunked"}})), std::nullopt);
  EXPECT_EQ(status_of(post_with({{http::field::transfer_encoding, " Chunked\t"}})), std::nullopt);
}

TEST(TransferEncodingRefusal, refuses_framing_it_cannot_trust_with_400) {
  for (const char* value : {"gzip", "identity", "chunked, gzip", "chunked,chunked", "", "chunked,", ", chunked"}) {
    EXPECT_EQ(status_of(post_with({{http::field::transfer_encoding, value}})), 400) << "'" << value << "'";
  }
  EXPECT_EQ(status_of(post_with({{http::field::transfer_encoding, "chunked"}, {http::field::transfer_encoding, "gzip"}})),
            400);
  EXPECT_EQ(status_of(post_with({{http::field::transfer_encoding, "chunked"}, {http::field::transfer_encoding, "chunked"}})),
            400);
  EXPECT_EQ(status_of(post_with({{http::field::transfer_encoding, "chunked"}, {http::field::content_length, "5"}})), 400);
  EXPECT_EQ(status_of(post_with({{http::field::transfer_encoding, "chunked"}}, 10)), 400);
}

TEST(TransferEncodingRefusal, answers_a_coding_before_chunked_with_501) {
  EXPECT_EQ(status_of(post_with({{http::field::transfer_encoding, "gzip, chunked"}})), 501);
  EXPECT_EQ(status_of(post_with({{http::field::transfer_encoding, "x-custom ,chunked"}})), 501);
}

}  // namespace
}  // namespace trappa::web
