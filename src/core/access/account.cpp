#include "core/access/account.hpp"

namespace trappa::core {

std::string_view to_code(AccountRole role) {
  switch (role) {
    case AccountRole::kEmployee: return "employee";
    case AccountRole::kHr: return "hr";
    case AccountRole::kAdmin: return "admin";
    case AccountRole::kObserver: return "observer";
  }
  return "employee";
}

std::optional<AccountRole> parse_account_role(std::string_view text) {
  if (text == "employee") return AccountRole::kEmployee;
  if (text == "hr") return AccountRole::kHr;
  if (text == "admin") return AccountRole::kAdmin;
  if (text == "observer") return AccountRole::kObserver;
  return std::nullopt;
}

}  // namespace trappa::core
