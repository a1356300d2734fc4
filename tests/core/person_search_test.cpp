// Finding people by the parts of their name (core/org/person_search.hpp, issue 13: HR's
// person search).
#include <gtest/gtest.h>

#include <algorithm>

#include "core/base/case_fold.hpp"
#include "core/org/person_search.hpp"

namespace trappa::core {
namespace {

std::vector<Person> people_named(std::vector<std::string> names) {
  std::vector<Person> people;
  for (std::size_t i = 0; i < names.size(); ++i) {
    Person person;
    person.employee_id = "E" + std::to_string(i);
    person.name = names[i];
    people.push_back(person);
  }
  return people;
}

std::vector<std::uint32_t> matches(const PersonSearchIndex& index, std::string_view query) {
  std::vector<std::uint32_t> found;
  index.for_each_match(query, [&](std::uint32_t person) {
    found.push_back(person);
    return true;
  });
  std::sort(found.begin(), found.end());
  return found;
}

TEST(FoldCase, lowers_ascii_and_swedish_capitals_and_leaves_the_rest) {
  EXPECT_EQ(fold_case("ÅSA Öberg-ÄNG"), "åsa öberg-äng");
  EXPECT_EQ(fold_case("ÉLODIE Ü × ß 𝄞"), "élodie ü × ß 𝄞");
}

TEST(PersonSearchIndex, the_beginning_of_any_name_word_finds_the_person_in_any_case) {
  const auto people = people_named({"Anna Berg", "Annika Öberg", "Bo Ek", "Åsa Anner-Lind"});
  const PersonSearchIndex index(people);
  EXPECT_EQ(matches(index, "ann"), (std::vector<std::uint32_t>{0, 1, 3}));
  EXPECT_EQ(matches(index, "ÖBERG"), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(matches(index, "öb"), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(matches(index, "lind"), (std::vector<std::uint32_t>{3}));  // after a hyphen
  EXPECT_EQ(matches(index, "åsa"), (std::vector<std::uint32_t>{3}));
  EXPECT_EQ(matches(index, "erg"), (std::vector<std::uint32_t>{}));     // not the beginning of a word
  EXPECT_EQ(matches(index, "   "), (std::vector<std::uint32_t>{}));
}

TEST(PersonSearchIndex, every_word_of_the_query_must_begin_a_word_of_the_name) {
  const auto people = people_named({"Anna Berg", "Anna Ek", "Berit Anka"});
  const PersonSearchIndex index(people);
  EXPECT_EQ(matches(index, "ann berg"), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(matches(index, "berg ann"), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(matches(index, "an"), (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(matches(index, "anna x"), (std::vector<std::uint32_t>{}));
}

TEST(PersonSearchIndex, a_person_with_two_matching_words_is_offered_once_and_visiting_can_stop) {
  const auto people = people_named({"Anna Annasdotter", "Anders And"});
  const PersonSearchIndex index(people);
  EXPECT_EQ(matches(index, "an"), (std::vector<std::uint32_t>{0, 1}));
  int visits = 0;
  index.for_each_match("an", [&](std::uint32_t) { return ++visits < 1; });
  EXPECT_EQ(visits, 1);
}

}  // namespace
}  // namespace trappa::core
