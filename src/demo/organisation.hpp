// Generated organisations: the demo that `trappa demo` loads, and synthetic cities for benchmarks.
//
// Both builders are pure functions of their arguments: the same seed gives byte-identical output
// on every platform and standard library, because they use their own small PRNG (splitmix64)
// rather than <random> distributions, whose results are implementation-defined. They share no
// state and may be called from several threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/org/org.hpp"

namespace trappa::demo {

// The calendar year the demo's ages are modelled for (age = kDemoReferenceYear - birth_year).
inline constexpr int kDemoReferenceYear = 2025;

struct DemoOrganisation {
  std::vector<core::Unit> units;     // parents before children (pre-order), root first
  std::vector<core::Person> people;  // managers before their reports
};

// The default demo: the culture administration (Kulturförvaltningen) of Stockholms stad, modelled
// on its competence supply plan — eight departments and staffs, about forty units, 1 021 people
// (two thirds women, a few X), mean age about 48 in kDemoReferenceYear.
//
// The unit tree and the headcount per unit are fixed; the seed decides names, genders within
// each department's quota, birth years and roles within each unit's role mix. Every unit has a
// manager (role "chef") who reports to the department head; department heads report to the
// administration director, whose manager_id is empty. Employee ids are "E000001", ... in the
// order of `people`; e-mails are fornamn.efternamn@stockholm.se in ASCII, with a number
// appended when the address is already taken. Roles are drawn only from: medarbetare, chef,
// bibliotekarie, biblioteksassistent, biblioteksvärd, koordinator, samordnare,
// verksamhetsutvecklare, systemägare, systemansvarig. city_start_date is left empty.
DemoOrganisation build_demo_organisation(std::uint64_t seed);

// A synthetic organisation of exactly `people` persons, meant for 1 .. 1 500 000 (0 gives the
// root unit alone; larger counts work but were not a design target). Under a city root
// ("CITY") come administrations ("Förvaltning 12", one per about 4 000 people, each with a
// director), departments ("Avdelning 12.3", about 500 people, each with a head) and units
// ("Enhet 12.3.4", 13-37 people including their manager; fewer in tiny organisations).
// Names, genders, ages and the role mix follow the demo; e-mails are cheap but unique (the
// employee number is part of them). Cost: one pass, a few string allocations per person,
// vectors reserved up front.
DemoOrganisation build_synthetic_organisation(std::size_t people, std::uint64_t seed);

}  // namespace trappa::demo
