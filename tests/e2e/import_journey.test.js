// Issue 15's browser journey ("Imports in the web"), in Debian's Chromium with axe-core on each
// page reached: HR opens Importera, uploads a people file with mistakes and sees every problem
// as FILE:LINE:COLUMN, uploads the corrected file, sees the records as Trappa reads them,
// confirms with the keyboard, follows the progress page (it reloads itself, no JavaScript) to
// its result, and finds the new people with the person search.
//
// The upload is a CSV file in Trappa's format. The XLSX step (a Swedish HR export with Swedish
// headers, fixtures/personal-sv.xlsx) is written and skipped until the XLSX reader and the
// Swedish headers (issue 15) are in: set kXlsxReady to true then.
//
//   TRAPPA_BINARY=build/trappa node --test import_journey.test.js
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { startDemo, kDesktop, kPhone } = require("./demo_server");

const kXlsxReady = true;

let demo;

before(async () => {
  demo = await startDemo();
});

after(async () => {
  if (demo) await demo.stop();
});

const kHeader = "employee_id,name,email,gender,birth_year,unit_code,role,manager_id\n";
const kWithMistakes = kHeader + "J900001,Jonna Journey,,Q,1984,KF,handläggare,\n" +
                      "J900002,Jesper Journey,,M,1879,KF,handläggare,\n";
const kCorrected = kHeader + "J900001,Jonna Journey,,K,1984,KF,handläggare,\n" +
                   "J900002,Jesper Journey,,M,1979,KF,handläggare,\n";

// Presses Enter on `control` (focused first) and waits for the page it leads to.
async function pressEnter(page, control) {
  await control.focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
}

// Chooses the file (a file dialog is the browser's own), the kind by keyboard, and sends the
// form with Enter on its button.
async function upload(page, file, kind) {
  await page.goto(demo.base + "/importera");
  await page.locator("#import-file").setInputFiles(file);
  await page.locator("#import-kind").selectOption(kind);
  // Every control is reached with Tab, in order, from the file field to the button.
  await page.locator("#import-file").focus();
  for (const id of ["import-kind", "import-framework", "import-round"]) {
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), id, `Tab reaches #${id}`);
  }
  await pressEnter(page, page.locator("form[enctype='multipart/form-data'] button[type=submit]"));
}

// axe-core at both widths, and no sideways scrolling of the page at the phone's width (a wide
// table scrolls inside its own region).
async function checkPage(page, label) {
  await demo.checkAccessibility(page, label);
  await page.setViewportSize(kPhone);
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  assert.ok(widths.page <= widths.viewport, `${label}: ${widths.page} px wide at ${widths.viewport} px`);
  await page.setViewportSize(kDesktop);
}

// Waits for the progress page (which reloads itself every second) to show its result.
async function importResult(page) {
  await page.locator(".notice-success, .notice-error").first().waitFor({ timeout: 15000 });
  return page.locator("main").textContent();
}

async function findPerson(page, name) {
  const deadline = Date.now() + 5000;
  for (;;) {
    await page.goto(`${demo.base}/personer?q=${encodeURIComponent(name)}`);
    if ((await page.locator("main", { hasText: name }).count()) > 0 || Date.now() > deadline) break;
    await page.waitForTimeout(200);
  }
  return page.locator("main", { hasText: name }).count();
}

test("HR uploads a file, sees its problems, uploads it corrected, previews, confirms and finds the people", async () => {
  const { base, accounts } = demo;
  const hr = await demo.newPage();
  await demo.signIn(hr, accounts.hr);
  await hr.goto(base + "/");
  await pressEnter(hr, hr.locator('nav a[href="/importera"]'));
  assert.equal(new URL(hr.url()).pathname, "/importera");
  await checkPage(hr, "/importera");

  // Every problem, with line and column, and nothing to confirm.
  await upload(hr, { name: "personal.csv", mimeType: "text/csv", buffer: Buffer.from(kWithMistakes) }, "people");
  const problems = await hr.locator(".problem-list li").allTextContents();
  assert.ok(problems.some((p) => /^personal\.csv:2:\d+: gender 'Q'/.test(p)), problems.join("\n"));
  assert.ok(problems.some((p) => /^personal\.csv:3:\d+: birth year 1879/.test(p)), problems.join("\n"));
  assert.equal(await hr.locator('button[value="bekrafta"]').count(), 0);
  await checkPage(hr, "the problems of an upload");

  // The corrected file: the records as read, then confirmed by keyboard.
  await pressEnter(hr, hr.locator("a", { hasText: "Välj en annan fil" }));
  await upload(hr, { name: "personal.csv", mimeType: "text/csv", buffer: Buffer.from(kCorrected) }, "people");
  const preview = hr.locator("table.data-table tbody");
  assert.match(await preview.textContent(), /Jonna Journey/);
  assert.match(await preview.textContent(), /1979/);
  await checkPage(hr, "the preview of an upload");
  await pressEnter(hr, hr.locator('button[value="bekrafta"]'));
  assert.match(new URL(hr.url()).pathname, /^\/importera\/[A-Za-z0-9_-]+$/);
  const result = await importResult(hr);
  assert.match(result, /Importen är klar: 2 people/);
  assert.equal(await hr.locator("progress").getAttribute("value"), "3");
  await checkPage(hr, "the finished import");

  assert.equal(await findPerson(hr, "Jesper Journey"), 1, "the person search finds the imported person");
  await hr.context().close();
});

test("HR uploads a Swedish HR export as XLSX with Swedish headers", { skip: kXlsxReady ? false : "needs issue 15's XLSX reader and Swedish headers" }, async () => {
  const { base, accounts } = demo;
  const hr = await demo.newPage();
  await demo.signIn(hr, accounts.hr);
  const file = path.join(__dirname, "fixtures", "personal-sv.xlsx");
  await upload(hr, { name: "personal-sv.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     buffer: fs.readFileSync(file) }, "people");
  assert.match(await hr.locator("table.data-table tbody").textContent(), /Xenia Xlsxsson/);
  await checkPage(hr, "the preview of an XLSX upload");
  await pressEnter(hr, hr.locator('button[value="bekrafta"]'));
  assert.match(await importResult(hr), /Importen är klar: 2 people/);
  assert.equal(await findPerson(hr, "Xerxes Xlsxsson"), 1);
  await hr.context().close();
});

// The CLI's --encoding cp1252, --unit-by name and --date-format as the form's fields, chosen
// by keyboard: a Windows-1252 file naming its unit and writing dates DD/MM/YYYY, without role
// or birth year (the result says how many lack them).
test("HR imports a Windows-1252 file with unit names and DD/MM/YYYY dates using the form's options", async () => {
  const { base, accounts } = demo;
  const hr = await demo.newPage();
  await demo.signIn(hr, accounts.hr);
  await hr.goto(base + "/importera");
  const text = "employee_id,name,gender,unit_code,city_start_date\r\nJ900020,Åsa Ödmark,K,Kulturförvaltningen,31/12/2019\r\n";
  await hr.locator("#import-file").setInputFiles({ name: "gammal.csv", mimeType: "text/csv", buffer: Buffer.from(text, "latin1") });
  await hr.locator("#import-kind").selectOption("people");
  await hr.locator("#import-dates").selectOption("DD/MM/YYYY");
  await hr.locator("#import-units").selectOption("namn");
  await hr.locator("#import-encoding").selectOption("cp1252");
  await hr.locator("#import-dates").focus();
  for (const id of ["import-units", "import-sheet", "import-encoding"]) {
    await hr.keyboard.press("Tab");
    assert.equal(await hr.evaluate(() => document.activeElement.id), id, `Tab reaches #${id}`);
  }
  await pressEnter(hr, hr.locator("form[enctype='multipart/form-data'] button[type=submit]"));
  const cells = (await hr.locator("table.data-table tbody td").allTextContents()).map((cell) => cell.trim());
  assert.ok(cells.includes("Åsa Ödmark"), cells.join(" | "));
  assert.ok(cells.includes("KF"), cells.join(" | "));  // the unit's name read as its code
  await pressEnter(hr, hr.locator('button[value="bekrafta"]'));
  assert.match(await importResult(hr), /Importen är klar: 1 people \(1 without role, 1 without birth year\)/);
  await hr.context().close();
});
