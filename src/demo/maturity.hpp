// The demo's maturity measurements and indicator series for the culture administration (unit
// "KF"): DiMiOS results shaped like seed 001 (40 % in November 2022, 43.2 % in 2024, 50.1 % in
// 2025 against a municipal average of about 50 %, the focus categories chosen after each, and
// information security falling at the last measurement), and seed 000's series for 2022–2025
// (the staff survey's indices, applicants per post, candidate experience cNPS, JÄMIX). Figures
// the seeds do not give are invented to fit them and marked so in maturity.cpp.
#pragma once

#include <vector>

#include "core/maturity/indicator_series.hpp"
#include "core/maturity/maturity_measurement.hpp"

namespace trappa::demo {

[[nodiscard]] std::vector<core::MaturityMeasurement> build_demo_maturity();
[[nodiscard]] std::vector<core::IndicatorSeries> build_demo_indicator_series();

}  // namespace trappa::demo
