// Browser journeys of issue 4, in Debian's Chromium driven by playwright-core, with axe-core
// checking every page. A fresh `trappa serve --demo` on a free loopback port and a
// temporary store serves them; it is stopped at the end.
//
//   TRAPPA_BINARY=build/trappa node --test journeys.test.js
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { startDemo } = require("./serve");

const binary = process.env.TRAPPA_BINARY || path.resolve(__dirname, "../../build/trappa");
const chromiumPath = process.env.TRAPPA_CHROMIUM || "/usr/bin/chromium";
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let demo;
let base;
let browser;
const accounts = {};  // employee, manager, hr, observer: { id, password, name }

// Runs axe-core on the page and fails on serious or critical violations.
async function checkAccessibility(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const outcome = await axe.run(document, { resultTypes: ["violations"] });
    return outcome.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  const severe = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(severe, [], `${label}: serious or critical accessibility violations:\n` + JSON.stringify(severe, null, 2));
}

async function newPage() {
  // bypassCSP lets the test inject axe-core; the application's CSP forbids inline scripts.
  const context = await browser.newContext({ bypassCSP: true, locale: "sv-SE" });
  return context.newPage();
}

async function signIn(page, account) {
  await page.goto(base + "/login");
  await page.locator("#username").focus();
  await page.keyboard.type(account.id);
  await page.keyboard.press("Tab");
  await page.keyboard.type(account.password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.ok(!page.url().includes("/login"), `signed in as ${account.id}`);
}

// The overview's status table for a unit, as { label: count }, and the assessed figure.
async function overviewFigures(page, unit) {
  await page.goto(`${base}/oversikt?omgang=2026&enhet=${encodeURIComponent(unit)}`);
  const assessed = (await page.locator('[data-figure="assessed"]').textContent()).trim();
  const rows = await page.locator("#status-section table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th").textContent.trim(), tr.querySelector("td").textContent.trim()]));
  return { assessed, status: Object.fromEntries(rows) };
}

before(async () => {
  demo = await startDemo(binary, chromiumPath, "e2e");
  ({ base, browser } = demo);
});

after(async () => {
  if (demo) await demo.stop(false);
});

test("the sign-in page lists the demo accounts and passes axe", async () => {
  const page = await newPage();
  await page.goto(base + "/login");
  assert.equal(await page.getAttribute("html", "lang"), "sv");
  const rows = await page.locator(".demo-accounts tbody tr").evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((cell) => cell.textContent.trim())));
  assert.equal(rows.length, 4);
  for (const [key, row] of [["employee", rows[0]], ["manager", rows[1]], ["hr", rows[2]], ["observer", rows[3]]]) {
    accounts[key] = { name: row[1], id: row[2], password: row[3] };
  }
  await checkAccessibility(page, "/login");
  await page.context().close();
});

test("the API answers 401 without a session", async () => {
  const response = await fetch(base + "/api/v1/rounds");
  assert.equal(response.status, 401);
  const body = await response.json();
  assert.equal(body.error.status, 401);
});

test("a sign-in form posted without its CSRF token is refused", async () => {
  const response = await fetch(base + "/login", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `username=${accounts.employee.id}&password=${accounts.employee.password}`,
    redirect: "manual",
  });
  assert.equal(response.status, 403);
  assert.equal(response.headers.get("set-cookie")?.includes("trappa_session=") ?? false, false);
});


test("HR sees the overview before anything changes", async () => {
  const page = await newPage();
  await signIn(page, accounts.hr);
  const me = await (await page.request.get(base + "/api/v1/me")).json();
  assert.equal(me.role, "hr");
  const employee = await (await page.request.get(
    `${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`)).json();
  assert.equal(employee.status, "not_started");
  const gaps = await page.request.get(`${base}/api/v1/rounds/2026/gaps?by=unit`);
  assert.equal(gaps.status(), 200);
  const report = await gaps.json();
  assert.ok(report.people > 0 && Array.isArray(report.areas) && report.status);
  await page.goto(base + "/oversikt");
  await checkAccessibility(page, "/oversikt (HR)");
  await page.goto(base + "/omgangar");
  await checkAccessibility(page, "/omgangar");
  await page.goto(base + "/ramverk");
  await checkAccessibility(page, "/ramverk");
  await page.context().close();
});

test("the employee fills in and submits the assessment with the keyboard alone", async () => {
  const page = await newPage();
  await signIn(page, accounts.employee);
  await checkAccessibility(page, "/ (home)");
  await page.goto(base + "/skattning");
  await checkAccessibility(page, "/skattning");
  const unitText = await page.locator(".facts").textContent();
  assert.ok(unitText.includes("2026"));

  // Submitting an empty form shows every missing answer next to its question.
  await Promise.all([page.waitForNavigation(), page.locator('button[value="submit"]').click()]);
  const summary = page.locator("#felsammanfattning");
  assert.ok(await summary.isVisible(), "the error summary is shown");
  assert.ok((await summary.locator("li").count()) > 5);
  const firstError = page.locator("fieldset.has-error").first();
  assert.ok((await firstError.getAttribute("aria-describedby")).endsWith("-error"));
  await checkAccessibility(page, "/skattning with errors");

  // Keyboard only: Tab from the top; in each radio group Space picks the first level and the
  // arrow keys move to the level wanted; Enter on the submit button sends the form.
  await page.goto(base + "/skattning");
  await page.locator("body").focus();
  let groups = 0;
  const seen = new Set();
  for (let step = 0; step < 400; step += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el.tagName, type: el.type || "", name: el.name || "", value: el.value || "", text: el.textContent.trim() };
    });
    if (focused.type === "radio" && !seen.has(focused.name)) {
      seen.add(focused.name);
      groups += 1;
      await page.keyboard.press("Space");
      // Competencies get level 3 (the first one 1, to create a need); motivation 4.
      const moves = focused.name.startsWith("motivation.") ? 3 : (groups === 1 ? 0 : 2);
      for (let i = 0; i < moves; i += 1) await page.keyboard.press("ArrowRight");
    }
    if (focused.tag === "BUTTON" && focused.value === "submit") {
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      break;
    }
  }
  assert.ok(groups > 10, `answered ${groups} questions by keyboard`);
  assert.ok(page.url().includes("klart=assessment_submitted"), "submitted: " + page.url());
  assert.ok(await page.locator("#summary-heading").isVisible(), "the summary of needs and strengths is shown");
  const needs = await page.locator(".summary").textContent();
  assert.ok(needs.includes("Utvecklingsbehov"));
  await checkAccessibility(page, "/skattning after submit");

  const own = await (await page.request.get(`${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`)).json();
  assert.equal(own.status, "self_assessed");
  assert.equal(own.ratings[0].self_level, 1);
  await page.goto(base + "/konto");
  await checkAccessibility(page, "/konto");
  await page.context().close();
});

test("an employee opening another person's assessment is refused", async () => {
  const page = await newPage();
  await signIn(page, accounts.employee);
  const conversation = await page.goto(`${base}/team/${accounts.manager.id}`);
  assert.equal(conversation.status(), 404);
  await checkAccessibility(page, "404 page");
  const api = await page.request.get(`${base}/api/v1/rounds/2026/assessments/${accounts.hr.id}`);
  assert.equal(api.status(), 404);
  const overview = await page.goto(`${base}/oversikt`);
  assert.equal(overview.status(), 403);
  const team = await page.goto(`${base}/team`);
  assert.equal(team.status(), 403);
  const rounds = await page.goto(`${base}/omgangar`);
  assert.equal(rounds.status(), 403);
  await page.context().close();
});

test("a signed-in form posted without its CSRF token is refused", async () => {
  const page = await newPage();
  await signIn(page, accounts.employee);
  const response = await page.request.post(base + "/skattning", {
    form: { round: "2026", action: "draft", "level.1.1": "5" },
  });
  assert.equal(response.status(), 403);
  const api = await page.request.put(`${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`, {
    data: { motivation: { "1": 5 } },
  });
  assert.equal(api.status(), 403);
  const own = await (await page.request.get(`${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`)).json();
  assert.equal(own.ratings[0].self_level, 1, "nothing changed");
  await page.context().close();
});

test("HR sees the employee's submission in the overview", async () => {
  const page = await newPage();
  await signIn(page, accounts.hr);
  const person = await (await page.request.get(`${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`)).json();
  assert.equal(person.status, "self_assessed");
  await page.context().close();
});

test("the manager adjusts a level and records the conversation; HR sees the figures change", async () => {
  // HR's view of the employee's unit before the conversation.
  const hr = await newPage();
  await signIn(hr, accounts.hr);
  const manager = await newPage();
  await signIn(manager, accounts.manager);
  await manager.goto(base + "/team");
  await checkAccessibility(manager, "/team");
  const row = manager.locator("tbody tr", { hasText: accounts.employee.name });
  assert.ok((await row.textContent()).includes("Självskattad"));
  await Promise.all([manager.waitForNavigation(), row.locator("a").click()]);
  await checkAccessibility(manager, "/team/ID (conversation)");
  const employeeUnit = (await manager.locator(".facts div", { hasText: "Enhet" }).locator("dd").textContent()).trim();

  // Find the unit's code in HR's filter list by its name.
  await hr.goto(base + "/oversikt");
  const code = await hr.locator("#f-unit option").evaluateAll((options, name) =>
    (options.find((o) => o.textContent.trim() === name) || {}).value, employeeUnit);
  assert.ok(code, "the employee's unit " + employeeUnit + " is in HR's filter");
  const hrBefore = await overviewFigures(hr, code);

  // Adjust the first agreed level from 1 to 2, prioritise it, and record the conversation.
  const first = manager.locator("select[name^='agreed.']").first();
  await first.focus();
  await first.selectOption("2");
  await manager.locator("input[name=priority]").first().check();
  await manager.locator("#held").check();
  await Promise.all([manager.waitForNavigation(), manager.locator("button[type=submit].button-primary").click()]);
  assert.ok(manager.url().includes("klart=conversation_saved"), manager.url());
  assert.ok((await manager.locator(".facts").textContent()).includes("Samtal hållet"));

  const after = await overviewFigures(hr, code);
  const held = "Samtal hållet";
  const selfAssessed = "Självskattad";
  assert.equal(Number(after.status[held].replace(/\s/g, "")), Number(hrBefore.status[held].replace(/\s/g, "")) + 1,
               `conversations held: ${JSON.stringify(hrBefore)} → ${JSON.stringify(after)}`);
  assert.equal(Number(after.status[selfAssessed].replace(/\s/g, "")),
               Number(hrBefore.status[selfAssessed].replace(/\s/g, "")) - 1);
  const agreed = await (await hr.request.get(`${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`)).json();
  assert.equal(agreed.status, "conversation_held");
  assert.equal(agreed.ratings[0].agreed_level, 2);
  assert.equal(agreed.ratings[0].agreed_by, accounts.manager.id);
  await hr.context().close();
  await manager.context().close();
});

test("the overview's CSV download and the observer's suppressed view", async () => {
  const page = await newPage();
  await signIn(page, accounts.observer);
  const skattning = await page.goto(base + "/skattning");
  assert.equal(skattning.status(), 403);
  await page.goto(base + "/oversikt");
  assert.ok((await page.locator("main").textContent()).includes("färre än 5 skattade"));
  await checkAccessibility(page, "/oversikt (observer)");
  const csv = await page.request.get(`${base}/oversikt.csv?omgang=2026&tabell=behov`);
  assert.equal(csv.status(), 200);
  assert.ok(csv.headers()["content-type"].startsWith("text/csv"));
  assert.ok((await csv.text()).includes("Digital säkerhet"));
  // Small groups: the department's head sits in the department itself, so one of its units
  // is hidden from the observer, and the CSV says so on that row.
  const units = await page.request.get(`${base}/oversikt.csv?omgang=2026&enhet=KF-ADM&tabell=karta`);
  assert.equal(units.status(), 200);
  assert.ok((await units.text()).includes("(visas inte: för få)"));
  const person = await page.request.get(`${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`);
  assert.equal(person.status(), 404);
  await page.context().close();
});

test("HR reads the key figures as charts, tables, CSV and JSON", async () => {
  const page = await newPage();
  await signIn(page, accounts.hr);
  const response = await page.goto(`${base}/nyckeltal?at=2025-12-31`);
  assert.equal(response.status(), 200);
  assert.equal(await page.locator('[data-figure="headcount"]').textContent(), "1\u00a0021");
  assert.equal(await page.locator("svg.trappa-chart").count(), 4);
  await checkAccessibility(page, "/nyckeltal (HR)");
  // A Swedish reader's spreadsheet: byte order mark, ';' and decimal commas (docs/formats.md).
  const csv = await page.request.get(`${base}/nyckeltal.csv?at=2025-12-31&tabell=kf-age`);
  assert.equal(csv.status(), 200);
  const bytes = await csv.body();
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(bytes.subarray(3).toString("utf8").startsWith("Ålder;Kvinnor;Män"));
  const json = await page.request.get(`${base}/api/v1/figures?at=2025-12-31`);
  assert.equal(json.status(), 200);
  const figures = await json.json();
  assert.equal(figures.headcount.all.total, 1021);
  assert.equal(figures.headcount.permanent.total, 893);
  const employee = await newPage();
  await signIn(employee, accounts.employee);
  assert.equal((await employee.goto(`${base}/nyckeltal`)).status(), 403);
  assert.equal((await employee.request.get(`${base}/api/v1/figures`)).status(), 403);
  await employee.context().close();
  await page.context().close();
});

// Prognos (issue 18): charts with their tables, the scenario form, at 1280 and 390 px in both
// languages, axe-core on each, and no sideways scrolling at 390 px.
test("HR reads the forecast at 1280 and 390 px in Swedish and English, and changes the scenario", async () => {
  const page = await newPage();
  await signIn(page, accounts.hr);
  for (const lang of ["sv", "en"]) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(`${base}/prognos?at=2025-12-31&unit=KF&round=2026&lang=${lang}`);
      assert.equal(response.status(), 200);
      assert.equal(await page.locator("html").getAttribute("lang"), lang);
      assert.ok((await page.locator("#fc-flows-section svg.trappa-chart").count()) >= 5, "one stacked bar per year");
      assert.equal(await page.locator("#fc-areas-section svg.trappa-chart").count(), 1);
      assert.equal(await page.locator("#fc-flows-section table").count(), 1);
      assert.equal(await page.locator("#fc-areas-section table").count(), 1);
      await checkAccessibility(page, `/prognos (${lang}, ${width} px)`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const wide = await page.evaluate(() => [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5).map((e) => `${e.tagName}#${e.id}.${e.className && e.className.baseVal !== undefined ? e.className.baseVal : e.className} ${Math.round(e.getBoundingClientRect().right)}`));
      assert.ok(overflow <= 0, `/prognos (${lang}, ${width} px) scrolls sideways by ${overflow} px: ${wide.join(", ")}`);
    }
  }
  // With JavaScript the scenario recomputes as a field changes, without reloading the page.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/prognos?at=2025-12-31&unit=KF&lang=sv`);
  await page.evaluate(() => { window.notReloaded = true; });
  await page.locator("#fc-age").fill("66");
  await page.locator("#fc-age").press("Tab");
  await page.waitForFunction(() => document.querySelector("#fc-assumptions-heading + dl").textContent.includes("66"));
  assert.equal(await page.evaluate(() => window.notReloaded), true, "the page was not reloaded");
  assert.ok(page.url().includes("retirement-age=66"), page.url());
  // Without it, the scenario form is a plain GET: fill it in and submit.
  await page.goto(`${base}/prognos?at=2025-12-31&unit=KF&lang=sv`);
  await page.locator("#fc-age").fill("67");
  await page.locator("#fc-recruit").selectOption("nej");
  await page.locator("#fc-growth-0").fill("5");
  await Promise.all([page.waitForNavigation(), page.locator("form.filters button[type=submit]").click()]);
  assert.ok(page.url().includes("retirement-age=67"));
  assert.ok(page.url().includes("rekrytera=nej"));
  assert.equal(await page.locator("#fc-growth-0").inputValue(), "5");
  assert.ok((await page.locator("#fc-assumptions-heading + dl").textContent()).includes("67"));
  const csv = await page.request.get(await page.locator('a[href^="/prognos.csv"]').getAttribute("href").then((h) => base + h));
  assert.equal(csv.status(), 200);
  assert.ok((await csv.text()).replace(/^\uFEFF/, "").startsWith("Roll;År;Anställda vid årets början;"));
  const employee = await newPage();
  await signIn(employee, accounts.employee);
  assert.equal((await employee.goto(`${base}/prognos`)).status(), 403);
  await employee.context().close();
  await page.context().close();
});

test("HR creates a round", async () => {
  const page = await newPage();
  await signIn(page, accounts.hr);
  await page.goto(base + "/omgangar");
  await page.fill("#round-name", "e2e-2027");
  await page.fill("#round-opens", "2027-01-15");
  await page.fill("#round-closes", "2027-03-31");
  await Promise.all([page.waitForNavigation(), page.locator("form.form-grid button[type=submit]").click()]);
  assert.ok(page.url().includes("klart=rounds_created"), page.url());
  assert.ok((await page.locator("table").first().textContent()).includes("e2e-2027"));
  await checkAccessibility(page, "/omgangar after create");
  await page.context().close();
});

// Issue 6, audit trail and personal-data rights (docs/personal-data.md).
// Issue 13: the person page was reachable only by typing its URL.
test("HR finds a person by name with the keyboard alone and reaches the person page; others get 404", async () => {
  const page = await newPage();
  await signIn(page, accounts.hr);
  // From the navigation, by keyboard.
  await page.goto(base + "/");
  const link = page.locator("nav a[href='/personer']");
  await link.focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.ok(page.url().endsWith("/personer"), page.url());
  await checkAccessibility(page, "/personer");
  const [first, last] = accounts.employee.name.split(" ");
  await page.locator("#people-q").focus();
  await page.keyboard.type(`${first.slice(0, 3).toLowerCase()} ${last.slice(0, 4).toUpperCase()}`);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  const status = (await page.getByRole("status").textContent()).trim();
  assert.match(status, /träff/);
  const result = page.getByRole("link", { name: accounts.employee.name });
  assert.ok((await result.count()) >= 1, `the employee is among the results: ${status}`);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await checkAccessibility(page, `/personer?q=… at ${width} px`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(wide, false, `no sideways scrolling at ${width} px`);
  }
  await result.first().focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.equal((await page.locator("h1").textContent()).trim(), `Personuppgifter: ${accounts.employee.name}`);
  // By employee number, exactly.
  await page.goto(`${base}/personer?q=${encodeURIComponent(accounts.employee.id)}`);
  assert.equal(await page.getByRole("link", { name: accounts.employee.name }).count(), 1);
  // Not for employees or managers.
  const employee = await newPage();
  await signIn(employee, accounts.employee);
  assert.equal((await employee.goto(`${base}/personer?q=a`)).status(), 404);
  assert.equal(await employee.locator("nav a[href='/personer']").count(), 0);
  await employee.context().close();
  await page.context().close();
});

test("HR reads a person's history and downloads the personal-data export; others get 404", async () => {
  const page = await newPage();
  await signIn(page, accounts.hr);
  const id = accounts.employee.id;
  // The conversation's note carries the reminder not to write sensitive data, linked to the field.
  await page.goto(`${base}/team/${encodeURIComponent(id)}?omgang=2026`);
  const describedBy = await page.getAttribute("#notes", "aria-describedby");
  assert.ok(describedBy, "the note field has aria-describedby");
  const reminder = await page.locator(`#${describedBy}`).textContent();
  assert.match(reminder, /känsliga uppgifter/);
  assert.ok(await page.locator(`#${describedBy}`).isVisible(), "the reminder is visible");
  const note = "Vill gå en kurs i e-tjänster under hösten.";
  await page.fill("#notes", note);
  await Promise.all([page.waitForNavigation(), page.locator("button[type=submit].button-primary").click()]);
  assert.ok(page.url().includes("klart=conversation_saved"), page.url());

  // From the conversation to the person's page.
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Personuppgifter och historik" }).click()]);
  assert.ok(page.url().endsWith(`/personer/${encodeURIComponent(id)}`), page.url());
  assert.equal((await page.locator("h1").textContent()).trim(), `Personuppgifter: ${accounts.employee.name}`);
  const history = page.getByRole("table", { name: /Historik för/ });
  const saved = history.locator("tbody tr", { hasText: "Skattning sparad" }).last();
  assert.ok((await saved.textContent()).includes(`${accounts.hr.name} (${accounts.hr.id})`), await saved.textContent());
  // The change in the reader's language (issue 13), not the stored "notes changed".
  assert.ok((await saved.textContent()).includes("anteckningen ändrad"), await saved.textContent());
  assert.ok(!(await history.textContent()).includes("notes changed"), "no stored English audit line on the page");
  assert.ok(!(await history.textContent()).includes(note), "the history never quotes the note");
  await checkAccessibility(page, "/personer/ID");

  // The export downloads as a file and is itself recorded.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Exportera personuppgifter (JSON)" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `personuppgifter-${id}.json`);
  const exported = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  assert.equal(exported.format, "trappa-person-export");
  assert.equal(exported.version, 1);
  assert.equal(exported.person.employee_id, id);
  assert.equal(exported.person.name, accounts.employee.name);
  assert.equal(exported.exported_by, accounts.hr.id);
  const round = exported.assessments.find((a) => a.round === "2026");
  assert.equal(round.notes, note);
  assert.equal(exported.account.role, "employee");
  assert.ok(!JSON.stringify(exported).includes("argon2"), "no password hash in the export");
  assert.equal(exported.audit.at(-1).action, "person.export");
  await page.reload();
  assert.ok((await history.textContent()).includes("Personuppgifter exporterade"));
  const exportUrl = `${base}/personer/${encodeURIComponent(id)}/export.json`;
  const csrfOf = (p) => p.locator('input[name="csrf"]').first().inputValue();
  const headers = (await page.request.post(exportUrl, { form: { csrf: await csrfOf(page) } })).headers();
  assert.match(headers["content-disposition"], /^attachment; filename="personuppgifter-/);
  assert.equal(headers["cache-control"], "no-store");
  // Only as a form post with the page's token: a link from elsewhere cannot start an export.
  assert.equal((await page.request.get(exportUrl)).status(), 405);
  assert.equal((await page.request.post(exportUrl, { form: { csrf: "fel" } })).status(), 403);

  // Nobody but HR and administrators: the same 404 as for a person who does not exist.
  for (const who of [accounts.employee, accounts.manager, accounts.observer]) {
    const other = await newPage();
    await signIn(other, who);
    assert.equal((await other.goto(`${base}/personer/${encodeURIComponent(id)}`)).status(), 404, who.id);
    assert.equal((await other.request.post(exportUrl, { form: { csrf: await csrfOf(other) } })).status(), 404, who.id);
    await other.context().close();
  }
  assert.equal((await page.goto(`${base}/personer/NO-SUCH-PERSON`)).status(), 404);
  await page.context().close();
});

// Issue 13, item 5: opening a round while 2026 was open worked before its opening date,
// without a question, and hid the 2026 assessment from the employee. HR is now asked first,
// with the open round and the date named; the employee's start page lists both open rounds,
// each with its deadline, and her 2026 assessment is one link away. (Runs after "HR creates a
// round", which made e2e-2027, opening 2027-01-15, for the same framework.)
test("opening a second round asks HR first and keeps the employee's unfinished round reachable", async () => {
  const page = await newPage();
  await signIn(page, accounts.hr);
  await page.goto(base + "/omgangar");
  const row = page.locator("tbody tr", { hasText: "e2e-2027" });
  await Promise.all([page.waitForNavigation(), row.getByRole("button", { name: /Öppna/ }).click()]);
  const question = await page.locator("main").textContent();
  assert.match(question, /Omgången\s+2026\s+är redan öppen för samma ramverk/);
  assert.match(question, /öppningsdatum har inte kommit.*15 januari 2027/s);
  await checkAccessibility(page, "confirmation to open a round, 1280 px");
  await page.setViewportSize({ width: 390, height: 844 });
  await checkAccessibility(page, "confirmation to open a round, 390 px");
  await page.goto(base + "/omgangar");
  assert.match(await page.locator("tbody tr", { hasText: "e2e-2027" }).textContent(), /Utkast/, "not opened before confirming");
  await Promise.all([page.waitForNavigation(),
                     page.locator("tbody tr", { hasText: "e2e-2027" }).getByRole("button", { name: /Öppna/ }).click()]);
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: /Öppna ändå/ }).click()]);
  assert.ok(page.url().includes("klart=rounds_opened"), page.url());
  assert.match(await page.locator("tbody tr", { hasText: "e2e-2027" }).textContent(), /Öppen/);
  await page.context().close();

  const employee = await newPage();
  await signIn(employee, accounts.employee);
  await employee.goto(base + "/");
  const rounds = employee.getByRole("region", { name: "Öppna skattningsomgångar" });
  const listed = await rounds.textContent();
  assert.match(listed, /Omgång 2026: sista dag 18 december 2026/);
  assert.match(listed, /Omgång e2e-2027: sista dag 31 mars 2027/);
  await checkAccessibility(employee, "/ with two open rounds, 1280 px");
  await employee.setViewportSize({ width: 390, height: 844 });
  await checkAccessibility(employee, "/ with two open rounds, 390 px");
  await Promise.all([employee.waitForNavigation(), rounds.getByRole("link", { name: "Omgång 2026" }).click()]);
  assert.ok(employee.url().endsWith("/skattning?omgang=2026"), employee.url());
  assert.match(await employee.locator("dl.facts").first().textContent(), /2026/);
  assert.match(await employee.locator("dl.facts").first().textContent(), /Självskattad|Samtal hållet/, "her 2026 answers are there");
  assert.ok(await employee.getByRole("link", { name: "Omgång e2e-2027" }).isVisible(), "the other open round is linked");
  await checkAccessibility(employee, "/skattning?omgang=2026, 390 px");
  await employee.context().close();
});

// Issue 13: every start page shows the round's deadline; HR's and observers' link Nyckeltal.
test("every start page shows the open round's deadline and HR's and observers' link Nyckeltal", async () => {
  for (const who of ["employee", "manager", "hr", "observer"]) {
    const page = await newPage();
    await signIn(page, accounts[who]);
    await page.goto(base + "/");
    const rounds = page.getByRole("region", { name: "Öppna skattningsomgångar" });
    assert.match(await rounds.textContent(), /sista dag 18 december 2026/, who);
    const figures = await page.getByRole("link", { name: "Nyckeltal" }).count();
    if (who === "hr" || who === "observer") assert.ok(figures > 0, `${who}'s start page links Nyckeltal`);
    await page.setViewportSize({ width: 390, height: 844 });
    await checkAccessibility(page, `/ as ${who}, 390 px`);
    await page.context().close();
  }
});

// Issue 13, item 6: people whose role had no profile were left out ("Ingår inte"). The
// framework page names the default profile, and a person whose role has none of its own is
// assessed against it, as the person page says.
test("roles without a profile of their own take part under the framework's default profile", async () => {
  // The manager's team holds a labour-market-programme worker, a role the framework does not
  // list: she was "Ingår inte", now she is in the round.
  const manager = await newPage();
  await signIn(manager, accounts.manager);
  await manager.goto(`${base}/team?omgang=2026`);
  const row = manager.locator("tbody tr", { hasText: "arbetsmarknadsanställd" }).first();
  assert.equal(await row.count(), 1, "the demo manager's team has a labour-market-programme worker");
  const text = await row.textContent();
  assert.ok(!text.includes("Ingår inte"), text);
  assert.match(text, /Ej påbörjad/);
  const href = await row.locator("a").getAttribute("href");
  const id = decodeURIComponent(href.split("/team/")[1].split("?")[0]);
  await manager.context().close();

  const page = await newPage();
  await signIn(page, accounts.hr);
  await page.goto(base + "/ramverk");
  assert.match(await page.locator("main").textContent(), /Standardprofil:\s*medarbetare/);
  await checkAccessibility(page, "/ramverk with the default profile");
  await page.goto(`${base}/personer/${encodeURIComponent(id)}`);
  assert.match(await page.locator("dl.facts").textContent(), /arbetsmarknadsanställd \(standardprofil: medarbetare\)/);
  await checkAccessibility(page, "/personer/ID under the default profile");
  await page.context().close();
});
