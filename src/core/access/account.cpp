#include "core/access/account.hpp"

#include "core/base/enum_codes.hpp"

namespace trappa::core {

namespace {

constexpr EnumCodes<AccountRole, 4> kAccountRoleCodes{{{
    {AccountRole::kEmployee, "employee"},
    {AccountRole::kHr, "hr"},
    {AccountRole::kAdmin, "admin"},
    {AccountRole::kObserver, "observer"},
}}};

}  // namespace

std::string_view to_code(AccountRole role) { return kAccountRoleCodes.code(role); }

std::optional<AccountRole> parse_account_role(std::string_view text) { return kAccountRoleCodes.parse(text); }

}  // namespace trappa::core
