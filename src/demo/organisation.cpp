#include "demo/organisation.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "demo/random.hpp"

namespace trappa::demo {

namespace {

using Random = DemoRandom;

// ---------------------------------------------------------------------------------------------
// Names. Common Swedish names across the generations now of working age, with some of the
// names of the ~18 % born abroad (seed 000), and a few with é, ü and ë to exercise transliteration.

constexpr std::array<std::string_view, 96> kWomenFirstNames{
    "Anna",     "Eva",       "Maria",    "Karin",    "Kristina", "Lena",      "Sara",
    "Emma",     "Kerstin",   "Ingrid",   "Marie",    "Malin",    "Jenny",     "Annika",
    "Linda",    "Susanne",   "Elin",     "Monica",   "Hanna",    "Johanna",   "Birgitta",
    "Inger",    "Ulla",      "Camilla",  "Sofia",    "Ida",      "Helena",    "Katarina",
    "Åsa",      "Carina",    "Ulrika",   "Therese",  "Frida",    "Julia",     "Lisa",
    "Maja",     "Ebba",      "Elsa",     "Moa",      "Matilda",  "Klara",     "Agnes",
    "Amanda",   "Josefin",   "Caroline", "Jessica",  "Petra",    "Cecilia",   "Charlotte",
    "Louise",   "Madeleine", "Sanna",    "Tove",     "Linnéa",   "Märta",     "Gunilla",
    "Margareta", "Britt",    "Agneta",   "Pia",      "Marianne", "Anneli",    "Lotta",
    "Mia",      "Jonna",     "Rebecka",  "Nathalie", "Sofie",    "Hedvig",    "Vera",
    "Alva",     "Stina",     "Tina",     "Anna-Karin", "Ann-Sofie", "Eva-Lena", "Fatima",
    "Amina",    "Leyla",     "Maryam",   "Nadia",    "Yasmin",   "Zeynep",    "Renée",
    "Chloé",    "Zoë",       "Elisabeth", "Gabriella", "Jennie",  "Hélène",    "Viktoria",
    "Åsa-Lena", "Siv",       "Solveig",  "Tuva",     "Wilma",
};

constexpr std::array<std::string_view, 88> kMenFirstNames{
    "Lars",     "Mikael",    "Anders",   "Johan",    "Erik",     "Per",       "Karl",
    "Peter",    "Jan",       "Thomas",   "Daniel",   "Fredrik",  "Hans",      "Andreas",
    "Stefan",   "Mats",      "Magnus",   "Mattias",  "Jonas",    "Niklas",    "Björn",
    "Henrik",   "Martin",    "Ola",      "Gustav",   "Oskar",    "Viktor",    "Filip",
    "Emil",     "Axel",      "Jakob",    "Simon",    "Sebastian", "Linus",   "Tobias",
    "Joakim",   "Patrik",    "Marcus",   "Rickard",  "Göran",    "Bengt",     "Leif",
    "Åke",      "Sören",     "Pär",      "Jörgen",   "Håkan",    "Bo",        "Ulf",
    "Kjell",    "Torbjörn",  "Olle",     "Nils",     "Hugo",     "Albin",     "Isak",
    "Ludvig",   "Adam",      "Ahmed",    "Ali",      "Omar",     "Hassan",    "Yusuf",
    "Mehmet",   "Ivan",      "José",     "André",    "Rasmus",   "Kristoffer", "Christian",
    "Robert",   "David",     "Alexander", "Sven",    "Roger",    "Tommy",     "Dan",
    "Jesper",   "Måns",      "Staffan",  "Ragnar",   "Jens",     "Kent",      "Mohammed",
    "Per-Olof", "Carl-Johan", "Jonatan", "Elias",
};

constexpr std::array<std::string_view, 14> kNeutralFirstNames{
    "Kim", "Robin", "Alex", "Sam", "Charlie", "Love", "Eli",
    "Noa", "Mika",  "Billie", "Jo", "Tintin", "Vide", "Ariel",
};

constexpr std::array<std::string_view, 132> kLastNames{
    "Andersson",  "Johansson",  "Karlsson",   "Nilsson",    "Eriksson",   "Larsson",
    "Olsson",     "Persson",    "Svensson",   "Gustafsson", "Pettersson", "Jonsson",
    "Jansson",    "Hansson",    "Bengtsson",  "Jönsson",    "Lindberg",   "Jakobsson",
    "Magnusson",  "Lindström",  "Olofsson",   "Lindqvist",  "Lindgren",   "Berg",
    "Axelsson",   "Bergström",  "Lundberg",   "Lind",       "Lundgren",   "Lundqvist",
    "Mattsson",   "Berglund",   "Fredriksson", "Sandberg",  "Henriksson", "Forsberg",
    "Sjöberg",    "Wallin",     "Engström",   "Eklund",     "Danielsson", "Lundin",
    "Håkansson",  "Björk",      "Bergman",    "Gunnarsson", "Holm",       "Wikström",
    "Samuelsson", "Isaksson",   "Fransson",   "Bergqvist",  "Nyström",    "Holmberg",
    "Arvidsson",  "Löfgren",    "Söderberg",  "Nyberg",     "Blomqvist",  "Claesson",
    "Nordström",  "Mårtensson", "Lundström",  "Viklund",    "Björklund",  "Eliasson",
    "Pålsson",    "Berggren",   "Sandström",  "Lund",       "Nordin",     "Ström",
    "Åberg",      "Hermansson", "Ekström",    "Holmgren",   "Sundberg",   "Hedlund",
    "Dahlberg",   "Hellström",  "Sjögren",    "Abrahamsson", "Falk",      "Öberg",
    "Martinsson", "Andreasson", "Blom",       "Ek",         "Månsson",    "Strand",
    "Åström",     "Sjöström",   "Backman",    "Lindholm",   "Öhman",      "Hägg",
    "Bäckström",  "Söderström", "Åkesson",    "Dahlén",     "Lindén",     "Rosén",
    "Hallén",     "Wahlström",  "Boström",    "Grönlund",   "Törnqvist",  "Östlund",
    "Ali",        "Mohamed",    "Ahmed",      "Hassan",     "Hussein",    "Yilmaz",
    "Nguyen",     "Kowalski",   "Novak",      "García",     "Rodríguez",  "Haddad",
    "Karimi",     "Hosseini",   "Abdi",       "Farah",      "Osman",      "Ibrahim",
    "Khalil",     "Müller",     "Kaya",       "Demir",      "Virtanen",   "Korhonen",
};

template <std::size_t N>
std::string_view pick(Random& random, const std::array<std::string_view, N>& list) {
  return list[random.below(static_cast<std::uint32_t>(N))];
}

// ASCII letters for an e-mail local part: lower case, Latin-1 letters transliterated
// (å ä → a, ö ø → o, é è ë → e, ü → u, æ → ae, ß → ss), hyphens kept, anything else dropped.
void append_email_part(std::string& out, std::string_view utf8) {
  // Indexed by the low five bits of the second byte of U+00C0..U+00FF (0xC3 0x80..0xBF).
  static constexpr std::array<std::string_view, 32> kLatin1{
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss"};
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte >= 'A' && byte <= 'Z') {
      out.push_back(static_cast<char>(byte - 'A' + 'a'));
    } else if ((byte >= 'a' && byte <= 'z') || byte == '-') {
      out.push_back(static_cast<char>(byte));
    } else if (byte == 0xC3 && i + 1 < utf8.size()) {
      const auto next = static_cast<unsigned char>(utf8[++i]);
      out += next == 0xBF ? std::string_view("y") : kLatin1[next & 0x1Fu];  // ÿ, not ß
    }
  }
}

std::string email_local_part(std::string_view first, std::string_view last) {
  std::string local;
  local.reserve(first.size() + last.size() + 1);
  append_email_part(local, first);
  local.push_back('.');
  append_email_part(local, last);
  return local;
}

constexpr std::string_view kEmailDomain = "@stockholm.se";

// ---------------------------------------------------------------------------------------------
// Roles. Each unit draws its staff from one mix; the manager is always "chef".

constexpr std::string_view kManagerRole = "chef";

struct RoleWeight {
  std::string_view role;
  std::uint32_t weight;
};

enum class RoleMix : std::uint8_t {
  kLibraryBranch,   // public library branches
  kLibrarySupport,  // media supply, digital library services
  kCultureSchool,   // Kulturskolan teaching areas
  kMuseum,          // museums, art hall, events
  kStaff,           // administration staffs and department-level staff
  kDigital,         // IT and digitalisation
};

constexpr std::array<RoleWeight, 6> kLibraryBranchRoles{{
    {"bibliotekarie", 48}, {"biblioteksassistent", 27}, {"biblioteksvärd", 15},
    {"medarbetare", 4}, {"samordnare", 3}, {"koordinator", 3}}};
constexpr std::array<RoleWeight, 8> kLibrarySupportRoles{{
    {"bibliotekarie", 40}, {"biblioteksassistent", 15}, {"medarbetare", 13},
    {"systemansvarig", 10}, {"verksamhetsutvecklare", 9}, {"samordnare", 6}, {"koordinator", 4},
    {"systemägare", 3}}};
constexpr std::array<RoleWeight, 5> kCultureSchoolRoles{{
    {"medarbetare", 76}, {"koordinator", 10}, {"samordnare", 8}, {"verksamhetsutvecklare", 5},
    {"systemansvarig", 1}}};
constexpr std::array<RoleWeight, 5> kMuseumRoles{{
    {"medarbetare", 78}, {"koordinator", 10}, {"samordnare", 8}, {"verksamhetsutvecklare", 3},
    {"systemansvarig", 1}}};
constexpr std::array<RoleWeight, 6> kStaffRoles{{
    {"verksamhetsutvecklare", 35}, {"samordnare", 25}, {"medarbetare", 20}, {"koordinator", 12},
    {"systemägare", 5}, {"systemansvarig", 3}}};
constexpr std::array<RoleWeight, 5> kDigitalRoles{{
    {"systemansvarig", 35}, {"verksamhetsutvecklare", 25}, {"systemägare", 15},
    {"samordnare", 15}, {"medarbetare", 10}}};

std::span<const RoleWeight> role_weights(RoleMix mix) {
  switch (mix) {
    case RoleMix::kLibraryBranch: return kLibraryBranchRoles;
    case RoleMix::kLibrarySupport: return kLibrarySupportRoles;
    case RoleMix::kCultureSchool: return kCultureSchoolRoles;
    case RoleMix::kMuseum: return kMuseumRoles;
    case RoleMix::kStaff: return kStaffRoles;
    case RoleMix::kDigital: return kDigitalRoles;
  }
  return kStaffRoles;
}

std::string_view pick_role(Random& random, RoleMix mix) {
  const std::span<const RoleWeight> weights = role_weights(mix);
  std::uint32_t total = 0;
  for (const RoleWeight& entry : weights) total += entry.weight;
  std::uint32_t ticket = random.below(total);
  for (const RoleWeight& entry : weights) {
    if (ticket < entry.weight) return entry.role;
    ticket -= entry.weight;
  }
  return weights.back().role;
}

// ---------------------------------------------------------------------------------------------
// Ages. Bands shaped like a municipal culture workforce: few under 30, the largest group in
// their fifties, a thin tail past 65 (seed 000 expects 6 retirements in 2025). Mean about 48.

struct AgeBand {
  int youngest;
  int oldest;
  std::uint32_t weight;  // per mille
};

constexpr std::array<AgeBand, 6> kAgeBands{{
    {20, 29, 60}, {30, 39, 180}, {40, 49, 260}, {50, 59, 330}, {60, 64, 150}, {65, 67, 20}}};

constexpr int kYoungestManagerAge = 32;

int draw_birth_year(Random& random, bool manager) {
  for (;;) {
    std::uint32_t ticket = random.below(1000);
    for (const AgeBand& band : kAgeBands) {
      if (ticket >= band.weight) {
        ticket -= band.weight;
        continue;
      }
      const int age = random.between(band.youngest, band.oldest);
      if (manager && age < kYoungestManagerAge) break;  // draw again
      return kDemoReferenceYear - age;
    }
  }
}

// Gender X: "a few" in seed 000's terms.
constexpr std::uint32_t kOtherPerMille = 6;

core::Gender draw_gender(Random& random, std::uint32_t women_per_mille) {
  const std::uint32_t ticket = random.below(1000);
  if (ticket < women_per_mille) return core::Gender::kWoman;
  if (ticket < women_per_mille + kOtherPerMille) return core::Gender::kOther;
  return core::Gender::kMan;
}

struct DrawnName {
  std::string_view first;
  std::string_view last;
};

DrawnName draw_name(Random& random, core::Gender gender) {
  std::string_view first;
  switch (gender) {
    case core::Gender::kWoman: first = pick(random, kWomenFirstNames); break;
    case core::Gender::kMan: first = pick(random, kMenFirstNames); break;
    case core::Gender::kOther: {
      const std::uint32_t which = random.below(10);
      first = which < 6   ? pick(random, kNeutralFirstNames)
              : which < 8 ? pick(random, kWomenFirstNames)
                          : pick(random, kMenFirstNames);
      break;
    }
  }
  return {first, pick(random, kLastNames)};
}

std::string full_name(const DrawnName& name) {
  std::string text;
  text.reserve(name.first.size() + name.last.size() + 1);
  text.append(name.first).push_back(' ');
  text.append(name.last);
  return text;
}

// "E" followed by the number, zero-padded to `width` digits.
std::string employee_id(std::size_t number, std::size_t width) {
  std::string id(width + 1, '0');
  id[0] = 'E';
  for (std::size_t i = width; i > 0 && number > 0; --i, number /= 10) {
    id[i] = static_cast<char>('0' + number % 10);
  }
  return id;
}

// ---------------------------------------------------------------------------------------------
// The demo's plan: Kulturförvaltningen as in seed 000, 1 021 people.

struct UnitPlan {
  std::string_view code;  // appended to the department's code
  std::string_view name;
  int people;             // including the manager
  RoleMix mix;
};

struct DepartmentPlan {
  std::string_view code;  // appended to the administration's code
  std::string_view name;
  std::uint32_t women_per_mille;
  int department_staff;   // reporting directly to the head, besides the unit managers
  RoleMix staff_mix;
  std::span<const UnitPlan> units;
};

constexpr std::array<UnitPlan, 25> kLibraryUnits{{
    {"STADS", "Stadsbiblioteket", 31, RoleMix::kLibraryBranch},
    {"MEDB", "Medborgarplatsens bibliotek", 30, RoleMix::kLibraryBranch},
    {"KISTA", "Kista bibliotek", 28, RoleMix::kLibraryBranch},
    {"INTB", "Internationella biblioteket", 18, RoleMix::kLibraryBranch},
    {"HAGER", "Hägerstensåsens bibliotek", 20, RoleMix::kLibraryBranch},
    {"SKARH", "Skärholmens bibliotek", 26, RoleMix::kLibraryBranch},
    {"RINK", "Rinkeby bibliotek", 22, RoleMix::kLibraryBranch},
    {"TENS", "Tensta bibliotek", 22, RoleMix::kLibraryBranch},
    {"HUSBY", "Husby bibliotek", 18, RoleMix::kLibraryBranch},
    {"HASSL", "Hässelby bibliotek", 20, RoleMix::kLibraryBranch},
    {"VALL", "Vällingby bibliotek", 26, RoleMix::kLibraryBranch},
    {"FARS", "Farsta bibliotek", 26, RoleMix::kLibraryBranch},
    {"HOGD", "Högdalens bibliotek", 22, RoleMix::kLibraryBranch},
    {"BAGM", "Bagarmossens bibliotek", 18, RoleMix::kLibraryBranch},
    {"OSTM", "Östermalms bibliotek", 24, RoleMix::kLibraryBranch},
    {"KUNGS", "Kungsholmens bibliotek", 24, RoleMix::kLibraryBranch},
    {"LILJ", "Liljeholmens bibliotek", 20, RoleMix::kLibraryBranch},
    {"HORN", "Hornstulls bibliotek", 18, RoleMix::kLibraryBranch},
    {"HSJO", "Hammarby Sjöstads bibliotek", 20, RoleMix::kLibraryBranch},
    {"ALVS", "Älvsjö bibliotek", 20, RoleMix::kLibraryBranch},
    {"SPAN", "Spånga bibliotek", 18, RoleMix::kLibraryBranch},
    {"BRED", "Bredängs bibliotek", 20, RoleMix::kLibraryBranch},
    {"UPPS", "Uppsökande verksamhet och bokbussar", 16, RoleMix::kLibraryBranch},
    {"MEDIA", "Medieförsörjning", 28, RoleMix::kLibrarySupport},
    {"DIGI", "Digitala bibliotekstjänster", 24, RoleMix::kLibrarySupport},
}};

constexpr std::array<UnitPlan, 8> kCultureSchoolUnits{{
    {"INNER", "Kulturskolan Innerstaden", 26, RoleMix::kCultureSchool},
    {"SOST", "Kulturskolan Söderort öst", 24, RoleMix::kCultureSchool},
    {"SVAST", "Kulturskolan Söderort väst", 24, RoleMix::kCultureSchool},
    {"VNORR", "Kulturskolan Västerort norr", 24, RoleMix::kCultureSchool},
    {"VSYD", "Kulturskolan Västerort syd", 22, RoleMix::kCultureSchool},
    {"ELSYS", "El Sistema", 20, RoleMix::kCultureSchool},
    {"DANS", "Dans och teater", 24, RoleMix::kCultureSchool},
    {"ORK", "Orkester och kör", 24, RoleMix::kCultureSchool},
}};

constexpr std::array<UnitPlan, 5> kMuseumUnits{{
    {"SMPUB", "Stadsmuseet, publik verksamhet", 22, RoleMix::kMuseum},
    {"SMSAM", "Stadsmuseet, samlingar och arkiv", 20, RoleMix::kMuseum},
    {"KMILJ", "Kulturmiljö", 18, RoleMix::kMuseum},
    {"MEDEL", "Medeltidsmuseet", 16, RoleMix::kMuseum},
    {"KONST", "Stockholm konst", 17, RoleMix::kMuseum},
}};

constexpr std::array<UnitPlan, 2> kArtHallUnits{{
    {"UTST", "Utställning och produktion", 15, RoleMix::kMuseum},
    {"PUBL", "Publik verksamhet och värdar", 14, RoleMix::kMuseum},
}};

constexpr std::array<UnitPlan, 2> kEventUnits{{
    {"FEST", "Evenemang och festivaler", 15, RoleMix::kMuseum},
    {"PROD", "Produktion och teknik", 14, RoleMix::kMuseum},
}};

constexpr std::array<UnitPlan, 4> kAdministrativeUnits{{
    {"HR", "HR-enheten", 17, RoleMix::kStaff},
    {"EKON", "Ekonomienheten", 16, RoleMix::kStaff},
    {"IT", "IT- och digitaliseringsenheten", 16, RoleMix::kDigital},
    {"SERV", "Service och fastighet", 15, RoleMix::kStaff},
}};

constexpr std::array<DepartmentPlan, 8> kDepartments{{
    {"SSB", "Stockholms stadsbibliotek", 700, 2, RoleMix::kStaff, kLibraryUnits},
    {"KS", "Kulturskolan", 580, 2, RoleMix::kStaff, kCultureSchoolUnits},
    {"MUS", "Museer och konst", 660, 1, RoleMix::kStaff, kMuseumUnits},
    {"LVK", "Liljevalchs konsthall", 630, 0, RoleMix::kStaff, kArtHallUnits},
    {"EVA", "Evenemangsavdelningen", 500, 0, RoleMix::kStaff, kEventUnits},
    {"ADM", "Administrativa staben", 700, 0, RoleMix::kStaff, kAdministrativeUnits},
    {"KSS", "Kulturstrategiska staben", 680, 24, RoleMix::kStaff, {}},
    {"KOM", "Kommunikationsstaben", 680, 21, RoleMix::kStaff, {}},
}};

// Genders for one department: exact quotas (so the administration's shares hold for every
// seed), shuffled so that no unit is all one gender by construction.
std::vector<core::Gender> department_genders(Random& random, std::size_t people,
                                       std::uint32_t women_per_mille) {
  const std::size_t women = (people * women_per_mille + 500) / 1000;
  const std::size_t other = (people * kOtherPerMille + 500) / 1000;
  std::vector<core::Gender> genders(people, core::Gender::kMan);
  for (std::size_t i = 0; i < women && i < people; ++i) genders[i] = core::Gender::kWoman;
  for (std::size_t i = women; i < women + other && i < people; ++i) genders[i] = core::Gender::kOther;
  for (std::size_t i = people; i > 1; --i) {  // Fisher-Yates
    const std::size_t j = random.below(static_cast<std::uint32_t>(i));
    std::swap(genders[i - 1], genders[j]);
  }
  return genders;
}

class DemoBuilder {
 public:
  explicit DemoBuilder(std::uint64_t seed) : random_(seed) {}

  DemoOrganisation build() {
    organisation_.units.reserve(64);
    organisation_.people.reserve(1100);
    add_unit("STHLM", "Stockholms stad", "", core::UnitKind::kCity);
    add_unit("KF", "Kulturförvaltningen", "STHLM", core::UnitKind::kAdministration);
    const std::string director = add_person(draw_gender(random_, 500), "KF", kManagerRole, "");
    for (const DepartmentPlan& department : kDepartments) add_department(department, director);
    return std::move(organisation_);
  }

 private:
  void add_unit(std::string code, std::string_view name, std::string_view parent, core::UnitKind kind) {
    organisation_.units.push_back(
        core::Unit{std::move(code), std::string(name), std::string(parent), kind});
  }

  void add_department(const DepartmentPlan& plan, const std::string& director) {
    const std::string code = fmt::format("KF-{}", plan.code);
    add_unit(code, plan.name, "KF", core::UnitKind::kDepartment);
    std::size_t people = 1 + static_cast<std::size_t>(plan.department_staff);
    for (const UnitPlan& unit : plan.units) people += static_cast<std::size_t>(unit.people);
    genders_ = department_genders(random_, people, plan.women_per_mille);
    next_gender_ = 0;

    const std::string head = add_person(next_gender(), code, kManagerRole, director);
    for (int i = 0; i < plan.department_staff; ++i) {
      add_person(next_gender(), code, pick_role(random_, plan.staff_mix), head);
    }
    for (const UnitPlan& unit : plan.units) {
      const std::string unit_code = fmt::format("{}-{}", code, unit.code);
      add_unit(unit_code, unit.name, code, core::UnitKind::kUnit);
      const std::string manager = add_person(next_gender(), unit_code, kManagerRole, head);
      for (int i = 1; i < unit.people; ++i) {
        add_person(next_gender(), unit_code, pick_role(random_, unit.mix), manager);
      }
    }
  }

  core::Gender next_gender() { return genders_[next_gender_++]; }

  // Returns the new person's employee id.
  std::string add_person(core::Gender gender, std::string_view unit_code, std::string_view role,
                         std::string_view manager_id) {
    const DrawnName name = draw_name(random_, gender);
    core::Person person;
    person.employee_id = employee_id(organisation_.people.size() + 1, 6);
    person.name = full_name(name);
    person.email = unique_email(name);
    person.gender = gender;
    person.birth_year = draw_birth_year(random_, role == kManagerRole);
    person.unit_code = std::string(unit_code);
    person.role = std::string(role);
    person.manager_id = std::string(manager_id);
    organisation_.people.push_back(std::move(person));
    return organisation_.people.back().employee_id;
  }

  // fornamn.efternamn, then fornamn.efternamn2, 3, ... as the city does for namesakes.
  std::string unique_email(const DrawnName& name) {
    std::string local = email_local_part(name.first, name.last);
    const int seen = ++emails_seen_[local];
    if (seen > 1) local += std::to_string(seen);
    return local + std::string(kEmailDomain);
  }

  Random random_;
  DemoOrganisation organisation_;
  std::unordered_map<std::string, int> emails_seen_;
  std::vector<core::Gender> genders_;
  std::size_t next_gender_ = 0;
};

// ---------------------------------------------------------------------------------------------
// The synthetic city.

constexpr std::size_t kPeoplePerAdministration = 4000;
constexpr std::size_t kPeoplePerDepartment = 500;
constexpr std::size_t kPeoplePerUnit = 25;
constexpr std::uint32_t kSyntheticWomenPerMille = 664;  // seed 000: 66.1 % women

// Department kinds in the demo's proportions: 11 of 20 libraries (55 %), 4 culture schools,
// 3 museums, 2 staffs.
constexpr std::array<RoleMix, 20> kSyntheticDepartmentMixes{
    RoleMix::kLibraryBranch, RoleMix::kLibraryBranch, RoleMix::kLibraryBranch,
    RoleMix::kLibraryBranch, RoleMix::kLibraryBranch, RoleMix::kLibraryBranch,
    RoleMix::kLibraryBranch, RoleMix::kLibraryBranch, RoleMix::kLibraryBranch,
    RoleMix::kLibraryBranch, RoleMix::kLibrarySupport, RoleMix::kCultureSchool,
    RoleMix::kCultureSchool, RoleMix::kCultureSchool, RoleMix::kCultureSchool,
    RoleMix::kMuseum, RoleMix::kMuseum, RoleMix::kMuseum, RoleMix::kStaff, RoleMix::kDigital};

// n split into `parts` near-equal shares; share i (0-based).
std::size_t share(std::size_t total, std::size_t parts, std::size_t index) {
  return total / parts + (index < total % parts ? 1 : 0);
}

std::size_t parts_of(std::size_t total, std::size_t typical) {
  const std::size_t parts = (total + typical / 2) / typical;
  return parts == 0 ? 1 : parts;
}

std::size_t digit_count(std::size_t number) {
  std::size_t digits = 1;
  while (number >= 10) {
    number /= 10;
    ++digits;
  }
  return digits;
}

template <std::size_t N>
std::vector<std::string> email_parts(const std::array<std::string_view, N>& names) {
  std::vector<std::string> parts;
  parts.reserve(N);
  for (std::string_view name : names) {
    std::string part;
    append_email_part(part, name);
    parts.push_back(std::move(part));
  }
  return parts;
}

class SyntheticBuilder {
 public:
  SyntheticBuilder(std::size_t people, std::uint64_t seed)
      : random_(seed ^ 0x5EED5EED5EED5EEDULL),  // not the demo's stream for the same seed
        target_(people),
        id_width_(std::max<std::size_t>(6, digit_count(people))) {}

  DemoOrganisation build() {
    const std::size_t administrations = parts_of(target_, kPeoplePerAdministration);
    organisation_.units.reserve(2 + administrations * 10 + target_ / 18);
    organisation_.people.reserve(target_);
    organisation_.units.push_back(core::Unit{"CITY", "Syntetisk stad", "", core::UnitKind::kCity});
    if (target_ == 0) return std::move(organisation_);

    for (std::size_t a = 0; a < administrations; ++a) {
      const std::size_t number = a + 1;
      const std::string code = fmt::format("F{}", number);
      organisation_.units.push_back(
          core::Unit{code, fmt::format("Förvaltning {}", number), "CITY", core::UnitKind::kAdministration});
      const std::size_t people = share(target_, administrations, a);
      const std::string director = add_person(code, kManagerRole, "");
      add_departments(code, number, people - 1, director);
    }
    return std::move(organisation_);
  }

 private:
  void add_departments(const std::string& parent, std::size_t administration, std::size_t people,
                       const std::string& director) {
    if (people == 0) return;
    const std::size_t departments = parts_of(people, kPeoplePerDepartment);
    for (std::size_t d = 0; d < departments; ++d) {
      const std::size_t number = d + 1;
      const std::string code = fmt::format("{}-A{}", parent, number);
      organisation_.units.push_back(core::Unit{code, fmt::format("Avdelning {}.{}", administration, number),
                                         parent, core::UnitKind::kDepartment});
      const RoleMix mix = kSyntheticDepartmentMixes[random_.below(
          static_cast<std::uint32_t>(kSyntheticDepartmentMixes.size()))];
      const std::string head = add_person(code, kManagerRole, director);
      const std::size_t staff = share(people, departments, d) - 1;
      if (staff == 0) continue;
      const std::size_t units = parts_of(staff, kPeoplePerUnit);
      for (std::size_t u = 0; u < units; ++u) {
        const std::string unit_code = fmt::format("{}-E{}", code, u + 1);
        organisation_.units.push_back(
            core::Unit{unit_code, fmt::format("Enhet {}.{}.{}", administration, number, u + 1), code,
                 core::UnitKind::kUnit});
        const std::string manager = add_person(unit_code, kManagerRole, head);
        const std::size_t members = share(staff, units, u);
        for (std::size_t i = 1; i < members; ++i) {
          add_person(unit_code, pick_role(random_, mix), manager);
        }
      }
    }
  }

  std::string add_person(std::string_view unit_code, std::string_view role,
                         std::string_view manager_id) {
    const std::size_t number = organisation_.people.size() + 1;
    core::Person& person = organisation_.people.emplace_back();
    person.gender = draw_gender(random_, kSyntheticWomenPerMille);
    std::size_t first = 0;
    std::string_view first_name;
    switch (person.gender) {  // indices kept so the e-mail uses the precomputed ASCII forms
      case core::Gender::kWoman:
        first = random_.below(static_cast<std::uint32_t>(kWomenFirstNames.size()));
        first_name = kWomenFirstNames[first];
        break;
      case core::Gender::kMan:
        first = random_.below(static_cast<std::uint32_t>(kMenFirstNames.size()));
        first_name = kMenFirstNames[first];
        break;
      case core::Gender::kOther:
        first = random_.below(static_cast<std::uint32_t>(kNeutralFirstNames.size()));
        first_name = kNeutralFirstNames[first];
        break;
    }
    const std::size_t last = random_.below(static_cast<std::uint32_t>(kLastNames.size()));
    person.employee_id = employee_id(number, id_width_);
    person.name = full_name({first_name, kLastNames[last]});
    person.email = email(person.gender, first, last, person.employee_id);
    person.birth_year = draw_birth_year(random_, role == kManagerRole);
    person.unit_code = std::string(unit_code);
    person.role = std::string(role);
    person.manager_id = std::string(manager_id);
    return person.employee_id;
  }

  // fornamn.efternamn.000123@stockholm.se: unique by construction, no lookup table needed.
  std::string email(core::Gender gender, std::size_t first, std::size_t last, std::string_view id) {
    const std::string& first_part = gender == core::Gender::kWoman ? women_[first]
                                    : gender == core::Gender::kMan ? men_[first]
                                                             : neutral_[first];
    const std::string& last_part = last_names_[last];
    std::string text;
    text.reserve(first_part.size() + last_part.size() + id.size() + kEmailDomain.size() + 2);
    text.append(first_part).push_back('.');
    text.append(last_part).push_back('.');
    text.append(id.substr(1)).append(kEmailDomain);
    return text;
  }

  Random random_;
  std::size_t target_;
  std::size_t id_width_;
  DemoOrganisation organisation_;
  std::vector<std::string> women_ = email_parts(kWomenFirstNames);
  std::vector<std::string> men_ = email_parts(kMenFirstNames);
  std::vector<std::string> neutral_ = email_parts(kNeutralFirstNames);
  std::vector<std::string> last_names_ = email_parts(kLastNames);
};

}  // namespace

DemoOrganisation build_demo_organisation(std::uint64_t seed) {
  return DemoBuilder(seed).build();
}

DemoOrganisation build_synthetic_organisation(std::size_t people, std::uint64_t seed) {
  return SyntheticBuilder(people, seed).build();
}

}  // namespace trappa::demo
