// A demo account as the sign-in page lists it in demo mode.
#pragma once

#include <string>

namespace trappa::app {

// An account the sign-in page lists in demo mode. `label_key` names a catalogue text.
struct DemoAccount {
  std::string label_key;
  std::string employee_id;
  std::string password;
};

}  // namespace trappa::app
