import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { FixedClock } from "../clock.ts";
import { type Db, openDatabase } from "../db/database.ts";
import { MIGRATIONS_DIR, migrate } from "../db/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../db/test-database.ts";
import { recordAudit } from "./audit.ts";
import { canonicalJson } from "./canonical.ts";
import { currentChainKey, GENESIS_HASH, keyedEventHash } from "./chain.ts";
import { createCheckpoint } from "./checkpoint.ts";
import { auditEvent, auditHead } from "./tables.ts";
import { append, entry, META, removeTmpDirs, testKey, tmpDir } from "./test-helpers.ts";
import { verifyAuditChain } from "./verify.ts";

after(() => removeTmpDirs());
const chainOnly = { trustedKeys: [], outsideFile: undefined };

async function events(db: Db) {
  return db.select().from(auditEvent).orderBy(auditEvent.seq);
}

describe("canonical JSON", () => {
  test("sorts keys recursively, leaves out undefined, writes no whitespace", () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [2, { z: null, y: "é" }], c: undefined }, "": true }),
      '{"":true,"a":{"d":[2,{"y":"é","z":null}]},"b":1}',
    );
    assert.equal(canonicalJson(new Date("2026-06-01T10:00:00.123Z")), '"2026-06-01T10:00:00.123Z"');
    assert.throws(() => canonicalJson(Number.NaN), /finite/);
  });
});

describe("the hash chain", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database?.close();
  });

  test("events get seq 1..n, each linked to the one before by its hash", async () => {
    const clock = new FixedClock("2026-06-01");
    await append(database.db, clock, 12);
    const rows = await events(database.db);
    assert.deepEqual(
      rows.map((r) => r.seq),
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    let prev = GENESIS_HASH;
    for (const r of rows) {
      assert.equal(r.prevHash, prev);
      assert.equal(
        r.hash,
        keyedEventHash(currentChainKey(), prev, r),
        `event ${r.seq} hashes to what is stored`,
      );
      assert.match(r.hash, /^[0-9a-f]{64}$/);
      prev = r.hash;
    }
    const [head] = await database.db.select().from(auditHead);
    assert.deepEqual(head, { id: 1, seq: 12, hash: prev });
    const result = await verifyAuditChain(database.db, chainOnly);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.events, 12);
  });

  test("jsonb reorders the details' keys; the hash does not care", async () => {
    const rows = await events(database.db);
    const details = rows[0]!.details as Record<string, unknown>;
    // jsonb keeps keys sorted by length, then bytes: not the order they were written in.
    assert.notDeepEqual(Object.keys(details), ["zeta", "alpha", "mid"]);
    assert.deepEqual(details, entry(0).details);
  });

  test("an event written in a transaction that rolls back leaves no trace and no gap", async () => {
    const clock = new FixedClock("2026-06-02");
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await recordAudit(tx, clock, META, entry(100));
        throw new Error("the business change failed");
      }),
      /business change failed/,
    );
    await recordAudit(database.db, clock, META, entry(101));
    const rows = await events(database.db);
    assert.deepEqual(rows.at(-1)?.objectId, "obj-101");
    assert.equal(rows.at(-1)?.seq, 13);
    assert.equal((await verifyAuditChain(database.db, chainOnly)).ok, true);
  });

  test("UPDATE, DELETE and TRUNCATE are refused by the trigger, with a clear error", async () => {
    const clock = new FixedClock("2026-06-02");
    const outsideFile = path.join(tmpDir(), "checkpoints.jsonl");
    await createCheckpoint(database.db, { clock, key: testKey(), outsideFile });
    for (const statement of [
      "UPDATE audit_event SET action = 'forged' WHERE seq = 1",
      "DELETE FROM audit_event WHERE seq = 2",
      "TRUNCATE audit_event",
      "UPDATE audit_checkpoint SET hash = 'x'",
      "DELETE FROM audit_checkpoint",
      "TRUNCATE audit_prune_anchor",
    ]) {
      const verb = statement.split(" ")[0]!;
      const table = /(audit_\w+)/.exec(statement)![1];
      await assert.rejects(
        database.query(statement),
        (err: Error & { hint?: string }) => {
          assert.match(err.message, new RegExp(`append-only: ${verb} on ${table} is refused`));
          return true;
        },
        statement,
      );
    }
    // Even with the prune flag set, nothing beyond a prune anchor can be deleted.
    await assert.rejects(
      database.rawTransaction(async (tx) => {
        await tx.exec("SET LOCAL woonsignaal.audit_prune = 'on'");
        await tx.query("DELETE FROM audit_event WHERE seq = 1");
      }),
      /append-only: DELETE on audit_event is refused/,
    );
    await assert.rejects(database.query("SELECT audit_prune(5)"), /no prune anchor at that seq/);
    assert.equal((await events(database.db)).length, 13);
    const result = await verifyAuditChain(database.db, { trustedKeys: [], outsideFile });
    assert.equal(result.checkpoints, 1);
  });

  test("timestamps finer than a millisecond are refused (the hash covers milliseconds)", async () => {
    await assert.rejects(
      database.query(
        `INSERT INTO audit_event (id, seq, occurred_at, actor_type, action, outcome, prev_hash, hash)
         VALUES (gen_random_uuid(), 1000, '2026-06-01T10:00:00.123456Z', 'system', 'x', 'success', 'a', 'b')`,
      ),
      /audit_event_occurred_at_ms/,
    );
  });
});

describe("concurrent writers", () => {
  test("50 concurrent writers produce one valid chain", async () => {
    const database = await createTestDatabase();
    // On PostgreSQL: a pool of its own, so that 25 transactions really contend for the head.
    const pool = database.url
      ? await openDatabase({ url: database.url, poolSize: 25, connectTimeoutMs: 5_000 })
      : database;
    try {
      const clock = new FixedClock("2026-06-01");
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 5 === 0
            ? recordAudit(pool.db, clock, META, entry(i)) // its own short transaction
            : pool.db.transaction(async (tx) => {
                await tx.execute(sql`SELECT 1`); // some business work first
                await recordAudit(tx, clock, META, entry(i));
              }),
        ),
      );
      const rows = await events(database.db);
      assert.deepEqual(
        rows.map((r) => r.seq),
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      assert.equal(new Set(rows.map((r) => r.prevHash)).size, 50, "no two events share a parent");
      assert.deepEqual(
        new Set(rows.map((r) => r.objectId)),
        new Set(Array.from({ length: 50 }, (_, i) => `obj-${i}`)),
      );
      const result = await verifyAuditChain(database.db, chainOnly);
      assert.equal(result.ok, true, JSON.stringify(result));
    } finally {
      if (pool !== database) await pool.close();
      await database.close();
    }
  });
});

describe("migration 0005: events from before the chain", () => {
  test("are renumbered and chained exactly as the application chains them", async () => {
    // A database as it was before the audit chain: migrations up to 0002 only.
    const dir = tmpDir("woonsignaal-migrations-");
    const journal = JSON.parse(
      fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8"),
    ) as { entries: { idx: number; tag: string }[] };
    const old = journal.entries.filter((e) => e.idx <= 2);
    fs.mkdirSync(path.join(dir, "meta"));
    fs.writeFileSync(
      path.join(dir, "meta", "_journal.json"),
      JSON.stringify({ ...journal, entries: old }),
    );
    for (const e of old) {
      fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
    }
    const database = await createTestDatabase({ migrate: false });
    try {
      await migrate(database, dir);
      const legacy = [
        ["2026-01-01T10:00:00.001Z", null, { b: [1, 2.5, -3], a: { ü: 'x\ny\t"q"\\' } }],
        ["2026-01-01T10:00:00.002Z", "u1", null],
        ["2026-01-01T10:00:00.003Z", "u2", { "": true, list: [], obj: {}, n: null }],
        ["2026-01-01T10:00:00.004Z", null, { big: 12345678901, small: 0.125, unicode: "€ 𝄞" }],
      ] as const;
      for (const [at, actor, details] of legacy) {
        await database.query(
          `INSERT INTO audit_event (id, occurred_at, actor_type, actor_id, organisation_id, action,
             object_type, object_id, outcome, client_address, request_id, subject_ref, details)
           VALUES (gen_random_uuid(), $1, $2, $3, NULL, 'legacy.event', 'thing', NULL, 'success',
             '::1', NULL, NULL, $4)`,
          [at, actor ? "user" : "system", actor, details === null ? null : JSON.stringify(details)],
        );
      }
      // A rolled-back insert leaves a hole in the old identity sequence.
      await database
        .rawTransaction(async (tx) => {
          await tx.query(
            `INSERT INTO audit_event (id, occurred_at, actor_type, action, outcome)
             VALUES (gen_random_uuid(), now(), 'system', 'x', 'success')`,
          );
          throw new Error("rollback");
        })
        .catch(() => {});
      await database.query(
        `INSERT INTO audit_event (id, occurred_at, actor_type, action, outcome)
         VALUES (gen_random_uuid(), '2026-01-01T10:00:00.005Z', 'system', 'legacy.last', 'success')`,
      );

      await migrate(database);
      const rows = await events(database.db);
      assert.deepEqual(
        rows.map((r) => r.seq),
        [1, 2, 3, 4, 5],
      );
      assert.equal(rows.at(-1)?.action, "legacy.last");
      // F4: unkeyed events count only under a signed checkpoint (the first start signs one).
      const uncovered = await verifyAuditChain(database.db, chainOnly);
      assert.equal(uncovered.ok, false);
      assert.match(
        uncovered.ok ? "" : uncovered.reason,
        /events 1–5 carry the old unkeyed hash and no signed checkpoint covers them/,
      );
      const key = testKey();
      const outsideFile = path.join(dir, "checkpoints.jsonl");
      await createCheckpoint(database.db, {
        clock: new FixedClock("2026-06-01"),
        key,
        outsideFile,
      });
      const covered = { ...chainOnly, trustedKeys: [key] };
      const result = await verifyAuditChain(database.db, covered);
      assert.equal(result.ok, true, JSON.stringify(result));
      // And the chain goes on from there, keyed.
      await recordAudit(database.db, new FixedClock("2026-06-01"), META, entry(1));
      assert.equal((await verifyAuditChain(database.db, covered)).ok, true);
      assert.equal((await events(database.db)).at(-1)?.seq, 6);
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
