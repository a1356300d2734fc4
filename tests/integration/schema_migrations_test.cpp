// The migration files (src/store/sql/migrations/NNN_name.sql): the build's own parse into
// versions 1..N, and files of the wrong shape are refused with the file and line named.
#include <gtest/gtest.h>

#include "store/sql/schema_migrations.hpp"

namespace trappa::store {
namespace {

TEST(SchemaMigrations, the_shipped_files_are_versions_one_to_n_each_with_statements) {
  auto parsed = parse_migrations(embedded_migrations());
  ASSERT_TRUE(parsed) << parsed.error().describe();
  ASSERT_FALSE(parsed->empty());
  for (std::size_t i = 0; i < parsed->size(); ++i) {
    EXPECT_EQ((*parsed)[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE((*parsed)[i].description.empty());
    EXPECT_FALSE((*parsed)[i].statements.empty());
    for (const std::string& statement : (*parsed)[i].statements) EXPECT_EQ(statement.find(';'), std::string::npos);
  }
  EXPECT_EQ(schema_migrations().size(), parsed->size());
  EXPECT_TRUE(schema_migrations().front().statements.front().starts_with("CREATE TABLE units ("));
}

TEST(SchemaMigrations, statements_end_at_a_semicolon_at_the_end_of_a_line_and_comments_are_skipped) {
  const core::EmbeddedFile file{"001_first", "m/001_first.sql",
                                "-- the first\n\nCREATE TABLE a (\n  x TEXT);\n-- a note\nCREATE INDEX a_x ON a(x);\n"};
  auto parsed = parse_migrations(std::span(&file, 1));
  ASSERT_TRUE(parsed) << parsed.error().describe();
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_EQ(parsed->front().description, "the first");
  ASSERT_EQ(parsed->front().statements.size(), 2u);
  EXPECT_EQ(parsed->front().statements[0], "CREATE TABLE a (\n  x TEXT)");
  EXPECT_EQ(parsed->front().statements[1], "CREATE INDEX a_x ON a(x)");
}

TEST(SchemaMigrations, files_of_the_wrong_shape_are_refused_with_the_file_named) {
  const core::EmbeddedFile no_number{"first", "m/first.sql", "-- x\nCREATE TABLE a (x TEXT);\n"};
  const core::EmbeddedFile no_description{"001_a", "m/001_a.sql", "CREATE TABLE a (x TEXT);\n"};
  const core::EmbeddedFile unterminated{"001_a", "m/001_a.sql", "-- x\nCREATE TABLE a (x TEXT)\n"};
  const core::EmbeddedFile gap[] = {{"001_a", "m/001_a.sql", "-- a\nCREATE TABLE a (x TEXT);\n"},
                                    {"003_c", "m/003_c.sql", "-- c\nCREATE TABLE c (x TEXT);\n"}};
  for (const auto& [files, expected] :
       std::vector<std::pair<std::span<const core::EmbeddedFile>, std::string>>{
           {std::span(&no_number, 1), "m/first.sql: a migration's name is NNN_name.sql"},
           {std::span(&no_description, 1), "m/001_a.sql:1: a migration starts with a comment line"},
           {std::span(&unterminated, 1), "m/001_a.sql:2: the last statement does not end with ';'"},
           {std::span(gap), "m/003_c.sql: version 3 follows version 1; expected 2"}}) {
    auto parsed = parse_migrations(files);
    ASSERT_FALSE(parsed);
    EXPECT_TRUE(parsed.error().message.starts_with(expected)) << parsed.error().message;
  }
}

}  // namespace
}  // namespace trappa::store
