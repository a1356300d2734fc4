// Issue 13, item 2: a manager could record "Samtalet är hållet" for someone who never
// self-assessed, with no levels set; the employee was then locked out and HR's figures counted
// her. Now recording it asks first, naming what is missing, and a person is counted as
// assessed only with a rating — in HR's overview ("Har skattat", status table), on Omgångar,
// in the API's gap analytics and on the manager's Mitt team.
//
//   TRAPPA_BINARY=build/trappa node --test conversation_confirmation.test.js
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { startDemo, apiJson } = require("./demo_server");

let demo;
let hr;
let manager;
let unit;  // the employee's unit code
let before_;  // every count before the conversation

before(async () => {
  demo = await startDemo();
  hr = await demo.newPage();
  await demo.signIn(hr, demo.accounts.hr);
  manager = await demo.newPage();
  await demo.signIn(manager, demo.accounts.manager);
  const person = await apiJson(hr, `${demo.base}/api/v1/rounds/2026/assessments/${demo.accounts.employee.id}`);
  assert.equal(person.progress, "not_started", "the demo employee has not answered");
  await manager.goto(`${demo.base}/team/${demo.accounts.employee.id}`);
  const unitName = (await manager.locator(".facts div", { hasText: "Enhet" }).locator("dd").textContent()).trim();
  await hr.goto(demo.base + "/oversikt");
  unit = await hr.locator("#f-unit option").evaluateAll((options, name) =>
    (options.find((o) => o.textContent.trim() === name) || {}).value, unitName);
  assert.ok(unit, `the unit ${unitName} is in HR's filter`);
  before_ = await counts();
});

after(async () => {
  if (demo) await demo.stop();
});

const number = (text) => Number(text.replace(/\s/g, "").replace("%", ""));

// Every place that counts people in round 2026, for the employee's unit where there is a filter.
async function counts() {
  const { base } = demo;
  await hr.goto(`${base}/oversikt?omgang=2026&enhet=${encodeURIComponent(unit)}`);
  const assessed = number(await hr.locator('[data-figure="assessed"]').textContent());
  const status = Object.fromEntries(await hr.locator("#status-section table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th").textContent.trim(), tr.querySelector("td").textContent.trim()])));
  await hr.goto(`${base}/omgangar`);
  const roundRow = hr.locator("table tbody tr", { has: hr.locator("th", { hasText: /^2026$/ }) });
  const participation = (await roundRow.locator("td").nth(5).textContent()).trim();
  const gaps = await apiJson(hr, `${base}/api/v1/rounds/2026/gaps?unit=${encodeURIComponent(unit)}`);
  await manager.goto(`${base}/team?omgang=2026`);
  const teamSelfAssessed = number(await manager.locator('[data-figure="self_assessed"]').textContent());
  const teamConversations = number(await manager.locator('[data-figure="conversations"]').textContent());
  return { assessed, status, participation, api: { assessed: gaps.assessed, status: gaps.status },
           team: { selfAssessed: teamSelfAssessed, conversations: teamConversations } };
}

test("recording the conversation of someone who never self-assessed asks first, naming what is missing", async () => {
  const { base, accounts } = demo;
  await manager.goto(`${base}/team/${accounts.employee.id}`);
  const competencies = await manager.locator("select[name^='agreed.']").count();
  await manager.locator("#held").check();
  const [response] = await Promise.all([manager.waitForNavigation(),
                                        manager.locator("button[type=submit].button-primary").click()]);
  assert.equal(response.status(), 422, "not recorded without a confirmation");
  const block = manager.locator("#confirm-block");
  assert.ok(await block.isVisible());
  const text = await block.textContent();
  assert.match(text, /inte skickat in någon självskattning/);
  assert.match(text, new RegExp(`Delkompetenser utan någon nivå \\(${competencies}\\)`));
  assert.equal(await block.locator("ul.plain-list li").count(), competencies, "every competency without a level is named");
  assert.equal(await manager.locator("#felsammanfattning a").first().getAttribute("href"), "#confirm-incomplete");
  assert.equal((await manager.locator(".facts .badge").textContent()).trim(), "Ej påbörjad", "the status is what is stored");
  await demo.checkAccessibility(manager, "/team/ID asking for a confirmation");

  // Nothing was recorded: the employee can still answer.
  const stored = await apiJson(hr, `${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`);
  assert.equal(stored.status, "not_started");
  assert.equal(stored.conversation_at, "");
  const employee = await demo.newPage();
  await demo.signIn(employee, accounts.employee);
  await employee.goto(base + "/skattning");
  assert.ok(await employee.locator('button[value="submit"]').isVisible(), "the self-assessment is open");
  assert.equal(await employee.locator("fieldset[disabled]").count(), 0);
  await employee.context().close();
  assert.deepEqual(await counts(), before_, "no count moved");

  // The API asks the same.
  const me = await apiJson(manager, `${base}/api/v1/me`);
  const put = await manager.request.put(`${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`, {
    headers: { "X-CSRF-Token": me.csrf_token }, data: { status: "conversation_held" } });
  assert.equal(put.status(), 422);
  const refusal = await put.json();
  assert.ok(refusal.error.problems.some((p) => p.where === "confirm_incomplete"), JSON.stringify(refusal));
});

test("a conversation recorded without any rating is held, but nobody counts the person as assessed", async () => {
  const { base, accounts } = demo;
  await manager.goto(`${base}/team/${accounts.employee.id}`);
  await manager.locator("#held").check();
  await Promise.all([manager.waitForNavigation(), manager.locator("button[type=submit].button-primary").click()]);
  await manager.locator("#confirm-incomplete").check();
  await Promise.all([manager.waitForNavigation(), manager.locator("button[type=submit].button-primary").click()]);
  assert.ok(manager.url().includes("klart=conversation_saved"), manager.url());
  assert.equal((await manager.locator(".facts .badge").textContent()).trim(), "Samtal hållet");

  const after_ = await counts();
  const held = "Samtal hållet";
  const notStarted = "Ej påbörjad";
  assert.equal(after_.assessed, before_.assessed, "Har skattat is unchanged");
  assert.equal(after_.api.assessed, before_.api.assessed, "the API's assessed is unchanged");
  assert.equal(after_.participation, before_.participation, "Omgångar's participation is unchanged");
  assert.equal(after_.team.selfAssessed, before_.team.selfAssessed, "Mitt team's 'har skattat sig' is unchanged");
  assert.equal(after_.team.conversations, before_.team.conversations + 1);
  assert.equal(number(after_.status[held]), number(before_.status[held]) + 1);
  assert.equal(number(after_.status[notStarted]), number(before_.status[notStarted]) - 1);
  assert.equal(after_.api.status.conversation_held, before_.api.status.conversation_held + 1);
  assert.equal(after_.api.status.not_started, before_.api.status.not_started - 1);
});
