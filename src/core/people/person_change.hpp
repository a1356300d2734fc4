// Audit details for changes to a person's record and employment history (compare
// describe_assessment_change in assessment.hpp). Identity never enters a detail: a changed
// name or e-mail is recorded as "name changed", without the values, so the audit trail holds
// nothing an erasure would have to take back.
#pragma once

#include <string>
#include <vector>

#include "core/workforce/employment.hpp"
#include "core/org/org.hpp"

namespace trappa::core {

// "unit KF-BIB→KF-ARK; role bibliotekarie→arkivarie; name changed" or "no change"; with no
// `before`, what the person was created with (unit, role, manager, gender, birth year).
[[nodiscard]] std::string describe_person_change(const Person* before, const Person& after);

// "1→2 employments; removed 2019-01-01– permanent ...; added ..." listing
// only the employments that differ; "no change" when the histories are equal (order aside).
[[nodiscard]] std::string describe_employment_change(const std::vector<Employment>& before,
                                                     const std::vector<Employment>& after);

// One employment in a line: "2019-01-01–2020-12-31 permanent bibliotekarie 1.00 KF-BIB".
[[nodiscard]] std::string describe_employment(const Employment& employment);

}  // namespace trappa::core
