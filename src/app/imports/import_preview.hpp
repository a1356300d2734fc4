// The first records of an import as Trappa read them (after every check), for the web's
// preview before an import is confirmed: one row per record, its fields as text, under the
// column names of the file format (docs/formats.md), so what HR sees is what will be written.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/framework/framework.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/learning/participation.hpp"
#include "core/maturity/indicator_series.hpp"
#include "core/maturity/maturity_measurement.hpp"
#include "core/org/org.hpp"
#include "core/workforce/employment.hpp"

namespace trappa::app {

struct ImportPreview {
  std::vector<std::string> columns{};
  std::vector<std::vector<std::string>> rows{};  // at most the limit asked for
  std::size_t total = 0;                         // records in all
};

inline constexpr std::size_t kPreviewRows = 20;

[[nodiscard]] ImportPreview preview_of(const std::vector<core::Unit>& units, std::size_t limit);
[[nodiscard]] ImportPreview preview_of(const std::vector<core::Person>& people, std::size_t limit);
[[nodiscard]] ImportPreview preview_of(const std::vector<core::Employment>& employments, std::size_t limit);
[[nodiscard]] ImportPreview preview_of(const std::vector<core::LearningActivity>& activities, std::size_t limit);
[[nodiscard]] ImportPreview preview_of(const std::vector<core::Participation>& rows, std::size_t limit);
[[nodiscard]] ImportPreview preview_of(const std::vector<core::Assessment>& assessments, std::size_t limit);
// One row per measurement (kMaturity) or series (kIndicators).
[[nodiscard]] ImportPreview preview_of(const std::vector<core::MaturityMeasurement>& measurements, std::size_t limit);
[[nodiscard]] ImportPreview preview_of(const std::vector<core::IndicatorSeries>& series, std::size_t limit);
// A framework (kFramework, kProfiles): one row per role with the size of its profile.
[[nodiscard]] ImportPreview preview_of(const core::Framework& framework, std::size_t limit);

}  // namespace trappa::app
