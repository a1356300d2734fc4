#include <gtest/gtest.h>

#include <stdexcept>

#include "web/server/http_types.hpp"
#include "web/ui/app_context.hpp"
#include "web/ui/router.hpp"

namespace trappa::web {
namespace {

// A handler that answers with its own name, so a test sees which route was chosen.
Handler named(std::string name) {
  return [name](AppContext&, PageRequest&, const RouteParams&) { return Response{200, "text/plain", name, {}}; };
}

// Runs the handler a match found.
std::string answer(const RouteMatch& match) {
  AppContext app;
  Request request;
  PageRequest page{request, Language::kSwedish, std::nullopt};
  return (*match.handler)(app, page, match.params).body;
}

Router example_router() {
  Router router;
  router.get("/", named("home"));
  router.get("/login", named("login form"), Access::kPublic);
  router.post("/login", named("sign in"), Access::kPublic);
  router.get("/team", named("team"));
  router.get("/team/{employee_id}", named("conversation"));
  router.post("/team/{employee_id}", named("save conversation"));
  router.post("/omgangar/{round}/oppna", named("open round"));
  router.get("/personer/{employee_id}", named("person"));
  router.post("/personer/{employee_id}/export.json", named("person export"));
  router.get("/api/v1/rounds/{round}/assessments/{id}", named("read assessment"));
  router.put("/api/v1/rounds/{round}/assessments/{id}", named("write assessment"));
  router.get("/api/v1/rounds/{round}/gaps", named("gaps"));
  router.get("/api/v1/rounds/{round}/{anything}", named("round anything"));
  return router;
}

TEST(Router, exact_paths_match_their_method_only) {
  const Router router = example_router();
  const RouteMatch home = router.match("GET", "/");
  ASSERT_EQ(home.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(answer(home), "home");
  EXPECT_EQ(answer(router.match("GET", "/team")), "team");
  EXPECT_EQ(answer(router.match("POST", "/login")), "sign in");
  EXPECT_EQ(answer(router.match("GET", "/login")), "login form");
}

TEST(Router, parameters_bind_one_non_empty_segment_each) {
  const Router router = example_router();
  const RouteMatch conversation = router.match("GET", "/team/E000009");
  ASSERT_EQ(conversation.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(answer(conversation), "conversation");
  EXPECT_EQ(conversation.params.get("employee_id"), "E000009");
  EXPECT_EQ(conversation.params.get("no_such_parameter"), "");

  const RouteMatch assessment = router.match("PUT", "/api/v1/rounds/2026/assessments/E1");
  ASSERT_EQ(assessment.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(answer(assessment), "write assessment");
  EXPECT_EQ(assessment.params.get("round"), "2026");
  EXPECT_EQ(assessment.params.get("id"), "E1");

  const RouteMatch export_json = router.match("POST", "/personer/E1/export.json");
  ASSERT_EQ(export_json.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(answer(export_json), "person export");
  EXPECT_EQ(export_json.params.get("employee_id"), "E1");

  // Decoded values are bound as they are, quotes and spaces included.
  EXPECT_EQ(router.match("GET", "/team/E1'; DROP TABLE people;--").params.get("employee_id"), "E1'; DROP TABLE people;--");
}

TEST(Router, a_literal_segment_wins_over_a_parameter) {
  const Router router = example_router();
  EXPECT_EQ(answer(router.match("GET", "/api/v1/rounds/2026/gaps")), "gaps");
  EXPECT_EQ(answer(router.match("GET", "/api/v1/rounds/2026/other")), "round anything");
}

TEST(Router, unknown_paths_empty_segments_and_trailing_slashes_are_not_found) {
  const Router router = example_router();
  for (const char* path : {"/nowhere", "/team/", "/team/E1/", "/team/E1/extra", "/team//", "//team", "/personer/",
                           "/personer//export.json", "/omgangar/2026", "/omgangar/2026/oppna/", "/api/v1/rounds/2026",
                           "", "team", "/TEAM"}) {
    EXPECT_EQ(router.match("GET", path).outcome, RouteMatch::Outcome::kNotFound) << path;
    EXPECT_EQ(router.match("POST", path).outcome, RouteMatch::Outcome::kNotFound) << path;
  }
}

TEST(Router, another_method_on_a_known_path_is_405_with_the_paths_real_methods) {
  const Router router = example_router();
  struct Case {
    const char* method;
    const char* path;
    const char* allow;
  };
  for (const Case& c : {Case{"POST", "/", "GET, HEAD"}, Case{"DELETE", "/login", "GET, HEAD, POST"},
                        Case{"PUT", "/team/E1", "GET, HEAD, POST"}, Case{"GET", "/omgangar/2026/oppna", "POST"},
                        Case{"HEAD", "/personer/E1/export.json", "POST"},
                        Case{"DELETE", "/api/v1/rounds/2026/assessments/E1", "GET, HEAD, PUT"},
                        Case{"OPTIONS", "/team", "GET, HEAD"}, Case{"BREW", "/team", "GET, HEAD"}}) {
    const RouteMatch match = router.match(c.method, c.path);
    EXPECT_EQ(match.outcome, RouteMatch::Outcome::kMethodNotAllowed) << c.method << " " << c.path;
    EXPECT_EQ(match.allow, c.allow) << c.method << " " << c.path;
    EXPECT_EQ(match.handler, nullptr);
  }
}

TEST(Router, head_is_answered_by_the_get_handler) {
  const Router router = example_router();
  const RouteMatch head = router.match("HEAD", "/team/E1");
  ASSERT_EQ(head.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(answer(head), "conversation");
  EXPECT_EQ(router.match("HEAD", "/login").access, Access::kPublic);
}

TEST(Router, access_is_reported_for_found_and_405_paths) {
  const Router router = example_router();
  EXPECT_EQ(router.match("GET", "/login").access, Access::kPublic);
  EXPECT_EQ(router.match("PUT", "/login").access, Access::kPublic);
  EXPECT_EQ(router.match("GET", "/team").access, Access::kSignedIn);
  EXPECT_EQ(router.match("POST", "/team").access, Access::kSignedIn);
}

TEST(Router, malformed_patterns_and_double_registrations_fail_at_start_up) {
  Router router;
  router.get("/team", named("team"));
  EXPECT_THROW(router.get("/team", named("again")), std::logic_error);
  EXPECT_THROW(router.post("/team", named("public now"), Access::kPublic), std::logic_error);
  EXPECT_THROW(router.get("team", named("relative")), std::logic_error);
  EXPECT_THROW(router.get("/a//b", named("empty segment")), std::logic_error);
  EXPECT_THROW(router.get("/a/x{id}", named("partial parameter")), std::logic_error);
  EXPECT_THROW(router.get("/a/{}", named("unnamed parameter")), std::logic_error);
  EXPECT_THROW(router.get("/a", Handler{}), std::logic_error);
  EXPECT_NO_THROW(router.post("/team", named("form")));
}

}  // namespace
}  // namespace trappa::web
