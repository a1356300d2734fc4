// Finding people by the parts of their name a colleague types, in any case. The index is built
// once from the people of a published directory and answers a query in O(log n + candidates)
// by a prefix search over the sorted words of every name, so a search does not scan the
// organisation (1.3 million people at national scale). Employee ids and e-mail addresses are
// found by the directory's exact maps (app/published/directory.hpp).
//
// Matching (docs/web.md, "Person search"): the query is split into words at spaces and
// hyphens; a person matches when every word is the beginning of a word of their name. Letters
// compare without case, å/Å, ä/Ä, ö/Ö and the other Latin-1 letters included.
// Immutable after construction; thread-safe. Holds a reference to `people`, which must outlive it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/org/org.hpp"

namespace trappa::core {

class PersonSearchIndex {
 public:
  explicit PersonSearchIndex(const std::vector<Person>& people);

  // Calls `visit` with the index into `people` of each person matching `query`, each once,
  // until `visit` returns false. Order: as the index meets them (by the matching name word).
  void for_each_match(std::string_view query, const std::function<bool(std::uint32_t person)>& visit) const;

 private:
  struct Word {
    std::uint64_t key;     // the first 8 bytes, big-endian: most comparisons end here
    std::uint32_t offset;  // into words_text_
    std::uint32_t length;
    std::uint32_t person;
  };
  [[nodiscard]] std::string_view text_of(const Word& word) const { return {words_text_.data() + word.offset, word.length}; }

  const std::vector<Person>& people_;
  std::string words_text_;  // every folded name word, one after another
  std::vector<Word> words_;  // sorted by text
};

}  // namespace trappa::core
