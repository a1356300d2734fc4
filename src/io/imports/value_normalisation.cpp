#include "io/imports/value_normalisation.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "core/base/case_fold.hpp"
#include "core/base/date.hpp"

namespace trappa::io {

namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::optional<int> column_index(const CsvTable& table, std::string_view name) {
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    if (fold_for_matching(table.header[i].text) == name) return static_cast<int>(i);
  }
  return std::nullopt;
}

// Calls `rewrite` on every non-empty cell of column `name`.
template <typename Rewrite>
void for_column(CsvTable& table, std::string_view name, Rewrite rewrite) {
  const auto column = column_index(table, name);
  if (!column) return;
  for (CsvRecord& record : table.records) {
    if (static_cast<std::size_t>(*column) >= record.fields.size()) continue;
    CsvField& field = record.fields[static_cast<std::size_t>(*column)];
    if (fold_for_matching(field.text).empty()) continue;
    rewrite(field);
  }
}

std::optional<std::string> iso_if_valid(int year, int month, int day) {
  const std::string text = fmt::format("{:04}-{:02}-{:02}", year, month, day);
  if (!core::parse_iso_date(text)) return std::nullopt;
  return text;
}

// A date as ISO 8601: "YYYY-MM-DD", "YYYYMMDD", or the form `format` names. nullopt: not a
// date in these forms.
std::optional<std::string> to_iso_date(std::string_view text, std::string_view format) {
  if (core::parse_iso_date(text)) return std::string(text);
  if (text.size() == 8 && all_digits(text)) {
    return iso_if_valid(number(text.substr(0, 4)), number(text.substr(4, 2)), number(text.substr(6, 2)));
  }
  if (format.empty() || text.size() != 10 || text[2] != format[2] || text[5] != format[5]) return std::nullopt;
  const std::string_view first = text.substr(0, 2);
  const std::string_view second = text.substr(3, 2);
  const std::string_view year = text.substr(6, 4);
  if (!all_digits(first) || !all_digits(second) || !all_digits(year)) return std::nullopt;
  const bool month_first = format.starts_with("MM");
  return iso_if_valid(number(year), number(month_first ? first : second), number(month_first ? second : first));
}

// Looks like a day-month or month-day date: digits with '/' or '.' between.
bool looks_like_local_date(std::string_view text) {
  // Day, month and year: two separators ("1980.0" is a malformed year, not a date).
  return std::ranges::count_if(text, [](char c) { return c == '/' || c == '.'; }) == 2 &&
         std::ranges::all_of(text, [](char c) { return (c >= '0' && c <= '9') || c == '/' || c == '.'; });
}

std::string date_flag_hint() { return "give --date-format DD/MM/YYYY, MM/DD/YYYY or DD.MM.YYYY; dates are never guessed"; }

// The birth year in a personal identity number (YYYYMMDD-NNNN, YYMMDD-NNNN, YYMMDD+NNNN for
// people 100 or older, with or without the separator), a date, or a year.
std::optional<int> birth_year_of(std::string_view text, const NormalisationOptions& options) {
  if (text.size() == 4 && all_digits(text)) return number(text);
  std::string digits;
  bool centenarian = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '+') {
      centenarian = true;
    } else if (c != '-') {
      digits.clear();
      break;
    }
  }
  const bool separator_at_end = text.size() >= 5 && (text[text.size() - 5] == '-' || text[text.size() - 5] == '+');
  if (digits.size() == 12 || (digits.size() == 8 && !separator_at_end && text.find('+') == std::string_view::npos)) {
    // YYYYMMDD-NNNN, YYYYMMDDNNNN, or YYYYMMDD (a birth date); also YYYY-MM-DD.
    if (!iso_if_valid(number(digits.substr(0, 4)), number(digits.substr(4, 2)), number(digits.substr(6, 2))) &&
        !(number(digits.substr(6, 2)) > 60 &&  // a co-ordination number: day + 60
          iso_if_valid(number(digits.substr(0, 4)), number(digits.substr(4, 2)), number(digits.substr(6, 2)) - 60))) {
      return std::nullopt;
    }
    return number(digits.substr(0, 4));
  }
  if (digits.size() == 10) {
    const int yy = number(digits.substr(0, 2));
    const int century_now = options.current_year / 100 * 100;
    int year = century_now + yy;
    if (year > options.current_year) year -= 100;
    if (centenarian) year -= 100;
    int day = number(digits.substr(4, 2));
    if (day > 60) day -= 60;
    if (!iso_if_valid(year, number(digits.substr(2, 2)), day)) return std::nullopt;
    return year;
  }
  if (auto date = to_iso_date(text, options.date_format)) return number(date->substr(0, 4));
  return std::nullopt;
}

}  // namespace

std::string fold_for_matching(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return core::fold_case(text);
}

bool is_date_format(std::string_view format) {
  return format.empty() || format == "DD/MM/YYYY" || format == "MM/DD/YYYY" || format == "DD.MM.YYYY";
}

core::Result<void> normalise_values(CsvTable& table, const NormalisationOptions& options) {
  std::vector<core::Problem> problems;

  static const std::unordered_map<std::string_view, std::string_view> kGenders{
      {"k", "K"},      {"kvinna", "K"}, {"female", "K"}, {"f", "K"},      {"woman", "K"},
      {"m", "M"},      {"man", "M"},    {"male", "M"},   {"x", "X"},      {"annat", "X"},
      {"other", "X"},  {"annan", "X"},  {"ickebinär", "X"}, {"non-binary", "X"}};
  for_column(table, "gender", [&](CsvField& field) {
    if (auto found = kGenders.find(fold_for_matching(field.text)); found != kGenders.end()) field.text = found->second;
  });

  for_column(table, "birth_year", [&](CsvField& field) {
    if (auto year = birth_year_of(field.text, options)) {
      field.text = std::to_string(*year);
      return;
    }
    // A short value that is no date is no personal data: the importer rejects it, quoting it.
    if (!looks_like_local_date(field.text) && std::ranges::count_if(field.text, [](char c) {
          return c >= '0' && c <= '9';
        }) < 6) {
      return;
    }
    // Never echo the value: it may be a personal identity number or a birth date.
    const std::string what = looks_like_local_date(field.text)
                                 ? "the birth year is a date in a form that is not named; " + date_flag_hint()
                                 : "the birth year is neither a year, a personal identity number nor a date";
    field.text.clear();
    problems.push_back({table.where(field), what});
  });

  for (std::string_view column : {"city_start_date", "start_date", "end_date"}) {
    for_column(table, column, [&](CsvField& field) {
      if (auto date = to_iso_date(field.text, options.date_format)) {
        field.text = *date;
      } else if (looks_like_local_date(field.text)) {
        problems.push_back({table.where(field),
                            options.date_format.empty()
                                ? fmt::format("'{}' is not a date (YYYY-MM-DD); {}", field.text, date_flag_hint())
                                : fmt::format("'{}' is not a date ({})", field.text, options.date_format)});
      }
    });
  }

  // Swedish employment forms onto Trappa's (docs/key-figures.md). A probationary employment
  // (provanställning) is time-limited until it becomes permanent, as in SCB's labour force
  // survey, so it counts as temporary.
  static const std::unordered_map<std::string_view, std::string_view> kEmploymentForms{
      {"tillsvidare", "permanent"},      {"tillsvidareanställning", "permanent"}, {"tillsvidareanställd", "permanent"},
      {"visstid", "temporary"},          {"visstidsanställning", "temporary"},    {"vikariat", "temporary"},
      {"allmän visstid", "temporary"},   {"särskild visstid", "temporary"},       {"provanställning", "temporary"},
      {"timavlönad", "hourly"},          {"timanställd", "hourly"},               {"timanställning", "hourly"},
      {"arbetsmarknadsinsats", "program"}};
  for_column(table, "employment_type", [&](CsvField& field) {
    if (auto found = kEmploymentForms.find(fold_for_matching(field.text)); found != kEmploymentForms.end()) {
      field.text = found->second;
    }
  });

  // FTE as a share (0,75 or 0.75) or a percentage (75, 75 %, 75%).
  for_column(table, "fte", [&](CsvField& field) {
    std::string text = fold_for_matching(field.text);
    bool percent = false;
    if (!text.empty() && text.back() == '%') {
      percent = true;
      text.pop_back();
      while (!text.empty() && text.back() == ' ') text.pop_back();
    }
    auto value = parse_decimal(text);
    // A share is the importer's to check; a whole number above 1 is a percentage, but a
    // decimal such as 1,5 is more likely a slip than 1.5 %, so the importer refuses it.
    if (!value || (!percent && (*value <= 1.0 || *value != std::trunc(*value)))) return;
    *value /= 100.0;
    // A value that is no share even as a percentage stays as written, so the importer's
    // message quotes what the file says.
    if (!(*value >= 0.0 && *value <= 1.0)) return;
    field.text = fmt::format("{}", *value);
  });

  if (!problems.empty()) return core::invalid("the file has problems; nothing was imported", std::move(problems));
  return {};
}

core::Result<void> resolve_unit_names(CsvTable& table, std::span<const core::Unit> units) {
  std::unordered_map<std::string, std::vector<const core::Unit*>> by_name;
  for (const core::Unit& unit : units) by_name[fold_for_matching(unit.name)].push_back(&unit);
  std::vector<core::Problem> problems;
  for_column(table, "unit_code", [&](CsvField& field) {
    auto found = by_name.find(fold_for_matching(field.text));
    if (found == by_name.end()) {
      problems.push_back({table.where(field), fmt::format("unknown unit '{}'; no unit has that name", field.text)});
      return;
    }
    if (found->second.size() > 1) {
      std::string candidates;
      for (const core::Unit* unit : found->second) {
        candidates += candidates.empty() ? "" : ", ";
        candidates += unit->code;
      }
      problems.push_back({table.where(field),
                          fmt::format("unit name '{}' is ambiguous: units {} have it; use the code", field.text,
                                      candidates)});
      return;
    }
    field.text = found->second.front()->code;
  });
  if (!problems.empty()) return core::invalid("the file has problems; nothing was imported", std::move(problems));
  return {};
}

}  // namespace trappa::io
