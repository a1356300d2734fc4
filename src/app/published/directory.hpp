// The organisation as the web application reads it: people by employee id, who reports to
// whom, units by code, and a search by name. Built for each publication of the organisation
// (at start and after a change in the store, app/serving) and immutable after, so request
// threads share it without locking.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/org/org.hpp"
#include "core/org/person_search.hpp"
#include "core/org/unit_tree.hpp"
#include "app/published/snapshot_loader.hpp"

namespace trappa::app {

class Directory {
 public:
  explicit Directory(OrganisationData organisation);
  // The name index refers to the people held here: a directory stays where it was built.
  Directory(const Directory&) = delete;
  Directory& operator=(const Directory&) = delete;

  [[nodiscard]] const OrganisationData& organisation() const { return organisation_; }
  [[nodiscard]] const std::vector<core::Person>& people() const { return organisation_.people; }
  [[nodiscard]] const core::UnitTree& tree() const { return *organisation_.tree; }

  // Index into people(), by employee id (exact) or e-mail address (case-insensitive). An
  // address that several people share (imports refuse that, but an older store may hold it)
  // finds no one: it does not say who is meant.
  [[nodiscard]] std::optional<std::uint32_t> index_of(std::string_view employee_id) const;
  [[nodiscard]] std::optional<std::uint32_t> index_of_email(std::string_view email) const;
  [[nodiscard]] bool email_is_shared(std::string_view email) const;
  [[nodiscard]] const core::Person* find(std::string_view employee_id) const;

  // People whose manager_id is the person, sorted by name.
  [[nodiscard]] const std::vector<std::uint32_t>& direct_reports(std::uint32_t person) const;
  // Everyone below the person in the management chain (direct reports first), sorted by name.
  [[nodiscard]] std::vector<std::uint32_t> all_reports(std::uint32_t person) const;
  [[nodiscard]] bool manages_anyone(std::uint32_t person) const { return !direct_reports(person).empty(); }
  // Whether `manager` is above `person` in the chain (directly when `direct_only`).
  [[nodiscard]] bool is_manager_of(std::uint32_t manager, std::uint32_t person, bool direct_only) const;

  [[nodiscard]] std::string unit_name(std::string_view code) const;  // the code when unknown
  // Whether the person's unit lies in the subtree of `unit_code` (true for an empty code).
  [[nodiscard]] bool in_subtree(const core::Person& person, std::string_view unit_code) const;
  [[nodiscard]] bool unit_in_subtree(std::string_view unit, std::string_view root) const;

  // People in the subtree of `scope_unit` (everyone for an empty code) found by `query`: the
  // person with that employee id or e-mail address first, then everyone whose name matches
  // (core/org/person_search.hpp), sorted by name; at most `limit`, and `more` when others
  // match too. The name index is built with the directory, off the request threads (0.7 s at
  // 1.3 million people, bench/person_search_bench.cpp).
  struct SearchResult {
    std::vector<std::uint32_t> people;
    bool more = false;
  };
  [[nodiscard]] SearchResult search(std::string_view query, std::string_view scope_unit, std::size_t limit) const;

 private:
  OrganisationData organisation_;
  std::unordered_map<std::string, std::uint32_t> by_id_;
  std::unordered_map<std::string, std::uint32_t> by_email_;
  std::unordered_set<std::string> shared_emails_;  // lower-cased addresses of several people
  std::vector<std::vector<std::uint32_t>> reports_;
  core::PersonSearchIndex name_index_;  // over organisation_.people; declared after it
};

}  // namespace trappa::web
