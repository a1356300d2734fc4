// A reader of the project's gettext catalogues (po/<language>.po) for the tests: entries with
// their msgctxt (the key), msgid, msgstr and flags. Enough of the format for what msgfmt
// writes and Poedit and Weblate keep: comments, flags, strings continued over lines, \" \\ \n \t.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace trappa::test {

struct PoEntry {
  std::string context;  // the key
  std::string id;       // the Swedish source text
  std::string text;     // the translation (msgstr)
  bool fuzzy = false;
  int line = 0;
};

inline std::filesystem::path po_directory() { return std::filesystem::path(TRAPPA_DATA_DIR).parent_path() / "po"; }

inline std::string po_unquote(const std::string& quoted, const std::string& where) {
  if (quoted.size() < 2 || quoted.front() != '"' || quoted.back() != '"') throw std::runtime_error(where + ": not a quoted string");
  std::string text;
  for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
    char c = quoted[i];
    if (c == '\\' && i + 2 < quoted.size()) {
      const char next = quoted[++i];
      c = next == 'n' ? '\n' : next == 't' ? '\t' : next;
    }
    text += c;
  }
  return text;
}

// Every entry but the header (the msgid "" one), in file order.
inline std::vector<PoEntry> read_po(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::vector<PoEntry> entries;
  PoEntry current;
  std::string* target = nullptr;
  bool started = false;
  auto finish = [&] {
    if (started && !(current.context.empty() && current.id.empty())) entries.push_back(current);
    current = {};
    target = nullptr;
    started = false;
  };
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string where = file.string() + ":" + std::to_string(number);
    if (line.empty()) {
      finish();
      continue;
    }
    if (line.starts_with("#,")) {
      if (line.find("fuzzy") != std::string::npos) current.fuzzy = true;
      continue;
    }
    if (line.starts_with("#")) continue;
    auto keyword = [&](std::string_view word, std::string* field) {
      if (!line.starts_with(word) || line.size() <= word.size() || line[word.size()] != ' ') return false;
      if (word == "msgctxt" && started) finish();
      if (!started) current.line = number;
      started = true;
      *field = po_unquote(line.substr(word.size() + 1), where);
      target = field;
      return true;
    };
    if (keyword("msgctxt", &current.context) || keyword("msgid", &current.id) || keyword("msgstr", &current.text)) continue;
    if (line.starts_with("\"") && target != nullptr) {
      *target += po_unquote(line, where);
      continue;
    }
    throw std::runtime_error(where + ": cannot read the line: " + line);
  }
  finish();
  return entries;
}

// key → entry.
inline std::map<std::string, PoEntry> po_by_key(const std::vector<PoEntry>& entries) {
  std::map<std::string, PoEntry> map;
  for (const PoEntry& entry : entries) map.emplace(entry.context, entry);
  return map;
}

}  // namespace trappa::test
