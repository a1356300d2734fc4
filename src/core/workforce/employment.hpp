// Employments: the history of who was employed where, in which form, from when to when.
//
// A person (core::Person) may hold several employments over time, and occasionally two at
// once (a permanent part-time post and a temporary top-up). Key figures (key_figures.hpp)
// are computed from this history, never typed in. Plain value types; the rules an import
// enforces are in io/employment_import.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/date.hpp"

namespace trappa::core {

// The form of employment (anställningsform). The order is the priority used when a person
// holds several employments on one day: permanent before temporary before hourly.
enum class EmploymentType : std::uint8_t {
  kPermanent,  // tillsvidareanställning (TV)
  kTemporary,  // visstidsanställning (VI)
  kHourly,     // timavlönad (TIM): not in headcounts
  kProgram,    // arbetsmarknadspolitisk insats (AMI): not in headcounts
};

// How an employment began or ended, seen from the administration (the city's rekryteringsväg
// and avgångsväg). Unknown when the HR system did not record it.
enum class Route : std::uint8_t {
  kUnknown = 0,
  kWithinAdministration = 1,  // route 1: from or to another unit of the same administration
  kOtherAdministration = 2,   // route 2: from or to another administration of the same city
  kExternal = 3,              // route 3: from or to outside the city
};

struct Employment {
  std::string employee_id;
  Date start;
  std::optional<Date> end;  // the last day employed; nullopt while ongoing
  EmploymentType type = EmploymentType::kPermanent;
  std::string position;     // befattning, e.g. "bibliotekarie"
  double fte = 1.0;         // sysselsättningsgrad, 0..1
  std::string unit_code;
  Route recruitment_route = Route::kUnknown;
  Route departure_route = Route::kUnknown;
  std::string departure_reason;  // a free code such as "pension"; empty when none

  bool operator==(const Employment&) const = default;

  // Employed on `day`: start <= day <= end (or no end).
  [[nodiscard]] bool active_on(Date day) const { return start <= day && (!end || day <= *end); }
};

// "permanent", "temporary", "hourly", "program": the codes export writes.
[[nodiscard]] std::string_view to_code(EmploymentType type);
// The English codes above or the Swedish TV, VI, TIM, AMI; case-insensitive.
[[nodiscard]] std::optional<EmploymentType> parse_employment_type(std::string_view text);

// "1", "2", "3", or "" for kUnknown.
[[nodiscard]] std::string_view to_code(Route route);
// "1", "2", "3" or "" (unknown); nullopt for anything else.
[[nodiscard]] std::optional<Route> parse_route(std::string_view text);

}  // namespace trappa::core
