// Writes assessments of one round in chunks: each chunk is one bulk-bound statement per
// table, so a bulk import or a national-scale demo costs one bind-and-step per row. Internal
// to the store layer; used inside a transaction the caller owns.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/assessment/assessment.hpp"

namespace soci {
class session;
class statement;
}

namespace trappa::store {

class AssessmentWriter {
 public:
  // With `replace_existing`, each person's previous ratings, motivation and priorities in
  // the round are deleted first; a round known to be empty can skip that work.
  AssessmentWriter(soci::session& session, long long round_id, bool replace_existing);
  ~AssessmentWriter();

  void write(std::span<const core::Assessment> assessments);

 private:
  struct Buffers;
  soci::session& session_;
  long long round_id_;
  bool replace_existing_;
  std::unique_ptr<Buffers> buffers_;
};

}  // namespace trappa::store
