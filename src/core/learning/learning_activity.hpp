// The learning-activity catalogue (docs/learning.md): what HR offers people to close their
// competence needs. An activity develops competencies of one framework over a level range —
// it suits a person whose level is at least `level_from` and brings them up to `level_to` —
// and has its hours per participant, dates, capacity, audience and status. Plain values and
// the rules every way in (the CSV import, later the web) checks the same way.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/date.hpp"
#include "core/framework/framework.hpp"

namespace trappa::core {

enum class ActivityFormat {
  kCourse,        // kurs
  kELearning,     // e-lärande
  kLecture,       // föreläsning
  kWorkshop,      // workshop
  kNetwork,       // nätverk
  kStudyVisit,    // studieresa
  kConference,    // konferens
  kSelfStudy,     // självstudier
};

enum class ActivityStatus { kPlanned, kOpen, kClosed, kCancelled };

// The codes of the file formats and the API: "kurs", "e-lärande", "föreläsning", "workshop",
// "nätverk", "studieresa", "konferens", "självstudier"; "planned", "open", "closed",
// "cancelled". Parsing ignores letter case (core/base/case_fold.hpp).
[[nodiscard]] std::string_view to_code(ActivityFormat format);
[[nodiscard]] std::optional<ActivityFormat> parse_activity_format(std::string_view text);
[[nodiscard]] std::string_view to_code(ActivityStatus status);
[[nodiscard]] std::optional<ActivityStatus> parse_activity_status(std::string_view text);
// Every format's code, in the order above (for messages and select lists).
[[nodiscard]] std::vector<std::string_view> activity_format_codes();

// The lists of codes an activity holds (competencies, audience_roles) as files, forms and the
// store write them: separated by single spaces. Reading also takes tabs and commas between
// codes and ignores empty pieces, so "1.1  3.1", "1.1,3.1" and "1.1, 3.1" are the same list.
[[nodiscard]] std::vector<std::string> parse_code_list(std::string_view text);
[[nodiscard]] std::string format_code_list(const std::vector<std::string>& codes);

struct LearningActivity {
  std::string code;         // unique in the catalogue
  std::string title;
  std::string description;  // may be empty
  ActivityFormat format = ActivityFormat::kCourse;
  std::string provider;     // may be empty
  std::string framework_id;
  std::vector<std::string> competencies;  // codes of the framework; at least one
  int level_from = 1;
  int level_to = 1;
  double hours = 0;         // per participant, more than 0
  Date starts{};
  Date ends{};
  std::optional<int> capacity;             // nullopt: unlimited
  std::vector<std::string> audience_roles;  // role ids of the framework; empty: everyone
  std::string theme;        // e.g. a theme month; may be empty
  ActivityStatus status = ActivityStatus::kPlanned;
  std::string xapi_id;      // the activity's xAPI object id (an absolute IRI); empty: none

  bool operator==(const LearningActivity&) const = default;
};

// What is wrong with one field of an activity, by the field's name as in the CSV header.
struct ActivityProblem {
  std::string field;
  std::string what;
  bool operator==(const ActivityProblem&) const = default;
};

// Every rule an activity must meet against its framework: a code and a title; at least one
// competency, each in the framework, none twice; level_from and level_to inside the scale
// with level_from ≤ level_to; hours more than 0 and at most 10 000; ends not before starts;
// a capacity of at least 1 when given; audience roles among the framework's roles; an
// xapi_id, when given, an absolute IRI (core/learning/xapi.hpp). Empty
// when the activity is valid.
[[nodiscard]] std::vector<ActivityProblem> activity_problems(const LearningActivity& activity, const Framework& framework);

}  // namespace trappa::core
