#include "demo/learning.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "core/base/date.hpp"
#include "demo/random.hpp"

namespace trappa::demo {

namespace {

struct ActivitySpec {
  std::string_view code;
  std::string_view title;
  core::ActivityFormat format;
  double hours;
  std::string_view competencies;  // space-separated
  int level_from;
  int level_to;
  std::string_view audience;      // space-separated roles; empty: everyone
  std::string_view starts;
  std::string_view ends;
  int capacity;                   // 0: unlimited
  std::string_view theme;
  core::ActivityStatus status;
};

using F = core::ActivityFormat;
using S = core::ActivityStatus;

// In our own words; past activities are closed (their capacity counts every course round they
// ran), what still runs is open or planned.
constexpr ActivitySpec kCatalogue[] = {
    {"AI-01", "Generativ AI i vardagen – workshop", F::kWorkshop, 3, "1.1 3.1 5.2", 1, 3, "", "2023-10-02", "2024-06-14", 180, "Digitaliseringsmånaden", S::kClosed},
    {"AI-02", "AI-verktyg för text och bild", F::kWorkshop, 3, "3.1 5.2", 2, 3, "", "2024-09-02", "2025-06-13", 180, "", S::kClosed},
    {"AI-03", "Ansvarsfull AI: risker, bias och regler", F::kLecture, 2, "1.2 4.2 6.2", 1, 3, "", "2025-09-01", "2027-06-30", 0, "", S::kOpen},
    {"AI-04", "AI i verksamhetsutvecklingen – för chefer", F::kWorkshop, 4, "6.1 6.2", 2, 4, "chef verksamhetsutvecklare", "2025-10-01", "2027-05-31", 20, "", S::kOpen},
    {"UPP-01", "Upphovsrätt och bildrätt i sociala medier", F::kLecture, 2, "3.2", 1, 3, "", "2023-11-06", "2024-05-31", 0, "", S::kClosed},
    {"UPP-02", "Licenser och Creative Commons i praktiken", F::kELearning, 1.5, "3.2", 2, 4, "", "2024-01-08", "2027-12-31", 0, "", S::kOpen},
    {"SAK-01", "Nätfiske: känn igen bedrägerierna", F::kELearning, 1, "4.1 4.2", 1, 2, "", "2023-09-04", "2027-12-31", 0, "Säkerhetsveckan", S::kOpen},
    {"SAK-02", "Säkra lösenord och tvåstegsinloggning", F::kELearning, 1, "4.1", 1, 3, "", "2023-09-04", "2027-12-31", 0, "Säkerhetsveckan", S::kOpen},
    {"SAK-03", "Informationssäkerhet i vardagen", F::kCourse, 4, "4.1 4.2", 2, 3, "", "2024-02-05", "2025-12-12", 240, "", S::kClosed},
    {"SAK-04", "Personuppgifter och GDPR för kulturverksamhet", F::kCourse, 3, "4.2 1.2", 1, 3, "", "2024-03-04", "2026-06-12", 210, "", S::kClosed},
    {"SAK-05", "Informationsklassning för systemägare", F::kWorkshop, 6, "6.4 6.6", 2, 4, "systemägare systemansvarig chef", "2024-10-07", "2027-04-30", 15, "", S::kOpen},
    {"KAL-01", "Källkritik på nätet", F::kLecture, 2, "1.1 1.2", 1, 3, "", "2023-10-09", "2024-12-13", 0, "", S::kClosed},
    {"KAL-02", "Desinformation och påverkanskampanjer", F::kLecture, 2, "1.2 2.2", 2, 4, "", "2025-02-03", "2027-06-30", 0, "", S::kOpen},
    {"SOK-01", "Sök smartare: databaser och sökoperatorer", F::kCourse, 4, "1.1", 1, 3, "bibliotekarie biblioteksassistent", "2023-11-13", "2025-06-13", 150, "", S::kClosed},
    {"DES-01", "Design thinking – användarcentrerad metod, omgång 1", F::kCourse, 24, "5.2 2.3 6.1", 1, 3, "", "2024-01-15", "2024-05-31", 144, "", S::kClosed},
    {"DES-02", "Design thinking – verksamhetsnära utmaningar, omgång 2", F::kCourse, 24, "5.2 2.3 6.1", 2, 4, "", "2024-09-09", "2025-01-31", 144, "", S::kClosed},
    {"UX-01", "UX och tillgänglighet i digitala tjänster", F::kCourse, 8, "3.1 2.3", 2, 4, "", "2024-04-08", "2025-06-13", 180, "", S::kClosed},
    {"UX-02", "Klarspråk och tillgänglighet på webben", F::kELearning, 2, "3.1 2.2", 1, 3, "", "2024-09-02", "2027-12-31", 0, "", S::kOpen},
    {"FOTO-01", "Fotogrammetri: föremål i 3D", F::kWorkshop, 6, "3.1 5.1", 2, 4, "", "2024-02-12", "2025-03-28", 72, "", S::kClosed},
    {"GIS-01", "Kartor och GIS för kulturmiljöer", F::kCourse, 8, "1.1 3.1", 2, 4, "", "2024-03-11", "2025-05-30", 96, "", S::kClosed},
    {"3D-01", "3D-modellering och digitala utställningar", F::kCourse, 12, "3.1 2.3", 2, 4, "", "2024-10-14", "2025-12-12", 84, "", S::kClosed},
    {"3D-02", "VR och AR i publik verksamhet", F::kWorkshop, 4, "2.3 5.2", 1, 3, "", "2025-03-03", "2027-03-31", 20, "", S::kOpen},
    {"SOME-01", "Sociala medier för kulturverksamhet", F::kCourse, 6, "2.3 2.2", 1, 3, "", "2023-10-16", "2024-12-13", 180, "", S::kClosed},
    {"SOME-02", "Film med mobilen för sociala medier", F::kWorkshop, 4, "3.1 2.3", 1, 3, "", "2024-05-06", "2025-11-28", 120, "", S::kClosed},
    {"SOME-03", "Strategisk kommunikation i digitala kanaler", F::kWorkshop, 4, "2.3", 2, 4, "koordinator samordnare chef", "2025-09-01", "2027-05-31", 20, "", S::kOpen},
    {"FRU-01", "Frukostwebbinarium: digitala verktyg för samarbete", F::kLecture, 1, "2.1", 1, 2, "", "2023-09-13", "2026-06-10", 0, "Frukostwebbinarier", S::kClosed},
    {"FRU-02", "Frukostwebbinarium: hitta rätt i intranätet", F::kLecture, 1, "1.1 2.1", 1, 2, "", "2023-10-11", "2026-06-10", 0, "Frukostwebbinarier", S::kClosed},
    {"FRU-03", "Frukostwebbinarium: nätetikett i möten och chattar", F::kLecture, 1, "2.2", 1, 2, "", "2024-02-14", "2026-06-10", 0, "Frukostwebbinarier", S::kClosed},
    {"FRU-04", "Frukostwebbinarium: molntjänster och delade mappar", F::kLecture, 1, "2.1 4.1", 1, 2, "", "2024-09-11", "2027-06-09", 0, "Frukostwebbinarier", S::kOpen},
    {"FRU-05", "Frukostwebbinarium: skärmläsare och tillgänglighet", F::kLecture, 1, "3.1", 1, 2, "", "2025-02-12", "2027-06-09", 0, "Frukostwebbinarier", S::kOpen},
    {"SAM-01", "Teams och digitala möten som fungerar", F::kCourse, 3, "2.1", 1, 3, "", "2023-09-18", "2025-06-13", 240, "", S::kClosed},
    {"SAM-02", "Digitalt samarbete i projekt", F::kWorkshop, 3, "2.1 5.2", 2, 4, "", "2024-11-04", "2027-05-28", 25, "", S::kOpen},
    {"TEK-01", "Felsök själv: dator, skrivare och nätverk", F::kCourse, 3, "5.1", 1, 3, "", "2023-10-23", "2025-12-12", 180, "", S::kClosed},
    {"TEK-02", "Superanvändare: stötta dina kollegor", F::kCourse, 16, "5.1 5.3 6.7", 2, 4, "", "2024-01-22", "2025-06-13", 120, "", S::kClosed},
    {"TEK-03", "Superanvändare – fördjupning", F::kCourse, 8, "5.1 6.7", 3, 5, "", "2025-09-01", "2027-04-30", 15, "", S::kOpen},
    {"BEH-01", "Min digitala kompetens: kartlägg och planera", F::kSelfStudy, 2, "5.3", 1, 3, "", "2023-09-04", "2027-12-31", 0, "", S::kOpen},
    {"BEH-02", "Hitta digitala lösningar på verksamhetens behov", F::kWorkshop, 3, "5.2 5.3", 2, 4, "", "2024-04-15", "2025-12-12", 150, "", S::kClosed},
    {"LED-01", "Leda digital förändring", F::kCourse, 12, "6.1 6.5", 2, 4, "chef", "2024-02-05", "2025-05-30", 120, "", S::kClosed},
    {"LED-02", "Omvärldsbevakning och innovation", F::kNetwork, 4, "6.2", 1, 3, "chef verksamhetsutvecklare koordinator samordnare", "2024-09-02", "2027-06-30", 0, "", S::kOpen},
    {"LED-03", "Upphandla och styra IT-leverantörer", F::kCourse, 8, "6.3", 1, 3, "chef systemägare systemansvarig", "2024-10-01", "2026-12-31", 20, "", S::kOpen},
    {"LED-04", "Digitaliseringsstrategi och uppföljning", F::kWorkshop, 6, "6.5 6.1", 2, 4, "chef verksamhetsutvecklare", "2025-09-01", "2027-06-30", 20, "", S::kPlanned},
    {"SYS-01", "Systemförvaltning med PM3", F::kCourse, 16, "6.7 6.8 6.6", 1, 3, "systemägare systemansvarig", "2024-03-04", "2026-06-12", 90, "", S::kClosed},
    {"SYS-02", "Integrationer, tester och dokumentation", F::kCourse, 12, "6.8", 2, 4, "systemägare systemansvarig", "2025-10-06", "2027-05-28", 12, "", S::kOpen},
    {"DATA-01", "Kalkylblad och data för nybörjare", F::kCourse, 4, "1.2 1.1", 1, 2, "", "2023-11-06", "2025-06-13", 180, "", S::kClosed},
    {"DATA-02", "Statistik och visualisering av besöksdata", F::kCourse, 6, "1.2 3.1", 2, 4, "", "2024-10-07", "2027-04-30", 20, "", S::kOpen},
    {"DIG-01", "Digitala resurser för biblioteksbesökare", F::kWorkshop, 3, "2.3 5.1", 1, 3, "bibliotekarie biblioteksassistent biblioteksvärd", "2023-10-02", "2025-06-13", 150, "", S::kClosed},
    {"DIG-02", "Digital delaktighet: möt besökare som behöver stöd", F::kCourse, 4, "2.3 2.2", 1, 3, "bibliotekarie biblioteksassistent biblioteksvärd", "2025-01-13", "2027-06-30", 25, "", S::kOpen},
    {"KONF-01", "Konferens: digitalt kulturarv", F::kConference, 8, "6.2 2.3", 1, 4, "", "2024-05-14", "2024-05-15", 90, "", S::kClosed},
    {"KONF-02", "Konferens: offentlig sektor och AI", F::kConference, 8, "6.2 5.2", 1, 4, "", "2025-10-21", "2025-10-22", 90, "", S::kClosed},
    {"RESA-01", "Studieresa: digitala museer i Norden", F::kStudyVisit, 24, "6.2 3.1 2.3", 2, 4, "", "2024-09-23", "2024-09-26", 72, "", S::kClosed},
};


// A level as the needs count it: agreed, else self.
std::map<std::string, int> levels_of(const core::Assessment& assessment) {
  std::map<std::string, int> levels;
  for (const core::Rating& rating : assessment.ratings) {
    if (auto level = rating.agreed_level ? rating.agreed_level : rating.self_level) levels[rating.competency] = *level;
  }
  return levels;
}

}  // namespace

std::vector<core::LearningActivity> build_demo_catalogue(const core::Framework& framework) {
  std::vector<core::LearningActivity> activities;
  for (const ActivitySpec& spec : kCatalogue) {
    core::LearningActivity activity;
    activity.code = spec.code;
    activity.title = spec.title;
    activity.format = spec.format;
    activity.provider = "Kulturförvaltningen";
    activity.framework_id = framework.id;
    activity.competencies = core::parse_code_list(spec.competencies);
    activity.level_from = spec.level_from;
    activity.level_to = spec.level_to;
    activity.hours = spec.hours;
    activity.starts = *core::parse_iso_date(spec.starts);
    activity.ends = *core::parse_iso_date(spec.ends);
    if (spec.capacity > 0) activity.capacity = spec.capacity;
    activity.audience_roles = core::parse_code_list(spec.audience);
    activity.theme = spec.theme;
    activity.status = spec.status;
    activities.push_back(std::move(activity));
  }
  return activities;
}

std::vector<core::Participation> build_demo_participation(const std::vector<core::Person>& people,
                                                          const std::vector<core::Employment>& employments,
                                                          const std::vector<core::LearningActivity>& catalogue,
                                                          const core::Framework& framework,
                                                          const std::vector<core::Assessment>& round_2025,
                                                          const std::vector<core::Assessment>& round_2026,
                                                          std::uint64_t seed) {
  const core::Date period_start = *core::parse_iso_date("2023-09-01");
  const core::Date period_end = *core::parse_iso_date("2026-02-27");
  const core::Date today = *core::parse_iso_date("2026-11-20");  // the demo's registrations are dated before it
  // Who worked at some time in the period.
  std::set<std::string> employed;
  for (const core::Employment& employment : employments) {
    if (employment.start <= period_end && (!employment.end || *employment.end >= period_start)) {
      employed.insert(employment.employee_id);
    }
  }
  std::unordered_map<std::string, const core::Assessment*> before, after;
  for (const core::Assessment& assessment : round_2025) before.emplace(assessment.employee_id, &assessment);
  for (const core::Assessment& assessment : round_2026) after.emplace(assessment.employee_id, &assessment);

  // Chance to take part so that about 832 women and 392 men do (seed 001), X like women.
  std::size_t women = 0, men = 0;
  for (const core::Person& person : people) {
    if (!employed.contains(person.employee_id)) continue;
    (person.gender == core::Gender::kMan ? men : women) += 1;
  }
  const auto per_mille = [](double wanted, std::size_t of) {
    return of == 0 ? 0U : static_cast<std::uint32_t>(std::min(1000.0, 1000.0 * wanted / static_cast<double>(of)));
  };
  const std::uint32_t woman_chance = per_mille(832, women);
  const std::uint32_t man_chance = per_mille(392, men);

  DemoRandom random(mix64(seed ^ 0x6C6561726E696E67ULL));  // "learning"
  std::vector<std::size_t> taken(catalogue.size(), 0);
  std::vector<core::Participation> rows;
  for (const core::Person& person : people) {
    if (!employed.contains(person.employee_id)) continue;
    if (!random.chance(person.gender == core::Gender::kMan ? man_chance : woman_chance)) continue;
    // What the person needed in 2025, and which of those rose by 2026.
    std::set<std::string> needed, improved;
    const core::RoleProfile* profile = framework.profile_of(person.role);
    if (const auto found = before.find(person.employee_id); found != before.end() && profile != nullptr) {
      const auto then = levels_of(*found->second);
      const auto now_found = after.find(person.employee_id);
      const auto now = now_found != after.end() ? levels_of(*now_found->second) : std::map<std::string, int>{};
      for (const auto& [competency, level] : then) {
        const auto expected = profile->find(competency);
        if (expected == profile->end() || level >= expected->second) continue;
        needed.insert(competency);
        const auto later = now.find(competency);
        if (later != now.end() && later->second > level) improved.insert(competency);
      }
    }
    // Hours to aim for: 4–80, about 23 on average.
    const double wanted_hours = 4 + 76 * random.unit() * random.unit();
    double hours = 0;
    std::set<std::size_t> chosen;
    for (int attempt = 0; attempt < 200 && hours < wanted_hours; ++attempt) {
      const std::size_t index = random.below(static_cast<std::uint32_t>(catalogue.size()));
      const core::LearningActivity& activity = catalogue[index];
      if (chosen.contains(index) || activity.starts > period_end) continue;
      if (!activity.audience_roles.empty() &&
          std::find(activity.audience_roles.begin(), activity.audience_roles.end(), person.role) ==
              activity.audience_roles.end()) {
        continue;
      }
      if (activity.capacity && taken[index] >= static_cast<std::size_t>(*activity.capacity)) continue;
      // Activities for an improved need are taken most, for another need often, else sometimes.
      bool for_improved = false, for_need = false;
      for (const std::string& competency : activity.competencies) {
        for_improved = for_improved || improved.contains(competency);
        for_need = for_need || needed.contains(competency);
      }
      if (!random.chance(for_improved ? 900 : for_need ? 450 : 200)) continue;
      chosen.insert(index);
      core::Participation row;
      row.employee_id = person.employee_id;
      row.activity = activity.code;
      row.source = "demo";
      // A day within the activity's dates and the period.
      const int first = core::day_number(std::max(activity.starts, period_start));
      const int last = core::day_number(std::min(activity.ends, period_end));
      row.date = core::from_day_number(first + static_cast<int>(random.below(static_cast<std::uint32_t>(std::max(1, last - first + 1)))));
      const std::uint32_t roll = random.below(100);
      row.status = roll < 90 ? core::ParticipationStatus::kAttended
                   : roll < 96 ? core::ParticipationStatus::kNoShow
                               : core::ParticipationStatus::kCancelled;
      if (row.status == core::ParticipationStatus::kAttended) {
        if (activity.hours >= 8 && random.chance(120)) row.hours = activity.hours / 2;  // left halfway
        hours += row.hours.value_or(activity.hours);
      }
      if (core::takes_a_place(row.status)) ++taken[index];
      rows.push_back(std::move(row));
    }
  }
  // Registrations for what is still open, from people who work there now.
  for (const core::Person& person : people) {
    if (!random.chance(150)) continue;
    const std::size_t index = random.below(static_cast<std::uint32_t>(catalogue.size()));
    const core::LearningActivity& activity = catalogue[index];
    if (activity.status != core::ActivityStatus::kOpen || activity.ends < today) continue;
    if (!activity.audience_roles.empty() &&
        std::find(activity.audience_roles.begin(), activity.audience_roles.end(), person.role) ==
            activity.audience_roles.end()) {
      continue;
    }
    if (activity.capacity && taken[index] >= static_cast<std::size_t>(*activity.capacity)) continue;
    const bool already = std::any_of(rows.begin(), rows.end(), [&](const core::Participation& row) {
      return row.employee_id == person.employee_id && row.activity == activity.code;
    });
    if (already) continue;
    ++taken[index];
    rows.push_back({person.employee_id, activity.code, core::from_day_number(core::day_number(today) - static_cast<int>(random.below(60))),
                    core::ParticipationStatus::kRegistered, std::nullopt, "demo"});
  }
  return rows;
}

}  // namespace trappa::demo
