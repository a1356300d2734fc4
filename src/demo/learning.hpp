// The demo's learning activities and participation, shaped like seed 001's project: about 50
// activities of the culture administration's digital competence programme (AI workshops,
// copyright, information security and phishing, source criticism, design thinking and UX,
// photogrammetry, GIS, 3D, social media, breakfast webinars …, in our own words), attendance
// between September 2023 and February 2026 whose totals resemble the project's (about 1 200
// participants, two thirds of them women, about 28 000 hours, some 23 hours each), and
// registrations for what is still open. People mostly take activities for the competencies
// they needed in round 2025, and more often those they rate higher in round 2026, so the
// data show activities going with improvement. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/framework/framework.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/learning/participation.hpp"
#include "core/org/org.hpp"
#include "core/workforce/employment.hpp"

namespace trappa::demo {

// The catalogue, for `framework` (the shipped digital-kompetens: competency codes 1.1 … 6.8).
[[nodiscard]] std::vector<core::LearningActivity> build_demo_catalogue(const core::Framework& framework);

// Participation rows of `people` (employed at some time in the period, by `employments`) in
// `catalogue`, given their assessments of round 2025 and 2026 (any order; people without
// one still take part, less often). At most one row per person and activity; capacities hold.
[[nodiscard]] std::vector<core::Participation> build_demo_participation(
    const std::vector<core::Person>& people, const std::vector<core::Employment>& employments,
    const std::vector<core::LearningActivity>& catalogue, const core::Framework& framework,
    const std::vector<core::Assessment>& round_2025, const std::vector<core::Assessment>& round_2026,
    std::uint64_t seed);

}  // namespace trappa::demo
