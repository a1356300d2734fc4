// Issue 13, item 4: statuses disagreed — "Självskattad" above "Något behöver rättas" after a
// refused submit, and a saved draft was "Utkast sparat" on her page but "Ej påbörjad" on the
// manager's and HR's while the manager already saw its needs. Now one status model
// (core/assessment/assessment_progress.hpp) gives one word for each state on every page, in
// the overview's table and CSV and in the API.
//
//   TRAPPA_BINARY=build/trappa node --test status_model.test.js
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { startDemo, apiJson, answer } = require("./demo_server");

let demo;
let employee;
let manager;
let hr;
let unit;

before(async () => {
  demo = await startDemo();
  employee = await demo.newPage();
  await demo.signIn(employee, demo.accounts.employee);
  manager = await demo.newPage();
  await demo.signIn(manager, demo.accounts.manager);
  hr = await demo.newPage();
  await demo.signIn(hr, demo.accounts.hr);
  await manager.goto(`${demo.base}/team/${demo.accounts.employee.id}`);
  const unitName = (await manager.locator(".facts div", { hasText: "Enhet" }).locator("dd").textContent()).trim();
  await hr.goto(demo.base + "/oversikt");
  unit = await hr.locator("#f-unit option").evaluateAll((options, name) =>
    (options.find((o) => o.textContent.trim() === name) || {}).value, unitName);
  assert.ok(unit);
});

after(async () => {
  if (demo) await demo.stop();
});

const number = (text) => Number(String(text).replace(/\s/g, ""));

// The employee's state as every page, the CSV and the API show it.
async function everywhere() {
  const { base, accounts } = demo;
  const seen = {};
  await employee.goto(base + "/skattning");
  seen.own = (await employee.locator(".facts .badge").textContent()).trim();
  await employee.goto(base + "/");
  seen.tile = (await employee.locator(".tiles .badge").first().textContent()).trim();
  await manager.goto(`${base}/team?omgang=2026`);
  seen.team = (await manager.locator("tbody tr", { hasText: accounts.employee.name }).locator(".badge").textContent()).trim();
  await manager.goto(`${base}/team/${accounts.employee.id}`);
  seen.conversation = (await manager.locator(".facts .badge").textContent()).trim();
  const person = await apiJson(hr, `${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`);
  seen.api = person.progress;
  await hr.goto(`${base}/oversikt?omgang=2026&enhet=${encodeURIComponent(unit)}`);
  seen.overview = Object.fromEntries(await hr.locator("#status-section table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th").textContent.trim(), tr.querySelector("td").textContent.trim()])));
  const csv = await hr.request.get(`${base}/oversikt.csv?omgang=2026&enhet=${encodeURIComponent(unit)}&tabell=status`);
  assert.equal(csv.status(), 200);
  seen.csv = Object.fromEntries((await csv.text()).replace(/^\uFEFF/, "").trim().split("\n").slice(1)
    .map((line) => line.split(";")).map(([label, count]) => [label, count]));
  seen.gaps = (await apiJson(hr, `${base}/api/v1/rounds/2026/gaps?unit=${encodeURIComponent(unit)}`)).status;
  return seen;
}

const kWords = ["Ej påbörjad", "Utkast sparat", "Självskattad", "Samtal hållet", "Uppföljd"];

test("the overview, its CSV and the API count people in the five states of the one status model", async () => {
  const seen = await everywhere();
  assert.deepEqual(Object.keys(seen.overview).filter((label) => label !== "Totalt"), kWords);
  assert.deepEqual(Object.keys(seen.csv).filter((label) => label !== "Totalt"), kWords);
  assert.deepEqual(Object.keys(seen.gaps), ["not_started", "draft", "self_assessed", "conversation_held", "followed_up"]);
  assert.equal(seen.own, "Ej påbörjad");
  for (const place of ["tile", "team", "conversation"]) assert.equal(seen[place], "Ej påbörjad", place);
  assert.equal(seen.api, "not_started");
});

test("a saved draft is 'Utkast sparat' on every page, in the overview, its CSV and the API", async () => {
  const before_ = await everywhere();
  await employee.goto(demo.base + "/skattning");
  await answer(employee, (name, index) => (index < 2 ? (name.startsWith("motivation.") ? "4" : "1") : null));
  await Promise.all([employee.waitForNavigation(), employee.locator('button[value="draft"]').click()]);
  assert.ok(employee.url().includes("klart=assessment_saved_draft"), employee.url());

  const seen = await everywhere();
  for (const place of ["own", "tile", "team", "conversation"]) assert.equal(seen[place], "Utkast sparat", place);
  assert.equal(seen.api, "draft");
  assert.equal(number(seen.overview["Utkast sparat"]), number(before_.overview["Utkast sparat"]) + 1);
  assert.equal(number(seen.overview["Ej påbörjad"]), number(before_.overview["Ej påbörjad"]) - 1);
  assert.equal(number(seen.csv["Utkast sparat"]), number(before_.csv["Utkast sparat"]) + 1);
  assert.equal(seen.gaps.draft, before_.gaps.draft + 1);
  assert.equal(seen.gaps.not_started, before_.gaps.not_started - 1);
  await demo.checkAccessibility(manager, "/team/ID of a draft");

  // English speaks of the same state.
  await manager.goto(`${demo.base}/team?omgang=2026&lang=en`);
  const row = manager.locator("tbody tr", { hasText: demo.accounts.employee.name });
  assert.equal((await row.locator(".badge").textContent()).trim(), "Draft saved");
  await demo.checkAccessibility(manager, "/team (English) with a draft");
  await manager.goto(`${demo.base}/team?omgang=2026&lang=sv`);
});

test("a refused submit leaves the status as stored, beside the problems", async () => {
  await employee.goto(demo.base + "/skattning");
  const [response] = await Promise.all([employee.waitForNavigation(), employee.locator('button[value="submit"]').click()]);
  assert.equal(response.status(), 422);
  assert.ok(await employee.locator("#felsammanfattning").isVisible());
  assert.equal((await employee.locator("#felsammanfattning h2").textContent()).trim(), "Något behöver rättas");
  assert.equal((await employee.locator(".facts .badge").textContent()).trim(), "Utkast sparat", "not 'Självskattad'");
  assert.equal(await employee.locator("#summary-heading").count(), 0, "no summary of a submission that did not happen");
  await demo.checkAccessibility(employee, "/skattning after a refused submit");
  assert.equal((await everywhere()).api, "draft");
});

test("once submitted, every page says 'Självskattad'", async () => {
  await employee.goto(demo.base + "/skattning");
  await answer(employee, (name) => (name.startsWith("motivation.") ? "3" : "2"));
  await Promise.all([employee.waitForNavigation(), employee.locator('button[value="submit"]').click()]);
  assert.ok(employee.url().includes("klart=assessment_submitted"), employee.url());
  const seen = await everywhere();
  for (const place of ["own", "tile", "team", "conversation"]) assert.equal(seen[place], "Självskattad", place);
  assert.equal(seen.api, "self_assessed");
});
