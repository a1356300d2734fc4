// What page modules share with each other, internal to the web layer. The handlers
// themselves are registered with the router by their own module (register_<capability>,
// router.hpp) and declared nowhere else.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/forecast/forecast.hpp"
#include "core/workforce/key_figures.hpp"
#include "web/ui/app_context.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

// Units for a filter or form: (code, indented name) within `scope`; see overview_page.cpp.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> unit_options(const app::Directory& directory,
                                                                            const std::string& scope,
                                                                            const std::string& selected);

// Options of a <select>: (value, label) pairs, the one equal to `selected` marked.
[[nodiscard]] TemplateData select_options(const std::vector<std::pair<std::string, std::string>>& options,
                                          const std::string& selected);

// The rounds for a <select>, newest first, the one named `selected` marked (Mitt team,
// Ej påbörjade).
[[nodiscard]] TemplateData round_options(AppContext& app, const std::string& selected);

// The figures a request asks for (?at=&from=&unit=&retirement_age=), for /api/v1/figures
// (figures_page.cpp): kForbidden for viewers without access and for suppressed groups,
// kInvalidInput naming a bad parameter; nullopt when they must be computed and the session
// (or the server) already runs as many key-figure computations as it may (session_gate.hpp):
// answer 429 with Retry-After: 1.
[[nodiscard]] core::Result<std::optional<core::KeyFigures>> key_figures_for(AppContext& app, const PageRequest& page);

// The forecast a request asks for (?at=&years=&unit=&history-years=&retirement-age=&round=)
// under `scenario`, for /api/v1/forecast (forecast_view.cpp): the same access, small-group
// rule and errors as key_figures_for, problems naming the parameter or the scenario's JSON
// path; nullopt when no computation slot is free (answer 429 with Retry-After: 1).
[[nodiscard]] core::Result<std::optional<core::Forecast>> forecast_for(AppContext& app, const PageRequest& page,
                                                                       const core::ForecastScenario& scenario);

}  // namespace trappa::web
