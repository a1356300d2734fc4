// What the node tests of this folder share to run `trappa serve`: a free loopback port,
// waiting until the server answers /readyz, and a demo server with a browser for a test file.
"use strict";

const net = require("node:net");

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Resolves once `url`/readyz answers 200; fails when the child process `server` exits first or
// the time runs out, with the server's output so far (`log()`) in the message.
async function waitForServer(url, server, log, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url + "/readyz")).ok) return;
    } catch (_) {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error("trappa serve exited early:\n" + log());
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("trappa serve did not become ready:\n" + log());
}

// A fresh `trappa serve --demo` (2 I/O threads, and `extraArgs`) on a free loopback port with
// its store in a new temporary directory, and Debian's Chromium, headless. Resolves to { base,
// workDir, browser, log, stop }; stop() closes the browser, stops the server and removes the
// directory (kept when `keepWorkDir` is true, e.g. for screenshots).
async function startDemo(binary, chromiumPath, name, extraArgs = []) {
  const { spawn } = require("node:child_process");
  const fs = require("node:fs");
  const os = require("node:os");
  const path = require("node:path");
  const { chromium } = require("playwright-core");
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `trappa-${name}-`));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = "";
  const server = spawn(binary, ["--db", path.join(workDir, `${name}.db`), "serve", "--demo", "--listen",
                                `127.0.0.1:${port}`, "--threads", "2", ...extraArgs], { stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.on("data", (chunk) => { log += chunk; });
  server.stderr.on("data", (chunk) => { log += chunk; });
  await waitForServer(base, server, () => log, 120000);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const stop = async (keepWorkDir) => {
    await browser.close();
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    if (!keepWorkDir) fs.rmSync(workDir, { recursive: true, force: true });
  };
  return { base, workDir, browser, log: () => log, stop };
}

module.exports = { freePort, waitForServer, startDemo };
