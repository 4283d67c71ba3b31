import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq, gte, sql } from "drizzle-orm";
import { FixedClock } from "../clock.ts";
import type { Database, Db } from "../db/database.ts";
import { type AuditEntry, type RequestMeta, recordAudit } from "./audit.ts";
import { eventHash } from "./chain.ts";
import { createCheckpoint } from "./checkpoint.ts";
import { type AuditSigningKey, generateSigningKeyBase64, loadSigningKey } from "./signing.ts";
import { auditEvent, auditHead } from "./tables.ts";
import { type VerifyOptions, verifyAuditChain } from "./verify.ts";

/** Test helpers for the audit chain (not a test file itself). */

export const META: RequestMeta = { requestId: "req-1", clientAddress: "192.0.2.7" };

export function entry(i: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actor: {
      type: i % 3 === 0 ? "system" : "user",
      id: i % 3 === 0 ? null : `user-${i % 5}`,
      organisationId: i % 3 === 0 ? null : "8b0b6c1e-1f1a-4c55-9d2f-000000000001",
      role: i % 3 === 0 ? null : "officer",
    },
    action: i % 2 === 0 ? "registration.viewed" : "registration.updated",
    objectType: "registration",
    objectId: `obj-${i}`,
    outcome: "success",
    subjectRef: i % 4 === 0 ? `ref-${i}` : null,
    // Keys in an order jsonb will not keep; nested objects and arrays.
    details: { zeta: i, alpha: { nested: [3, { y: true, b: 'ü\n"' }], a: null }, mid: "x" },
    ...extra,
  };
}

const tmpDirs: string[] = [];

export function tmpDir(prefix = "woonsignaal-audit-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}

/** Removes every directory tmpDir() made (call it from `after`). */
export function removeTmpDirs(): void {
  for (const d of tmpDirs.splice(0)) {
    fs.rmSync(d, { recursive: true, force: true });
    // The default checkpoint directory lies beside the data directory (D-702).
    fs.rmSync(`${d}-audit-checkpoints`, { recursive: true, force: true });
  }
}

export function testKey(): AuditSigningKey {
  return loadSigningKey({
    signingKey: generateSigningKeyBase64(),
    dataDir: os.tmpdir(),
    isProduction: false,
    create: false,
  })!;
}

export interface Fixture {
  clock: FixedClock;
  key: AuditSigningKey;
  dir: string;
  outsideFile: string;
  options: VerifyOptions;
  verify(db?: Db): ReturnType<typeof verifyAuditChain>;
}

/** Appends `n` events, one second apart, starting at the clock's time. */
export async function append(db: Db, clock: FixedClock, n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    await recordAudit(db, clock, META, entry(i));
    clock.advance(1000);
  }
}

/**
 * A log of `events` events with a signed checkpoint after every `every` of them (exported
 * to a fresh outside file), then `tail` more events after the last checkpoint.
 */
export async function buildLog(
  database: Database,
  options: { events: number; every: number; tail?: number; today?: string },
): Promise<Fixture> {
  const clock = new FixedClock(options.today ?? "2026-06-01");
  const key = testKey();
  const dir = tmpDir();
  const outsideFile = path.join(dir, "checkpoints.jsonl");
  for (let done = 0; done < options.events; done += options.every) {
    await append(database.db, clock, Math.min(options.every, options.events - done), done);
    await createCheckpoint(database.db, { clock, key, outsideFile });
  }
  await append(database.db, clock, options.tail ?? 0, options.events);
  const verifyOptions: VerifyOptions = { trustedKeys: [key], outsideFile };
  return {
    clock,
    key,
    dir,
    outsideFile,
    options: verifyOptions,
    verify: (db = database.db) => verifyAuditChain(db, verifyOptions),
  };
}

const GUARDED = ["audit_event", "audit_checkpoint", "audit_prune_anchor"];

/**
 * Runs `fn` as an attacker with the table owner's rights would: the append-only triggers
 * disabled (and enabled again) in one committed transaction.
 */
export async function tamper(database: Database, fn: (tx: Db) => Promise<void>) {
  await database.db.transaction(async (tx) => {
    for (const t of GUARDED) await tx.execute(sql.raw(`ALTER TABLE ${t} DISABLE TRIGGER USER`));
    await fn(tx);
    for (const t of GUARDED) await tx.execute(sql.raw(`ALTER TABLE ${t} ENABLE TRIGGER USER`));
  });
}

/**
 * What an attacker without the audit key can do after an edit: recompute every hash from
 * `fromSeq` on, as the unkeyed chain did (SHA-256), starting from `prev`, and move the head.
 */
export async function rehashFrom(tx: Db, fromSeq: number, prev: string): Promise<void> {
  const rows = await tx
    .select()
    .from(auditEvent)
    .where(gte(auditEvent.seq, fromSeq))
    .orderBy(asc(auditEvent.seq));
  for (const row of rows) {
    const hash = eventHash(prev, row);
    await tx.update(auditEvent).set({ prevHash: prev, hash }).where(eq(auditEvent.seq, row.seq));
    prev = hash;
  }
  await tx.update(auditHead).set({ hash: prev });
}
