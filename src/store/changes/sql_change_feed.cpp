#include "store/changes/sql_change_feed.hpp"

#include <soci/soci.h>

#include <array>
#include <utility>

namespace trappa::store {

namespace {

constexpr std::array<std::pair<ChangeKind, std::string_view>, 10> kChangeCodes{{
    {ChangeKind::kOrganisation, "organisation"},
    {ChangeKind::kEmployments, "employments"},
    {ChangeKind::kFrameworks, "frameworks"},
    {ChangeKind::kRound, "round"},
    {ChangeKind::kAssessments, "assessments"},
    {ChangeKind::kAssessment, "assessment"},
    {ChangeKind::kAccounts, "accounts"},
    {ChangeKind::kLearning, "learning"},
    {ChangeKind::kSettings, "settings"},
    {ChangeKind::kPlans, "plans"},
}};

}  // namespace

std::string_view to_code(ChangeKind kind) {
  for (const auto& [value, code] : kChangeCodes) {
    if (value == kind) return code;
  }
  return "organisation";
}

std::optional<ChangeKind> parse_change_kind(std::string_view code) {
  for (const auto& [value, known] : kChangeCodes) {
    if (known == code) return value;
  }
  return std::nullopt;
}

core::Result<long long> SqlChangeFeed::latest_change() {
  return guarded("reading the change feed", [&]() -> core::Result<long long> {
    long long latest = 0;
    soci::indicator present = soci::i_null;
    *session_ << "SELECT MAX(id) FROM changes", soci::into(latest, present);
    return present == soci::i_ok ? latest : 0;
  });
}

core::Result<std::vector<Change>> SqlChangeFeed::changes_after(long long after, std::size_t limit) {
  return guarded("reading the change feed", [&]() -> core::Result<std::vector<Change>> {
    const auto most = static_cast<long long>(limit);
    // Bulk into typed vectors: a row's integer type differs between the backends.
    std::vector<long long> ids(limit);
    std::vector<std::string> kinds(limit), rounds(limit), subjects(limit);
    *session_ << "SELECT id, kind, round_name, subject FROM changes WHERE id > :after ORDER BY id LIMIT :most",
        soci::into(ids), soci::into(kinds), soci::into(rounds), soci::into(subjects), soci::use(after, "after"),
        soci::use(most, "most");
    std::vector<Change> changes;
    changes.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      // A kind this version does not know (a newer node wrote it) asks for a full refresh.
      changes.push_back({ids[i], parse_change_kind(kinds[i]).value_or(ChangeKind::kOrganisation), std::move(rounds[i]),
                         std::move(subjects[i])});
    }
    return changes;
  });
}

core::Result<void> SqlChangeFeed::wait_for_changes(std::chrono::milliseconds timeout) {
  return guarded("waiting for changes", [&]() -> core::Result<void> {
    dialect_->wait_for_change(*session_, timeout);
    return {};
  });
}

}  // namespace trappa::store
