// Importing assessments and motivation answers from another tool, into one round.
//
// Rows update the named person's assessment in the round: ratings given in the file replace
// those competencies' levels, everything else of the assessment is kept. Problems are listed
// as FILE:LINE:COLUMN: reason; the result is the full set of assessments to save.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/framework/framework.hpp"
#include "core/org/org.hpp"
#include "core/base/result.hpp"
#include "io/csv/csv_reader.hpp"

namespace trappa::io {

struct AssessmentImportContext {
  const core::Round* round = nullptr;
  const core::Framework* framework = nullptr;                   // the round's pinned revision
  std::unordered_map<std::string, const core::Person*> people;  // by employee id
  std::function<bool(const core::Person&)> in_round_scope;      // the person's unit is in the round's scope
  std::map<std::string, core::Assessment> existing;             // the round's assessments by employee id
  std::string imported_by;                                      // recorded as agreed_by for agreed levels
  std::string now;                                              // ISO timestamp for status and agreement times
};

// Columns employee_id,competency,self_level,agreed_level (either level may be empty).
[[nodiscard]] core::Result<std::vector<core::Assessment>> read_assessment_ratings(const CsvTable& table,
                                                                                  const AssessmentImportContext& context);

// Columns employee_id,area,motivation (1–5).
[[nodiscard]] core::Result<std::vector<core::Assessment>> read_motivation_answers(const CsvTable& table,
                                                                                  const AssessmentImportContext& context);

}  // namespace trappa::io
