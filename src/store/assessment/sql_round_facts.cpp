// Loading a round's assessments in compact form for the analytics snapshot. This is the one
// bulk read of the whole round, so it fetches in blocks into typed vectors and resolves each
// employee id once per person, not once per rating.
#include <soci/soci.h>

#include <unordered_map>

#include "store/assessment/sql_round_store.hpp"

namespace trappa::store {

using core::Result;

namespace {

constexpr std::size_t kBlock = 50000;

// Maps employee ids to person indexes; consecutive rows of one person hit the cache.
class PersonLookup {
 public:
  explicit PersonLookup(const std::vector<std::string>& employee_ids) {
    index_.reserve(employee_ids.size());
    for (std::size_t i = 0; i < employee_ids.size(); ++i) index_.emplace(employee_ids[i], static_cast<std::uint32_t>(i));
  }
  // The person's index, or nullopt when the person is not in the snapshot.
  std::optional<std::uint32_t> find(const std::string& employee_id) {
    if (employee_id != last_id_) {
      last_id_ = employee_id;
      auto found = index_.find(employee_id);
      last_ = found == index_.end() ? std::nullopt : std::optional<std::uint32_t>(found->second);
    }
    return last_;
  }

 private:
  std::unordered_map<std::string, std::uint32_t> index_;
  std::string last_id_;
  std::optional<std::uint32_t> last_;
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
    PersonLookup people(employee_ids);
    core::RoundFacts facts;

    std::string opens;
    *session_ << "SELECT opens FROM rounds WHERE id = :round", soci::use(round_id), soci::into(opens);
    if (opens.empty()) opens = utc_timestamp_now().substr(0, 10);
    {
      std::vector<std::string> ids(kBlock);
      soci::statement statement =
          (session_->prepare << "SELECT DISTINCT e.employee_id FROM employments e WHERE NOT EXISTS ("
                                "SELECT 1 FROM employments x WHERE x.employee_id = e.employee_id "
                                "AND x.start_date <= :day AND (x.end_date IS NULL OR x.end_date >= :day))",
           soci::use(opens, "day"), soci::into(ids));
      statement.execute();
      while (statement.fetch()) {
        for (const std::string& id : ids) {
          if (auto person = people.find(id)) facts.not_employed.push_back(*person);
        }
        ids.resize(kBlock);
      }
    }

    {
      std::vector<std::string> ids(kBlock), statuses(kBlock);
      soci::statement statement = (session_->prepare << "SELECT employee_id, status FROM assessments "
                                                        "WHERE round_id = :round",
                                   soci::use(round_id), soci::into(ids), soci::into(statuses));
      statement.execute();
      while (statement.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
          auto person = people.find(ids[i]);
          auto status = core::parse_assessment_status(statuses[i]);
          if (person && status) facts.statuses.push_back({*person, *status});
        }
        ids.resize(kBlock);
        statuses.resize(kBlock);
      }
    }
    {
      long long count = 0;
      *session_ << "SELECT COUNT(*) FROM ratings WHERE round_id = :round", soci::use(round_id), soci::into(count);
      facts.ratings.reserve(static_cast<std::size_t>(count));
      std::vector<std::string> ids(kBlock), competencies(kBlock);
      std::vector<int> self_levels(kBlock), agreed_levels(kBlock);
      std::vector<soci::indicator> self_indicators(kBlock), agreed_indicators(kBlock);
      soci::statement statement =
          (session_->prepare << "SELECT employee_id, competency, self_level, agreed_level FROM ratings "
                                "WHERE round_id = :round",
           soci::use(round_id), soci::into(ids), soci::into(competencies), soci::into(self_levels, self_indicators),
           soci::into(agreed_levels, agreed_indicators));
      statement.execute();
      while (statement.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
          auto person = people.find(ids[i]);
          auto competency = numbering.competency.find(competencies[i]);
          if (!person || competency == numbering.competency.end()) continue;
          facts.ratings.push_back(
              {*person, competency->second,
               static_cast<std::uint8_t>(self_indicators[i] == soci::i_ok ? self_levels[i] : 0),
               static_cast<std::uint8_t>(agreed_indicators[i] == soci::i_ok ? agreed_levels[i] : 0)});
        }
        ids.resize(kBlock);
        competencies.resize(kBlock);
        self_levels.resize(kBlock);
        agreed_levels.resize(kBlock);
        self_indicators.resize(kBlock);
        agreed_indicators.resize(kBlock);
      }
    }
    {
      std::vector<std::string> ids(kBlock), areas(kBlock);
      std::vector<int> values(kBlock);
      soci::statement statement = (session_->prepare << "SELECT employee_id, area, motivation FROM motivations "
                                                        "WHERE round_id = :round",
                                   soci::use(round_id), soci::into(ids), soci::into(areas), soci::into(values));
      statement.execute();
      while (statement.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
          auto person = people.find(ids[i]);
          auto area = numbering.area.find(areas[i]);
          if (!person || area == numbering.area.end()) continue;
          facts.motivations.push_back({*person, area->second, static_cast<std::uint8_t>(values[i])});
        }
        ids.resize(kBlock);
        areas.resize(kBlock);
        values.resize(kBlock);
      }
    }
    return facts;
  });
}

}  // namespace trappa::store
