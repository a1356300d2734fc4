// What the node tests of this folder share to run `trappa serve`: a free loopback port, and
// waiting until the server answers /readyz.
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

module.exports = { freePort, waitForServer };
