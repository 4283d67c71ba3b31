import assert from "node:assert/strict";
import { createPublicKey, verify } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, afterEach, beforeEach, describe, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { createServices } from "../../modules/index.ts";
import { allJobs } from "../../modules/jobs.ts";
import { createTestContext, type TestContext } from "../../testing/context.ts";
import { KeyError } from "../crypto/master-key.ts";
import { JobRunner } from "../jobs/runner.ts";
import { canonicalJson } from "./canonical.ts";
import { runAuditCheckpoint, verifyAuditLog } from "./operations.ts";
import { readOutsideFile } from "./outside.ts";
import { auditSettingsFrom, outsideFileOf } from "./settings.ts";
import { DEV_SIGNING_KEY_FILE, generateSigningKeyBase64, keyIdOf } from "./signing.ts";
import { auditCheckpoint, auditEvent, auditPruneAnchor } from "./tables.ts";
import { append, removeTmpDirs, tamper, tmpDir } from "./test-helpers.ts";

after(() => removeTmpDirs());

let ctx: TestContext;
let dataDir: string;

async function context(env: Record<string, string> = {}) {
  dataDir = tmpDir();
  ctx = await createTestContext({ today: "2026-06-01", env: { DATA_DIR: dataDir, ...env } });
  return ctx;
}

/** Runs the job as `jobs run audit-checkpoint --now <today> --force` does. */
async function runJob(today: string) {
  ctx.clock.set(today);
  const services = createServices({ ...ctx, config: ctx.config });
  const runner = new JobRunner({ ...ctx, services, jobs: allJobs() });
  return runner.runOnce("audit-checkpoint", { today, force: true });
}

function succeeded(outcome: Awaited<ReturnType<typeof runJob>>) {
  assert.equal(outcome.status, "succeeded", JSON.stringify(outcome));
  return (outcome as { result: Record<string, unknown> }).result;
}

const verifyNow = () =>
  verifyAuditLog(ctx.database.db, auditSettingsFrom(ctx.config), { now: ctx.clock.now() });
const outsideFile = () => outsideFileOf(auditSettingsFrom(ctx.config));

beforeEach(async () => {
  await context();
});
afterEach(async () => {
  await ctx?.close();
});

describe("the audit-checkpoint job", () => {
  test("is registered, and signs a checkpoint into the database and outside it", async () => {
    assert.ok(allJobs().some((j) => j.name === "audit-checkpoint" && j.period === "day"));
    await append(ctx.database.db, ctx.clock, 7);
    const result = succeeded(await runJob("2026-06-01"));
    assert.equal(result.checkpointCreated, true);
    assert.equal(result.checkpointSeq, 7);
    assert.equal(result.events, 7);

    const [row] = await ctx.database.db.select().from(auditCheckpoint);
    assert.ok(row);
    assert.equal(row.seq, 7);
    const lines = fs.readFileSync(outsideFile(), "utf8").trim().split("\n");
    assert.equal(lines.length, 1);
    const line = JSON.parse(lines[0]!);
    assert.deepEqual(
      { type: line.type, seq: line.seq, hash: line.hash, count: line.count, keyId: line.keyId },
      { type: "checkpoint", seq: 7, hash: row.hash, count: 7, keyId: row.keyId },
    );
    // Anyone holding the public key can check it: Ed25519 over the canonical statement.
    const publicKey = createPublicKey({
      key: Buffer.from(line.publicKey, "base64"),
      format: "der",
      type: "spki",
    });
    assert.equal(keyIdOf(Buffer.from(line.publicKey, "base64")), line.keyId);
    const statement = {
      type: "woonsignaal.audit.checkpoint",
      seq: line.seq,
      hash: line.hash,
      count: line.count,
      time: line.time,
    };
    assert.ok(
      verify(
        null,
        Buffer.from(canonicalJson(statement)),
        publicKey,
        Buffer.from(line.signature, "base64"),
      ),
    );

    // Outside production and without the variable: a development key, readable by us only.
    const keyFile = path.join(dataDir, DEV_SIGNING_KEY_FILE);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    const check = await verifyNow();
    assert.equal(check.ok, true, JSON.stringify(check));
    assert.equal(check.checkpoints, 1);
    assert.equal(check.outsideCheckpoints, 1);

    // Nothing new since: no new checkpoint.
    const again = succeeded(await runJob("2026-06-02"));
    assert.equal(again.checkpointCreated, false);
    assert.equal((await ctx.database.db.select().from(auditCheckpoint)).length, 1);
  });

  test("uses WOONSIGNAAL_AUDIT_SIGNING_KEY and WOONSIGNAAL_AUDIT_CHECKPOINT_DIR when set", async () => {
    await ctx.close();
    const key = generateSigningKeyBase64();
    const elsewhere = tmpDir("woonsignaal-worm-");
    await context({
      WOONSIGNAAL_AUDIT_SIGNING_KEY: key,
      WOONSIGNAAL_AUDIT_CHECKPOINT_DIR: elsewhere,
    });
    await append(ctx.database.db, ctx.clock, 2);
    succeeded(await runJob("2026-06-01"));
    assert.equal(fs.existsSync(path.join(dataDir, DEV_SIGNING_KEY_FILE)), false);
    const { entries } = readOutsideFile(path.join(elsewhere, "checkpoints.jsonl"));
    assert.equal(entries.length, 1);
    const [row] = await ctx.database.db.select().from(auditCheckpoint);
    assert.equal(entries[0]!.keyId, row!.keyId);
    assert.equal((await verifyNow()).ok, true);
  });

  test("refuses to run in production without the signing key, and says why", async () => {
    const settings = {
      ...auditSettingsFrom(ctx.config),
      isProduction: true,
      signingKey: undefined,
    };
    await assert.rejects(
      runAuditCheckpoint(ctx.database.db, {
        settings,
        clock: ctx.clock,
        today: "2026-06-01",
        retentionMonths: 24,
      }),
      (err: Error) =>
        err instanceof KeyError && /AUDIT_SIGNING_KEY is required in production/.test(err.message),
    );
    await assert.rejects(
      runAuditCheckpoint(ctx.database.db, {
        settings: { ...settings, signingKey: "bm90IGEga2V5" },
        clock: ctx.clock,
        today: "2026-06-01",
        retentionMonths: 24,
      }),
      /WOONSIGNAAL_AUDIT_SIGNING_KEY is not a private key/,
    );
  });

  test("exports again what the outside copy lacks (a lost file, a moved directory)", async () => {
    await append(ctx.database.db, ctx.clock, 2);
    succeeded(await runJob("2026-06-01"));
    fs.rmSync(outsideFile());
    assert.equal((await verifyNow()).ok, false, "a missing outside copy is reported");
    await append(ctx.database.db, ctx.clock, 1);
    const result = succeeded(await runJob("2026-06-02"));
    assert.equal(result.reexported, 1);
    assert.equal(readOutsideFile(outsideFile()).entries.length, 2);
    assert.equal((await verifyNow()).ok, true);
  });
});

describe("retention", () => {
  async function seedHistory() {
    // 2023-01: five events and a checkpoint; 2023-06: three more and a checkpoint.
    ctx.clock.set("2023-01-10");
    await append(ctx.database.db, ctx.clock, 5);
    succeeded(await runJob("2023-01-10"));
    ctx.clock.set("2023-06-01");
    await append(ctx.database.db, ctx.clock, 3, 5);
    succeeded(await runJob("2023-06-01"));
    ctx.clock.set("2025-03-01");
    await append(ctx.database.db, ctx.clock, 2, 8);
  }

  test("prunes events older than two years, only up to a checkpoint, leaving a signed anchor", async () => {
    await seedHistory();
    // Cut-off 2023-03-01: events 1–5 (January) are older, event 6 (June) is not.
    const result = succeeded(await runJob("2025-03-01"));
    assert.equal(result.retentionMonths, 24);
    assert.equal(result.pruned, 5);
    assert.equal(result.prunedUpToSeq, 5);
    const seqs = (await ctx.database.db.select({ seq: auditEvent.seq }).from(auditEvent)).map(
      (r) => r.seq,
    );
    assert.equal(Math.min(...seqs), 6);
    const [anchor] = await ctx.database.db.select().from(auditPruneAnchor);
    assert.equal(anchor?.seq, 5);
    assert.equal(anchor?.prunedCount, 5);
    const [logged] = await ctx.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "audit.pruned"));
    assert.deepEqual(logged?.details, {
      upToSeq: 5,
      events: 5,
      olderThan: "2023-02-28T23:00:00.000Z",
    });
    assert.ok(readOutsideFile(outsideFile()).entries.some((e) => e.type === "prune_anchor"));
    const check = await verifyNow();
    assert.equal(check.ok, true, JSON.stringify(check));
    assert.equal(check.anchorSeq, 5);
  });

  test("follows the region's auditRetentionMonths", async () => {
    ctx.clock.set("2023-01-01");
    await ctx.services.organisations.createRegion({ name: "Testregio", profile: "aedes-2021" });
    await seedHistory();
    await ctx.database.db.execute(sql`UPDATE region SET settings = '{"auditRetentionMonths": 6}'`);
    // Cut-off 2024-09-01: everything up to the checkpoint at seq 9 (region event + 8) goes.
    const result = succeeded(await runJob("2025-03-01"));
    assert.equal(result.retentionMonths, 6);
    assert.equal(result.prunedUpToSeq, 9);
    assert.equal((await verifyNow()).ok, true);

    await ctx.database.db.execute(
      sql`UPDATE region SET settings = '{"auditRetentionMonths": "lots"}'`,
    );
    const failed = await runJob("2025-03-02");
    assert.equal(failed.status, "failed");
    assert.match(
      (failed as { error: string }).error,
      /auditRetentionMonths must be a whole number/,
    );
  });

  test("never prunes a log that does not verify", async () => {
    await seedHistory();
    await tamper(ctx.database, async (tx) => {
      await tx.update(auditEvent).set({ action: "forged" }).where(eq(auditEvent.seq, 2));
    });
    const outcome = await runJob("2025-03-01");
    assert.equal(outcome.status, "failed");
    assert.match(
      (outcome as { error: string }).error,
      /Not pruning the audit log: it does not verify \(first broken seq 2/,
    );
    assert.equal((await ctx.database.db.select().from(auditPruneAnchor)).length, 0);
    assert.equal((await ctx.database.db.select().from(auditEvent)).length, 10);
  });
});
