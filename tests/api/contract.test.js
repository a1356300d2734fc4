// The API contract (issue 15, "API"; docs/web.md, "API conventions"): docs/openapi.yaml
// passes `redocly lint` with the recommended rules and no warning; it lists exactly the routes
// and query parameters of the server's one route table (src/web/api/api_conventions.cpp); and
// every answer of a real `trappa serve --demo` to requests on every route — successes and
// errors — has a status the spec lists for that operation and a body valid against its schema
// (ajv). Run by run.sh (ctest: api.contract).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const YAML = require("yaml");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");
const { freePort, waitForServer } = require("../e2e/serve.js");

const root = path.resolve(__dirname, "../..");
const specPath = path.join(root, "docs/openapi.yaml");
const spec = YAML.parse(fs.readFileSync(specPath, "utf8"));
const binary = process.env.TRAPPA_BINARY;
const methods = ["get", "put", "post", "delete", "patch"];

// ---- the spec's routes and the server's route table ----------------------------------------

function resolve(node) {
  while (node && node.$ref) {
    node = node.$ref.slice(2).split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((at, key) => at[key], spec);
  }
  return node;
}

// "GET /rounds/{}/gaps" → { path, method, operation, query: [names] }, {name} shapes made equal.
function specOperations() {
  const operations = new Map();
  for (const [route, item] of Object.entries(spec.paths)) {
    for (const method of methods) {
      if (!item[method]) continue;
      const parameters = [...(item.parameters || []), ...(item[method].parameters || [])].map(resolve);
      const query = parameters.filter((p) => p.in === "query").map((p) => p.name).sort();
      const key = `${method.toUpperCase()} ${route.replace(/\{[^}]+\}/g, "{}")}`;
      operations.set(key, { route, method, operation: item[method], query });
    }
  }
  return operations;
}

// The same shape from kApiRoutes and its parameter arrays in api_conventions.cpp.
function serverRoutes() {
  const source = fs.readFileSync(path.join(root, "src/web/api/api_conventions.cpp"), "utf8");
  const arrays = { kNone: [] };
  for (const [, name, body] of source.matchAll(/constexpr std::array (k\w+)\{([^}]*)\}/g)) {
    arrays[name] = [...body.matchAll(/"([^"]+)"sv/g)].map((m) => m[1]);
  }
  const routes = new Map();
  for (const [, method, pattern, list] of source.matchAll(/ApiRoute\{Method::k(\w+), "\/api\/v1([^"]+)", (k\w+)\}/g)) {
    assert.ok(arrays[list], `parameter list ${list} is defined`);
    routes.set(`${method.toUpperCase()} ${pattern.replace(/\{[^}]+\}/g, "{}")}`, [...arrays[list]].sort());
  }
  return routes;
}

// ---- the live server --------------------------------------------------------------------------

class Client {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }
  async request(method, target, { body, headers = {}, redirect = "manual" } = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await fetch(this.base + target, {
      method, body, redirect, headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
  async signIn(account) {
    const form = await (await this.request("GET", "/login")).text();
    const csrf = form.match(/name="csrf" value="([^"]*)"/)[1];
    const response = await this.request("POST", "/login", {
      body: new URLSearchParams({ csrf, username: account.id, password: account.password, next: "/" }).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    assert.equal(response.status, 303, `${account.id} signs in`);
    this.csrf = (await (await this.request("GET", "/api/v1/me")).json()).csrf_token;
  }
}

let server;
let workDir;
let base;
let log = "";
const clients = {};
const accounts = {};
let xapiCredentials;
const courseIri = "https://moodle.stad.se/course/view.php?id=12";

test.before(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "trappa-api-contract-"));
  const db = path.join(workDir, "contract.db");
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(binary, ["--db", db, "serve", "--demo", "--listen", `127.0.0.1:${port}`, "--threads", "2"],
                 { stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.on("data", (chunk) => { log += chunk; });
  server.stderr.on("data", (chunk) => { log += chunk; });
  await waitForServer(base, server, () => log, 120000);
  for (const [, id, name, password] of log.matchAll(/demo account (\S+) \((demo_\w+)\), password (\S+)/g)) {
    accounts[name.replace("demo_", "")] = { id, password };
  }
  // An activity the learning platform's statements can name (its xapi_id), as tests/web_http/xapi_test.sh.
  const catalogue = execFileSync(binary, ["--db", db, "export", "activities"], { encoding: "utf8" }).split("\n");
  const course = catalogue.find((line) => line.startsWith("AI-01,"));
  assert.ok(course && course.endsWith(","), "the demo's AI-01 has no xapi_id yet");
  fs.writeFileSync(path.join(workDir, "xapi_ids.csv"), `${catalogue[0]}\n${course}${courseIri}\n`);
  execFileSync(binary, ["--db", db, "import", "activities", path.join(workDir, "xapi_ids.csv"), "--framework", "digital-kompetens"]);
  const made = execFileSync(binary, ["--db", db, "client", "add", "api-contract"], { encoding: "utf8" });
  xapiCredentials = "Basic " + Buffer.from(`api-contract:${made.match(/^Secret: (\S+)$/m)[1]}`).toString("base64");
  for (const who of ["hr", "employee", "observer"]) {
    clients[who] = new Client(base);
    await clients[who].signIn(accounts[who]);
  }
  clients.nobody = new Client(base);
});

test.after(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

// ---- validation against the spec ------------------------------------------------------------

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec, "openapi");
const pointer = (...keys) => keys.map((k) => String(k).replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const exercised = new Set();
const succeeded = new Set();  // operations seen answering 2xx

// Sends the request as `who`, then checks the answer against the operation of the spec that
// the route `route` and `method` name: a listed status, and a JSON body valid for it.
async function call(who, method, route, target, { expect, body, headers = {} } = {}) {
  const operations = specOperations();
  const key = `${method} ${route.replace(/\{[^}]+\}/g, "{}")}`;
  const entry = operations.get(key);
  assert.ok(entry, `${key} is in docs/openapi.yaml`);
  exercised.add(key);
  const sent = { ...headers };
  if (body !== undefined && !sent["Content-Type"]) sent["Content-Type"] = "application/json";
  const response = await clients[who].request(method, "/api/v1" + target, { body, headers: sent });
  const text = await response.text();
  const label = `${method} ${target} as ${who}`;
  if (expect !== undefined) assert.equal(response.status, expect, `${label}: status (${text.slice(0, 300)})`);
  const status = String(response.status);
  if (response.status < 300) succeeded.add(key);
  assert.ok(entry.operation.responses[status], `${label}: status ${status} is listed in the spec (${text.slice(0, 200)})`);
  let described = entry.operation.responses[status];
  let schemaPointer = `openapi#/${pointer("paths", entry.route, entry.method, "responses", status)}`;
  if (described.$ref) {
    schemaPointer = "openapi" + described.$ref;
    described = resolve(described);
  }
  assert.ok(described.content && described.content["application/json"], `${label}: the spec describes the ${status} body`);
  assert.match(response.headers.get("content-type") || "", /^application\/json/, `${label}: JSON`);
  const validate = ajv.compile({ $ref: `${schemaPointer}/content/${pointer("application/json")}/schema` });
  const json = JSON.parse(text);
  assert.ok(validate(json), `${label}: body valid against the spec: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`);
  return json;
}

// ---- the tests --------------------------------------------------------------------------------

test("docs/openapi.yaml passes redocly lint (recommended rules) without a warning", () => {
  const cli = path.join(__dirname, "node_modules/@redocly/cli/bin/cli.js");
  let output;
  try {
    output = execFileSync(process.execPath, [cli, "lint", "--config", path.join(__dirname, "redocly.yaml"),
                                              "--format", "json", specPath], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (failure) {
    output = failure.stdout;
  }
  const report = JSON.parse(output.slice(output.indexOf("{")));
  const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0].pointer}`);
  assert.deepEqual(problems, [], "no errors or warnings");
  assert.equal(report.totals.errors + report.totals.warnings, 0);
});

test("the spec lists exactly the server's routes, each with exactly its query parameters", () => {
  const operations = specOperations();
  const routes = serverRoutes();
  assert.ok(routes.size >= 10, "the route table is read");
  assert.deepEqual([...operations.keys()].sort(), [...routes.keys()].sort(), "the same routes");
  for (const [key, parameters] of routes) assert.deepEqual(operations.get(key).query, parameters, `${key}: the same query parameters`);
  // Every route goes through the table: no API route is registered past it.
  for (const file of fs.readdirSync(path.join(root, "src/web/api")).filter((name) => name !== "api_conventions.cpp")) {
    const source = fs.readFileSync(path.join(root, "src/web/api", file), "utf8");
    assert.doesNotMatch(source, /router\.(get|put|post|add)\(/, `${file} registers its routes with add_api_route`);
  }
});

test("every route answers as the spec says, errors included", async () => {
  const employee = accounts.employee.id;
  const csrf = (who) => ({ "X-CSRF-Token": clients[who].csrf });

  await call("hr", "GET", "/me", "/me", { expect: 200 });
  await call("nobody", "GET", "/me", "/me", { expect: 401 });
  await call("hr", "GET", "/me", "/me?verbose=1", { expect: 400 });

  await call("hr", "GET", "/figures", "/figures?at=2025-12-31", { expect: 200 });
  await call("hr", "GET", "/figures", "/figures?at=2025-12-31&from=2026-01-01", { expect: 400 });
  await call("hr", "GET", "/figures", "/figures?unit=FINNS-EJ", { expect: 404 });
  await call("employee", "GET", "/figures", "/figures", { expect: 403 });
  await call("nobody", "GET", "/figures", "/figures", { expect: 401 });

  await call("hr", "GET", "/learning/stats", "/learning/stats?from=2025-01-01&to=2025-12-31&by=gender", { expect: 200 });
  await call("observer", "GET", "/learning/stats", "/learning/stats?from=2025-01-01&to=2025-12-31", { expect: 200 });
  await call("hr", "GET", "/learning/stats", "/learning/stats", { expect: 400 });
  await call("hr", "GET", "/learning/stats", "/learning/stats?from=2025-01-01&to=2025-12-31&unit=FINNS-EJ", { expect: 404 });
  await call("employee", "GET", "/learning/stats", "/learning/stats?from=2025-01-01&to=2025-12-31", { expect: 403 });

  const recommendations = "/people/{id}/recommendations";
  await call("employee", "GET", recommendations, `/people/${employee}/recommendations?round=2026`, { expect: 200 });
  await call("employee", "GET", recommendations, `/people/${employee}/recommendations?budget_hours=x`, { expect: 400 });
  await call("employee", "GET", recommendations, `/people/${employee}/recommendations?round=1999`, { expect: 404 });
  await call("employee", "GET", recommendations, "/people/E-NOBODY/recommendations", { expect: 404 });

  await call("hr", "GET", "/plans/summary", "/plans/summary?round=2026", { expect: 200 });
  await call("observer", "GET", "/plans/summary", "/plans/summary?round=2026", { expect: 200 });
  await call("hr", "GET", "/plans/summary", "/plans/summary", { expect: 400 });
  await call("hr", "GET", "/plans/summary", "/plans/summary?round=1999", { expect: 404 });
  await call("hr", "GET", "/plans/summary", "/plans/summary?round=2026&unit=FINNS-EJ", { expect: 404 });
  await call("employee", "GET", "/plans/summary", "/plans/summary?round=2026", { expect: 403 });

  await call("hr", "GET", "/forecast", "/forecast?at=2025-12-31", { expect: 200 });
  await call("hr", "GET", "/forecast", "/forecast?years=11", { expect: 400 });
  await call("hr", "GET", "/forecast", "/forecast?round=1999", { expect: 404 });
  await call("employee", "GET", "/forecast", "/forecast", { expect: 403 });
  const scenario = JSON.stringify({ format: "trappa-forecast-scenario", version: 1 });
  await call("hr", "POST", "/forecast", "/forecast?at=2025-12-31", { expect: 200, body: scenario, headers: csrf("hr") });
  await call("hr", "POST", "/forecast", "/forecast", { expect: 400, body: "{", headers: csrf("hr") });
  await call("hr", "POST", "/forecast", "/forecast", { expect: 403, body: scenario });
  await call("hr", "POST", "/forecast", "/forecast", { expect: 415, body: scenario, headers: { ...csrf("hr"), "Content-Type": "text/plain" } });

  await call("hr", "GET", "/rounds", "/rounds", { expect: 200 });
  await call("hr", "GET", "/rounds/{round}", "/rounds/2026", { expect: 200 });
  await call("hr", "GET", "/rounds/{round}", "/rounds/1999", { expect: 404 });

  const gaps = "/rounds/{round}/gaps";
  await call("hr", "GET", gaps, "/rounds/2026/gaps?by=unit&compare=2025", { expect: 200 });
  await call("observer", "GET", gaps, "/rounds/2026/gaps?by=gender", { expect: 200 });
  await call("hr", "GET", gaps, "/rounds/2026/gaps?by=age", { expect: 400 });
  await call("hr", "GET", gaps, "/rounds/2026/gaps?compare=1999", { expect: 404 });
  await call("hr", "GET", gaps, "/rounds/2026/gaps?unit=FINNS-EJ", { expect: 404 });
  await call("employee", "GET", gaps, "/rounds/2026/gaps", { expect: 403 });

  const assessment = "/rounds/{round}/assessments/{employee_id}";
  await call("employee", "GET", assessment, `/rounds/2026/assessments/${employee}`, { expect: 200 });
  await call("employee", "GET", assessment, "/rounds/2026/assessments/E-NOBODY", { expect: 404 });
  await call("employee", "PUT", assessment, `/rounds/2026/assessments/${employee}`, { expect: 200, body: "{}", headers: csrf("employee") });
  await call("employee", "PUT", assessment, `/rounds/2026/assessments/${employee}`,
             { expect: 422, body: JSON.stringify({ motivation: { 1: 9 } }), headers: csrf("employee") });
  await call("employee", "PUT", assessment, `/rounds/2026/assessments/${employee}`, { expect: 400, body: "[", headers: csrf("employee") });
  await call("employee", "PUT", assessment, `/rounds/2026/assessments/${employee}`, { expect: 403, body: "{}" });
  await call("employee", "PUT", assessment, `/rounds/2026/assessments/${employee}`,
             { expect: 415, body: "{}", headers: { ...csrf("employee"), "Content-Type": "text/plain" } });
  await call("employee", "PUT", assessment, `/rounds/1999/assessments/${employee}`, { expect: 404, body: "{}", headers: csrf("employee") });

  const xapi = { Authorization: xapiCredentials, "X-Experience-API-Version": "1.0.3" };
  // The catalogue imported while the server runs reaches it through the change feed (≤ 1 s).
  const statementId = "8a7c1f52-3b1e-4c2a-9d1e-0f6b2a4c5d01";
  const statement = JSON.stringify({
    id: statementId, actor: { objectType: "Agent", account: { homePage: "https://moodle.stad.se", name: employee } },
    verb: { id: "http://adlnet.gov/expapi/verbs/completed" }, object: { id: courseIri, objectType: "Activity" },
    timestamp: "2026-11-02T10:15:00+01:00",
  });
  for (let attempt = 0; attempt < 50; ++attempt) {
    const sent = await clients.nobody.request("POST", "/api/v1/xapi/statements",
                                              { body: statement, headers: { ...xapi, "Content-Type": "application/json" } });
    await sent.text();
    if (sent.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await call("nobody", "POST", "/xapi/statements", "/xapi/statements", { expect: 200, body: statement, headers: xapi });
  await call("nobody", "GET", "/xapi/statements", `/xapi/statements?statementId=${statementId}`, { expect: 200, headers: xapi });
  await call("nobody", "POST", "/xapi/statements", "/xapi/statements",
             { expect: 400, body: JSON.stringify({ actor: {}, verb: { id: "x" }, object: { id: "y" } }), headers: xapi });
  await call("nobody", "POST", "/xapi/statements", "/xapi/statements", { expect: 401, body: "[]", headers: { "X-Experience-API-Version": "1.0.3" } });
  await call("nobody", "GET", "/xapi/statements", "/xapi/statements?statementId=00000000-0000-4000-8000-000000000000",
             { expect: 404, headers: xapi });
  await call("nobody", "GET", "/xapi/statements", "/xapi/statements", { expect: 400, headers: xapi });
  await call("nobody", "GET", "/xapi/statements", "/xapi/statements?since=2026-01-01", { expect: 400, headers: xapi });

  assert.deepEqual([...specOperations().keys()].filter((key) => !exercised.has(key)), [], "every operation is exercised");
  assert.deepEqual([...specOperations().keys()].filter((key) => !succeeded.has(key)), [], "every operation answered a success too");
});

test("an unknown query parameter is a 400 naming it, on every route", async () => {
  for (const [key] of serverRoutes()) {
    const [method, pattern] = key.split(" ");
    const target = pattern.replace(/\/(\w+)\/\{\}/g, (_, segment) => `/${segment}/${segment === "rounds" ? "2026" : accounts.employee.id}`);
    const who = key.includes("xapi") ? "nobody" : "hr";
    const headers = key.includes("xapi") ? { Authorization: xapiCredentials, "X-Experience-API-Version": "1.0.3" }
                                         : { "X-CSRF-Token": clients.hr.csrf };
    const json = await call(who, method, pattern, `${target}?no_such_parameter=1`,
                            { expect: 400, body: method === "GET" ? undefined : "{}", headers });
    assert.deepEqual(json.error.problems.map((p) => p.where), ["no_such_parameter"], `${key}: names the parameter`);
    assert.match(json.error.message, /no_such_parameter/, `${key}: the message names it too`);
  }
});

test("API errors name the API's parameters, never the command line's flags", async () => {
  // Key figures with from after at: core's problem names --from; the API names from.
  const json = await call("hr", "GET", "/figures", "/figures?at=2025-12-31&from=2026-01-01", { expect: 400 });
  assert.deepEqual(json.error.problems.map((p) => p.where), ["from"]);
  const round = await call("hr", "GET", "/forecast", "/forecast?round=1999", { expect: 404 });
  assert.deepEqual(round.error.problems.map((p) => p.where), ["round"], "names round, not --round");
  assert.doesNotMatch(JSON.stringify([json, round]), /--[a-z]/, "no flag in either answer");
});

test("the same error gets the same status on every route", async () => {
  // An unknown round: 404 as a path segment, as a query parameter and as the round to compare with.
  const unknownRound = [
    await call("hr", "GET", "/rounds/{round}", "/rounds/1999"),
    await call("hr", "GET", "/plans/summary", "/plans/summary?round=1999"),
    await call("hr", "GET", "/forecast", "/forecast?round=1999"),
    await call("hr", "GET", "/rounds/{round}/gaps", "/rounds/2026/gaps?compare=1999"),
    await call("employee", "GET", "/people/{id}/recommendations", `/people/${accounts.employee.id}/recommendations?round=1999`),
  ];
  assert.deepEqual(unknownRound.map((json) => json.error.status), [404, 404, 404, 404, 404]);
  // An unknown unit: 404 on every route that takes one.
  const unknownUnit = [
    await call("hr", "GET", "/figures", "/figures?unit=FINNS-EJ"),
    await call("hr", "GET", "/forecast", "/forecast?unit=FINNS-EJ"),
    await call("hr", "GET", "/plans/summary", "/plans/summary?round=2026&unit=FINNS-EJ"),
    await call("hr", "GET", "/rounds/{round}/gaps", "/rounds/2026/gaps?unit=FINNS-EJ"),
    await call("hr", "GET", "/learning/stats", "/learning/stats?from=2025-01-01&to=2025-12-31&unit=FINNS-EJ"),
  ];
  assert.deepEqual(unknownUnit.map((json) => json.error.status), [404, 404, 404, 404, 404]);
  assert.ok(unknownUnit.every((json) => json.error.problems.some((p) => p.where === "unit")), "each names unit");
});
