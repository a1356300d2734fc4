// Issue 16's browser journey, in Debian's Chromium with axe-core on each page reached: from an
// agreed need to hours of learning. HR puts an open activity for a competency in the
// catalogue; the employee, who rated herself below the expected level in it, sees the activity
// recommended on Min utvecklingsplan, registers with one click and proposes a goal; her manager
// agrees the plan; HR marks her attended; the hours then appear in HR's statistics and on her
// own page.
//
//   TRAPPA_BINARY=build/trappa node --test learning_journey.test.js
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { startDemo, answer } = require("./demo_server");

let demo;

before(async () => {
  demo = await startDemo();
});

after(async () => {
  if (demo) await demo.stop();
});

const kActivity = "RESA-1";
const kHours = 7;

// The figure shown as data-figure="NAME" on the page, as a number ("1 234,5" → 1234.5).
async function figure(page, name) {
  const text = (await page.locator(`[data-figure="${name}"]`).first().textContent()).trim();
  return Number(text.replace(/\s/g, "").replace(/[^\d,.-]/g, "").replace(",", "."));
}

// A serving node reads the catalogue and participation again when its change feed reports a
// learning change (at most a second's poll on SQLite, docs/web.md): reload `url` until
// `ready()` holds, for at most five seconds.
async function reloadUntil(page, url, ready) {
  const deadline = Date.now() + 5000;
  await page.goto(url);
  while (!(await ready()) && Date.now() < deadline) {
    await page.waitForTimeout(200);
    await page.goto(url);
  }
}

async function submitForm(page, button) {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

test("employee registers from a recommendation, the manager agrees the plan, HR marks attendance, the hours appear", async () => {
  const { base, accounts } = demo;
  const year = new Date().getFullYear();

  // The employee rates the first competency 1 (below what her role expects) and the rest 3.
  const employee = await demo.newPage();
  await demo.signIn(employee, accounts.employee);
  await employee.goto(base + "/skattning");
  const names = await answer(employee, (name, index) => (name.startsWith("motivation.") ? "4" : index === 0 ? "1" : "3"));
  await submitForm(employee, employee.locator('button[value="submit"]'));
  const competency = names[0].slice("level.".length);

  // HR adds an open activity for that competency, from level 1 up to 3, to the catalogue.
  const hr = await demo.newPage();
  await demo.signIn(hr, accounts.hr);
  await hr.goto(base + "/laraktiviteter");
  const hoursBefore = await figure(hr, "hours");
  await hr.goto(base + "/laraktiviteter/ny");
  await demo.checkAccessibility(hr, "/laraktiviteter/ny");
  await hr.fill("#activity-code", kActivity);
  await hr.fill("#activity-title", "Resan till nivå tre");
  await hr.fill("#activity-competencies", competency);
  await hr.fill("#activity-level_from", "1");
  await hr.fill("#activity-level_to", "3");
  await hr.fill("#activity-hours", String(kHours));
  await hr.fill("#activity-starts", `${year}-01-01`);
  await hr.fill("#activity-ends", `${year + 1}-12-31`);
  await hr.fill("#activity-capacity", "12");
  await hr.locator("#activity-status").selectOption("open");
  await submitForm(hr, hr.locator("button[type=submit].button-primary"));
  assert.ok(hr.url().includes("klart=learning_activity_saved"), hr.url());

  // Min utvecklingsplan recommends it; she registers with one click.
  const recommended = employee.locator("#rec-heading ~ div table tbody tr", { hasText: kActivity });
  await reloadUntil(employee, base + "/utvecklingsplan?omgang=2026", async () => (await recommended.count()) === 1);
  assert.equal(await recommended.count(), 1, "the new activity is recommended");
  const hoursOfHerOwnBefore = await figure(employee, "hours");
  await submitForm(employee, recommended.locator("button[type=submit]"));
  assert.ok(employee.url().includes("klart=registration_registered"), employee.url());
  const registered = employee.locator("#reg-heading ~ div table tbody tr", { hasText: kActivity });
  assert.equal(await registered.count(), 1, "her registration is listed");
  assert.match(await registered.textContent(), /Anmäld/);

  // She proposes a goal: level 3 in the competency by the end of next year, with the activity.
  await employee.locator(`select[name="goal.${competency}.level"]`).selectOption("3");
  await employee.locator(`input[name="goal.${competency}.date"]`).fill(`${year + 1}-06-30`);
  const choice = employee.locator(`#choose-${kActivity}`);
  if (await choice.count()) await choice.check();
  await submitForm(employee, employee.locator("#goals-heading ~ form button[type=submit].button-primary"));
  assert.ok(employee.url().includes("klart=plan_saved"), employee.url());
  await demo.checkAccessibility(employee, "/utvecklingsplan with a registration and a draft plan");

  // Her manager agrees the plan from his side.
  const manager = await demo.newPage();
  await demo.signIn(manager, accounts.manager);
  await manager.goto(`${base}/team/${accounts.employee.id}/plan?omgang=2026`);
  await demo.checkAccessibility(manager, "the report's plan");
  await submitForm(manager, manager.locator('form[action$="/godkann"] button[type=submit]'));
  assert.ok(manager.url().includes("klart=plan_agreed"), manager.url());
  await manager.context().close();

  // HR marks her attended.
  await hr.goto(`${base}/laraktiviteter/a/${kActivity}`);
  const row = hr.locator(`#attendance-${accounts.employee.id}`);
  assert.equal(await row.count(), 1, "her registration is on the activity's page");
  await row.locator("select").selectOption("attended");
  await submitForm(hr, hr.locator('form[action$="/narvaro"] button[type=submit]'));
  assert.ok(hr.url().includes("klart=learning_attendance_saved"), hr.url());
  await demo.checkAccessibility(hr, "the activity's registrations after marking attendance");

  // The hours appear in HR's statistics for this year and on her page.
  const counted = async (page, before) => Math.abs(await figure(page, "hours") - (before + kHours)) < 0.01;
  await reloadUntil(hr, base + "/laraktiviteter", () => counted(hr, hoursBefore));
  assert.ok(await counted(hr, hoursBefore), "HR's statistics count her hours");
  await hr.context().close();

  await reloadUntil(employee, base + "/utvecklingsplan?omgang=2026", () => counted(employee, hoursOfHerOwnBefore));
  assert.ok(await counted(employee, hoursOfHerOwnBefore), "her own hours");
  assert.match(await employee.locator("#reg-heading ~ div table tbody tr", { hasText: kActivity }).textContent(), /Deltog/);
  // The plan is agreed: read-only, no goal form left.
  assert.equal(await employee.locator(`select[name="goal.${competency}.level"]`).count(), 0);
  await employee.context().close();
});
