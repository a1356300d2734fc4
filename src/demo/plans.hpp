// The demo's development plans (docs/learning.md, "The demo"): for most people with needs in
// round 2025 (agreed level, else self level, below their role profile's expected level), a
// plan proposed by the person with up to three goals from their largest needs (target: the
// expected level, by the end of 2026), the activities they attended for those competencies
// (else any they attended, at most three) as chosen activities and a short note; agreed by
// their manager at the conversation (people without a manager keep a draft), and for about
// half a follow-up in November 2025 — `done` when they attended an activity for every goal,
// else `in_progress`. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/framework/framework.hpp"
#include "core/learning/development_plan.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/learning/participation.hpp"
#include "core/org/org.hpp"

namespace trappa::demo {

[[nodiscard]] std::vector<core::DevelopmentPlan> build_demo_plans(
    const std::vector<core::Person>& people, const core::Framework& framework,
    const std::vector<core::Assessment>& round_2025, const std::vector<core::LearningActivity>& catalogue,
    const std::vector<core::Participation>& participation, std::uint64_t seed);

}  // namespace trappa::demo
