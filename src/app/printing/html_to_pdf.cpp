#include "app/printing/html_to_pdf.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace trappa::app {
namespace {

namespace fs = std::filesystem;
using core::ErrorKind;
using core::fail;

// A directory of its own under the system's temporary directory, removed with everything in
// it when the print is over (the browser's profile, its log, the page and the PDF).
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (fs::temp_directory_path() / "trappa-pdf-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::optional<fs::path> on_search_path(const std::string& program) {
  const char* search_path = std::getenv("PATH");
  std::string_view rest = search_path != nullptr ? search_path : "/usr/bin:/bin";
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    const fs::path candidate = fs::path(rest.substr(0, colon)) / program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
  }
  return std::nullopt;
}

// The last lines the browser wrote, for an error message: its log is long and mostly noise.
std::string log_tail(const fs::path& log) {
  std::ifstream in(log, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  constexpr std::size_t kTail = 600;
  if (text.size() > kTail) text = "…" + text.substr(text.size() - kTail);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text.empty() ? "(no output)" : text;
}

bool starts_as_pdf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char head[5] = {};
  in.read(head, sizeof head);
  return in.gcount() == 5 && std::memcmp(head, "%PDF-", 5) == 0;
}

// Runs the browser in a process group of its own, so a timeout can stop it together with the
// renderer and helper processes it starts. Returns the exit status, or -1 on a timeout.
core::Result<int> run_browser(const std::vector<std::string>& arguments, const fs::path& log,
                              std::chrono::seconds timeout) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);

  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) {
    return fail(ErrorKind::kInternal, "could not start " + arguments[0] + ": " + std::strerror(spawned));
  }

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return fail(ErrorKind::kInternal, std::string("waiting for the browser: ") + std::strerror(errno));
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // Helpers the browser left behind belong to its group; none of them is wanted any more.
  ::kill(-pid, SIGKILL);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

// Prints `html` in `scratch` and returns the path of the PDF the browser left there.
core::Result<fs::path> print_in(const ScratchDirectory& scratch, std::string_view html, const PdfPrintSettings& settings) {
  std::optional<fs::path> browser = settings.browser.empty() ? find_pdf_browser() : std::optional(settings.browser);
  if (!browser) {
    return fail(ErrorKind::kInternal,
                "printing to PDF needs Chromium, which is not installed (Debian package `chromium`; "
                "or name the browser in TRAPPA_CHROMIUM)");
  }
  if (scratch.path().empty()) {
    return fail(ErrorKind::kInternal, "could not create a temporary directory under " + fs::temp_directory_path().string());
  }
  const fs::path page = scratch.path() / "document.html";
  const fs::path printed = scratch.path() / "document.pdf";
  {
    std::ofstream out(page, std::ios::binary);
    out.write(html.data(), static_cast<std::streamsize>(html.size()));
    if (!out.flush()) return fail(ErrorKind::kInternal, "could not write " + page.string());
  }

  std::vector<std::string> arguments = {
      browser->string(), "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
      "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-component-update",
      // Keeps every request on this machine: a stray external address fails instead of leaving it.
      "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
      "--user-data-dir=" + (scratch.path() / "profile").string(), "--no-pdf-header-footer",
      "--print-to-pdf=" + printed.string(), "file://" + page.string()};
  // Chromium refuses to start as root with its sandbox on; the server and the CLI run as root
  // on a Debian test machine. The page is Trappa's own, without scripts.
  if (::geteuid() == 0) arguments.insert(arguments.begin() + 1, "--no-sandbox");

  const fs::path log = scratch.path() / "browser.log";
  ASSIGN_OR_RETURN(const int status, run_browser(arguments, log, settings.timeout));
  if (status < 0) {
    return fail(ErrorKind::kInternal, "the browser did not print within " + std::to_string(settings.timeout.count()) +
                                          " s (" + browser->string() + "): " + log_tail(log));
  }
  if (status != 0 || !starts_as_pdf(printed)) {
    return fail(ErrorKind::kInternal, "the browser could not print the document (" + browser->string() +
                                          ", exit status " + std::to_string(status) + "): " + log_tail(log));
  }
  return printed;
}

}  // namespace

std::optional<fs::path> find_pdf_browser() {
  if (const char* configured = std::getenv("TRAPPA_CHROMIUM"); configured != nullptr && *configured != '\0') {
    if (::access(configured, X_OK) == 0) return fs::path(configured);
    return std::nullopt;
  }
  for (const char* program : {"chromium", "chromium-browser"}) {
    if (auto found = on_search_path(program)) return found;
  }
  return std::nullopt;
}

core::Result<std::string> print_html_to_pdf(std::string_view html, const PdfPrintSettings& settings) {
  ScratchDirectory scratch;
  ASSIGN_OR_RETURN(const fs::path printed, print_in(scratch, html, settings));
  std::ifstream in(printed, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return fail(ErrorKind::kInternal, "could not read the printed PDF");
  return bytes;
}

core::Result<void> print_html_to_pdf(std::string_view html, const fs::path& output, const PdfPrintSettings& settings) {
  ScratchDirectory scratch;
  ASSIGN_OR_RETURN(const fs::path printed, print_in(scratch, html, settings));
  // Beside the target first, then renamed: a reader never sees half a PDF.
  const fs::path partial = output.string() + ".part";
  std::error_code error;
  fs::copy_file(printed, partial, fs::copy_options::overwrite_existing, error);
  if (!error) fs::rename(partial, output, error);
  if (error) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    return fail(ErrorKind::kInternal, "could not write " + output.string() + ": " + error.message());
  }
  return {};
}

}  // namespace trappa::app
