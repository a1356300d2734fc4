// Bad input through every web door (issue 6), against a real `trappa serve --demo` on a free
// loopback port: malformed request lines and headers, oversized headers and bodies, bad
// %-escapes and invalid UTF-8 in targets and forms, path traversal in static paths, SQL
// metacharacters in text fields, levels out of range, other people's ids, CSRF, content
// types and hostile JSON bodies. Every refused request gets a clear 4xx and changes nothing
// a user would check: the assessment reads the same afterwards, and when the server has
// stopped, every `trappa export` equals the one taken before it started.
//
// Raw bytes go through node's `net`; ordinary requests through fetch. No browser needed.
//
//   TRAPPA_BINARY=build/trappa node --test hostile.test.js
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");
const { freePort, waitForServer } = require("./serve");

const binary = process.env.TRAPPA_BINARY || path.resolve(__dirname, "../../build/trappa");
const webAssets = path.resolve(__dirname, "../../data/web");

// The demo accounts (src/app/demo/demo_accounts.cpp). E000005 manages E000009 directly.
const EMPLOYEE = { id: "E000009", password: "demo-medarbetare" };
const MANAGER = { id: "E000005", password: "demo-chef-2026" };
const HR = { id: "E000912", password: "demo-hr-2026" };
const OBSERVER = { id: "E000003", password: "demo-observator" };
const COLLEAGUE = "E000010";   // same unit as the employee, also a report of the manager
const ROUND = "2026";

// Text that breaks a query built by pasting strings; Trappa must keep it as data.
const SQL_TEXT = "'; DROP TABLE assessments;-- \"dubbla\" 'enkla' \\ \\' % _ /* */ # Robert'); DELETE FROM people;--";

let server;
let serverLog = "";
let workDir;
let store;
let port;
let base;
const sessions = {};   // key -> { cookie, csrf }
let exportsBefore;

function trappa(...args) {
  return execFileSync(binary, ["--db", store, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

// Everything a user could read back with the command line.
function exportEverything() {
  const parts = {};
  for (const what of ["units", "people"]) parts[what] = trappa("export", what);
  parts.framework = trappa("export", "framework", "digital-kompetens");
  for (const round of ["2025", ROUND]) {
    for (const what of ["assessments", "motivation", "participants"]) {
      parts[`${what} ${round}`] = trappa("export", what, "--round", round);
    }
  }
  return parts;
}

// Sends raw bytes and reads the answer until the server closes the connection. Valid
// requests carry "Connection: close"; malformed ones are answered and closed by the server.
function raw(bytes) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(parseResponse(Buffer.concat(chunks)));
    };
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error) => {
      // The server may close while we still write a body it refused: keep what it said.
      if (error.code === "ECONNRESET" || error.code === "EPIPE") finish();
      else if (!settled) { settled = true; reject(error); }
    });
    socket.on("close", finish);
    // A safety net, not an assertion about time: a request nobody answers fails the test.
    socket.setTimeout(60000, () => {
      socket.destroy();
      if (!settled) { settled = true; reject(new Error("no answer to " + JSON.stringify(bytes.toString("latin1").slice(0, 80)))); }
    });
    socket.write(bytes);
  });
}

function parseResponse(buffer) {
  const end = buffer.indexOf("\r\n\r\n");
  if (end < 0) return { status: 0, headers: {}, setCookies: [], body: buffer.toString("utf8") };
  const lines = buffer.subarray(0, end).toString("latin1").split("\r\n");
  const status = Number(lines[0].split(" ")[1]);
  const headers = {};
  const setCookies = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "set-cookie") setCookies.push(value);
    headers[name] = value;
  }
  return { status, headers, setCookies, body: buffer.subarray(end + 4).toString("utf8") };
}

function get(target, extraHeaders = "") {
  return raw(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extraHeaders}Connection: close\r\n\r\n`, "latin1"));
}

function cookieValue(response, name) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const equals = pair.indexOf("=");
    if (pair.slice(0, equals) === name) return pair.slice(equals + 1);
  }
  return undefined;
}

function hiddenCsrf(html) {
  const match = html.match(/name="csrf" value="([^"]*)"/);
  assert.ok(match, "the page has a CSRF field");
  return match[1];
}

async function signIn(account) {
  const page = await fetch(base + "/login", { redirect: "manual" });
  const loginCookie = cookieValue(page, "trappa_signin");
  const body = new URLSearchParams({ csrf: hiddenCsrf(await page.text()), username: account.id,
                                     password: account.password, next: "/" });
  const response = await fetch(base + "/login", {
    method: "POST", redirect: "manual", body,
    headers: { cookie: `trappa_signin=${loginCookie}`, "content-type": "application/x-www-form-urlencoded" },
  });
  assert.equal(response.status, 303, `${account.id} signs in`);
  const cookie = `trappa_session=${cookieValue(response, "trappa_session")}`;
  const me = await (await fetch(base + "/api/v1/me", { headers: { cookie } })).json();
  assert.equal(me.employee_id, account.id);
  return { cookie, csrf: me.csrf_token };
}

// A request as a signed-in user; `body` is sent as given (string or Buffer).
function send(session, method, target, { body, contentType, csrf = true, headers = {} } = {}) {
  const all = { cookie: session.cookie, ...headers };
  if (contentType) all["content-type"] = contentType;
  if (csrf === true) all["x-csrf-token"] = session.csrf;
  else if (typeof csrf === "string") all["x-csrf-token"] = csrf;
  return fetch(base + target, { method, body, headers: all, redirect: "manual" });
}

// A form post: `fields` is a raw url-encoded string, so tests can put any bytes in it.
// `contentType` null sends none (fetch then says text/plain).
function postForm(session, target, fields, contentType = "application/x-www-form-urlencoded") {
  return send(session, "POST", target, { body: fields, contentType, csrf: false });
}

function assessmentPath(employeeId) {
  return `/api/v1/rounds/${ROUND}/assessments/${employeeId}`;
}

// What the employee would check: their assessment as the API shows it.
async function assessmentOf(session, employeeId) {
  const response = await send(session, "GET", assessmentPath(employeeId));
  assert.equal(response.status, 200, `GET ${employeeId}`);
  return response.json();
}

// Runs `refuse` (which must produce a 4xx) and checks that the assessments it could have
// touched read the same afterwards.
async function unchangedAfter(label, refuse) {
  const employeeBefore = await assessmentOf(sessions.employee, EMPLOYEE.id);
  const colleagueBefore = await assessmentOf(sessions.manager, COLLEAGUE);
  await refuse();
  assert.deepEqual(await assessmentOf(sessions.employee, EMPLOYEE.id), employeeBefore, `${label}: the assessment changed`);
  assert.deepEqual(await assessmentOf(sessions.manager, COLLEAGUE), colleagueBefore, `${label}: the colleague's assessment changed`);
}

before(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "trappa-hostile-"));
  store = path.join(workDir, "hostile.db");
  // The demo store is made first, so its exports can be taken before any request.
  execFileSync(binary, ["--db", store, "demo"], { stdio: "ignore" });
  exportsBefore = exportEverything();
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(binary, ["--db", store, "serve", "--demo", "--listen", `127.0.0.1:${port}`, "--threads", "2"],
                 { stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.on("data", (chunk) => { serverLog += chunk; });
  server.stderr.on("data", (chunk) => { serverLog += chunk; });
  await waitForServer(base, server, () => serverLog, 120000);
  sessions.employee = await signIn(EMPLOYEE);
  sessions.manager = await signIn(MANAGER);
  sessions.hr = await signIn(HR);
  sessions.observer = await signIn(OBSERVER);
});

after(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

test("malformed request lines and headers get 400, oversized ones 431 and 413", async () => {
  const cases = [
    ["not HTTP at all", "HELLO\r\n\r\n", 400],
    ["an unknown HTTP version", "GET / HTTP/9.9\r\nHost: x\r\n\r\n", 400],
    ["a space inside the target", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", 400],
    ["a header without a colon", "GET / HTTP/1.1\r\nHost x\r\n\r\n", 400],
    ["a NUL byte in a header", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n", 400],
    ["a bare LF inside a header value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\nb: c\r\n\r\n", 400],
    ["a letter as Content-Length", "POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400],
    ["a negative Content-Length", "POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", 400],
    ["two different Content-Lengths", "POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400],
    ["Content-Length with chunked encoding", "POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400],
    ["a chunk size that is not hexadecimal", "POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400],
    ["a 20 KB header", `GET / HTTP/1.1\r\nHost: x\r\nX-A: ${"a".repeat(20000)}\r\n\r\n`, 431],
    ["3 000 headers", `GET / HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 3000 }, (_, i) => `X-${i}: y\r\n`).join("")}\r\n`, 431],
    ["a 20 KB target", `GET /${"a".repeat(20000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
    ["a 20 KB cookie", `GET / HTTP/1.1\r\nHost: x\r\nCookie: trappa_session=${"a".repeat(20000)}\r\n\r\n`, 431],
  ];
  for (const [label, request, status] of cases) {
    const response = await raw(Buffer.from(request, "latin1"));
    assert.equal(response.status, status, `${label}: ${JSON.stringify(response.body)}`);
  }
  // Bodies over 1 MiB: refused from the declared length, before any of the body is sent
  // (sending it would race the server's close).
  const declared = await raw(Buffer.from("POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
                                         "Content-Length: 5000000\r\n\r\n", "latin1"));
  assert.equal(declared.status, 413, "a declared 5 MB body");
  const chunked = await raw(Buffer.from("POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n200000\r\n", "latin1"));
  assert.equal(chunked.status, 413, "a 2 MiB chunk");
  const api = await raw(Buffer.from(`PUT ${assessmentPath(EMPLOYEE.id)} HTTP/1.1\r\nHost: x\r\n${"Cookie: " + sessions.employee.cookie}\r\n` +
                                    `X-CSRF-Token: ${sessions.employee.csrf}\r\nContent-Type: application/json\r\n` +
                                    "Content-Length: 2000000\r\n\r\n", "latin1"));
  assert.equal(api.status, 413, "a 2 MB JSON body");
  // The server is still there.
  assert.equal((await get("/healthz")).status, 200);
});

test("static paths never reach a file outside data/web", async () => {
  const css = fs.readFileSync(path.join(webAssets, "app.css"), "utf8");
  const good = await get("/static/app.css");
  assert.equal(good.status, 200);
  assert.equal(good.body, css);
  const secrets = [fs.readFileSync("/etc/passwd", "utf8").slice(0, 20), "SQLite format 3", "#include"];
  const targets = [
    "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd", "/static/%252e%252e/%252e%252e/etc/passwd", "/static/..%5c..%5c..%5cetc%5cpasswd",
    "/static/..\\..\\..\\etc\\passwd", "/static//etc/passwd", "/static/%2fetc%2fpasswd", "//etc/passwd", "/etc/passwd",
    "/static/app.css%00.txt", "/static/app.css/..", "/static/./app.css", "/static/../../src/web/application.cpp",
    "/static/../../../tests/e2e/hostile.test.js", `/static/..%2f..%2f..%2f..${store}`, "/static/", "/static/.",
    "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/static/app.css?../../etc/passwd", "http://127.0.0.1/etc/passwd",
    "/static/APP.CSS", "/static/app.css.", "/static/%61pp.css/../../../etc/passwd",
  ];
  for (const target of targets) {
    for (const who of [null, sessions.hr]) {
      const response = await get(target, who ? `Cookie: ${who.cookie}\r\n` : "");
      // 200 only for the stylesheet itself (a query string is not part of the path).
      const stylesheet = response.status === 200 && response.body === css;
      assert.ok(stylesheet || [303, 400, 404].includes(response.status), `${target}: status ${response.status}`);
      for (const secret of secrets) assert.ok(!response.body.includes(secret), `${target} leaked a file`);
      if (response.status === 303) {
        // Only the sign-in page, for a visitor without a session, and always on this site.
        assert.ok(response.headers.location.startsWith("/login?next="), `${target}: redirected to ${response.headers.location}`);
      }
    }
  }
});

test("bad %-escapes, invalid UTF-8 and control characters in addresses get 400", async () => {
  const targets = ["/oversikt?enhet=%zz", "/oversikt?enhet=%ff", "/oversikt?enhet=%c3", "/%ff", "/team/%ff%fe",
                   "/login?next=%00", "/skattning?omgang=%1b%5b2J", "/api/v1/rounds/%ff", "/api/v1/rounds/2026%00",
                   "/%0d%0aSet-Cookie:%20injected=1?lang=en", "/%09/evil.example?lang=en", "*"];
  for (const target of targets) {
    const method = target === "*" ? "OPTIONS" : "GET";
    const response = await raw(Buffer.from(`${method} ${target} HTTP/1.1\r\nHost: x\r\nCookie: ${sessions.hr.cookie}\r\n` +
                                           "Connection: close\r\n\r\n", "latin1"));
    assert.equal(response.status, 400, `${target}: ${response.status}`);
    assert.ok(!response.setCookies.some((cookie) => cookie.startsWith("injected")), `${target}: a header was injected`);
    if (target.startsWith("/api/")) assert.equal(JSON.parse(response.body).error.status, 400);
    else assert.match(response.body, /Adressen går inte att läsa|The address cannot be read/);
  }
  // Raw bytes that are not UTF-8 in the target itself.
  const rawByte = await raw(Buffer.concat([Buffer.from("GET /team/"), Buffer.from([0xff]),
                                           Buffer.from(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")]));
  assert.equal(rawByte.status, 400);
});

test("the language switch and the sign-in's next never lead to another site", async () => {
  for (const target of ["//evil.example?lang=en", "/\\evil.example?lang=en", "///evil.example/?lang=en", "/%5cevil.example?lang=en"]) {
    const response = await get(target, `Cookie: ${sessions.hr.cookie}\r\n`);
    // A raw backslash is no URI character: 400. Otherwise 303 to a path of this site.
    if (target.includes("\\")) {
      assert.equal(response.status, 400, target);
      continue;
    }
    assert.equal(response.status, 303, target);
    const location = response.headers.location;
    assert.ok(location.startsWith("/") && !location.startsWith("//") && !location.includes("\\"), `${target} -> ${location}`);
  }
  for (const next of ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example",
                      "/%09/evil.example", "javascript:alert(1)"]) {
    const page = await fetch(base + "/login", { redirect: "manual" });
    const loginCookie = cookieValue(page, "trappa_signin");
    const body = new URLSearchParams({ csrf: hiddenCsrf(await page.text()), username: OBSERVER.id,
                                       password: OBSERVER.password, next });
    const response = await fetch(base + "/login", {
      method: "POST", redirect: "manual", body,
      headers: { cookie: `trappa_signin=${loginCookie}`, "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(response.status, 303, JSON.stringify(next));
    const location = response.headers.get("location");
    assert.ok(location === "/" || (location.startsWith("/") && !/^\/[\\/\t\n]/.test(location) && !/[\t\r\n]/.test(location)),
              `next=${JSON.stringify(next)} -> ${JSON.stringify(location)}`);
  }
});

test("forms without their CSRF token, or with another's, are refused with 403", async () => {
  await unchangedAfter("CSRF", async () => {
    const employeeForm = `round=${ROUND}&action=draft&level.1.1=4`;
    for (const body of [employeeForm, `csrf=&${employeeForm}`, `csrf=${sessions.manager.csrf}&${employeeForm}`,
                        `csrf=${sessions.employee.csrf.slice(0, -1)}x&${employeeForm}`]) {
      assert.equal((await postForm(sessions.employee, "/skattning", body)).status, 403, body);
    }
    const managerForm = `round=${ROUND}&notes=x&agreed.1.1=3`;
    for (const body of [managerForm, `csrf=${sessions.employee.csrf}&${managerForm}`]) {
      assert.equal((await postForm(sessions.manager, `/team/${COLLEAGUE}`, body)).status, 403, body);
    }
    assert.equal((await postForm(sessions.hr, "/omgangar", "name=2099&framework=digital-kompetens")).status, 403);
    assert.equal((await postForm(sessions.employee, "/logout", "")).status, 403);
    assert.equal((await postForm(sessions.employee, "/konto", "current=demo-medarbetare&new=0123456789ab&repeat=0123456789ab")).status, 403);
    // The API: no token, another session's token, the token in a cookie only.
    const body = JSON.stringify({ ratings: [{ competency: "1.1", self_level: 4 }] });
    for (const csrf of [false, sessions.manager.csrf, ""]) {
      const response = await send(sessions.employee, "PUT", assessmentPath(EMPLOYEE.id), { body, csrf, contentType: "application/json" });
      assert.equal(response.status, 403, `X-CSRF-Token ${JSON.stringify(csrf)}`);
    }
  });
  // A signed-out visitor's form post is refused too, and the sign-in form needs its token.
  assert.equal((await fetch(base + "/skattning", { method: "POST", redirect: "manual", body: "round=2026",
    headers: { "content-type": "application/x-www-form-urlencoded" } })).status, 403);
  assert.equal((await fetch(base + "/login", { method: "POST", redirect: "manual",
    body: `username=${EMPLOYEE.id}&password=${EMPLOYEE.password}`,
    headers: { "content-type": "application/x-www-form-urlencoded" } })).status, 403);
});

test("forms in another content type get 415, undecodable ones 400 naming the field", async () => {
  const csrf = sessions.employee.csrf;
  await unchangedAfter("form encoding", async () => {
    const form = `csrf=${csrf}&round=${ROUND}&action=draft&level.1.1=4`;
    for (const type of ["application/json", "text/plain", "multipart/form-data; boundary=x", "", "application/x-www-form-urlencodedx"]) {
      const response = await postForm(sessions.employee, "/skattning", form, type || null);
      assert.equal(response.status, 415, `content type ${JSON.stringify(type)}`);
      assert.match(await response.text(), /application\/x-www-form-urlencoded/);
    }
    const json = await postForm(sessions.employee, "/skattning", JSON.stringify({ csrf, round: ROUND }), "application/json");
    assert.equal(json.status, 415);
    // The type is matched without regard to case and with parameters.
    const mixedCase = await postForm(sessions.employee, "/skattning", `csrf=${csrf}&round=${ROUND}&action=draft&level.1.1=99`,
                                     "Application/X-WWW-Form-Urlencoded; charset=UTF-8");
    assert.equal(mixedCase.status, 422, "a level outside the scale, in a form of the right type");

    const bad = [
      [`csrf=${csrf}&round=${ROUND}&level.1.1=%zz`, null],
      [`csrf=${csrf}&round=${ROUND}&level.1.1=4%`, null],
      [`csrf=${csrf}&round=${ROUND}&level.1.1=%ff`, "level.1.1"],
      [`csrf=${csrf}&round=${ROUND}&level.1.1=%c3%28`, "level.1.1"],
      [`csrf=${csrf}&round=${ROUND}&level.1.1=%ed%a0%80`, "level.1.1"],
      [`csrf=${csrf}&round=${ROUND}&level.1.1=%c0%b4`, "level.1.1"],
      [`csrf=${csrf}&round=${ROUND}&level.1.1=4%00`, "level.1.1"],
      [`csrf=${csrf}&round=${ROUND}%1b&level.1.1=4`, "round"],
      [`csrf=${csrf}&round=${ROUND}&%ff=4`, null],
    ];
    for (const [body, field] of bad) {
      const response = await postForm(sessions.employee, "/skattning", body);
      assert.equal(response.status, 400, body);
      const text = await response.text();
      if (field) assert.ok(text.includes(`Fältet ${field} `), `${body}: the field is named`);
      else assert.match(text, /felaktig %-kodning/);
    }
    const managerCsrf = sessions.manager.csrf;
    for (const notes of ["%ff%fe", "a%00b", "%1b%5b31m", "%7f"]) {
      const response = await postForm(sessions.manager, `/team/${COLLEAGUE}`, `csrf=${managerCsrf}&round=${ROUND}&notes=${notes}`);
      assert.equal(response.status, 400, `notes=${notes}`);
      assert.ok((await response.text()).includes("Fältet notes "));
    }
  });
});

test("levels and motivation outside the scale get 422 with the field named, in forms and the API", async () => {
  const csrf = sessions.employee.csrf;
  await unchangedAfter("levels out of range", async () => {
    for (const [field, value] of [["level.1.1", "0"], ["level.1.1", "6"], ["level.1.1", "-1"], ["level.1.1", "4294967299"],
                                  ["level.1.1", "3.0"], ["level.1.1", "+3"], ["level.1.1", " 3"], ["level.1.1", "3'; DROP TABLE ratings;--"],
                                  ["motivation.1", "0"], ["motivation.1", "6"], ["motivation.1", "4294967300"], ["motivation.1", "x"]]) {
      const response = await postForm(sessions.employee, "/skattning",
                                       `csrf=${csrf}&round=${ROUND}&action=draft&${field}=${encodeURIComponent(value)}`);
      assert.equal(response.status, 422, `${field}=${value}`);
      const html = await response.text();
      assert.match(html, /id="felsammanfattning"/, `${field}=${value}: the error summary`);
      const code = field.split(".").slice(1).join(".");
      assert.ok(html.includes(`href="#${field.startsWith("level") ? "level" : "motivation"}-${code}-1"`), `${field}=${value}: the field is linked`);
    }
    const managerCsrf = sessions.manager.csrf;
    for (const value of ["0", "6", "4294967299", "x"]) {
      const response = await postForm(sessions.manager, `/team/${EMPLOYEE.id}`, `csrf=${managerCsrf}&round=${ROUND}&agreed.1.1=${value}`);
      assert.equal(response.status, 422, `agreed.1.1=${value}`);
      assert.ok((await response.text()).includes('href="#agreed-1.1"'));
    }
    const api = [
      [{ ratings: [{ competency: "1.1", self_level: 6 }] }, "ratings.1.1.self_level"],
      [{ ratings: [{ competency: "1.1", self_level: 0 }] }, "ratings.1.1.self_level"],
      [{ ratings: [{ competency: "1.1", self_level: 4294967299 }] }, "ratings[0].self_level"],
      [{ ratings: [{ competency: "1.1", self_level: -4294967295 }] }, "ratings[0].self_level"],
      [{ ratings: [{ competency: "1.1", self_level: 3.5 }] }, "ratings[0].self_level"],
      [{ ratings: [{ competency: "1.1", self_level: "3" }] }, "ratings[0].self_level"],
      [{ ratings: [{ competency: "9.9", self_level: 3 }] }, "ratings.9.9"],
      [{ ratings: [{ competency: "1.1'; DROP TABLE ratings;--", self_level: 3 }] }, "ratings.1.1'; DROP TABLE ratings;--"],
      [{ ratings: [{ self_level: 3 }] }, "ratings[0]"],
      [{ ratings: "alla" }, "ratings"],
      [{ motivation: { 1: 4294967300 } }, "motivation.1"],
      [{ motivation: { 1: 6 } }, "motivation.1"],
      [{ motivation: { 99: 3 } }, "motivation.99"],
      [{ status: "'; DROP TABLE assessments;--" }, "status"],
    ];
    for (const [input, where] of api) {
      const response = await send(sessions.employee, "PUT", assessmentPath(EMPLOYEE.id), { body: JSON.stringify(input), contentType: "application/json" });
      assert.equal(response.status, 422, JSON.stringify(input));
      const { error } = await response.json();
      assert.ok(error.problems.some((problem) => problem.where === where), `${JSON.stringify(input)}: ${JSON.stringify(error.problems)}`);
    }
  });
});

test("JSON bodies that are malformed, deeply nested, duplicated or mistyped get 400 or 415", async () => {
  await unchangedAfter("JSON bodies", async () => {
    const bodies = [
      ["{", "incomplete"], ["", "empty"], ["{\"ratings\": [}", "syntax"], ["[]", "an array"], ["\"text\"", "a string"],
      ["null", "null"], ["{\"ratings\": []} {}", "text after the document"], ["{\"ratings\": [], }", "a trailing comma"],
      ["// comment\n{}", "a comment"], ["{\"notes\": \"a\", \"notes\": \"b\"}", "a duplicate key"],
      ["{\"ratings\": []}".replace("ratings", "r\\u0000atings"), "an escaped NUL in a key (not an error by itself)"],
      ["[".repeat(100000) + "]".repeat(100000), "100 000 levels deep"],
      [`{"ratings": ${"[".repeat(40)}${"]".repeat(40)}}`, "40 levels deep"],
      [Buffer.concat([Buffer.from("{\"notes\": \""), Buffer.from([0xff, 0xfe]), Buffer.from("\"}")]), "invalid UTF-8"],
      ["{\"notes\": \"\\ud800\"}", "a lone surrogate"],
      ["{\"notes\": \"a\u0001b\"}", "a raw control character"],
      ["\ufeff{}", "a byte-order mark and an empty object (accepted: nothing to change)"],
    ];
    for (const [body, label] of bodies) {
      const response = await send(sessions.employee, "PUT", assessmentPath(EMPLOYEE.id), { body, contentType: "application/json" });
      if (label.includes("accepted") || label.includes("not an error")) {
        assert.ok([200, 422].includes(response.status), `${label}: ${response.status}`);
        continue;
      }
      assert.equal(response.status, 400, label);
      const { error } = await response.json();
      assert.equal(error.status, 400, label);
      if (!["an array", "a string", "null"].includes(label)) {
        assert.ok(error.problems.length > 0 && /^body:\d+:\d+$/.test(error.problems[0].where), `${label}: ${JSON.stringify(error)}`);
      }
    }
    for (const type of [undefined, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await send(sessions.employee, "PUT", assessmentPath(EMPLOYEE.id),
                                  { body: JSON.stringify({ ratings: [{ competency: "1.1", self_level: 4 }] }), contentType: type });
      assert.equal(response.status, 415, `content type ${type}`);
    }
  });
});

test("other people's assessments answer 404, and writes beyond one's reports 403 or 404", async () => {
  await unchangedAfter("other people", async () => {
    const body = JSON.stringify({ ratings: [{ competency: "1.1", self_level: 4 }] });
    // The employee and a colleague, a manager and someone outside their team.
    assert.equal((await send(sessions.employee, "GET", assessmentPath(COLLEAGUE))).status, 404);
    assert.equal((await send(sessions.employee, "PUT", assessmentPath(COLLEAGUE), { body, contentType: "application/json" })).status, 404);
    assert.equal((await send(sessions.employee, "GET", assessmentPath(MANAGER.id))).status, 404);
    assert.equal((await send(sessions.employee, "GET", assessmentPath("E000009'; DROP TABLE people;--"))).status, 404);
    assert.equal((await send(sessions.employee, "GET", assessmentPath("E00000%25"))).status, 404);
    assert.equal((await send(sessions.employee, "GET", `/team/${COLLEAGUE}?omgang=${ROUND}`)).status, 404);
    assert.equal((await postForm(sessions.employee, `/team/${COLLEAGUE}`,
                                 `csrf=${sessions.employee.csrf}&round=${ROUND}&agreed.1.1=3`)).status, 404);
    // The employee may not agree their own levels or write their own notes.
    assert.equal((await send(sessions.employee, "PUT", assessmentPath(EMPLOYEE.id),
                             { body: JSON.stringify({ notes: "mina" }), contentType: "application/json" })).status, 403);
    assert.equal((await send(sessions.employee, "PUT", assessmentPath(EMPLOYEE.id),
                             { body: JSON.stringify({ ratings: [{ competency: "1.1", agreed_level: 5 }] }), contentType: "application/json" })).status, 403);
    assert.equal((await postForm(sessions.employee, `/team/${EMPLOYEE.id}`,
                                 `csrf=${sessions.employee.csrf}&round=${ROUND}&agreed.1.1=5`)).status, 404);
    // The manager and HR's own assessment (not a report), and a report's self levels.
    assert.equal((await send(sessions.manager, "PUT", assessmentPath(HR.id),
                             { body: JSON.stringify({ notes: "x" }), contentType: "application/json" })).status, 404);
    assert.equal((await postForm(sessions.manager, `/team/${HR.id}`, `csrf=${sessions.manager.csrf}&round=${ROUND}&notes=x`)).status, 404);
    const current = (await assessmentOf(sessions.manager, EMPLOYEE.id)).ratings.find((rating) => rating.competency === "1.1");
    const otherLevel = JSON.stringify({ ratings: [{ competency: "1.1", self_level: current.self_level === 2 ? 3 : 2 }] });
    assert.equal((await send(sessions.manager, "PUT", assessmentPath(EMPLOYEE.id), { body: otherLevel, contentType: "application/json" })).status, 403);
    // An observer sees no one.
    assert.equal((await send(sessions.observer, "GET", assessmentPath(EMPLOYEE.id))).status, 404);
    assert.equal((await postForm(sessions.observer, "/skattning", `csrf=${sessions.observer.csrf}&round=${ROUND}&level.1.1=3`)).status, 403);
    // HR's form for rounds is for HR only.
    assert.equal((await postForm(sessions.employee, "/omgangar", `csrf=${sessions.employee.csrf}&name=2099&framework=digital-kompetens`)).status, 403);
  });
});

test("SQL metacharacters in every text field are stored and read back literally", async () => {
  // Notes, through the conversation form and the API.
  const formNotes = SQL_TEXT + "\r\nrad två\tmed tab";
  const saved = await postForm(sessions.manager, `/team/${EMPLOYEE.id}`,
                               `csrf=${sessions.manager.csrf}&round=${ROUND}&notes=${encodeURIComponent(formNotes)}`);
  assert.equal(saved.status, 303);
  assert.equal((await assessmentOf(sessions.manager, EMPLOYEE.id)).notes, formNotes);
  const apiNotes = SQL_TEXT + " via API ☃ 𝄞";
  const put = await send(sessions.manager, "PUT", assessmentPath(EMPLOYEE.id),
                         { body: JSON.stringify({ notes: apiNotes }), contentType: "application/json" });
  assert.equal(put.status, 200);
  assert.equal((await put.json()).notes, apiNotes);
  assert.equal((await assessmentOf(sessions.manager, EMPLOYEE.id)).notes, apiNotes);
  const page = await (await send(sessions.manager, "GET", `/team/${EMPLOYEE.id}?omgang=${ROUND}`)).text();
  assert.ok(page.includes("; DROP TABLE assessments;-- &quot;dubbla&quot;"), "the note is shown escaped in the page");
  assert.ok(!page.includes(SQL_TEXT), "the note is never shown unescaped");
  // Notes the API refuses: a NUL and an escape character, and more than 2 000 characters.
  await unchangedAfter("notes the API refuses", async () => {
    for (const notes of ["a\u0000b", "\u001b[2J", "x".repeat(2001)]) {
      const response = await send(sessions.manager, "PUT", assessmentPath(EMPLOYEE.id),
                                  { body: JSON.stringify({ notes }), contentType: "application/json" });
      assert.equal(response.status, 422, JSON.stringify(notes.slice(0, 10)));
      assert.ok((await response.json()).error.problems.some((problem) => problem.where === "notes"));
    }
  });
  // 2 000 Swedish characters are 2 000 characters, even though they take 4 000 bytes.
  const longSwedish = "å".repeat(2000);
  assert.equal((await send(sessions.manager, "PUT", assessmentPath(EMPLOYEE.id),
                           { body: JSON.stringify({ notes: longSwedish }), contentType: "application/json" })).status, 200);
  assert.equal((await assessmentOf(sessions.manager, EMPLOYEE.id)).notes, longSwedish);
  // Priorities that look like SQL are not competencies.
  const priorities = await send(sessions.manager, "PUT", assessmentPath(EMPLOYEE.id),
                                { body: JSON.stringify({ priorities: ["1.1' OR '1'='1"] }), contentType: "application/json" });
  assert.equal(priorities.status, 422);
  // A round name, through HR's form.
  const roundName = "2027'; DROP TABLE rounds;--";
  const created = await postForm(sessions.hr, "/omgangar", `csrf=${sessions.hr.csrf}&name=${encodeURIComponent(roundName)}` +
                                 "&framework=digital-kompetens&opens=&closes=");
  assert.equal(created.status, 303);
  const rounds = await (await send(sessions.hr, "GET", "/api/v1/rounds")).json();
  assert.ok(rounds.rounds.some((round) => round.name === roundName), "the round is listed under its exact name");
  // Round names that cannot be part of an address are refused.
  for (const name of ["a/b", "tab\there", "x".repeat(41)]) {
    const refused = await postForm(sessions.hr, "/omgangar", `csrf=${sessions.hr.csrf}&name=${encodeURIComponent(name)}&framework=digital-kompetens`);
    assert.equal(refused.status, 422, JSON.stringify(name));
  }
  // A user name and password that look like SQL sign no one in.
  for (const [username, password] of [["' OR '1'='1", "' OR '1'='1"], [`${EMPLOYEE.id}'--`, "x"], [EMPLOYEE.id, "' OR ''='"]]) {
    const loginPage = await fetch(base + "/login", { redirect: "manual" });
    const response = await fetch(base + "/login", {
      method: "POST", redirect: "manual",
      body: new URLSearchParams({ csrf: hiddenCsrf(await loginPage.text()), username, password, next: "/" }),
      headers: { cookie: `trappa_signin=${cookieValue(loginPage, "trappa_signin")}`, "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(response.status, 401, `${username} / ${password}`);
    assert.equal(cookieValue(response, "trappa_session"), undefined);
  }
  // A password full of metacharacters works as a password: the observer changes theirs and
  // signs in with it.
  const newPassword = "'; DROP TABLE accounts;-- \"\\ %_ å";
  const changed = await postForm(sessions.observer, "/konto", `csrf=${sessions.observer.csrf}&current=${OBSERVER.password}` +
                                 `&new=${encodeURIComponent(newPassword)}&repeat=${encodeURIComponent(newPassword)}`);
  assert.equal(changed.status, 303);
  const again = await signIn({ id: OBSERVER.id, password: newPassword });
  assert.equal((await send(again, "GET", "/api/v1/me")).status, 200);
});

test("after the server stops, every export equals the one taken before it started", async () => {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  const exportsAfter = exportEverything();
  for (const [what, text] of Object.entries(exportsBefore)) {
    if (exportsAfter[what] === text) continue;
    const before = new Set(text.split("\n"));
    const after = new Set(exportsAfter[what].split("\n"));
    const added = [...after].filter((line) => !before.has(line)).slice(0, 10);
    const removed = [...before].filter((line) => !after.has(line)).slice(0, 10);
    assert.fail(`trappa export ${what} changed: added ${JSON.stringify(added)}, removed ${JSON.stringify(removed)}`);
  }
  assert.ok(exportsBefore[`assessments ${ROUND}`].split("\n").length > 100, "the exports hold the demo's assessments");
  // The literal note and round name are in the store as written (and nothing was dropped).
  const tables = execFileSync("sqlite3", [store, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"], { encoding: "utf8" });
  for (const table of ["accounts", "assessments", "people", "ratings", "rounds", "units"]) assert.match(tables, new RegExp(`^${table}$`, "m"));
});
