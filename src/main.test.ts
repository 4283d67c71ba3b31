import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "./platform/db/test-database.ts";
import { freePort } from "./testing/cli.ts";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
const tmpDirs: string[] = [];
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) c.kill("SIGKILL");
  for (const d of tmpDirs) {
    fs.rmSync(d, { recursive: true, force: true });
    fs.rmSync(`${d}-audit-checkpoints`, { recursive: true, force: true }); // beside DATA_DIR
  }
});

function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-cli-"));
  tmpDirs.push(dir);
  return dir;
}

/** The environment of a CLI run: embedded database unless a test says otherwise. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", NODE_ENV: "test", ...extra };
  if (!("DATABASE_URL" in extra)) delete e.DATABASE_URL;
  if (!("WOONSIGNAAL_MASTER_KEY" in extra)) delete e.WOONSIGNAAL_MASTER_KEY;
  return e;
}

function cli(args: string[], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    env: env(extra),
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("--help works for the program and every command, exit 0", () => {
  for (const args of [
    ["--help"],
    ["serve", "--help"],
    ["migrate", "--help"],
    ["jobs", "run", "--help"],
    ["jobs", "list", "--help"],
  ]) {
    const r = cli(args);
    assert.equal(r.code, 0, args.join(" "));
    assert.match(r.stdout, /^Usage: woonsignaal/);
  }
  assert.match(cli(["--help"]).stdout, /Exit codes:/);
});

test("usage errors exit 2 with a message that says what to do", () => {
  const unknown = cli(["frobnicate"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown command "frobnicate"/);
  const badOption = cli(["migrate", "--colour"]);
  assert.equal(badOption.code, 2);
  const badDate = cli(["jobs", "run", "housekeeping", "--now", "2026-13-01"]);
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /--now must be a date as YYYY-MM-DD/);
  const badJob = cli(["jobs", "run", "retentoin"]);
  assert.equal(badJob.code, 2);
  assert.match(badJob.stderr, /Known jobs: .*housekeeping/);
});

test("a malformed environment variable stops start-up with one line naming it, exit 3", () => {
  const r = cli(["serve"], { PORT: "eighty", DATA_DIR: tmp() });
  assert.equal(r.code, 3);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /^Configuration error: PORT /);
});

test("G-14 serve in production without PUBLIC_BASE_URL stops with one line naming it, exit 3", () => {
  const r = cli(["serve"], {
    NODE_ENV: "production",
    WOONSIGNAAL_MASTER_KEY: randomBytes(32).toString("base64"),
    PUBLIC_BASE_URL: "",
    DATA_DIR: tmp(),
  });
  assert.equal(r.code, 3);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(
    r.stderr,
    /^Configuration error: PUBLIC_BASE_URL is required when NODE_ENV=production/,
  );
});

test("migrate --json and jobs run --json print exactly one JSON document on stdout", () => {
  const dataDir = tmp();
  const first = cli(["migrate", "--json"], { DATA_DIR: dataDir });
  assert.equal(first.code, 0, first.stderr);
  assert.ok(JSON.parse(first.stdout).applied.length > 0);
  assert.deepEqual(JSON.parse(cli(["migrate", "--json"], { DATA_DIR: dataDir }).stdout), {
    applied: [],
  });

  const run = cli(["jobs", "run", "housekeeping", "--now", "2026-01-05", "--json"], {
    DATA_DIR: dataDir,
  });
  assert.equal(run.code, 0, run.stderr);
  const doc = JSON.parse(run.stdout);
  assert.equal(doc.job, "housekeeping");
  assert.equal(doc.status, "succeeded");
  assert.equal(doc.period, "2026-01-05");
  const again = JSON.parse(
    cli(["jobs", "run", "housekeeping", "--now", "2026-01-05", "--json"], { DATA_DIR: dataDir })
      .stdout,
  );
  assert.equal(again.status, "skipped");

  const list = JSON.parse(cli(["jobs", "list", "--json"]).stdout);
  assert.ok(list.jobs.some((j: { name: string }) => j.name === "housekeeping"));
});

test("serve answers /healthz; a second process on the same data directory exits 4", async () => {
  const dataDir = tmp();
  const port = await freePort();
  const server = spawn(process.execPath, [MAIN, "serve", "--port", String(port)], {
    env: env({ DATA_DIR: dataDir }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(server);
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${stderr}`)), 60_000);
    server.stderr.on("data", (chunk) => {
      stderr += String(chunk);
      if (stderr.includes("Woonsignaal is running at")) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on("exit", () => reject(new Error(`server exited: ${stderr}`)));
  });
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: "ok" });

  const second = cli(["migrate"], { DATA_DIR: dataDir });
  assert.equal(second.code, 4);
  assert.match(second.stderr, /in use by another Woonsignaal process/);

  const exited = new Promise<number | null>((r) => server.on("exit", (code) => r(code)));
  server.kill("SIGTERM");
  assert.equal(await exited, 0);
  assert.equal(cli(["migrate"], { DATA_DIR: dataDir }).code, 0, "lock released");
});

test("an unreachable database server is retried, then exit 4 with a clear message", () => {
  const r = cli(["migrate"], {
    DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
    DATABASE_CONNECT_TIMEOUT_SECONDS: "1",
  });
  assert.equal(r.code, 4);
  assert.match(r.stderr, /Cannot reach the database at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
});

test("migrate works against a PostgreSQL server", { skip: !process.env.DATABASE_URL }, async () => {
  const db = await createTestDatabase({ migrate: false });
  try {
    const r = cli(["migrate", "--json"], { DATABASE_URL: db.url! });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout).applied.length > 0);
  } finally {
    await db.close();
  }
});

test("keys: a wrong master key refuses to start; rotation and rewrap work from the CLI", () => {
  const dataDir = tmp();
  const keyA = randomBytes(32).toString("base64");
  const keyB = randomBytes(32).toString("hex");
  const org = randomUUID();
  const rotate = cli(["keys", "rotate", "--organisation", org, "--json"], {
    DATA_DIR: dataDir,
    WOONSIGNAAL_MASTER_KEY: keyA,
  });
  assert.equal(rotate.code, 0, rotate.stderr);
  assert.equal(JSON.parse(rotate.stdout).version, 1, "the first key of an organisation");
  const again = cli(["keys", "rotate", "--organisation", org, "--json"], {
    DATA_DIR: dataDir,
    WOONSIGNAAL_MASTER_KEY: keyA,
  });
  const rotated = JSON.parse(again.stdout);
  assert.equal(rotated.organisation, org);
  assert.equal(rotated.version, 2);
  assert.deepEqual(rotated.destroyed, [1], "nothing uses version 1 any more");

  const wrong = cli(["migrate"], { DATA_DIR: dataDir, WOONSIGNAAL_MASTER_KEY: keyB });
  assert.equal(wrong.code, 3);
  assert.match(wrong.stderr, /WOONSIGNAAL_MASTER_KEY does not match/);
  assert.ok(!wrong.stderr.includes(keyB), "the key is never echoed");

  const malformed = cli(["migrate"], { DATA_DIR: dataDir, WOONSIGNAAL_MASTER_KEY: "tooshort" });
  assert.equal(malformed.code, 3);
  assert.match(malformed.stderr, /WOONSIGNAAL_MASTER_KEY/);
  assert.ok(!malformed.stderr.includes("tooshort"));

  // Master-key rotation: new key first, old key second; rewrap; then the new key alone.
  const rewrap = cli(["keys", "rewrap", "--json"], {
    DATA_DIR: dataDir,
    WOONSIGNAAL_MASTER_KEY: `${keyB},${keyA}`,
  });
  assert.equal(rewrap.code, 0, rewrap.stderr);
  assert.ok(JSON.parse(rewrap.stdout).dataKeys >= 1);
  assert.equal(cli(["migrate"], { DATA_DIR: dataDir, WOONSIGNAAL_MASTER_KEY: keyB }).code, 0);
  assert.equal(cli(["migrate"], { DATA_DIR: dataDir, WOONSIGNAAL_MASTER_KEY: keyA }).code, 3);

  assert.equal(cli(["keys", "rotate", "--organisation", "acme"]).code, 2);
});

test("demo-seed --json prints the contract's document, the same on every call; never in production", () => {
  const dataDir = tmp();
  const first = cli(["demo-seed", "--json"], { DATA_DIR: dataDir });
  assert.equal(first.code, 0, first.stderr);
  const demo = JSON.parse(first.stdout);
  assert.equal(demo.region.profile, "aedes-2021");
  assert.ok(demo.organisations.length >= 3);
  for (const o of demo.organisations) {
    assert.match(o.apiKeys.officer, /^ws_demo_/);
    assert.match(o.apiKeys.querier, /^ws_demo_/);
  }
  assert.match(demo.consortiumAdmin.apiKey, /^ws_demo_/);
  assert.match(demo.auditor.apiKey, /^ws_demo_/);
  assert.ok(
    demo.users.every(
      (u: Record<string, string>) => u.email && u.password && u.role && u.organisationId,
    ),
  );
  const again = cli(["demo-seed", "--json"], { DATA_DIR: dataDir });
  assert.deepEqual(JSON.parse(again.stdout), demo, "the same region and keys on every later call");

  const prod = cli(["demo-seed", "--json"], {
    DATA_DIR: tmp(),
    NODE_ENV: "production",
    WOONSIGNAAL_MASTER_KEY: randomBytes(32).toString("base64"),
    PUBLIC_BASE_URL: "https://signaleringslijst.example.org",
  });
  assert.notEqual(prod.code, 0);
  assert.equal(prod.stdout, "");
  assert.match(prod.stderr, /refuses to run with NODE_ENV=production/);
  assert.equal(cli(["demo-seed", "--profile", "nonsense"], { DATA_DIR: tmp() }).code, 2);
});

test("setup creates the region and its first admin once; demo-seed then leaves it alone", () => {
  const dataDir = tmp();
  const args = [
    "setup",
    "--profile",
    "keurmerk-2013",
    "--region-name",
    "Proefregio",
    "--admin-email",
    "Beheer@Example.org",
    "--json",
  ];
  const r = cli(args, { DATA_DIR: dataDir });
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.region.profile, "keurmerk-2013");
  assert.equal(doc.admin.email, "beheer@example.org");
  assert.ok(doc.admin.oneTimePassword.length >= 16);
  assert.equal(cli(args, { DATA_DIR: dataDir }).code, 1, "setup runs once");
  const demo = cli(["demo-seed", "--json"], { DATA_DIR: dataDir });
  assert.equal(demo.code, 1);
  assert.match(demo.stderr, /not the demo region/);
  assert.equal(
    cli(["setup", "--profile", "x", "--region-name", "R", "--admin-email", "a@b.example"], {
      DATA_DIR: tmp(),
    }).code,
    2,
  );
  assert.equal(
    cli(["setup", "--profile", "kkr", "--region-name", "R", "--admin-email", "nope"], {
      DATA_DIR: tmp(),
    }).code,
    2,
  );
});
