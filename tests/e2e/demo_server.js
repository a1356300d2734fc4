// What the issue-13 journeys share: a fresh `trappa serve --demo` in a temporary store (extra
// options allowed), Debian's Chromium, the demo accounts as the sign-in page lists them,
// signing in by keyboard, and axe-core at the desktop and the phone width.
//
//   const demo = await startDemo(["--idle-minutes", "0.5"]);  ...  await demo.stop();
"use strict";

const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { startDemo: startServerAndBrowser } = require("./serve");

const binary = process.env.TRAPPA_BINARY || path.resolve(__dirname, "../../build/trappa");
const chromiumPath = process.env.TRAPPA_CHROMIUM || "/usr/bin/chromium";
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const kDesktop = { width: 1280, height: 900 };
const kPhone = { width: 390, height: 844 };

async function startDemo(extraArgs = []) {
  const started = await startServerAndBrowser(binary, chromiumPath, "e2e", extraArgs);
  const { base, browser } = started;
  const demo = { base, browser, accounts: {}, log: started.log };

  // A page in a context of its own (its own cookies), Swedish unless `locale` says otherwise.
  demo.newPage = async (locale = "sv-SE") => {
    // bypassCSP lets the test inject axe-core; the application's CSP forbids inline scripts.
    const context = await browser.newContext({ bypassCSP: true, locale, viewport: kDesktop });
    return context.newPage();
  };

  demo.signIn = async (page, account) => {
    await page.goto(base + "/login");
    await page.locator("#username").focus();
    await page.keyboard.type(account.id);
    await page.keyboard.press("Tab");
    await page.keyboard.type(account.password);
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    assert.ok(!page.url().includes("/login"), `signed in as ${account.id}`);
  };

  // axe-core at 1280 and at 390 px: no serious or critical violation; the page is left at 1280.
  demo.checkAccessibility = async (page, label) => {
    for (const size of [kPhone, kDesktop]) {
      await page.setViewportSize(size);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const outcome = await axe.run(document, { resultTypes: ["violations"] });
        return outcome.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                                nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
      });
      const severe = result.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(severe, [], `${label} at ${size.width} px: serious or critical accessibility violations:\n` +
                       JSON.stringify(severe, null, 2));
    }
  };

  demo.stop = () => started.stop(false);

  // The demo accounts, as the sign-in page lists them.
  const page = await demo.newPage();
  await page.goto(base + "/login");
  const rows = await page.locator(".demo-accounts tbody tr").evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((cell) => cell.textContent.trim())));
  assert.equal(rows.length, 4);
  for (const [key, row] of [["employee", rows[0]], ["manager", rows[1]], ["hr", rows[2]], ["observer", rows[3]]]) {
    demo.accounts[key] = { name: row[1], id: row[2], password: row[3] };
  }
  await page.context().close();
  return demo;
}

// The API's JSON for `url` with the page's session.
async function apiJson(page, url) {
  const response = await page.request.get(url);
  assert.equal(response.status(), 200, url);
  return response.json();
}

// Chooses a level (or motivation) in every question of Min skattning: `level(name, index)`
// gives the value for the radio group `name` (the index-th group), or null to leave it open.
async function answer(page, level) {
  const names = await page.locator("form.assessment-form input[type=radio]").evaluateAll((inputs) =>
    Array.from(new Set(inputs.map((input) => input.name))));
  let index = 0;
  for (const name of names) {
    const value = level(name, index);
    index += 1;
    if (value === null) continue;
    await page.locator(`input[name="${name}"][value="${value}"]`).check();
  }
  return names;
}

module.exports = { startDemo, apiJson, answer, kDesktop, kPhone };
