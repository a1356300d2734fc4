#include "app/published/directory.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace trappa::app {

namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

}  // namespace

Directory::Directory(OrganisationData organisation)
    : organisation_(std::move(organisation)), name_index_(organisation_.people) {
  const auto& people = organisation_.people;
  by_id_.reserve(people.size());
  for (std::uint32_t i = 0; i < people.size(); ++i) {
    by_id_.emplace(people[i].employee_id, i);
    if (people[i].email.empty()) continue;
    // An address two people share names neither: it is kept out of the index, so that
    // signing in with it (or single sign-on passing it) is refused rather than picking one.
    const std::string email = lower(people[i].email);
    if (shared_emails_.contains(email)) continue;
    if (auto [found, inserted] = by_email_.emplace(email, i); !inserted) {
      by_email_.erase(found);
      shared_emails_.insert(email);
    }
  }
  reports_.resize(people.size());
  for (std::uint32_t i = 0; i < people.size(); ++i) {
    if (people[i].manager_id.empty()) continue;
    if (auto manager = by_id_.find(people[i].manager_id); manager != by_id_.end() && manager->second != i) {
      reports_[manager->second].push_back(i);
    }
  }
  for (auto& reports : reports_) {
    std::sort(reports.begin(), reports.end(), [&](std::uint32_t a, std::uint32_t b) {
      return people[a].name != people[b].name ? people[a].name < people[b].name
                                              : people[a].employee_id < people[b].employee_id;
    });
  }
}

std::optional<std::uint32_t> Directory::index_of(std::string_view employee_id) const {
  auto found = by_id_.find(std::string(employee_id));
  if (found == by_id_.end()) return std::nullopt;
  return found->second;
}

std::optional<std::uint32_t> Directory::index_of_email(std::string_view email) const {
  auto found = by_email_.find(lower(email));
  if (found == by_email_.end()) return std::nullopt;
  return found->second;
}

bool Directory::email_is_shared(std::string_view email) const { return shared_emails_.contains(lower(email)); }

const core::Person* Directory::find(std::string_view employee_id) const {
  auto index = index_of(employee_id);
  return index ? &organisation_.people[*index] : nullptr;
}

const std::vector<std::uint32_t>& Directory::direct_reports(std::uint32_t person) const { return reports_[person]; }

std::vector<std::uint32_t> Directory::all_reports(std::uint32_t person) const {
  std::vector<std::uint32_t> result;
  std::vector<bool> seen(organisation_.people.size(), false);
  seen[person] = true;
  std::vector<std::uint32_t> queue = reports_[person];
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const std::uint32_t next = queue[i];
    if (seen[next]) continue;  // cycles in imported data must not loop
    seen[next] = true;
    result.push_back(next);
    for (std::uint32_t below : reports_[next]) queue.push_back(below);
  }
  const auto& people = organisation_.people;
  std::stable_sort(result.begin(), result.end(), [&](std::uint32_t a, std::uint32_t b) {
    return people[a].name < people[b].name;
  });
  return result;
}

bool Directory::is_manager_of(std::uint32_t manager, std::uint32_t person, bool direct_only) const {
  const auto& people = organisation_.people;
  std::uint32_t current = person;
  for (std::size_t steps = 0; steps < people.size(); ++steps) {
    auto above = index_of(people[current].manager_id);
    if (!above || *above == current) return false;
    if (*above == manager) return true;
    if (direct_only) return false;
    current = *above;
  }
  return false;
}

std::string Directory::unit_name(std::string_view code) const {
  auto index = organisation_.tree->index_of(code);
  return index ? organisation_.tree->unit(*index).name : std::string(code);
}

bool Directory::unit_in_subtree(std::string_view unit, std::string_view root) const {
  if (root.empty()) return true;
  auto root_index = organisation_.tree->index_of(root);
  auto unit_index = organisation_.tree->index_of(unit);
  if (!root_index || !unit_index) return false;
  return *unit_index >= *root_index && *unit_index < organisation_.tree->subtree_end(*root_index);
}

bool Directory::in_subtree(const core::Person& person, std::string_view unit_code) const {
  return unit_in_subtree(person.unit_code, unit_code);
}

Directory::SearchResult Directory::search(std::string_view query, std::string_view scope_unit,
                                          std::size_t limit) const {
  SearchResult result;
  std::vector<std::uint32_t> exact;
  for (auto found : {index_of(query), index_of_email(query)}) {
    if (found && std::find(exact.begin(), exact.end(), *found) == exact.end() &&
        in_subtree(organisation_.people[*found], scope_unit)) {
      exact.push_back(*found);
    }
  }
  std::vector<std::uint32_t> named;
  name_index_.for_each_match(query, [&](std::uint32_t person) {
    if (std::find(exact.begin(), exact.end(), person) != exact.end()) return true;
    if (!in_subtree(organisation_.people[person], scope_unit)) return true;
    if (exact.size() + named.size() == limit) {
      result.more = true;
      return false;
    }
    named.push_back(person);
    return true;
  });
  const auto& people = organisation_.people;
  std::sort(named.begin(), named.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tie(people[a].name, people[a].employee_id) < std::tie(people[b].name, people[b].employee_id);
  });
  result.people = std::move(exact);
  if (result.people.size() > limit) result.people.resize(limit);
  result.people.insert(result.people.end(), named.begin(), named.end());
  return result;
}

}  // namespace trappa::web
