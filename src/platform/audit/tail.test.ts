/**
 * F4 (issue 22, security review 2026-12 §3): the audit log's tail is covered. A runtime signs a
 * checkpoint at start, every AUDIT_CHECKPOINT_EVENTS events and when it closes (after the
 * refusal tally's last events); the chain is keyed, so that without the audit key nothing can
 * be appended, edited or re-hashed unseen; and `audit verify` fails when checkpoints that
 * should exist are missing. Each tamper scenario of the review that passed before is run here
 * on a fresh copy of a real data directory.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { count, desc, eq } from "drizzle-orm";
import { buildApp } from "../../app.ts";
import { openRuntime } from "../../bootstrap.ts";
import { loadConfig } from "../../config.ts";
import { createServices } from "../../modules/index.ts";
import { runCli } from "../../testing/cli.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { eventHash, GENESIS_HASH } from "./chain.ts";
import { verifyAuditLog } from "./operations.ts";
import { auditSettingsFrom, OUTSIDE_FILE_NAME } from "./settings.ts";
import { generateSigningKeyBase64 } from "./signing.ts";
import { auditCheckpoint, auditEvent, auditHead } from "./tables.ts";
import { entry, META, rehashFrom, removeTmpDirs, tamper, tmpDir } from "./test-helpers.ts";

const SIGNING_KEY = generateSigningKeyBase64();
const REFUSING_SOURCES = 12;

after(removeTmpDirs);

/** The environment of one installation: its data directory and checkpoint directory apart. */
function envOf(root: string, extra: Record<string, string> = {}) {
  return {
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATA_DIR: path.join(root, "data"),
    WOONSIGNAAL_AUDIT_CHECKPOINT_DIR: path.join(root, "checkpoints"),
    WOONSIGNAAL_AUDIT_SIGNING_KEY: SIGNING_KEY,
    WOONSIGNAAL_MASTER_KEY: "",
    DATABASE_URL: "",
    ...extra,
  };
}

let original: string;
let headAtClose: number;

/**
 * One installation, used the way the server is: anonymous refused requests from several
 * addresses (counted by the refusal tally, written when the app closes), then the runtime
 * closes. Copies of it are tampered with below.
 */
before(async () => {
  original = tmpDir("woonsignaal-tail-");
  const rt = await openRuntime({ env: envOf(original) });
  const app = await buildApp(rt, createServices(rt));
  for (let i = 1; i <= REFUSING_SOURCES; i++) {
    const res = await app.inject({
      method: "GET",
      url: "/api/v1/registrations",
      remoteAddress: `192.0.2.${i}`,
    });
    assert.equal(res.statusCode, 401);
  }
  await app.close();
  await rt.close();
  const db = await openDatabase({ dataDir: path.join(original, "data") });
  try {
    const [head] = await db.db.select().from(auditHead);
    headAtClose = head!.seq;
  } finally {
    await db.close();
  }
});

/** A fresh copy of the installation (data and checkpoint directory). */
function copy(): string {
  const root = tmpDir("woonsignaal-tail-copy-");
  fs.cpSync(original, root, { recursive: true });
  return root;
}

async function withData<T>(root: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir: path.join(root, "data") });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** `audit verify` as the CLI runs it (in this process), at `now`. */
function verify(root: string, now = new Date(), extra: Record<string, string> = {}) {
  const settings = auditSettingsFrom(loadConfig(envOf(root, extra)));
  return withData(root, (db) => verifyAuditLog(db.db, settings, { now, requireKey: true }));
}

async function assertDetected(root: string, pattern: RegExp, now?: Date) {
  const result = await verify(root, now);
  assert.equal(result.ok, false, JSON.stringify(result));
  const reasons = result.ok ? [] : result.problems.map((p) => p.reason);
  assert.ok(
    reasons.some((r) => pattern.test(r)),
    `expected ${pattern} among ${JSON.stringify(reasons)}`,
  );
}

test("F4 the checkpoint at close comes after the refusal tally's flush: the whole log is covered", async () => {
  const root = copy();
  const result = await verify(root, new Date(Date.now() + 24 * 3600_000));
  assert.equal(result.ok, true, JSON.stringify(result));
  await withData(root, async (db) => {
    const refusals = await db.db
      .select({ n: count() })
      .from(auditEvent)
      .where(eq(auditEvent.action, "access.refused"));
    assert.equal(refusals[0]?.n, REFUSING_SOURCES, "one aggregated event per source");
    const [last] = await db.db
      .select({ seq: auditCheckpoint.seq })
      .from(auditCheckpoint)
      .orderBy(desc(auditCheckpoint.seq))
      .limit(1);
    assert.equal(last?.seq, headAtClose, "the last checkpoint signs the head");
  });
  const outside = fs.readFileSync(path.join(root, "checkpoints", OUTSIDE_FILE_NAME), "utf8");
  assert.match(outside.trim().split("\n").at(-1)!, new RegExp(`"seq":${headAtClose},`));
});

test("F4 tamper: the last events deleted and the head moved back is detected (CLI exit 1)", async () => {
  const root = copy();
  await withData(root, (db) =>
    tamper(db, async (tx) => {
      const keep = headAtClose - 5;
      const [at] = await tx.select().from(auditEvent).where(eq(auditEvent.seq, keep));
      await tx.delete(auditEvent).where(eq(auditEvent.seq, keep + 1));
      for (let s = keep + 2; s <= headAtClose; s++) {
        await tx.delete(auditEvent).where(eq(auditEvent.seq, s));
      }
      await tx.update(auditHead).set({ seq: keep, hash: at!.hash });
    }),
  );
  await assertDetected(root, /the log was cut short/);
  const cli = runCli(["audit", "verify", "--json"], envOf(root));
  assert.equal(cli.code, 1, cli.stderr);
  assert.equal(JSON.parse(cli.stdout).firstBrokenSeq, headAtClose - 4);
});

test("F4 tamper: a forged event appended with a correctly computed hash and the head moved is detected", async () => {
  const root = copy();
  await withData(root, (db) =>
    tamper(db, async (tx) => {
      const [head] = await tx.select().from(auditHead);
      const forged = {
        id: "00000000-0000-4000-8000-00000000f04d",
        seq: head!.seq + 1,
        occurredAt: new Date(),
        actorType: "system" as const,
        actorId: null,
        organisationId: null,
        role: null,
        action: "registration.erased",
        objectType: "registration",
        objectId: "someone",
        outcome: "success",
        clientAddress: META.clientAddress,
        requestId: META.requestId,
        subjectRef: null,
        details: null,
      };
      const hash = eventHash(head!.hash, forged);
      await tx.insert(auditEvent).values({ ...forged, prevHash: head!.hash, hash });
      await tx.update(auditHead).set({ seq: forged.seq, hash });
    }),
  );
  await assertDetected(root, new RegExp(`event ${headAtClose + 1} carries an unkeyed hash`));
});

test("F4 tamper: an event after the last checkpoint edited and re-hashed is detected", async () => {
  const root = copy();
  await withData(root, (db) =>
    tamper(db, async (tx) => {
      // The last checkpoint removed as well, so that the edited events lie after the last one.
      const [last] = await tx
        .select()
        .from(auditCheckpoint)
        .orderBy(desc(auditCheckpoint.seq))
        .limit(1);
      await tx.delete(auditCheckpoint).where(eq(auditCheckpoint.id, last!.id));
      const from = headAtClose - 2;
      await tx.update(auditEvent).set({ outcome: "success" }).where(eq(auditEvent.seq, from));
      const [before] = await tx
        .select()
        .from(auditEvent)
        .where(eq(auditEvent.seq, from - 1));
      await rehashFrom(tx, from, before!.hash);
    }),
  );
  const outside = path.join(root, "checkpoints", OUTSIDE_FILE_NAME);
  const lines = fs.readFileSync(outside, "utf8").trim().split("\n");
  fs.writeFileSync(outside, `${lines.slice(0, -1).join("\n")}\n`);
  await assertDetected(root, new RegExp(`event ${headAtClose - 2} carries an unkeyed hash`));
});

test("F4 tamper: a full rewrite with every checkpoint deleted (database rows and directory) is detected", async () => {
  const root = copy();
  await withData(root, (db) =>
    tamper(db, async (tx) => {
      await tx.update(auditEvent).set({ outcome: "refused" }).where(eq(auditEvent.seq, 1));
      await rehashFrom(tx, 1, GENESIS_HASH);
      await tx.delete(auditCheckpoint);
    }),
  );
  fs.rmSync(path.join(root, "checkpoints"), { recursive: true, force: true });
  await assertDetected(root, /carry the old unkeyed hash and no signed checkpoint covers them/);
});

test("F4 tamper: every checkpoint deleted (database rows and directory), events untouched: the missing checkpoints are reported", async () => {
  const root = copy();
  await withData(root, (db) => tamper(db, (tx) => tx.delete(auditCheckpoint).then(() => {})));
  fs.rmSync(path.join(root, "checkpoints"), { recursive: true, force: true });
  // Verified an hour later: a running server would have signed them within minutes.
  await assertDetected(
    root,
    /have no signed checkpoint.*Checkpoints that should exist are missing/,
    new Date(Date.now() + 3600_000),
  );
  // The same copy right away: within the interval an uncovered tail is the normal state of
  // a running server (the count rule is tested below).
  assert.ok(headAtClose <= 20, `${headAtClose} events`);
  const soon = await verify(root, new Date(), { AUDIT_CHECKPOINT_EVENTS: "10" });
  assert.equal(soon.ok, true, JSON.stringify(soon));
});

test("F4 a running runtime signs a checkpoint every AUDIT_CHECKPOINT_EVENTS events", async () => {
  const root = tmpDir("woonsignaal-tail-count-");
  const rt = await openRuntime({ env: envOf(root, { AUDIT_CHECKPOINT_EVENTS: "10" }) });
  try {
    const { recordAudit } = await import("./audit.ts");
    for (let i = 0; i < 25; i++) {
      await recordAudit(rt.database.db, rt.clock, META, entry(i));
      await new Promise((r) => setImmediate(r)); // one request after another
    }
    // The checkpointer signs after the 10th and 20th event, not waiting for the close.
    for (let tries = 0; tries < 50; tries++) {
      const [n] = await rt.database.db.select({ n: count() }).from(auditCheckpoint);
      if ((n?.n ?? 0) >= 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seqs = (
      await rt.database.db.select({ seq: auditCheckpoint.seq }).from(auditCheckpoint)
    ).map((c) => c.seq);
    assert.ok(seqs.length >= 2, `checkpoints at ${seqs.join(", ")}`);
    assert.ok(seqs.every((s) => s <= 25));
  } finally {
    await rt.close();
  }
  const result = await verify(root, new Date(), { AUDIT_CHECKPOINT_EVENTS: "10" });
  assert.equal(result.ok, true, JSON.stringify(result));
  // Without its checkpoints the same log has more than twice 10 events uncovered: reported
  // at once, whatever the time.
  await withData(root, (db) => tamper(db, (tx) => tx.delete(auditCheckpoint).then(() => {})));
  fs.rmSync(path.join(root, "checkpoints"), { recursive: true, force: true });
  const counted = await verify(root, new Date(), { AUDIT_CHECKPOINT_EVENTS: "10" });
  assert.equal(counted.ok, false);
  assert.match(
    counted.ok ? "" : counted.reason,
    /events 1–\d+ \(\d+, the first at .*\) have no signed checkpoint/,
  );
});

test("F4 after a rotation of the signing key, the old events verify under WOONSIGNAAL_AUDIT_PREVIOUS_SIGNING_KEYS", async () => {
  const root = copy();
  const rotated = generateSigningKeyBase64();
  const rt = await openRuntime({ env: envOf(root, { WOONSIGNAAL_AUDIT_SIGNING_KEY: rotated }) });
  const { recordAudit } = await import("./audit.ts");
  await recordAudit(rt.database.db, rt.clock, META, entry(1));
  await rt.close();
  const withoutOld = await verify(root, new Date(), { WOONSIGNAAL_AUDIT_SIGNING_KEY: rotated });
  assert.equal(withoutOld.ok, false, "the events chained under the old key cannot be checked");
  const withOld = await verify(root, new Date(), {
    WOONSIGNAAL_AUDIT_SIGNING_KEY: rotated,
    WOONSIGNAAL_AUDIT_PREVIOUS_SIGNING_KEYS: SIGNING_KEY,
  });
  assert.equal(withOld.ok, true, JSON.stringify(withOld));
  assert.equal(withOld.lastSeq, headAtClose + 1);
});

test("F4 production requires WOONSIGNAAL_AUDIT_CHECKPOINT_DIR, outside DATA_DIR (exit 3)", () => {
  const root = tmpDir("woonsignaal-tail-prod-");
  const run = (extra: Record<string, string>) => {
    const r = runCli(["migrate"], {
      ...envOf(root),
      NODE_ENV: "production",
      WOONSIGNAAL_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
      PUBLIC_BASE_URL: "https://signaleringslijst.example.org",
      ...extra,
    });
    return { status: r.code, stderr: r.stderr };
  };
  const missing = run({ WOONSIGNAAL_AUDIT_CHECKPOINT_DIR: "" });
  assert.equal(missing.status, 3, missing.stderr);
  assert.match(
    missing.stderr,
    /WOONSIGNAAL_AUDIT_CHECKPOINT_DIR is required when NODE_ENV=production/,
  );
  const inside = run({ WOONSIGNAAL_AUDIT_CHECKPOINT_DIR: path.join(root, "data", "cp") });
  assert.equal(inside.status, 3, inside.stderr);
  assert.match(inside.stderr, /WOONSIGNAAL_AUDIT_CHECKPOINT_DIR must lie outside DATA_DIR/);
  const noKey = run({ WOONSIGNAAL_AUDIT_SIGNING_KEY: "" });
  assert.equal(noKey.status, 3, noKey.stderr);
  assert.match(noKey.stderr, /WOONSIGNAAL_AUDIT_SIGNING_KEY is required in production/);
});
