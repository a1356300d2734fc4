// One golden file per chart kind in tests/fixtures/report/, so any change to the drawing
// shows up in review. The files hold the output with a line break between adjacent tags
// (">\n<"), so a diff shows which element changed. After an intended change, regenerate them with
//   TRAPPA_UPDATE_GOLDEN=1 build/tests/report_tests --gtest_filter='Golden*'
// and look at the diff (and at a screenshot) before committing.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "report/charts/charts.hpp"
#include "report/charts/data_table.hpp"
#include "sample_charts.hpp"

namespace trappa::report {
namespace {

struct GoldenCase {
  std::string file;
  std::string (*render)();
};

class Golden : public ::testing::TestWithParam<GoldenCase> {};

INSTANTIATE_TEST_SUITE_P(
    Charts, Golden,
    ::testing::Values(GoldenCase{"bar_chart.svg", [] { return bar_chart(testing::sample_bar_chart()); }},
                      GoldenCase{"level_chart.svg", [] { return bar_chart(testing::sample_level_chart()); }},
                      GoldenCase{"stacked_bar.svg", [] { return stacked_bar(testing::sample_stacked_bar()); }},
                      GoldenCase{"heatmap.svg", [] { return heatmap(testing::sample_heatmap()); }},
                      GoldenCase{"population_pyramid.svg", [] { return population_pyramid(testing::sample_pyramid()); }},
                      GoldenCase{"line_chart.svg", [] { return line_chart(testing::sample_line_chart()); }},
                      GoldenCase{"heatmap_table.html",
                                 [] { return data_table_html(table_for(testing::sample_heatmap())); }}),
    [](const auto& info) {
      std::string name = info.param.file;
      for (char& c : name) {
        if (c == '.') c = '_';
      }
      return name;
    });

TEST_P(Golden, output_matches_the_reviewed_file) {
  const std::string path = std::string(TRAPPA_FIXTURES_DIR) + "/report/" + GetParam().file;
  std::string actual;
  const std::string rendered = GetParam().render();
  for (std::size_t i = 0; i < rendered.size(); ++i) {
    actual += rendered[i];
    if (rendered[i] == '>' && i + 1 < rendered.size() && rendered[i + 1] == '<') actual += '\n';
  }
  actual += '\n';
  if (std::getenv("TRAPPA_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path << " (run with TRAPPA_UPDATE_GOLDEN=1 to create it)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << path;
}

}  // namespace
}  // namespace trappa::report
