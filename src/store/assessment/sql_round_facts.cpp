// Loading a round's assessments in compact form for the analytics snapshot. This is the one
// bulk read of the whole round, so its rows stream from the backend's C API (RowScan) and
// every code is looked up as a view of the row, without a string per value.
#include <soci/soci.h>

#include <unordered_map>

#include "store/assessment/sql_round_store.hpp"

namespace trappa::store {

using core::Result;

namespace {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// Codes to numbers, looked up by the views a RowScan lends; consecutive rows with the same
// code (one person's ratings) hit the one-entry cache.
template <typename Number>
class CodeLookup {
 public:
  template <typename Codes>
  explicit CodeLookup(const Codes& codes) {
    index_.reserve(codes.size());
    for (const auto& [code, number] : codes) index_.emplace(code, number);
  }
  explicit CodeLookup(const std::vector<std::string>& codes) {
    index_.reserve(codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) index_.emplace(codes[i], static_cast<Number>(i));
  }
  // The number of `code`, or nullopt when it is not known.
  std::optional<Number> find(std::string_view code) {
    if (!has_last_ || code != last_code_) {
      last_code_.assign(code);
      has_last_ = true;
      auto found = index_.find(code);
      last_ = found == index_.end() ? std::nullopt : std::optional<Number>(found->second);
    }
    return last_;
  }

 private:
  std::unordered_map<std::string, Number, TextHash, std::equal_to<>> index_;
  std::string last_code_;
  bool has_last_ = false;
  std::optional<Number> last_;
};

}  // namespace

Result<core::RoundFacts> SqlRoundStore::load_round_facts(const std::string& round,
                                                     const std::vector<std::string>& employee_ids,
                                                     const core::Framework& framework) {
  return guarded("reading the round's assessments", [&]() -> Result<core::RoundFacts> {
    long long round_id = 0;
    *session_ << "SELECT id FROM rounds WHERE name = :name", soci::use(round), soci::into(round_id);
    if (!session_->got_data()) return core::fail(core::ErrorKind::kNotFound, "no round named '" + round + "'");

    const core::FrameworkNumbering numbering(framework);
    CodeLookup<std::uint32_t> people(employee_ids);
    CodeLookup<std::uint16_t> competencies(numbering.competency);
    CodeLookup<std::uint8_t> areas(numbering.area);
    core::RoundFacts facts;

    std::string opens;
    *session_ << "SELECT opens FROM rounds WHERE id = :round", soci::use(round_id), soci::into(opens);
    if (opens.empty()) opens = utc_timestamp_now().substr(0, 10);
    for (auto rows = scan("SELECT DISTINCT e.employee_id FROM employments e WHERE NOT EXISTS ("
                          "SELECT 1 FROM employments x WHERE x.employee_id = e.employee_id "
                          "AND x.start_date <= $1 AND (x.end_date IS NULL OR x.end_date >= $1))",
                          {opens});
         rows->next();) {
      if (auto person = people.find(rows->text(0))) facts.not_employed.push_back(*person);
    }
    for (auto rows = scan("SELECT employee_id, status FROM assessments WHERE round_id = $1", {round_id}); rows->next();) {
      auto person = people.find(rows->text(0));
      auto status = core::parse_assessment_status(rows->text(1));
      if (person && status) facts.statuses.push_back({*person, *status});
    }
    {
      for (auto rows = scan("SELECT employee_id, competency, self_level, agreed_level FROM ratings WHERE round_id = $1",
                            {round_id});
           rows->next();) {
        auto person = people.find(rows->text(0));
        auto competency = competencies.find(rows->text(1));
        if (!person || !competency) continue;
        facts.ratings.push_back({*person, *competency, static_cast<std::uint8_t>(rows->integer(2)),
                                 static_cast<std::uint8_t>(rows->integer(3))});
      }
    }
    for (auto rows = scan("SELECT employee_id, area, motivation FROM motivations WHERE round_id = $1", {round_id});
         rows->next();) {
      auto person = people.find(rows->text(0));
      auto area = areas.find(rows->text(1));
      if (!person || !area) continue;
      facts.motivations.push_back({*person, *area, static_cast<std::uint8_t>(rows->integer(2))});
    }
    return facts;
  });
}

}  // namespace trappa::store
