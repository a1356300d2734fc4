// Employment history for generated organisations (core/demo_org.hpp): three calendar years,
// kDemoHistoryFirstYear–kDemoHistoryLastYear, of recruitments, departures, temporary
// contracts and internal moves, so that key figures (core/key_figures.hpp) have something
// realistic to compute.
//
// For the demo organisation (1 021 people) the history is modelled on seed 000, the culture
// administration's key figures: at kDemoHistoryEnd 1 021 people in the headcount, 893
// permanent and 128 temporary; a year and two years earlier about 1 028 / 869 / 159 and
// 1 055 / 840 / 215; during the last year 58 external departures (six of them pensions) and
// 27 external recruitments (external turnover about 3 %), a few route-2 moves each way.
// Synthetic organisations get the same history scaled by their size.
//
// A pure function of its arguments like the organisation builders (own splitmix64, no
// <random> distributions): the same organisation and seed give the same history everywhere.
#pragma once

#include <cstdint>
#include <vector>

#include "core/base/date.hpp"
#include "demo/organisation.hpp"
#include "core/workforce/employment.hpp"

namespace trappa::demo {

inline constexpr int kDemoHistoryFirstYear = 2023;
inline constexpr int kDemoHistoryLastYear = 2025;
// The date the demo is "now": every person of the organisation is employed that day.
inline constexpr core::Date kDemoHistoryEnd{std::chrono::year(kDemoHistoryLastYear), std::chrono::December,
                                      std::chrono::day(31)};

// Adds employment history to `organisation` and returns its employments, ordered by
// employee id and start date.
//
// Every person already in `organisation` keeps their unit and role and gets a current
// employment there (permanent or temporary), with earlier ones where their story has them
// (a temporary contract before the permanent one, a move from another unit, a start long
// ago). People who appear only in the history — employees who left, temporary staff whose
// contracts ended, hourly and labour-market-programme workers — are appended to
// organisation.people with new employee ids after the existing ones; they have no e-mail,
// and only the ones still employed (hourly, programme) have a manager. People recruited from
// another administration get a city_start_date before their start here.
//
// Cost: linear in the number of people (one sort of the candidates for temporary and recent
// posts); about 1.5 employments per person.
[[nodiscard]] std::vector<core::Employment> add_employment_history(DemoOrganisation& organisation, std::uint64_t seed);

}  // namespace trappa::demo
