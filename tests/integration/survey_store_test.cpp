// The maturity survey in the store (store/maturity/survey_store.hpp), on SQLite and
// PostgreSQL: an instrument version round-trips through its canonical file and is locked at its
// first answer, a round asks everyone below its unit (or the chosen people), answers are saved
// one by one under a random token — never the employee id — and scored; bad answers are
// refused with the field named and nothing written.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/maturity/survey_scoring.hpp"
#include "io/json/survey_instrument_json.hpp"
#include "store/audit/audit_store.hpp"
#include "store/maturity/survey_store.hpp"
#include "store/org/organisation_store.hpp"
#include "test_store.hpp"

namespace trappa::testing {
namespace {

class SurveyStoreTest : public MigratedStoreTest {
 protected:
  void SetUp() override {
    MigratedStoreTest::SetUp();
    const store::Actor actor{"test"};
    ASSERT_TRUE(store().organisation().save_units({{"ROOT", "Staden", "", core::UnitKind::kCity},
                                                   {"A", "Förvaltningen", "ROOT", core::UnitKind::kAdministration},
                                                   {"B", "Annan", "ROOT", core::UnitKind::kAdministration}},
                                                  actor).has_value());
    std::vector<core::Person> people;
    for (int i = 1; i <= 6; ++i) {
      core::Person person;
      person.employee_id = "E" + std::to_string(i);
      person.name = "Person " + std::to_string(i);
      person.gender = core::Gender::kWoman;
      person.birth_year = 1980;
      person.unit_code = i <= 5 ? "A" : "B";
      person.role = "medarbetare";
      people.push_back(person);
    }
    ASSERT_TRUE(store().organisation().save_people(people, actor).has_value());
    auto instrument = io::read_survey_instrument_file(std::filesystem::path(TRAPPA_DATA_DIR) / "maturity" /
                                                      "offentlig-digital-mognad.json");
    ASSERT_TRUE(instrument.has_value()) << instrument.error().describe();
    instrument_ = *instrument;
    auto saved = store().surveys().save_instrument_version(instrument_, io::write_survey_instrument_json(instrument_),
                                                            store::Actor{"cli:hr"});
    ASSERT_TRUE(saved.has_value()) << saved.error().describe();
    EXPECT_FALSE(*saved);
  }

  store::SurveyRound open(const std::string& name, const std::string& period) {
    store::SurveyRoundSpec spec;
    spec.name = name;
    spec.instrument = instrument_.code;
    spec.unit_code = "ROOT";
    spec.period = period;
    auto round = store().surveys().open_round(spec, store::Actor{"cli:hr"});
    EXPECT_TRUE(round.has_value()) << round.error().describe();
    return round.value_or(store::SurveyRound{});
  }

  core::SurveyInstrument instrument_;
};

TEST_F(SurveyStoreTest, an_instrument_version_comes_back_as_its_canonical_file) {
  reopen();
  auto version = store().surveys().load_instrument_version(instrument_.code, 0);
  ASSERT_TRUE(version.has_value() && version->has_value());
  EXPECT_EQ((*version)->version, 1);
  EXPECT_EQ((*version)->title, "Digital mognad i offentlig verksamhet");
  EXPECT_FALSE((*version)->locked);
  auto parsed = io::parse_survey_instrument((*version)->definition, "stored");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(*parsed, instrument_);
  auto trail = store().audit().load_audit("offentlig-digital-mognad@1");
  ASSERT_TRUE(trail.has_value());
  ASSERT_EQ(trail->size(), 1u);
  EXPECT_EQ(trail->front().action, "survey.instrument.import");
}

TEST_F(SurveyStoreTest, a_round_asks_everyone_below_its_unit_and_answers_are_stored_under_tokens) {
  store::SurveyRoundSpec spec;
  spec.name = "mognad-2026";
  spec.instrument = instrument_.code;
  spec.unit_code = "A";
  spec.period = "2026";
  auto round = store().surveys().open_round(spec, store::Actor{"cli:hr"});
  ASSERT_TRUE(round.has_value()) << round.error().describe();
  EXPECT_EQ(round->invited, 5u);  // E6 is in B

  ASSERT_TRUE(store().surveys().save_answer("mognad-2026", "E1", "strategi.mal.1", 4, store::Actor{"E1"}).has_value());
  ASSERT_TRUE(store().surveys().save_answer("mognad-2026", "E1", "strategi.mal.1", 5, store::Actor{"E1"}).has_value());
  ASSERT_TRUE(store().surveys().save_answer("mognad-2026", "E2", "strategi.mal.1", std::nullopt, store::Actor{"E2"}).has_value());
  reopen();
  auto answers = store().surveys().load_answers("mognad-2026");
  ASSERT_TRUE(answers.has_value());
  ASSERT_EQ(answers->size(), 2u);
  for (const core::SurveyAnswer& answer : *answers) {
    EXPECT_EQ(answer.respondent.size(), 32u);
    EXPECT_EQ(answer.respondent.find('E'), std::string::npos) << "a token, not an employee id";
  }
  auto own = store().surveys().load_own_answers("mognad-2026", "E1");
  ASSERT_TRUE(own.has_value());
  EXPECT_EQ(*own, (std::map<std::string, std::optional<int>>{{"strategi.mal.1", 5}}));
  auto loaded = store().surveys().load_round("mognad-2026");
  ASSERT_TRUE(loaded.has_value() && loaded->has_value());
  EXPECT_EQ((*loaded)->answering, 2u);

  // The audit trail names the item, never the value.
  auto trail = store().audit().load_audit("mognad-2026");
  ASSERT_TRUE(trail.has_value());
  ASSERT_EQ(trail->size(), 4u);
  EXPECT_EQ(trail->at(1).action, "survey.answer");
  EXPECT_EQ(trail->at(1).detail, "item strategi.mal.1");
}

TEST_F(SurveyStoreTest, bad_answers_are_refused_with_the_field_named_and_nothing_written) {
  open("r", "2026");
  auto outside = store().surveys().save_answer("r", "E1", "strategi.mal.1", 6, store::Actor{"E1"});
  ASSERT_FALSE(outside.has_value());
  EXPECT_EQ(outside.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(outside.error().problems.at(0).where, "value");
  auto unknown = store().surveys().save_answer("r", "E1", "nope", 3, store::Actor{"E1"});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().problems.at(0).where, "item");
  auto stranger = store().surveys().save_answer("r", "nobody", "strategi.mal.1", 3, store::Actor{"x"});
  ASSERT_FALSE(stranger.has_value());
  EXPECT_EQ(stranger.error().kind, core::ErrorKind::kForbidden);
  EXPECT_TRUE(store().surveys().load_answers("r").value().empty());

  ASSERT_TRUE(store().surveys().close_round("r", store::Actor{"cli:hr"}).has_value());
  auto closed = store().surveys().save_answer("r", "E1", "strategi.mal.1", 3, store::Actor{"E1"});
  ASSERT_FALSE(closed.has_value());
  EXPECT_EQ(closed.error().kind, core::ErrorKind::kConflict);
}

TEST_F(SurveyStoreTest, a_round_for_an_unknown_unit_or_person_is_refused_and_nothing_is_written) {
  store::SurveyRoundSpec spec;
  spec.name = "x";
  spec.instrument = instrument_.code;
  spec.unit_code = "NOPE";
  spec.period = "2026";
  auto refused = store().surveys().open_round(spec, store::Actor{"cli:hr"});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().problems.at(0).to_string(), "--unit: no unit 'NOPE'");
  spec.unit_code = "A";
  spec.scope = store::SurveyScope::kChosen;
  spec.chosen = {"E1", "E99"};
  refused = store().surveys().open_round(spec, store::Actor{"cli:hr"});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().problems.at(0).to_string(), "--person: no person 'E99'");
  EXPECT_TRUE(store().surveys().list_rounds().value().empty());
  spec.chosen = {"E1", "E6"};
  auto chosen = store().surveys().open_round(spec, store::Actor{"cli:hr"});
  ASSERT_TRUE(chosen.has_value());
  EXPECT_EQ(chosen->invited, 2u);
}

TEST_F(SurveyStoreTest, a_version_is_locked_at_its_first_answer) {
  open("r", "2026");
  // Before any answer the version may be replaced.
  auto replaced = store().surveys().save_instrument_version(instrument_, io::write_survey_instrument_json(instrument_),
                                                             store::Actor{"cli:hr"});
  ASSERT_TRUE(replaced.has_value()) << replaced.error().describe();
  EXPECT_TRUE(*replaced);
  ASSERT_TRUE(store().surveys().save_answer("r", "E1", "strategi.mal.1", 3, store::Actor{"E1"}).has_value());
  auto locked = store().surveys().save_instrument_version(instrument_, "{}", store::Actor{"cli:hr"});
  ASSERT_FALSE(locked.has_value());
  EXPECT_EQ(locked.error().kind, core::ErrorKind::kConflict);
  EXPECT_TRUE(store().surveys().load_instrument_version(instrument_.code, 1).value()->locked);
  // A new version is welcome.
  core::SurveyInstrument next = instrument_;
  next.version = 2;
  ASSERT_TRUE(store().surveys().save_instrument_version(next, io::write_survey_instrument_json(next),
                                                        store::Actor{"cli:hr"}).has_value());
  EXPECT_EQ(store().surveys().load_instrument_version(instrument_.code, 0).value()->version, 2);
}

TEST_F(SurveyStoreTest, the_previous_round_is_the_same_instrument_and_unit_with_an_earlier_period) {
  open("r2025", "2025");
  const store::SurveyRound later = open("r2026", "2026");
  auto previous = store().surveys().previous_round(later);
  ASSERT_TRUE(previous.has_value() && previous->has_value());
  EXPECT_EQ((*previous)->name, "r2025");
  auto first = store().surveys().previous_round(*store().surveys().load_round("r2025").value());
  ASSERT_TRUE(first.has_value());
  EXPECT_FALSE(first->has_value());
}

}  // namespace
}  // namespace trappa::testing
