#include "core/org/person_search.hpp"

#include <algorithm>
#include <unordered_set>

#include "core/base/case_fold.hpp"

namespace trappa::core {

namespace {

// Calls `word` for each word of `text`, split at spaces and hyphens.
template <typename Visit>
void split_words(std::string_view text, Visit&& word) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find_first_of(" -\t", start);
    const std::size_t stop = end == std::string_view::npos ? text.size() : end;
    if (stop > start) word(text.substr(start, stop - start));
    start = stop + 1;
  }
}

bool every_word_begins_a_name_word(const std::vector<std::string_view>& query_words, const std::string& folded_name) {
  for (std::string_view wanted : query_words) {
    bool found = false;
    split_words(folded_name, [&](std::string_view word) { found = found || word.starts_with(wanted); });
    if (!found) return false;
  }
  return true;
}

// The first 8 bytes of `text` as a number that orders like the text (shorter texts padded with
// zero bytes, which sort first as the shorter text does).
std::uint64_t prefix_key(std::string_view text) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    key = (key << 8) | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0u);
  }
  return key;
}

}  // namespace

PersonSearchIndex::PersonSearchIndex(const std::vector<Person>& people) : people_(people) {
  for (std::uint32_t person = 0; person < people.size(); ++person) {
    split_words(fold_case(people[person].name), [&](std::string_view word) {
      words_.push_back({prefix_key(word), static_cast<std::uint32_t>(words_text_.size()),
                        static_cast<std::uint32_t>(word.size()), person});
      words_text_.append(word);
    });
  }
  std::sort(words_.begin(), words_.end(), [this](const Word& a, const Word& b) {
    if (a.key != b.key) return a.key < b.key;
    // The same first 8 bytes: the rest decides (empty for the many short first names).
    if (a.length <= 8 || b.length <= 8) return a.length < b.length;
    return text_of(a).substr(8) < text_of(b).substr(8);
  });
}

void PersonSearchIndex::for_each_match(std::string_view query,
                                       const std::function<bool(std::uint32_t person)>& visit) const {
  const std::string folded = fold_case(query);
  std::vector<std::string_view> query_words;
  split_words(folded, [&](std::string_view word) { query_words.push_back(word); });
  if (query_words.empty()) return;
  // The first word narrows to an interval of the sorted words; the others are checked on each
  // candidate's whole name. A person with two matching words is offered once.
  std::unordered_set<std::uint32_t> seen;
  const std::string_view first = query_words.front();
  auto it = std::lower_bound(words_.begin(), words_.end(), first,
                             [this](const Word& word, std::string_view wanted) { return text_of(word) < wanted; });
  for (; it != words_.end() && text_of(*it).starts_with(first); ++it) {
    if (!seen.insert(it->person).second) continue;
    if (query_words.size() > 1 && !every_word_begins_a_name_word(query_words, fold_case(people_[it->person].name))) {
      continue;
    }
    if (!visit(it->person)) return;
  }
}

}  // namespace trappa::core
