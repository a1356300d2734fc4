#include "app/imports/web_imports.hpp"

#include <spdlog/spdlog.h>
#include <stdlib.h>

#include <fstream>
#include <system_error>

#include "app/access/password.hpp"

namespace trappa::app {

struct WebImports::Entry {
  std::string owner;
  std::filesystem::path file;  // empty once removed
  core::Clock::TimePoint touched;    // the upload, or the end of the import
  WebImportJob job;
};

namespace {

// A directory only this process's user may enter, for the uploaded files.
std::filesystem::path private_directory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "trappa-imports-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "cannot create a private directory for uploads");
  }
  return pattern;  // mkdtemp creates it with mode 0700
}

void remove_file(std::filesystem::path& file) {
  if (file.empty()) return;
  std::error_code ignored;
  std::filesystem::remove(file, ignored);
  file.clear();
}

}  // namespace

WebImports::WebImports(StorePool& pool, const core::Clock& clock)
    : pool_(pool), clock_(clock), directory_(private_directory()) {}

WebImports::~WebImports() {
  for (auto& [entry, thread] : threads_) {
    if (thread.joinable()) thread.join();
  }
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

core::Result<std::string> WebImports::stage(const std::string& owner, const std::string& file_name,
                                            std::string_view content, const WebImportOptions& options) {
  auto entry = std::make_shared<Entry>();
  const std::string token = random_token(24);
  entry->owner = owner;
  entry->file = directory_ / token;
  entry->touched = clock_.now();
  entry->job.file_name = file_name;
  entry->job.options = options;
  {
    std::ofstream out(entry->file, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) {
      remove_file(entry->file);
      return core::fail(core::ErrorKind::kStorage, "the uploaded file could not be kept on the server");
    }
  }
  std::lock_guard lock(mutex_);
  expire();
  entries_.emplace(token, entry);
  return token;
}

std::shared_ptr<WebImports::Entry> WebImports::find(const std::string& owner, const std::string& token) {
  expire();
  const auto found = entries_.find(token);
  if (found == entries_.end() || found->second->owner != owner) return nullptr;
  return found->second;
}

void WebImports::expire() {
  const auto now = clock_.now();
  for (auto it = entries_.begin(); it != entries_.end();) {
    Entry& entry = *it->second;
    if (entry.job.state != WebImportJob::State::kRunning && now - entry.touched > kExpiry) {
      remove_file(entry.file);
      it = entries_.erase(it);
    } else {
      ++it;
    }
  }
}

namespace {

ImportRequest request_for(const std::filesystem::path& file, const WebImportJob& job) {
  ImportRequest request;
  request.kind = job.options.kind;
  request.file = file;
  request.display_name = job.file_name;
  request.framework_id = job.options.framework_id;
  request.round = job.options.round;
  request.map_file = job.options.map_file;
  request.date_format = job.options.date_format;
  request.unit_by_name = job.options.unit_by_name;
  request.sheet = job.options.sheet;
  request.encoding = job.options.encoding;
  return request;
}

}  // namespace

core::Result<ImportOutcome> WebImports::preview(const std::string& owner, const std::string& token) {
  ImportRequest request;
  {
    std::lock_guard lock(mutex_);
    auto entry = find(owner, token);
    if (!entry) return core::fail(core::ErrorKind::kNotFound, "no such upload");
    if (entry->job.state != WebImportJob::State::kStaged) {
      return core::fail(core::ErrorKind::kConflict, "the upload is no longer waiting for a confirmation");
    }
    request = request_for(entry->file, entry->job);
  }
  request.dry_run = true;
  request.now = clock_.utc_timestamp();
  auto lease = pool_.borrow();
  return import_file(*lease, request);
}

core::Result<void> WebImports::start(const std::string& owner, const std::string& token, const std::string& actor) {
  std::lock_guard lock(mutex_);
  auto entry = find(owner, token);
  if (!entry) return core::fail(core::ErrorKind::kNotFound, "no such upload");
  if (entry->job.state != WebImportJob::State::kStaged) {
    return core::fail(core::ErrorKind::kConflict, "the upload is no longer waiting for a confirmation");
  }
  // Threads of ended imports are joined now: a joinable thread keeps its stack until then.
  // Their job is no longer running, so they are past their last use of the mutex held here.
  std::erase_if(threads_, [](auto& worker) {
    if (worker.first->job.state == WebImportJob::State::kRunning) return false;
    worker.second.join();
    return true;
  });
  entry->job.state = WebImportJob::State::kRunning;
  threads_.emplace_back(entry, std::jthread([this, entry, actor] { run(entry, actor); }));
  return {};
}

void WebImports::run(const std::shared_ptr<Entry>& entry, const std::string& actor) {
  ImportRequest request;
  {
    std::lock_guard lock(mutex_);
    request = request_for(entry->file, entry->job);
  }
  request.actor = store::Actor{actor};
  request.now = clock_.utc_timestamp();
  request.progress = [this, entry](const ImportProgress& progress) {
    std::lock_guard lock(mutex_);
    entry->job.progress = progress;
  };
  core::Result<ImportOutcome> outcome = [&] {
    auto lease = pool_.borrow();
    return import_file(*lease, request);
  }();
  std::lock_guard lock(mutex_);
  if (outcome) {
    spdlog::info("web import by {}: {} from {}", actor, outcome->what, entry->job.file_name);
    entry->job.outcome = std::move(*outcome);
    entry->job.state = WebImportJob::State::kDone;
  } else {
    entry->job.error = outcome.error();
    entry->job.state = WebImportJob::State::kFailed;
  }
  remove_file(entry->file);
  entry->touched = clock_.now();
}

core::Result<void> WebImports::cancel(const std::string& owner, const std::string& token) {
  std::lock_guard lock(mutex_);
  auto entry = find(owner, token);
  if (!entry) return core::fail(core::ErrorKind::kNotFound, "no such upload");
  if (entry->job.state != WebImportJob::State::kStaged) {
    return core::fail(core::ErrorKind::kConflict, "the upload is no longer waiting for a confirmation");
  }
  remove_file(entry->file);
  entry->job.state = WebImportJob::State::kCancelled;
  return {};
}

std::optional<WebImportJob> WebImports::job(const std::string& owner, const std::string& token) {
  std::lock_guard lock(mutex_);
  auto entry = find(owner, token);
  if (!entry) return std::nullopt;
  return entry->job;
}

}  // namespace trappa::app
