// The demo accounts `trappa serve --demo` creates: an employee who has not yet answered the
// open round, that person's manager, an HR person and an observer, each with a fixed,
// published password. Only for demo stores: the sign-in page shows these passwords.
#pragma once

#include <vector>

#include "core/base/result.hpp"
#include "store/store.hpp"
#include "app/demo/demo_account.hpp"

namespace trappa::app {

// Picks the demo people from the store's data (the same people for the same demo seed) and
// creates their accounts unless they exist. Returns them for the sign-in page. Refuses
// (kConflict) a store whose people were not all written by the demo.
[[nodiscard]] core::Result<std::vector<DemoAccount>> ensure_demo_accounts(store::Store& store);

}  // namespace trappa::cli
