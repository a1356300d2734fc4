// The schema, as an ordered list of migrations shared by both backends.
//
// Statements are written once with ${NAME} tokens for the few things the dialects spell
// differently (see Dialect::token); migration N brings the schema from version N-1 to N.
// Never edit a migration that has shipped: add a new one.
#pragma once

#include <string_view>
#include <vector>

namespace trappa::store {

struct Migration {
  int version;
  std::string_view description;
  std::vector<std::string_view> statements;
};

const std::vector<Migration>& schema_migrations();

}  // namespace trappa::store
