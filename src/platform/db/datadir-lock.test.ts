import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { cliEnv, freePort, MAIN } from "../../testing/cli.ts";
import { LOCK_FILE_NAME } from "./datadir-lock.ts";

const UNSHARE = ["--pid", "--fork", "--mount-proc", "--kill-child"];
const dirs: string[] = [];
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const d of dirs) {
    fs.rmSync(d, { recursive: true, force: true });
    fs.rmSync(`${d}-audit-checkpoints`, { recursive: true, force: true }); // beside DATA_DIR
  }
});

/** A new PID namespace needs `unshare` and the right to use it (root, or user namespaces). */
function unshareWorks(): boolean {
  const r = spawnSync("unshare", [...UNSHARE, "true"], { stdio: "ignore", timeout: 10_000 });
  return r.status === 0;
}

/** `woonsignaal serve` as pid 1 of a new PID namespace, as in a container; resolves once it answers. */
async function serveAsPid1(dataDir: string): Promise<ChildProcess> {
  const port = await freePort();
  const env = cliEnv({ DATA_DIR: dataDir });
  const server = spawn(
    "unshare",
    [...UNSHARE, process.execPath, MAIN, "serve", "--port", String(port)],
    { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  children.push(server);
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${stderr}`)), 120_000);
    server.stderr?.on("data", (chunk) => {
      stderr += String(chunk);
      if (stderr.includes("Woonsignaal is running at")) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  assert.equal(res.status, 200);
  return server;
}

// CI runs as root with util-linux: there the test must run, never skip.
const skip = !process.env.CI && !unshareWorks() ? "unshare (new PID namespace) unavailable" : false;

test("F6 kill -9 of the server as pid 1 in a PID namespace, then a restart the same way starts", {
  skip,
}, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-lock-"));
  dirs.push(dataDir);
  const first = await serveAsPid1(dataDir);
  assert.equal(fs.readFileSync(path.join(dataDir, LOCK_FILE_NAME), "utf8"), "1", "pid 1 holds it");
  // kill -9 of the whole process group: unshare and the server (pid 1 inside).
  const gone = new Promise((r) => first.on("exit", r));
  process.kill(-first.pid!, "SIGKILL");
  await gone;
  // The lock file still names pid 1, and the new server is pid 1 again: it starts.
  assert.equal(fs.readFileSync(path.join(dataDir, LOCK_FILE_NAME), "utf8"), "1");
  const second = await serveAsPid1(dataDir);
  const stopped = new Promise<number | null>((r) => second.on("exit", (code) => r(code)));
  process.kill(-second.pid!, "SIGTERM");
  assert.equal(await stopped, 0);
});
