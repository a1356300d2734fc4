// Issue 13, item 1: a session that ends mid-form loses nothing. Before, "Spara utkast" after the
// idle timeout gave 403 ("Formuläret saknade sin säkerhetskod") and the answers were gone. Now
// the sign-in page comes back holding them, signing in again as the same person saves them as
// a draft, anyone else saves nothing, and the page warns before the session ends and before
// leaving unsaved answers. The server runs with --idle-minutes 0.5, so sessions end after 30 s.
//
//   TRAPPA_BINARY=build/trappa node --test expired_session.test.js
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { startDemo, apiJson, answer } = require("./demo_server");

let demo;

before(async () => {
  demo = await startDemo(["--idle-minutes", "0.5"]);
});

after(async () => {
  if (demo) await demo.stop();
});

// The checked value of every radio group of Min skattning.
async function checkedAnswers(page) {
  return page.locator("form.assessment-form input[type=radio]:checked").evaluateAll((inputs) =>
    Object.fromEntries(inputs.map((input) => [input.name, input.value])));
}

// Waits until the session of the page (as of its last request) has ended on the server.
async function waitForTheSessionToEnd(page) {
  const left = Number(await page.locator("#session-warning").getAttribute("data-session-seconds"));
  assert.ok(left > 0 && left <= 30, `the session had ${left} s left`);
  await page.waitForTimeout((left + 2) * 1000);
}

test("answers saved after the session ended are kept through sign-in and saved as the person's draft", async () => {
  const { base, accounts } = demo;
  const page = await demo.newPage();
  await demo.signIn(page, accounts.employee);
  await page.goto(base + "/skattning");
  assert.ok(await page.locator("#session-warning").isHidden(), "no warning while nothing is changed");
  const chosen = (name, index) => (name.startsWith("motivation.") ? "4" : String(1 + (index % 4)));
  await answer(page, chosen);
  const answered = await checkedAnswers(page);
  assert.ok(Object.keys(answered).length > 10, `answered ${Object.keys(answered).length} questions`);

  // The warning comes before the session ends, since the answers are not saved.
  await page.locator("#session-warning").waitFor({ state: "visible", timeout: 30000 });
  assert.match(await page.locator("#session-warning").textContent(), /inte är sparade/);
  assert.equal(await page.locator("#session-warning").getAttribute("role"), "alert");
  await demo.checkAccessibility(page, "/skattning with the session warning");

  // Leaving the page with unsaved answers asks first; staying keeps them.
  let asked = null;
  page.once("dialog", async (dialog) => {
    asked = dialog.type();
    await dialog.dismiss();
  });
  await page.locator('nav a[href="/ramverk"]').click({ noWaitAfter: true });
  await page.waitForTimeout(1000);
  assert.equal(asked, "beforeunload", "leaving asked first");
  assert.ok(page.url().endsWith("/skattning"), page.url());
  assert.deepEqual(await checkedAnswers(page), answered);

  await waitForTheSessionToEnd(page);
  await Promise.all([page.waitForNavigation(), page.locator('button[value="draft"]').click()]);
  // Not the forbidden page: the sign-in page, holding the answers.
  assert.equal((await page.locator("h1").textContent()).trim(), "Logga in");
  assert.ok(await page.locator("#held-answers").isVisible(), "the page says the answers are kept");
  assert.ok(!(await page.locator("main").textContent()).includes("säkerhetskod"));
  await demo.checkAccessibility(page, "sign-in holding the answers");

  await page.locator("#username").fill(accounts.employee.id);
  await page.locator("#password").fill(accounts.employee.password);
  await Promise.all([page.waitForNavigation(), page.locator("form.form-stack button[type=submit]").click()]);
  assert.ok(page.url().includes("/skattning?klart=assessment_restored"), page.url());
  assert.match(await page.locator(".notice-success").textContent(), /sparade som utkast/);
  assert.equal((await page.locator(".facts .badge").textContent()).trim(), "Utkast sparat");
  assert.deepEqual(await checkedAnswers(page), answered, "every answer is back, saved");
  const own = await apiJson(page, `${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`);
  assert.equal(own.status, "not_started", "saved, not submitted on the person's behalf");
  assert.equal(own.progress, "draft");
  assert.equal(String(own.ratings[0].self_level), answered[`level.${own.ratings[0].competency}`]);
  await demo.checkAccessibility(page, "/skattning after the answers were restored");
  await page.context().close();
});

test("held answers are saved for nobody but their owner, and the sign-in form's token still holds", async () => {
  const { base, accounts } = demo;
  // Without JavaScript: keeping the answers is the server's work.
  const context = await demo.browser.newContext({ javaScriptEnabled: false, locale: "sv-SE" });
  const page = await context.newPage();
  await demo.signIn(page, accounts.employee);
  await page.goto(base + "/skattning");
  const before = await checkedAnswers(page);
  const first = Object.keys(before).find((name) => name.startsWith("level."));
  const other = before[first] === "1" ? "2" : "1";
  await page.locator(`input[name="${first}"][value="${other}"]`).check();
  // The session ends (here: its cookie is gone) before the draft is saved.
  await context.clearCookies({ name: "trappa_session" });
  await Promise.all([page.waitForNavigation(), page.locator('button[value="draft"]').click()]);
  assert.ok(await page.locator("#held-answers").isVisible());

  // The sign-in form's token is checked as before: without it nothing is saved.
  const heldForm = await page.locator('input[name="held_form"]').inputValue();
  const forged = await fetch(base + "/login", {
    method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: accounts.employee.id, password: accounts.employee.password,
                                held_path: "/skattning", held_form: heldForm }).toString(),
  });
  assert.equal(forged.status, 403);

  // Someone else signs in with the held form: they sign in, the answers are not saved.
  await page.locator("#username").fill(accounts.manager.id);
  await page.locator("#password").fill(accounts.manager.password);
  await Promise.all([page.waitForNavigation(), page.locator("form.form-stack button[type=submit]").click()]);
  assert.equal(new URL(page.url()).pathname, "/");
  await context.close();

  const hr = await demo.newPage();
  await demo.signIn(hr, accounts.hr);
  const stored = await apiJson(hr, `${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`);
  const competency = first.slice("level.".length);
  const rating = stored.ratings.find((r) => r.competency === competency);
  assert.equal(String(rating.self_level), before[first], "the employee's answer is unchanged");
  await hr.context().close();
});

test("a form from an earlier sign-in of the same person comes back with its answers, and one more click saves them", async () => {
  const { base, accounts } = demo;
  const context = await demo.browser.newContext({ bypassCSP: true, locale: "sv-SE" });
  const page = await context.newPage();
  await demo.signIn(page, accounts.employee);
  await page.goto(base + "/skattning");
  const before = await checkedAnswers(page);
  const first = Object.keys(before).find((name) => name.startsWith("level."));
  const other = before[first] === "4" ? "3" : "4";
  await page.locator(`input[name="${first}"][value="${other}"]`).check();

  // Meanwhile the person signs out and in again in another tab: a new session, a new token.
  const tab = await context.newPage();
  await tab.goto(base + "/");
  await Promise.all([tab.waitForNavigation(), tab.locator("form.inline-form button").click()]);
  await demo.signIn(tab, accounts.employee);
  await tab.close();

  const [response] = await Promise.all([page.waitForNavigation(), page.locator('button[value="draft"]').click()]);
  assert.equal(response.status(), 403, "refused: the form's token is the old session's");
  assert.ok(await page.locator("#earlier-session").isVisible());
  assert.equal((await checkedAnswers(page))[first], other, "the posted answer is shown");
  await demo.checkAccessibility(page, "/skattning from an earlier session");
  page.on("dialog", (dialog) => dialog.accept());
  await Promise.all([page.waitForNavigation(), page.locator('button[value="draft"]').click()]);
  assert.ok(page.url().includes("klart=assessment_saved_draft"), page.url());
  assert.equal((await checkedAnswers(page))[first], other, "saved");
  await context.close();
});
