// The code lists of an activity (competencies, audience_roles): one reading for the import,
// the web form, the store and the demo, and one writing for the export, the form and the store.
#include <gtest/gtest.h>

#include "core/learning/learning_activity.hpp"

namespace trappa::core {
namespace {

using Codes = std::vector<std::string>;

TEST(ActivityCodeList, spaces_tabs_and_commas_separate_codes_and_empty_pieces_vanish) {
  EXPECT_EQ(parse_code_list("1.1 3.1"), (Codes{"1.1", "3.1"}));
  EXPECT_EQ(parse_code_list("  1.1\t\t3.1 "), (Codes{"1.1", "3.1"}));
  EXPECT_EQ(parse_code_list("1.1,3.1"), (Codes{"1.1", "3.1"}));
  EXPECT_EQ(parse_code_list("1.1, 3.1,"), (Codes{"1.1", "3.1"}));
  EXPECT_EQ(parse_code_list(""), Codes{});
  EXPECT_EQ(parse_code_list(" , \t"), Codes{});
}

TEST(ActivityCodeList, writes_single_spaces_and_reads_back_the_same_list) {
  const Codes codes{"1.1", "3.1", "bibliotekarie"};
  EXPECT_EQ(format_code_list(codes), "1.1 3.1 bibliotekarie");
  EXPECT_EQ(parse_code_list(format_code_list(codes)), codes);
  EXPECT_EQ(format_code_list({}), "");
}

}  // namespace
}  // namespace trappa::core
