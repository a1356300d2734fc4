// Golden pages (docs/web.md, "Templates and golden pages"): every page that returns HTML, and
// the forms that come back with their problems, requested in Swedish and English as the role
// that sees it, through Application::handle on the demo organisation (seed 1) in a temporary
// SQLite store, compared byte for byte with tests/web/golden/<page>.<lang>.html.
//
//   TRAPPA_REBASELINE=1 ./web_golden_tests    rewrites the expected files instead of comparing
//
// What would vary between runs is fixed or normalised: sessions carry fixed tokens and CSRF
// tokens (the sign-in form's random CSRF token becomes CSRF), request ids are fixed, the key
// figures are asked for a fixed date, the asset version (a hash of app.css and app.js) becomes
// ASSET, and times of audit entries written while the demo was loaded become TIME. Each render
// also runs the template engine's check mode, so a {{name}} that resolves to nothing fails
// here, as does any {{ or [[ left in a page, a catalogue key shown instead of its text, and
// (on English pages) a Swedish text of the catalogue outside an element marked lang="sv".
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "app/access/password.hpp"
#include "app/demo/demo_accounts.hpp"
#include "app/demo/demo_loader.hpp"
#include "core/framework/framework.hpp"
#include "io/json/framework_json.hpp"
#include "store/access/access_store.hpp"
#include "store/store.hpp"
#include "web/application.hpp"
#include "web/ui/template_engine.hpp"
#include "web/ui/texts.hpp"
#include "../po_file.hpp"

namespace trappa::web {
namespace {

const std::filesystem::path kGoldenDir = TRAPPA_GOLDEN_DIR;

template <typename T>
T must(core::Result<T> result) {
  if (!result) throw std::runtime_error(result.error().describe());
  return std::move(*result);
}

void must(const core::Result<void>& result) {
  if (!result) throw std::runtime_error(result.error().describe());
}

// The demo organisation with one signed-in session per demo account (employee, manager, hr,
// observer), shared by every test of the program.
struct Fixture {
  std::filesystem::path directory;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<Application> application;
  std::map<std::string, std::string> employee_ids;  // "employee" -> its employee id

  Fixture() {
    std::string pattern = (std::filesystem::temp_directory_path() / "trappa-golden-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary directory");
    directory = pattern;
    const std::string database = (directory / "demo.db").string();
    store = must(store::Store::open(database));
    (void)must(store->migrate());
    (void)must(app::load_demo(*store, app::DemoOptions{.framework_file = std::filesystem::path(TRAPPA_DATA_DIR) /
                                                                          "frameworks" / "digital-kompetens.json",
                                                       .seed = 1,
                                                       .scale = 0,
                                                       .progress = {}}));
    auto accounts = must(app::ensure_demo_accounts(*store));
    for (const app::DemoAccount& account : accounts) {
      std::string who = account.label_key;  // "demo_employee" -> "employee"
      if (who.starts_with("demo_")) who = who.substr(5);
      employee_ids[who] = account.employee_id;
      must(store->access().create_session(core::SessionRecord{app::token_digest("golden-session-" + who), account.employee_id,
                                                     "golden-csrf-" + who, store::utc_timestamp_now(),
                                                     "2099-12-31T00:00:00Z"}));
    }
    ApplicationOptions options;
    options.organisation_name = "Kulturförvaltningen";
    options.demo_mode = true;
    options.database = database;
    options.store_connections = 1;
    options.assets_directory = std::filesystem::path(TRAPPA_DATA_DIR) / "web";
    options.demo_accounts = std::move(accounts);
    options.clock = &clock;  // the pages' "today" (default dates, deadlines) does not move
    // Reminders are available (the preview sends nothing; no page here sends).
    options.smtp = app::SmtpSettings{.host = "127.0.0.1", .port = 25, .starttls = false, .from = "kompetens@example.se"};
    application = must(Application::load(*store, options));
    // The sign-in form's CSRF token is signed by the server: take one it issued.
    Request login;
    login.method = "GET";
    login.path = login.target = "/login";
    login.remote_address = "127.0.0.1";
    login.request_id = "golden-request";
    for (const auto& [name, value] : application->handle(login).headers) {
      if (name == "Set-Cookie" && value.starts_with("trappa_signin=")) {
        signin_token = value.substr(14, value.find(';') - 14);
      }
    }
    if (signin_token.empty()) throw std::runtime_error("GET /login set no trappa_signin cookie");
  }

  std::string signin_token;  // a sign-in form token the application issued

  // Noon on 15 June 2026, UTC: inside the demo's round 2026 and the sessions' lifetime.
  core::FixedClock clock{std::chrono::sys_days{std::chrono::year(2026) / std::chrono::June / 15} + std::chrono::hours(12)};

  ~Fixture() {
    application.reset();
    store.reset();
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
  }
};

Fixture& fixture() {
  static Fixture instance;
  return instance;
}

struct Page {
  std::string file;    // tests/web/golden/<file>.<lang>.html
  std::string who;     // the demo account, or "" for no session
  std::string target;  // path and query, without lang
  int status = 200;
  std::string body = {};  // a POST's form, or "" for GET
  std::string content_type = "application/x-www-form-urlencoded";
};

Request make_request(const Page& page, std::string_view lang) {
  Request request;
  request.method = page.body.empty() ? "GET" : "POST";
  if (!page.body.empty()) {
    request.body = page.body;
    request.headers["content-type"] = page.content_type;
    request.headers["origin"] = "http://localhost";
  }
  const auto question = page.target.find('?');
  request.path = page.target.substr(0, question);
  if (question != std::string::npos) {
    std::istringstream pairs(page.target.substr(question + 1));
    for (std::string pair; std::getline(pairs, pair, '&');) {
      const auto equals = pair.find('=');
      request.query[pair.substr(0, equals)] = equals == std::string::npos ? "" : pair.substr(equals + 1);
    }
  }
  request.target = page.target;
  // The language as a browser keeps it after ?lang= (which redirects to the clean URL).
  request.headers["cookie"] = "trappa_lang=" + std::string(lang);
  if (!page.who.empty()) request.headers["cookie"] += "; trappa_session=golden-session-" + page.who;
  if (page.who.empty()) request.headers["cookie"] += "; trappa_signin=" + fixture().signin_token;
  request.remote_address = "127.0.0.1";
  request.request_id = "golden-request";
  return request;
}

std::string normalise(std::string html) {
  static const std::regex asset(R"(\?v=[0-9a-f]+")");
  static const std::regex audit_time(R"(<time datetime="[^"]*">[^<]*</time>)");
  static const std::regex signed_out_csrf(R"RE(name="csrf" value="(?!golden-csrf-)[^"]*")RE");
  static const std::regex form_owner(R"RE(name="form_owner" value="[^"]*")RE");
  html = std::regex_replace(html, asset, "?v=ASSET\"");
  html = std::regex_replace(html, audit_time, "<time datetime=\"TIME\">TIME</time>");
  html = std::regex_replace(html, signed_out_csrf, "name=\"csrf\" value=\"CSRF\"");
  html = std::regex_replace(html, form_owner, "name=\"form_owner\" value=\"FORM_OWNER\"");
  return html;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

bool rebaseline() {
  const char* flag = std::getenv("TRAPPA_REBASELINE");
  return flag != nullptr && *flag != '\0' && std::string_view(flag) != "0";
}


// What a reader is shown of a page: the text between tags and the attributes read out or shown
// (aria-label, title, alt, placeholder), without scripts and styles; with `skip_swedish`,
// without every element marked lang="sv" (its content is Swedish on purpose).
std::string shown_text(const std::string& html, bool skip_swedish) {
  static const std::regex attribute(R"RE(\b(aria-label|title|alt|placeholder|lang)="([^"]*)")RE");
  std::string text;
  std::size_t at = 0;
  while (at < html.size()) {
    const std::size_t open = html.find('<', at);
    text += html.substr(at, open == std::string::npos ? std::string::npos : open - at);
    if (open == std::string::npos) break;
    const std::size_t close = html.find('>', open);
    if (close == std::string::npos) break;
    const std::string tag = html.substr(open + 1, close - open - 1);
    at = close + 1;
    text += ' ';
    if (tag.empty() || tag[0] == '/' || tag[0] == '!') continue;
    const std::string name = tag.substr(0, tag.find_first_of(" \t\n/"));
    bool swedish = false;
    for (std::sregex_iterator it(tag.begin(), tag.end(), attribute), end; it != end; ++it) {
      if ((*it)[1] == "lang") swedish = (*it)[2] == "sv";
      else text += (*it)[2].str() + ' ';
    }
    const bool self_closing = tag.back() == '/';
    if ((name == "script" || name == "style" || (skip_swedish && swedish)) && !self_closing) {
      // Skip to the element's end, counting elements of the same name inside it.
      int depth = 1;
      std::size_t scan = at;
      while (depth > 0) {
        const std::size_t next = html.find('<', scan);
        if (next == std::string::npos) {
          scan = html.size();
          break;
        }
        const bool closing = html.compare(next + 1, name.size() + 1, "/" + name) == 0;
        const bool opening = html.compare(next + 1, name.size(), name) == 0 &&
                             std::string_view(" >").find(html[next + 1 + name.size()]) != std::string_view::npos;
        if (closing) --depth;
        else if (opening) ++depth;
        scan = next + 1;
      }
      at = std::min(html.find('>', scan) == std::string::npos ? html.size() : html.find('>', scan) + 1, html.size());
    }
  }
  return text;
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

// Where `phrase` occurs in `text` as whole words; npos when it does not.
std::size_t find_words(const std::string& text, const std::string& phrase) {
  for (std::size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
    const bool starts = at == 0 || !is_word_byte(static_cast<unsigned char>(text[at - 1])) ||
                        !is_word_byte(static_cast<unsigned char>(phrase.front()));
    const std::size_t after = at + phrase.size();
    const bool ends = after >= text.size() || !is_word_byte(static_cast<unsigned char>(text[after])) ||
                      !is_word_byte(static_cast<unsigned char>(phrase.back()));
    if (starts && ends) return at;
  }
  return std::string::npos;
}

struct CatalogueWords {
  std::vector<std::string> keys;     // every key with "_" (a plain word may be a word of a text)
  std::vector<std::string> swedish;  // Swedish texts an English page must not show
  // The demo framework's texts (Swedish): on an English page only inside lang="sv".
  std::vector<std::string> framework;
};

// The keys, and the Swedish of the catalogue: the words of the status model and the reports
// that issue 13 found on English pages, and every piece of a Swedish text (between its
// placeholders and markup) of 12 characters or more that differs from the English text.
const CatalogueWords& catalogue_words() {
  static const CatalogueWords words = [] {
    CatalogueWords built;
    built.swedish = {"Kvinnor", "Män", "Annat", "Totalt", "Ingen uppgift", "Ej påbörjad", "Självskattad",
                     "Samtal hållet", "Uppföljd", "Utkast sparat", "Omgång", "Enhet", "Medarbetare", "Nyckeltal"};
    const auto english = test::po_by_key(test::read_po(test::po_directory() / "en.po"));
    static const std::regex piece(R"([^{}<>]+)");
    for (const test::PoEntry& entry : test::read_po(test::po_directory() / "sv.po")) {
      if (entry.context.find('_') != std::string::npos) built.keys.push_back(entry.context);
      const std::string& english_text = english.at(entry.context).text;
      if (entry.text == english_text) continue;
      for (std::sregex_iterator it(entry.text.begin(), entry.text.end(), piece), end; it != end; ++it) {
        std::string part = it->str();
        part.erase(0, part.find_first_not_of(" .,:;–-()"));
        part.erase(part.find_last_not_of(" .,:;–-()") + 1);
        if (part.size() >= 12 && english_text.find(part) == std::string::npos) built.swedish.push_back(part);
      }
    }
    // Names, descriptions, definitions and level descriptors; level names are single words
    // that English pages may share ("Grundläggande" is not, but "Expert" is).
    const core::Framework framework =
        must(io::read_framework_file(std::filesystem::path(TRAPPA_DATA_DIR) / "frameworks" / "digital-kompetens.json"));
    auto add = [&](const std::string& text) {
      if (text.size() >= 12) built.framework.push_back(text);
    };
    add(framework.name);
    add(framework.description);
    for (const core::Area& area : framework.areas) {
      add(area.name);
      add(area.description);
      add(area.motivation_question);
      for (const core::Competency& competency : area.competencies) {
        add(competency.name);
        add(competency.definition);
        for (const std::string& descriptor : competency.level_descriptors) add(descriptor);
      }
    }
    return built;
  }();
  return words;
}

// "{employee}" in a target or body is the demo employee's id. The POSTs are refused forms, which
// change nothing in the store, so the order of the pages does not matter.
std::vector<Page> pages() {
  return {
      {"sign-in", "", "/login", 200},
      {"home.employee", "employee", "/", 200},
      {"home.manager", "manager", "/", 200},
      {"home.hr", "hr", "/", 200},
      {"home.observer", "observer", "/", 200},
      {"account", "employee", "/konto", 200},
      {"assessment", "employee", "/skattning", 200},
      {"team", "manager", "/team", 200},
      {"conversation", "manager", "/team/{employee}", 200},
      {"plan", "employee", "/utvecklingsplan", 200},
      {"plan.manager", "manager", "/team/{employee}/plan?omgang=2025&budget_hours=8", 200},
      {"overview", "hr", "/oversikt", 200},
      {"overview.observer", "observer", "/oversikt", 200},
      {"figures", "hr", "/nyckeltal?at=2025-12-31", 200},
      {"figures.observer", "observer", "/nyckeltal?at=2025-12-31", 200},
      {"forecast", "hr", "/prognos?at=2025-12-31&unit=KF&years=3", 200},
      {"framework", "employee", "/ramverk", 200},
      {"rounds", "hr", "/omgangar", 200},
      {"person", "hr", "/personer/{employee}", 200},
      {"people-search", "hr", "/personer", 200},
      {"people-search.results", "hr", "/personer?q=anders", 200},
      {"not-started", "hr", "/omgangar/ej-paborjade?omgang=2026", 200},
      {"not-started.team", "manager", "/omgangar/ej-paborjade?omgang=2026", 200},
      {"not-started.closed", "manager", "/omgangar/ej-paborjade?omgang=2025", 200},
      {"error-404.not-started", "employee", "/omgangar/ej-paborjade?omgang=2026", 404},
      // The preview of a reminder sends nothing (issue 13, "Who has not started").
      {"reminder-preview", "hr", "/omgangar/ej-paborjade/paminn", 200, "csrf=golden-csrf-hr&omgang=2026&person={employee}"},
      {"learning", "hr", "/laraktiviteter?fran=2025-01-01&till=2025-12-31&per=gender", 200},
      {"learning.observer", "observer", "/laraktiviteter?fran=2025-01-01&till=2025-12-31&per=unit", 200},
      {"learning-activity", "hr", "/laraktiviteter/a/AI-01", 200},
      {"learning-activity.new", "hr", "/laraktiviteter/ny", 200},
      {"import", "hr", "/importera", 200},
      {"error-403", "employee", "/omgangar", 403},
      {"error-404", "employee", "/finns-inte", 404},
      {"error-405", "employee", "/logout", 405},
      // Forms sent back with their problems.
      {"sign-in.failed", "", "/login", 401, "csrf=golden-signin&username={employee}&password=fel&next=%2F"},
      {"account.errors", "employee", "/konto", 422, "csrf=golden-csrf-employee&current=fel&new=kort&repeat=annan"},
      {"assessment.errors", "employee", "/skattning", 422, "csrf=golden-csrf-employee&round=2026&action=submit"},
      {"plan.errors", "employee", "/utvecklingsplan", 422,
       "csrf=golden-csrf-employee&round=2026&goal.1.1.level=3&goal.1.1.date=&goal.1.2.level=9&goal.1.2.date=2026-06-30"},
      // Recording the conversation of someone who never self-assessed asks first (issue 13).
      {"conversation.confirm", "manager", "/team/{employee}", 422, "csrf=golden-csrf-manager&round=2026&conversation_held=1"},
      // Answers posted after the session ended come back inside the sign-in form (issue 13).
      {"sign-in.held", "", "/skattning", 401,
       "csrf=ended&form_owner=golden-owner&round=2026&action=draft&level.1.1=3&motivation.1=4"},
      {"rounds.errors", "hr", "/omgangar", 422, "csrf=golden-csrf-hr&name=&framework=digital-kompetens&scope="},
      // A unit that does not exist is refused, not taken for the whole organisation.
      {"rounds.unknown-unit", "hr", "/omgangar", 422,
       "csrf=golden-csrf-hr&name=golden-2027&framework=digital-kompetens&scope=FINNS-EJ"},
      // Problems with the parameters, in the reader's language (issue 13).
      {"figures.errors", "hr", "/nyckeltal?at=2099-13-45&enhet=FINNS-EJ", 400},
      // Importera (issue 15): an upload without a file, and a file whose every problem is listed.
      {"import.errors", "hr", "/importera", 422,
       "--golden\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ngolden-csrf-hr\r\n"
       "--golden\r\nContent-Disposition: form-data; name=\"typ\"\r\n\r\nassessments\r\n"
       "--golden\r\nContent-Disposition: form-data; name=\"datumformat\"\r\n\r\nYYYY/DD/MM\r\n--golden--\r\n",
       "multipart/form-data; boundary=golden"},
      {"import.problems", "hr", "/importera", 422,
       "--golden\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ngolden-csrf-hr\r\n"
       "--golden\r\nContent-Disposition: form-data; name=\"typ\"\r\n\r\npeople\r\n"
       "--golden\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"personal.csv\"\r\n"
       "Content-Type: text/csv\r\n\r\n"
       "employee_id,name,email,gender,birth_year,unit_code,role,manager_id\n"
       "G1,Greta Golden,,F,1980,KF,handläggare,\nG2,Gustav Golden,,M,1880,FINNS-EJ,handläggare,\n"
       "\r\n--golden--\r\n",
       "multipart/form-data; boundary=golden"},
      {"learning.errors", "hr", "/laraktiviteter/mal", 422,
       "csrf=golden-csrf-hr&target_participants=m%C3%A5nga&target_hours_per_participant=18"},
      {"learning-activity.errors", "hr", "/laraktiviteter/ny", 422,
       "csrf=golden-csrf-hr&code=AI-01&title=&format=kurs&framework=digital-kompetens&competencies=1.1&level_from=x"
       "&level_to=2&hours=0&starts=2026-01-01&ends=2025-01-01&capacity=&audience_roles=&status=open"},
      {"forecast.errors", "hr", "/prognos?at=2099-13-45&unit=FINNS-EJ&years=99", 400},
      {"error-415", "employee", "/konto", 415, "csrf=golden-csrf-employee", "text/plain"},
  };
}

struct GoldenCase {
  Page page;
  std::string lang;
  friend void PrintTo(const GoldenCase& golden, std::ostream* out) { *out << golden.page.file << "." << golden.lang; }
};

class GoldenPages : public testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenPages, matches_the_expected_html) {
  const GoldenCase& golden = GetParam();
  Fixture& f = fixture();
  Page page = golden.page;
  for (std::string* text : {&page.target, &page.body}) {
    if (const auto at = text->find("{employee}"); at != std::string::npos) {
      text->replace(at, std::string_view("{employee}").size(), f.employee_ids.at("employee"));
    }
  }
  if (const auto at = page.body.find("golden-signin"); at != std::string::npos) {
    page.body.replace(at, std::string_view("golden-signin").size(), f.signin_token);
  }
  set_template_checking(true);
  const Response response = f.application->handle(make_request(page, golden.lang));
  const std::vector<std::string> problems = take_template_problems();
  set_template_checking(false);

  EXPECT_EQ(response.status, page.status) << response.body;
  EXPECT_TRUE(response.content_type.starts_with("text/html")) << response.content_type;
  EXPECT_EQ(problems, std::vector<std::string>{}) << "template names that resolved to nothing";
  EXPECT_EQ(response.body.find("{{"), std::string::npos) << "a mustache tag left in the page";
  EXPECT_EQ(response.body.find("[["), std::string::npos) << "a text placeholder left in the page";
  // Every text in the reader's language (issue 13): no key instead of its text, and on English
  // pages no Swedish text of the catalogue outside an element marked lang="sv".
  const CatalogueWords& words = catalogue_words();
  const std::string shown = shown_text(response.body, false);
  for (const std::string& key : words.keys) {
    const auto at = find_words(shown, key);
    EXPECT_EQ(at, std::string::npos) << "the key " << key << " shown instead of its text: …"
                                     << shown.substr(at == std::string::npos ? 0 : at, 80);
  }
  if (golden.lang == "en") {
    const std::string english = shown_text(response.body, true);
    // Charts, their tables and descriptions included (ChartText::names_language).
    for (const auto* list : {&words.swedish, &words.framework}) {
      for (const std::string& swedish : *list) {
        const auto at = find_words(english, swedish);
        EXPECT_EQ(at, std::string::npos) << "Swedish on the English page: \"" << swedish << "\" in …"
                                         << english.substr(at < 40 ? 0 : at - 40, 120);
      }
    }
  }

  const std::string html = normalise(response.body);
  const std::filesystem::path expected_file = kGoldenDir / (page.file + "." + golden.lang + ".html");
  if (rebaseline()) {
    std::ofstream(expected_file, std::ios::binary) << html;
    GTEST_SKIP() << "rewrote " << expected_file;
  }
  ASSERT_TRUE(std::filesystem::exists(expected_file))
      << expected_file << " is missing; run with TRAPPA_REBASELINE=1 to write it";
  const std::string expected = read_file(expected_file);
  if (html != expected) {
    // The first differing line, so a failure reads without a diff tool.
    std::istringstream a(expected), b(html);
    std::string line_a, line_b;
    int line = 1;
    while (std::getline(a, line_a) && std::getline(b, line_b) && line_a == line_b) ++line;
    ADD_FAILURE() << expected_file << " differs at line " << line << "\nexpected: " << line_a
                  << "\nactual:   " << line_b << "\n(TRAPPA_REBASELINE=1 rewrites the file if the change is intended)";
  }
}

std::vector<GoldenCase> all_cases() {
  std::vector<GoldenCase> cases;
  for (const Page& page : pages()) {
    for (const char* lang : {"sv", "en"}) cases.push_back({page, lang});
  }
  return cases;
}

std::string case_name(const testing::TestParamInfo<GoldenCase>& info) {
  std::string name = info.param.page.file + "_" + info.param.lang;
  for (char& c : name) {
    if (c == '.' || c == '-') c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryPage, GoldenPages, testing::ValuesIn(all_cases()), case_name);

}  // namespace
}  // namespace trappa::web
