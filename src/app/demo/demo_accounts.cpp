#include "app/demo/demo_accounts.hpp"
#include "app/demo/demo_loader.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "app/access/password.hpp"
#include "app/published/snapshot_loader.hpp"
#include "core/analytics/gap_snapshot.hpp"
#include "store/access/access_store.hpp"
#include "store/assessment/round_store.hpp"
#include "store/audit/audit_store.hpp"

namespace trappa::app {

namespace {

constexpr const char* kEmployeePassword = "demo-medarbetare";
constexpr const char* kManagerPassword = "demo-chef-2026";
constexpr const char* kHrPassword = "demo-hr-2026";
constexpr const char* kObserverPassword = "demo-observator";

}  // namespace

core::Result<std::vector<DemoAccount>> ensure_demo_accounts(store::Store& store) {
  TRY(app::initialise_crypto());
  // Published passwords must never open a real organisation: every write of people to this
  // store must have been the demo's.
  ASSIGN_OR_RETURN(auto imports, store.audit().load_audit("people"));
  if (imports.empty() || std::any_of(imports.begin(), imports.end(),
                                     [](const store::AuditEntry& entry) { return entry.actor != "demo"; })) {
    return core::fail(core::ErrorKind::kConflict,
                      "--demo needs an empty store or one the demo filled; this store holds imported people");
  }
  ASSIGN_OR_RETURN(auto interrupted, find_interrupted_demo(store));
  if (interrupted) {
    return core::fail(core::ErrorKind::kConflict,
                      "the demo in this store was interrupted before it finished; run `trappa demo` on it to finish it");
  }
  ASSIGN_OR_RETURN(auto organisation, load_organisation(store));
  const std::vector<core::Person>& people = organisation.people;
  ASSIGN_OR_RETURN(auto rounds, store.rounds().list_rounds());
  // The newest open round: the demo employee has not answered it yet.
  const core::Round* open = nullptr;
  for (const core::Round& round : rounds) {
    if (round.state == core::RoundState::kOpen) open = &round;
  }
  if (open == nullptr) return core::fail(core::ErrorKind::kNotFound, "the demo store has no open round");
  ASSIGN_OR_RETURN(auto snapshot, load_gap_snapshot(store, open->name, organisation));

  // Employee id -> index, built once: a search per person made this quadratic, over 15
  // minutes before `serve --demo` listened on a 1.3-million-person store (issue 12).
  std::unordered_map<std::string_view, std::size_t> index_by_id;
  index_by_id.reserve(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) index_by_id.emplace(people[i].employee_id, i);
  auto index_of = [&](const std::string& id) -> std::optional<std::size_t> {
    if (id.empty()) return std::nullopt;
    auto found = index_by_id.find(id);
    if (found == index_by_id.end()) return std::nullopt;
    return found->second;
  };
  // The employee: the lowest employee id among people in the round who have not started,
  // are no managers themselves, and whose manager is in the data.
  std::vector<bool> is_manager(people.size(), false);
  for (const core::Person& person : people) {
    if (auto manager = index_of(person.manager_id)) is_manager[*manager] = true;
  }
  std::optional<std::size_t> employee;
  const auto source = snapshot->source_person();
  const auto status = snapshot->status();
  for (std::size_t p = 0; p < source.size(); ++p) {
    const std::size_t i = source[p];
    if (status[p] != core::AssessmentStatus::kNotStarted || is_manager[i] || people[i].manager_id.empty()) continue;
    if (!index_of(people[i].manager_id)) continue;
    if (!employee || people[i].employee_id < people[*employee].employee_id) employee = i;
  }
  if (!employee) return core::fail(core::ErrorKind::kNotFound, "no demo employee without an assessment was found");
  const std::size_t manager = *index_of(people[*employee].manager_id);

  auto pick = [&](auto&& accept) -> std::optional<std::size_t> {
    std::optional<std::size_t> chosen;
    for (std::size_t i = 0; i < people.size(); ++i) {
      if (i == *employee || i == manager || !accept(people[i], i)) continue;
      if (!chosen || people[i].employee_id < people[*chosen].employee_id) chosen = i;
    }
    return chosen;
  };
  // HR: someone in an HR unit, else anyone who is no manager.
  std::optional<std::size_t> hr = pick([&](const core::Person& person, std::size_t i) {
    return !is_manager[i] && (person.unit_code.ends_with("-HR") || person.unit_code.find("HR") != std::string::npos);
  });
  if (!hr) hr = pick([&](const core::Person&, std::size_t i) { return !is_manager[i]; });
  // The observer: a union representative is an employee elsewhere in the organisation.
  std::optional<std::size_t> observer = pick([&](const core::Person& person, std::size_t i) {
    return !is_manager[i] && i != hr && person.unit_code != people[*employee].unit_code &&
           person.unit_code != people[*hr].unit_code;
  });
  if (!hr || !observer) return core::fail(core::ErrorKind::kNotFound, "the demo organisation is too small for accounts");

  const std::vector<std::tuple<std::string, std::size_t, core::AccountRole, const char*>> wanted{
      {"demo_employee", *employee, core::AccountRole::kEmployee, kEmployeePassword},
      {"demo_manager", manager, core::AccountRole::kEmployee, kManagerPassword},
      {"demo_hr", *hr, core::AccountRole::kHr, kHrPassword},
      {"demo_observer", *observer, core::AccountRole::kObserver, kObserverPassword},
  };
  std::vector<DemoAccount> accounts;
  for (const auto& [label, index, role, password] : wanted) {
    const std::string& id = people[index].employee_id;
    ASSIGN_OR_RETURN(auto existing, store.access().load_account(id));
    if (!existing) {
      ASSIGN_OR_RETURN(auto hash, app::hash_password(password));
      core::Account account{id, role, hash, false, {}, {}};
      TRY(store.access().save_account(account, store::Actor{"demo"}));
    }
    accounts.push_back({label, id, password});
  }
  return accounts;
}

}  // namespace trappa::cli
