/**
 * Every way of rewriting the log that design.md §2.6 promises to reveal, done the way an
 * attacker with the table owner's rights would (the append-only triggers disabled), and
 * `verifyAuditChain` catching it.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { after, beforeEach, describe, test } from "node:test";
import { asc, eq, type SQL, sql } from "drizzle-orm";
import fc from "fast-check";
import type { Db } from "../db/database.ts";
import { createTestDatabase, type TestDatabase } from "../db/test-database.ts";
import { canonicalJson } from "./canonical.ts";
import { eventHash } from "./chain.ts";
import { signStatement } from "./signing.ts";
import { auditCheckpoint, auditEvent, auditHead, auditPruneAnchor } from "./tables.ts";
import { buildLog, type Fixture, removeTmpDirs, tamper, testKey } from "./test-helpers.ts";
import { verifyAuditChain } from "./verify.ts";

let database: TestDatabase;
let log: Fixture;

/** 20 events with a signed checkpoint after every 5th (in the database and outside), then 3 more. */
beforeEach(async () => {
  await database?.close();
  database = await createTestDatabase();
  log = await buildLog(database, { events: 20, every: 5, tail: 3 });
});
after(async () => {
  await database?.close();
  removeTmpDirs();
});

async function hashOf(db: Db, seq: number): Promise<string> {
  const [row] = await db
    .select({ hash: auditEvent.hash })
    .from(auditEvent)
    .where(eq(auditEvent.seq, seq));
  return row!.hash;
}

function assertBroken(
  result: Awaited<ReturnType<typeof verifyAuditChain>>,
  firstBrokenSeq: number | null,
  reason: RegExp,
) {
  assert.equal(result.ok, false, "verification must fail");
  if (result.ok) return;
  assert.equal(result.firstBrokenSeq, firstBrokenSeq, result.reason);
  assert.match(result.reason, reason);
}

describe("verify", () => {
  test("an untouched log verifies", async () => {
    const result = await log.verify();
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.events, 23);
    assert.equal(result.checkpoints, 4);
    assert.equal(result.outsideCheckpoints, 4);
    assert.equal(result.lastSeq, 23);
  });

  test("one field edited", async () => {
    await tamper(database, async (tx) => {
      await tx.update(auditEvent).set({ outcome: "refused" }).where(eq(auditEvent.seq, 7));
    });
    assertBroken(
      await log.verify(),
      7,
      /event 7 was altered or forged: its content does not match its hash/,
    );
  });

  test("a field inside details edited (jsonb)", async () => {
    await tamper(database, async (tx) => {
      await tx.execute(
        sql`UPDATE audit_event SET details = jsonb_set(details, '{alpha,nested,0}', '4') WHERE seq = 11`,
      );
    });
    assertBroken(await log.verify(), 11, /event 11 was altered/);
  });

  test("a middle row deleted", async () => {
    await tamper(database, async (tx) => {
      await tx.delete(auditEvent).where(eq(auditEvent.seq, 12));
    });
    assertBroken(await log.verify(), 12, /event 12 is missing/);
  });

  test("rows reordered (their seq values swapped)", async () => {
    await tamper(database, async (tx) => {
      await tx.update(auditEvent).set({ seq: -8 }).where(eq(auditEvent.seq, 8));
      await tx.update(auditEvent).set({ seq: 8 }).where(eq(auditEvent.seq, 9));
      await tx.update(auditEvent).set({ seq: 9 }).where(eq(auditEvent.seq, -8));
    });
    assertBroken(await log.verify(), 8, /event 8 was altered/);
  });

  test("the tail cut off, head and database checkpoints adjusted: the outside checkpoint catches it", async () => {
    const hash13 = await hashOf(database.db, 13);
    await tamper(database, async (tx) => {
      await tx.execute(sql`DELETE FROM audit_event WHERE seq > 13`);
      await tx.update(auditHead).set({ seq: 13, hash: hash13 });
      await tx.execute(sql`DELETE FROM audit_checkpoint WHERE seq > 13`);
    });
    // Without the outside copy the shortened log looks whole…
    const inside = await verifyAuditChain(database.db, { ...log.options, outsideFile: undefined });
    assert.equal(inside.ok, true, JSON.stringify(inside));
    // …with it, it does not.
    assertBroken(
      await log.verify(),
      14,
      /checkpoint at seq 15 .*outside file.* the log ends at 13: the log was cut short/,
    );
  });

  test("the tail cut off, head left alone", async () => {
    await tamper(database, async (tx) => {
      await tx.execute(sql`DELETE FROM audit_event WHERE seq > 21`);
    });
    assertBroken(await log.verify(), 22, /events 22–23 are missing: the log was cut short/);
  });

  test("a full re-hash after an edit: the keyed chain and the signed checkpoints catch it", async () => {
    await tamper(database, async (tx) => {
      await tx.update(auditEvent).set({ outcome: "refused" }).where(eq(auditEvent.seq, 3));
      // Recompute every hash from there on, consistently, and move the head.
      const rows = await tx.select().from(auditEvent).orderBy(asc(auditEvent.seq));
      let prev = rows[1]!.hash;
      for (const row of rows.slice(2)) {
        const hash = eventHash(prev, row);
        await tx
          .update(auditEvent)
          .set({ prevHash: prev, hash })
          .where(eq(auditEvent.seq, row.seq));
        prev = hash;
      }
      await tx.update(auditHead).set({ hash: prev });
    });
    // The checkpoints in the database still catch it…
    const withDb = await verifyAuditChain(database.db, { ...log.options, outsideFile: undefined });
    assertBroken(withDb, 1, /does not pass through the signed checkpoint at seq 5 .*database/);
    // …so the attacker removes them too. The chain alone still shows it (F4): without the
    // audit key the re-hashed events cannot carry a keyed hash.
    await tamper(database, async (tx) => {
      await tx.delete(auditCheckpoint);
    });
    const chainOnly = await verifyAuditChain(database.db, {
      ...log.options,
      outsideFile: undefined,
    });
    assertBroken(chainOnly, 3, /event 3 carries an unkeyed hash after keyed events/);
    // The outside copy, signed with a key the database never held, does not agree.
    assertBroken(
      await log.verify(),
      1,
      /does not pass through the signed checkpoint at seq 5 .*outside file.*events after 0 up to 5 were rewritten/,
    );
  });

  test("a forged checkpoint: a bad signature, or a key nobody trusts", async () => {
    const hash21 = await hashOf(database.db, 21);
    const statement = {
      type: "woonsignaal.audit.checkpoint" as const,
      seq: 21,
      hash: hash21,
      count: 21,
      time: "2026-06-02T00:00:00.000Z",
    };
    /** A checkpoint row at seq 21 naming the given key, with the given signature. */
    const insertCheckpoint = (key: { keyId: string; publicKey: string }, signature: string) =>
      database.db.insert(auditCheckpoint).values({
        id: randomUUID(),
        seq: 21,
        hash: hash21,
        eventCount: 21,
        createdAt: new Date(statement.time),
        keyId: key.keyId,
        publicKey: key.publicKey,
        signature,
      });
    // Signed with the real key's name, but not by it.
    await insertCheckpoint(log.key, signStatement(testKey(), statement));
    assertBroken(await log.verify(), 21, /checkpoint at seq 21 .*signature does not verify/);

    // Signed by an attacker's own key, carrying its own public key.
    await tamper(database, async (tx) => {
      await tx.delete(auditCheckpoint).where(eq(auditCheckpoint.seq, 21));
    });
    const mallory = testKey();
    await insertCheckpoint(mallory, signStatement(mallory, statement));
    assertBroken(await log.verify(), 21, /signed by key [0-9a-f]{16}, which is not a trusted/);
  });

  test("a forged prune anchor: events removed under it are reported", async () => {
    const mallory = testKey();
    const hash10 = await hashOf(database.db, 10);
    const time = "2026-06-02T00:00:00.000Z";
    await tamper(database, async (tx) => {
      await tx.insert(auditPruneAnchor).values({
        id: randomUUID(),
        seq: 10,
        hash: hash10,
        prunedCount: 10,
        createdAt: new Date(time),
        keyId: log.key.keyId,
        publicKey: log.key.publicKey,
        signature: signStatement(mallory, {
          type: "woonsignaal.audit.prune_anchor",
          seq: 10,
          hash: hash10,
          count: 10,
          time,
        }),
      });
      await tx.execute(sql`DELETE FROM audit_event WHERE seq <= 10`);
    });
    assertBroken(
      await log.verify(),
      1,
      /events 1–10 were removed under a prune anchor that cannot be trusted: .*signature does not verify/,
    );
  });

  test("the outside copy gone while the database has checkpoints", async () => {
    fs.rmSync(log.outsideFile);
    assertBroken(await log.verify(), null, /outside copy .* is missing/);
  });

  test("the chain head moved", async () => {
    await tamper(database, async (tx) => {
      await tx.update(auditHead).set({ seq: 30 });
    });
    assertBroken(await log.verify(), 24, /events 24–30 are missing/);
  });
});

// ---------------------------------------------------------------------------------------
// Property: any single change to any field of any row is found.
// ---------------------------------------------------------------------------------------

type Kind = "text" | "text?" | "uuid" | "uuid?" | "bigint" | "timestamptz" | "jsonb";

const EVENT_COLUMNS: Record<string, Kind> = {
  id: "uuid",
  seq: "bigint",
  occurred_at: "timestamptz",
  actor_type: "text",
  actor_id: "text?",
  organisation_id: "uuid?",
  role: "text?",
  action: "text",
  object_type: "text?",
  object_id: "text?",
  outcome: "text",
  client_address: "text?",
  request_id: "text?",
  subject_ref: "text?",
  details: "jsonb",
  prev_hash: "text",
  hash: "text",
};
// A checkpoint's id is a surrogate key, neither signed nor meaningful: everything else is.
const CHECKPOINT_COLUMNS: Record<string, Kind> = {
  seq: "bigint",
  hash: "text",
  event_count: "bigint",
  created_at: "timestamptz",
  key_id: "text",
  public_key: "text",
  signature: "text",
};
const HEAD_COLUMNS: Record<string, Kind> = { seq: "bigint", hash: "text" };

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
function valueFor(kind: Kind): fc.Arbitrary<unknown> {
  switch (kind) {
    case "text":
      return fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), hex64);
    case "text?":
      return fc.option(fc.oneof(fc.string(), fc.string({ unit: "grapheme" })), { nil: null });
    case "uuid":
      return fc.uuid();
    case "uuid?":
      return fc.option(fc.uuid(), { nil: null });
    case "bigint":
      return fc.oneof(fc.integer({ min: -5, max: 40 }), fc.integer({ min: 0, max: 2 ** 40 }));
    case "timestamptz":
      return fc.integer({ min: -(10 ** 11), max: 10 ** 11 }).filter((d) => d !== 0); // ms shift
    case "jsonb":
      return fc.option(fc.jsonValue(), { nil: null });
  }
}

function sqlValue(kind: Kind, value: unknown, column: string): SQL {
  if (value === null) return sql`NULL`;
  switch (kind) {
    case "timestamptz":
      return sql`${sql.identifier(column)} + make_interval(secs => ${(value as number) / 1000})`;
    case "jsonb":
      return sql`${JSON.stringify(value)}::jsonb`;
    case "uuid":
    case "uuid?":
      return sql`${value}::uuid`;
    case "bigint":
      return sql`${value}::bigint`;
    default:
      return sql`${value}::text`;
  }
}

const mutation = fc.oneof(
  ...Object.entries(EVENT_COLUMNS).map(([column, kind]) =>
    fc.record({
      table: fc.constant("audit_event"),
      column: fc.constant(column),
      kind: fc.constant(kind),
      row: fc.integer({ min: 1, max: 23 }),
      value: valueFor(kind),
    }),
  ),
  ...Object.entries(CHECKPOINT_COLUMNS).map(([column, kind]) =>
    fc.record({
      table: fc.constant("audit_checkpoint"),
      column: fc.constant(column),
      kind: fc.constant(kind),
      row: fc.constantFrom(5, 10, 15, 20),
      value: valueFor(kind),
    }),
  ),
  ...Object.entries(HEAD_COLUMNS).map(([column, kind]) =>
    fc.record({
      table: fc.constant("audit_head"),
      column: fc.constant(column),
      kind: fc.constant(kind),
      row: fc.constant(1),
      value: valueFor(kind),
    }),
  ),
);

class Rollback extends Error {
  readonly outcome: "refused" | "unchanged" | { ok: boolean; reason: string };
  constructor(outcome: Rollback["outcome"]) {
    super("rollback");
    this.outcome = outcome;
  }
}

/** Rows as the application reads them, for "did the mutation change anything at all?". */
async function snapshot(tx: Db): Promise<string> {
  return canonicalJson({
    events: await tx.select().from(auditEvent).orderBy(asc(auditEvent.seq), asc(auditEvent.id)),
    checkpoints: await tx.select().from(auditCheckpoint).orderBy(asc(auditCheckpoint.id)),
    head: await tx.select().from(auditHead),
  });
}

describe("property", () => {
  test("any single mutation of any field of any row fails verification", async (t) => {
    const seen = { refused: 0, unchanged: 0, caught: 0 };
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        let outcome: Rollback["outcome"];
        try {
          await database.db.transaction(async (tx) => {
            for (const t of ["audit_event", "audit_checkpoint"]) {
              await tx.execute(sql.raw(`ALTER TABLE ${t} DISABLE TRIGGER USER`));
            }
            const before = await snapshot(tx);
            const where =
              m.table === "audit_head"
                ? sql`id = 1`
                : m.table === "audit_event"
                  ? sql`seq = ${m.row}`
                  : sql`id = (SELECT id FROM audit_checkpoint WHERE seq = ${m.row} LIMIT 1)`;
            try {
              // In a savepoint: a value the database refuses (a NOT NULL, unique or
              // millisecond check, a NUL character) is no mutation at all.
              await tx.transaction(async (sp) => {
                await sp.execute(
                  sql`UPDATE ${sql.identifier(m.table)} SET ${sql.identifier(m.column)} = ${sqlValue(m.kind, m.value, m.column)} WHERE ${where}`,
                );
              });
            } catch {
              throw new Rollback("refused");
            }
            if ((await snapshot(tx)) === before) throw new Rollback("unchanged");
            const result = await verifyAuditChain(tx, log.options);
            throw new Rollback({ ok: result.ok, reason: result.ok ? "" : result.reason });
          });
          throw new Error("unreachable");
        } catch (err) {
          if (!(err instanceof Rollback)) throw err;
          outcome = err.outcome;
        }
        if (outcome === "refused" || outcome === "unchanged") {
          seen[outcome]++;
          return true;
        }
        seen.caught++;
        assert.equal(outcome.ok, false, `not caught: ${JSON.stringify(m)}`);
        return true;
      }),
      { numRuns: 300 },
    );
    t.diagnostic(`mutations: ${JSON.stringify(seen)}`);
    assert.ok(
      seen.caught > 200,
      `most mutations take effect and are caught: ${JSON.stringify(seen)}`,
    );
  });
});
