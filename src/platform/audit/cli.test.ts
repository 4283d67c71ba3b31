/**
 * `woonsignaal audit verify [--json]` (contract §2): exit 0 when the log is intact, exit 1
 * and the first broken entry otherwise. Runs the real CLI on a temporary data directory —
 * against the embedded database, or the PostgreSQL server when DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { FixedClock } from "../clock.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../db/test-database.ts";
import { chainKeyOf, useChainKey } from "./chain.ts";
import { generateSigningKeyBase64, loadSigningKey } from "./signing.ts";
import { auditEvent } from "./tables.ts";
import { append, removeTmpDirs, tamper, tmpDir } from "./test-helpers.ts";

const MAIN = fileURLToPath(new URL("../../main.ts", import.meta.url));

let dataDir: string;
let server: TestDatabase | undefined;
/** The CLI's audit signing key; this process chains the events it appends under the same key. */
const SIGNING_KEY = generateSigningKeyBase64();
useChainKey(
  chainKeyOf(
    loadSigningKey({ signingKey: SIGNING_KEY, dataDir: ".", isProduction: false, create: false })!,
  ),
);

before(async () => {
  dataDir = tmpDir("woonsignaal-cli-audit-");
  if (process.env.DATABASE_URL) server = await createTestDatabase();
});
after(async () => {
  await server?.close();
  removeTmpDirs();
});

function cli(args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: "warn",
    NODE_ENV: "test",
    DATA_DIR: dataDir,
  };
  delete env.WOONSIGNAAL_MASTER_KEY;
  env.WOONSIGNAAL_AUDIT_SIGNING_KEY = SIGNING_KEY;
  delete env.WOONSIGNAAL_AUDIT_CHECKPOINT_DIR;
  if (server) env.DATABASE_URL = server.url;
  else delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI's database, opened from this process while no CLI runs (one process per data dir). */
async function withDatabase(fn: (db: Database) => Promise<void>) {
  const db = server
    ? await openDatabase({ url: server.url, poolSize: 2 })
    : await openDatabase({ dataDir });
  try {
    await migrate(db);
    await fn(db);
  } finally {
    await db.close();
  }
}

test("audit verify --json: exit 0 when intact, exit 1 naming the first broken entry", async () => {
  await withDatabase(async (db) => {
    await append(db.db, new FixedClock("2026-05-31"), 6);
  });

  const job = cli(["jobs", "run", "audit-checkpoint", "--now", "2026-06-01", "--json"]);
  assert.equal(job.code, 0, job.stderr);
  const ran = JSON.parse(job.stdout);
  assert.equal(ran.status, "succeeded", job.stdout);
  assert.equal(ran.result.checkpointSeq, 6);

  const intact = cli(["audit", "verify", "--json"]);
  assert.equal(intact.code, 0, intact.stderr);
  const ok = JSON.parse(intact.stdout); // exactly one JSON document on stdout
  assert.equal(ok.ok, true);
  assert.equal(ok.events, 6);
  assert.equal(ok.checkpoints, 1);
  assert.equal(ok.outsideCheckpoints, 1);

  const human = cli(["audit", "verify"]);
  assert.equal(human.code, 0);
  assert.equal(human.stdout, "");
  assert.match(human.stderr, /The audit log is intact: 6 events/);

  await withDatabase(async (db) => {
    await tamper(db, async (tx) => {
      await tx.update(auditEvent).set({ objectId: "someone-else" }).where(eq(auditEvent.seq, 4));
    });
  });
  const broken = cli(["audit", "verify", "--json"]);
  assert.equal(broken.code, 1, broken.stderr);
  const doc = JSON.parse(broken.stdout);
  assert.equal(doc.ok, false);
  assert.equal(doc.firstBrokenSeq, 4);
  assert.match(doc.reason, /event 4 was altered/);

  const told = cli(["audit", "verify"]);
  assert.equal(told.code, 1);
  assert.match(told.stderr, /The audit log is BROKEN from seq 4: event 4 was altered/);
});

test("audit: --help, and usage errors exit 2", () => {
  const help = cli(["audit", "verify", "--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: woonsignaal audit verify/);
  assert.match(cli(["--help"]).stdout, /audit verify/);
  const unknown = cli(["audit", "rewrite"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown audit command "rewrite"/);
  assert.equal(cli(["audit", "verify", "--colour"]).code, 2);
});
