// Issue 13, item 3: the employee never saw the outcome of the conversation — neither the note
// ("medarbetaren kan läsa anteckningen") nor the priorities — and her summary said "3.2 … din
// nivå 2" while the form showed 1 checked. Now Min skattning shows, read-only, her own level
// beside the agreed and the expected one, the priorities and the note, and the summary names
// the agreed level as such and agrees with that table.
//
//   TRAPPA_BINARY=build/trappa node --test conversation_outcome.test.js
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { startDemo, apiJson, answer } = require("./demo_server");

let demo;

before(async () => {
  demo = await startDemo();
});

after(async () => {
  if (demo) await demo.stop();
});

test("after the conversation the employee reads her own and the agreed levels side by side, the priorities and the note", async () => {
  const { base, accounts } = demo;
  const note = "Vi är överens om att börja med kursen i informationssökning under våren.";

  // She submits: level 1 for the first competency (a need), 3 for the rest, motivation 4.
  const employee = await demo.newPage();
  await demo.signIn(employee, accounts.employee);
  await employee.goto(base + "/skattning");
  const names = await answer(employee, (name, index) => (name.startsWith("motivation.") ? "4" : index === 0 ? "1" : "3"));
  await Promise.all([employee.waitForNavigation(), employee.locator('button[value="submit"]').click()]);
  assert.ok(employee.url().includes("klart=assessment_submitted"), employee.url());
  const first = names[0].slice("level.".length);

  // The manager agrees 2 for it, prioritises it, writes a note and records the conversation.
  const manager = await demo.newPage();
  await demo.signIn(manager, accounts.manager);
  await manager.goto(`${base}/team/${accounts.employee.id}`);
  await manager.locator(`#agreed-${first.replace(".", "\\.")}`).selectOption("2");
  await manager.locator(`#priority-${first.replace(".", "\\.")}`).check();
  await manager.fill("#notes", note);
  await manager.locator("#held").check();
  await Promise.all([manager.waitForNavigation(), manager.locator("button[type=submit].button-primary").click()]);
  assert.ok(manager.url().includes("klart=conversation_saved"), manager.url());
  await manager.context().close();

  await employee.goto(base + "/skattning");
  assert.equal((await employee.locator(".facts .badge").textContent()).trim(), "Samtal hållet");
  const outcome = employee.locator("#samtalet");
  assert.ok(await outcome.isVisible(), "the outcome is shown");
  assert.equal((await outcome.locator("h2").textContent()).trim(), "Resultat av samtalet");
  // Read-only: no form to change, no level to pick.
  assert.equal(await employee.locator("form.assessment-form").count(), 0);
  assert.equal(await employee.locator("input[type=radio]").count(), 0);
  // Own, agreed and expected level side by side.
  const row = outcome.locator(`tr[data-competency="${first}"]`);
  assert.match(await row.locator('[data-level="self"]').textContent(), /^1 – /);
  assert.match(await row.locator('[data-level="agreed"]').textContent(), /^2 – .*justerad i samtalet/);
  assert.match(await row.locator('[data-level="expected"]').textContent(), /^\d – /);
  assert.match(await row.locator("th").textContent(), /Prioriterad/);
  assert.equal((await outcome.locator('[data-outcome="notes"]').textContent()).trim(), note);
  assert.match(await outcome.locator('[data-outcome="priorities"]').textContent(), new RegExp(first.replace(".", "\\.")));

  // The summary says which level it means, and agrees with the table.
  const items = await employee.locator(".summary li").evaluateAll((lis) => lis.map((li) => li.textContent.trim()));
  assert.ok(items.length > 0);
  const firstItem = items.find((item) => item.startsWith(first + " "));
  assert.ok(firstItem, `the summary lists ${first}: ${JSON.stringify(items)}`);
  assert.match(firstItem, /överenskommen nivå 2, förväntad/);
  for (const item of items) {
    const [, code, kind, level] = item.match(/^(\S+) .*– (din nivå|överenskommen nivå) (\d)/);
    const cell = kind === "din nivå" ? "self" : "agreed";
    const shown = await outcome.locator(`tr[data-competency="${code}"] [data-level="${cell}"]`).textContent();
    assert.ok(shown.startsWith(level + " "), `${code}: summary ${kind} ${level}, table ${shown}`);
  }
  await demo.checkAccessibility(employee, "/skattning with the conversation's outcome");

  // In English too.
  await employee.goto(base + "/skattning?lang=en");
  assert.equal((await employee.locator("#samtalet h2").textContent()).trim(), "Outcome of the conversation");
  assert.match(await employee.locator("#samtalet").textContent(), /Your manager's note/);
  await demo.checkAccessibility(employee, "/skattning (English) with the conversation's outcome");
  const stored = await apiJson(employee, `${base}/api/v1/rounds/2026/assessments/${accounts.employee.id}`);
  assert.equal(stored.progress, "conversation_held");
  await employee.context().close();
});
