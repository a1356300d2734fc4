// The Store over a SOCI session. Internal to the store layer: nothing outside src/store
// includes this header (or any SOCI header).
#pragma once

#include <exception>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "store/sql/dialect.hpp"
#include "store/store.hpp"
#include "store/sql/write_transaction.hpp"

namespace soci {
class session;
}

namespace trappa::store {

class SociStore final : public Store {
 public:
  SociStore(std::unique_ptr<Dialect> dialect, std::unique_ptr<soci::session> session);
  ~SociStore() override;

  std::string_view backend_name() const override;
  core::Result<int> migrate() override;
  core::Result<int> schema_version() override;

  core::Result<std::vector<core::Unit>> load_units() override;
  core::Result<std::vector<core::Person>> load_people() override;
  core::Result<void> save_units(const std::vector<core::Unit>& units, const Actor& actor) override;
  core::Result<void> save_people(const std::vector<core::Person>& people, const Actor& actor) override;
  core::Result<void> save_employments(const std::vector<core::Employment>& employments, const Actor& actor) override;
  core::Result<std::vector<core::Employment>> load_employments() override;

  core::Result<int> save_framework(const core::Framework& framework, const Actor& actor) override;
  core::Result<std::optional<StoredFramework>> load_framework(const std::string& id,
                                                              std::optional<int> revision) override;
  core::Result<std::vector<FrameworkSummary>> list_frameworks() override;

  core::Result<void> create_round(const core::Round& round, const Actor& actor) override;
  core::Result<std::vector<core::Round>> list_rounds() override;
  core::Result<std::optional<core::Round>> load_round(const std::string& name) override;
  core::Result<void> set_round_state(const std::string& name, core::RoundState state, const Actor& actor) override;
  core::Result<std::optional<core::Assessment>> load_assessment(const std::string& round,
                                                                const std::string& employee_id) override;
  core::Result<void> save_assessment(const core::Assessment& assessment, const Actor& actor) override;
  core::Result<void> save_assessments(const std::string& round, const std::vector<core::Assessment>& assessments,
                                      const Actor& actor) override;
  core::Result<std::vector<core::Assessment>> load_assessments(const std::string& round) override;
  core::Result<core::RoundFacts> load_round_facts(const std::string& round,
                                                  const std::vector<std::string>& employee_ids,
                                                  const core::Framework& framework) override;

  core::Result<void> save_account(const core::Account& account, const Actor& actor) override;
  core::Result<std::optional<core::Account>> load_account(const std::string& employee_id) override;
  core::Result<std::vector<core::Account>> list_accounts() override;
  core::Result<void> create_session(const core::SessionRecord& session) override;
  core::Result<std::optional<core::SessionRecord>> load_session(const std::string& token_digest) override;
  core::Result<void> delete_session(const std::string& token_digest) override;
  core::Result<bool> touch_session(const std::string& token_digest, const std::string& expires_at) override;
  core::Result<std::size_t> delete_sessions(const std::string& now, const std::string& employee_id) override;

  core::Result<void> append_audit(const AuditEntry& entry) override;
  core::Result<std::vector<AuditEntry>> load_audit(const std::string& subject) override;

  // Personal-data rights (person_record_store.cpp, person_erasure.cpp).
  core::Result<std::vector<AuditEntry>> load_person_audit(const std::string& employee_id) override;
  core::Result<std::optional<core::PersonRecord>> load_person_record(const std::string& employee_id) override;
  core::Result<ErasureSummary> erase_person(const std::string& employee_id, const Actor& actor) override;

 private:
  // Runs `work`, turning any driver exception into a storage Error that says what we were
  // doing. A transaction opened inside `work` rolls back when the exception unwinds it.
  template <typename Work>
  auto guarded(std::string_view doing, Work&& work) -> decltype(work()) {
    try {
      return work();
    } catch (const std::exception& error) {
      return core::fail(core::ErrorKind::kStorage, fmt::format("{} failed: {}", doing, error.what()));
    }
  }

  void append_audit_in_transaction(const AuditEntry& entry);
  // Many entries in one bulk-bound statement (per-person entries of an import).
  void append_audit_entries_in_transaction(const std::vector<AuditEntry>& entries);
  bool person_exists(const std::string& employee_id);
  // Whether "person.erase" was recorded for the person, and every person it was recorded for.
  bool is_erased(const std::string& employee_id);
  std::vector<std::string> erased_people();
  std::vector<AuditEntry> read_person_audit(const std::string& employee_id);
  std::optional<int> latest_revision(const std::string& framework_id);
  core::Framework read_framework_revision(const std::string& framework_id, int revision);
  // The round's id for writing: fails with kNotFound for an unknown round and kConflict for
  // a closed one.
  core::Result<long long> writable_round_id(const std::string& round);
  std::vector<core::Assessment> read_assessments(long long round_id, const std::string& round,
                                                 const std::string* only_employee);

  std::unique_ptr<Dialect> dialect_;
  std::unique_ptr<soci::session> session_;
};

}  // namespace trappa::store
