// Imports from the web (page Importera, docs/web.md): an uploaded file is kept server-side
// under a random token bound to the session that uploaded it, checked as a dry run for the
// preview, then imported on a thread of its own while the page shows its progress.
//
// Contract:
// - Files live in a private directory (mode 0700, created under the system's temporary
//   directory) under a name Trappa chose; the client's file name is only used in messages.
//   A file is removed once its import ends, on cancel, and when it expires (one hour after
//   the upload without a confirmation; a finished job's state is kept as long for its page).
// - Every call names the owner (the session's digest): another session's token is unknown.
// - The import is import_file (import_service.hpp) with the signed-in user as the audit
//   trail's actor; its writes reach every serving node through the store's change feed, as
//   the CLI's do.
// - Thread-safe. The destructor waits for running imports.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/imports/import_service.hpp"
#include "app/published/store_pool.hpp"
#include "core/base/clock.hpp"
#include "core/base/result.hpp"

namespace trappa::app {

// What the web asks to import: the kind and the option it needs (import_service.hpp).
struct WebImportOptions {
  ImportKind kind = ImportKind::kPeople;
  std::string framework_id{};  // kProfiles, kActivities
  std::string round{};         // kAssessments, kMotivation
  std::filesystem::path map_file{};  // a column map of data/import-maps/; empty: none
  // The CLI's --date-format, --unit-by name, --sheet and --encoding (ImportRequest).
  std::string date_format{};
  bool unit_by_name = false;
  std::string sheet{};
  std::string encoding{};
};

struct WebImportJob {
  enum class State { kStaged, kRunning, kDone, kFailed, kCancelled };
  State state = State::kStaged;
  std::string file_name{};          // as uploaded, for messages
  WebImportOptions options{};
  std::optional<ImportProgress> progress{};  // the last stage reached while running
  std::optional<ImportOutcome> outcome{};    // kDone
  std::optional<core::Error> error{};        // kFailed
};

class WebImports {
 public:
  WebImports(StorePool& pool, const core::Clock& clock);
  ~WebImports();
  WebImports(const WebImports&) = delete;
  WebImports& operator=(const WebImports&) = delete;

  // Keeps `content` as the file of a new job and returns its token.
  [[nodiscard]] core::Result<std::string> stage(const std::string& owner, const std::string& file_name,
                                                std::string_view content, const WebImportOptions& options);
  // The dry run of a staged job: its preview, or the file's problems (kInvalidInput, ...).
  [[nodiscard]] core::Result<ImportOutcome> preview(const std::string& owner, const std::string& token);
  // Starts the import of a staged job with `actor` as the audit trail's actor; kNotFound for
  // an unknown token, kConflict when it is not staged (already started, cancelled).
  [[nodiscard]] core::Result<void> start(const std::string& owner, const std::string& token, const std::string& actor);
  // Removes a staged job's file; kNotFound, kConflict as start.
  [[nodiscard]] core::Result<void> cancel(const std::string& owner, const std::string& token);
  // The job as it stands; nullopt for an unknown or expired token.
  [[nodiscard]] std::optional<WebImportJob> job(const std::string& owner, const std::string& token);

  // Where the uploaded files are kept (for operators and tests).
  [[nodiscard]] const std::filesystem::path& directory() const { return directory_; }

  static constexpr std::chrono::hours kExpiry{1};

 private:
  struct Entry;
  void run(const std::shared_ptr<Entry>& entry, const std::string& actor);
  std::shared_ptr<Entry> find(const std::string& owner, const std::string& token);  // mutex_ held
  void expire();                                                                   // mutex_ held

  StorePool& pool_;
  const core::Clock& clock_;
  std::filesystem::path directory_;
  std::mutex mutex_;  // guards entries_ and every Entry's job
  std::map<std::string, std::shared_ptr<Entry>> entries_;
  // The import threads with their jobs, joined once the job has ended (at the next start)
  // or on destruction. Last, so that they are joined before anything else goes.
  std::vector<std::pair<std::shared_ptr<Entry>, std::jthread>> threads_;
};

}  // namespace trappa::app
