// The survey instrument file, `{"format": "trappa-survey-instrument", "format_version": 1, ...}`
// (docs/maturity-survey.md, "The instrument file"): one version of an instrument of the
// organisation's own maturity survey, its tree of nodes and its items.
//
// The reader checks the file's shape — the format, the type of every field, unknown fields —
// and then the content (core::validate_survey_instrument), and reports every problem at once
// with its JSON path ("öppen.json: $.nodes[2].items[0].scale_max: must be above scale_min (1)").
// The writer gives the canonical form the store keeps (io/json/json_text.hpp), which the
// reader reads back to the same instrument.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/base/result.hpp"
#include "core/maturity/survey_instrument.hpp"

namespace trappa::io {

inline constexpr std::string_view kSurveyInstrumentFormat = "trappa-survey-instrument";
inline constexpr int kSurveyInstrumentFormatVersion = 1;

[[nodiscard]] core::Result<core::SurveyInstrument> parse_survey_instrument(std::string_view text,
                                                                           const std::string& file_name);
[[nodiscard]] core::Result<core::SurveyInstrument> read_survey_instrument_file(const std::filesystem::path& path);
[[nodiscard]] std::string write_survey_instrument_json(const core::SurveyInstrument& instrument);

}  // namespace trappa::io
