// Errors as values at module boundaries.
//
// Every function that can fail across a layer line returns Result<T>. An Error carries a
// kind (so the CLI can pick an exit code and the web layer a status), a human message, and,
// for validation, the full list of problems, each naming where (file:line:column, field or
// parameter) and what is wrong.
#pragma once

#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace trappa::core {

enum class ErrorKind {
  kInvalidInput,   // the caller's data is wrong: exit status 2, HTTP 400/422
  kNotFound,       // a named thing does not exist: exit 2, HTTP 404
  kConflict,       // the request contradicts the current state (closed round, ...): HTTP 409
  kForbidden,      // the caller may not do this: HTTP 403
  kStorage,        // the database failed: exit 1, HTTP 500
  kInternal,       // a bug or an environment failure: exit 1, HTTP 500
};

// One validation finding. `where` is "file:line:column", a field path or a parameter name.
struct Problem {
  std::string where;
  std::string what;

  [[nodiscard]] std::string to_string() const { return where.empty() ? what : where + ": " + what; }
  bool operator==(const Problem&) const = default;
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;
  std::vector<Problem> problems;

  // The message followed by every problem on its own line.
  [[nodiscard]] std::string describe() const {
    std::string text = message;
    for (const Problem& problem : problems) {
      if (!text.empty()) text += '\n';
      text += problem.to_string();
    }
    return text;
  }
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
  return std::unexpected(Error{kind, std::move(message), {}});
}

inline std::unexpected<Error> invalid(std::string message, std::vector<Problem> problems) {
  return std::unexpected(Error{ErrorKind::kInvalidInput, std::move(message), std::move(problems)});
}

}  // namespace trappa::core
