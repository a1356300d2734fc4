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

// std::expected with the error type fixed, and [[nodiscard]] on the type itself: a Result
// that nobody looks at is a compile warning (an error in CI), wherever it comes from.
template <typename T>
class [[nodiscard]] Result : public std::expected<T, Error> {
 public:
  using Base = std::expected<T, Error>;
  using Base::Base;
  constexpr Result() = default;
  // From the std::expected that and_then/transform and other generic code hand back.
  constexpr Result(Base base) : Base(std::move(base)) {}  // NOLINT(google-explicit-constructor)
};

inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
  return std::unexpected(Error{kind, std::move(message), {}});
}

inline std::unexpected<Error> invalid(std::string message, std::vector<Problem> problems) {
  return std::unexpected(Error{ErrorKind::kInvalidInput, std::move(message), std::move(problems)});
}

}  // namespace trappa::core

// Propagating errors (in functions that return a core::Result):
//   TRY(store.save(x));                       returns the error of a failed Result<...>
//   ASSIGN_OR_RETURN(auto people, load());    declares people = *load(), or returns its error
// `expr` is evaluated once. The error is moved out, so the failed Result is not used again.
#define TRY(expr)                                                                        \
  do {                                                                                   \
    if (auto trappa_try_result_ = (expr); !trappa_try_result_) {                         \
      return std::unexpected(std::move(trappa_try_result_).error());                     \
    }                                                                                    \
  } while (false)

#define TRAPPA_RESULT_CONCAT_INNER(a, b) a##b
#define TRAPPA_RESULT_CONCAT(a, b) TRAPPA_RESULT_CONCAT_INNER(a, b)
#define ASSIGN_OR_RETURN(declaration, expr) \
  TRAPPA_ASSIGN_OR_RETURN_IMPL(TRAPPA_RESULT_CONCAT(trappa_result_, __LINE__), declaration, expr)
#define TRAPPA_ASSIGN_OR_RETURN_IMPL(result, declaration, expr)           \
  auto result = (expr);                                                   \
  if (!result) return std::unexpected(std::move(result).error());         \
  declaration = std::move(*result)
